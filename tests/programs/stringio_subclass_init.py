# A subclass of io.StringIO whose __init__ passes its own initial value on
# (super().__init__(text)) reads that text; one whose __init__ passes none
# starts empty whatever its own arguments were (the class call's arguments
# became the initial value and super().__init__'s were dropped). seek(0, 1)
# and seek(0, 2): the position and the end (whence 0 only was taken).
import io


class Preset(io.StringIO):
    def __init__(self):
        super().__init__("first\nsecond\n")
        self.extra = 1


p = Preset()
print(p.readlines(), p.extra, p.tell())


class Prefixed(io.StringIO):
    def __init__(self, prefix):
        super().__init__()
        self.prefix = prefix

    def write(self, s):
        return super().write(self.prefix + s)


w = Prefixed("a long prefix: ")
w.write("x")
print(repr(w.getvalue()))


class Kw(io.StringIO):
    def __init__(self, text, upper=False):
        super().__init__(initial_value=text.upper() if upper else text)


print(Kw("abc", upper=True).read(), Kw("def").read(2))

s = io.StringIO("x")
print(s.seek(0, 2), s.write("yz"), s.getvalue(), s.seek(0, 1), s.seek(1), s.read(), s.tell())
e = Kw("some text")
print(e.seek(0, 2), e.tell(), repr(e.read()))
for args in ((1, 1), (-1, 2), (0, 3), (-1,)):
    try:
        s.seek(*args)
    except (OSError, ValueError) as exc:
        print(type(exc).__name__, exc)
s.close()
for use in (lambda: s.read(), lambda: list(s)):   # iteration's message ends with a period, as IOBase's
    try:
        use()
    except ValueError as exc:
        print(exc)
