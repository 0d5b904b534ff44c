# readlines(hint): lines are read until their total length passes the hint
# (a line ending exactly at it does not stop), for io.IOBase subclasses (it
# stopped one line early), io.StringIO and text files (no hint was taken).
import io


class Lines(io.IOBase):
    def __init__(self, lines):
        self.lines = list(lines)

    def readline(self, size=-1):
        return self.lines.pop(0) if self.lines else ""


text = "ab\ncd\nef\ngh"
for hint in (-1, 0, 1, 2, 3, 4, 6, 7, 100, None):
    s = io.StringIO(text)
    got = s.readlines() if hint is None else s.readlines(hint)
    print(hint, got, Lines(text.splitlines(True)).readlines(-1 if hint is None else hint), repr(s.read()))
s = io.StringIO(text)
s.readline()
print(s.readlines(2), s.readlines())
try:
    io.StringIO(text).readlines("2")
except TypeError as e:
    print("TypeError", e)
with open(__file__) as f:
    first = f.readlines(10)
    print(len(first), first[0].startswith("# readlines"), len(f.readlines(1)))
