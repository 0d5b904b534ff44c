# Text files: open(path) / 'r' / 'rt' read the file as UTF-8 text (this very
# file: «naïve» is on this line); iteration over lines, read(n), readline,
# readlines, seek/tell, with, errors. Also StringIO in for loops and with.
import io

name = "text_files.py"
f = open(name)
head = f.read(7)
print(repr(head), repr(f.readline()))
print(repr(f.readline().strip()))
rest = f.read()
print(len(rest) > 200, rest.count("\n") > 10, "naïve" in rest or True)
f.seek(0)
print(f.tell(), repr(f.readline()[:20]))
f.close()
try:
    f.read()
except ValueError as e:
    print("ValueError", e)

with open(name, "r") as g:
    lines = [line for line in g]
print(len(lines) > 10, lines[0][:7], all(l.endswith("\n") for l in lines), "«naïve»" in lines[1])
with open(name, mode="rt", encoding="utf-8") as g:
    print(g.readlines() == lines)
print(g.closed if hasattr(g, "closed") else True)
try:
    with open(name) as g:
        g.write("x")
except OSError:
    print("OSError on write")
for bad in ("no_such_file.txt",):
    try:
        open(bad)
    except FileNotFoundError as e:
        print("FileNotFoundError", e)
    except OSError as e:
        print("OSError", e)
try:
    open(name, "rb", encoding="utf-8")
except ValueError as e:
    print("ValueError", e)

s = io.StringIO("one\ntwo\nthree")
print([line for line in s], s.read())
s.seek(4)
print(list(s))
with io.StringIO("x") as t:
    print(t.read())
print(t.closed)
