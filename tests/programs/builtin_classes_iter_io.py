# Classes of built-in iterators and dict views (type, isinstance), subclasses of
# map/filter/enumerate/zip, io.StringIO, io.IOBase and type, print() to user streams.
d = {1: 2}
for v in (d.keys(), d.values(), d.items(), iter(d), iter(d.values()), iter(d.items()), iter([1]), iter((1,)),
          iter(range(3)), iter("ab"), iter(b"ab"), iter({1}), map(abs, [1]), filter(None, [1]), zip([1], [2]),
          enumerate([1]), reversed([1, 2]), iter(int, 1)):
    print(type(v), type(v).__name__, isinstance(v, type(v)))
print(type(d.keys()) is type({}.keys()), isinstance(map(abs, []), map), isinstance(iter([]), map))
print(map, filter, zip, enumerate, reversed, type(map))
print(list(map(lambda x: x * 2, range(3))), list(zip("ab", [1, 2])), list(enumerate("xy", start=3)))
print(issubclass(map, object), map.__name__)
for cls in (type({}.keys()), type(iter([]))):
    try:
        cls()
    except TypeError as e:
        print(e)
dk = type({}.keys())
print(isinstance({}.values(), dk), isinstance({}.keys(), dk))

class mymap(map):
    pass
m = mymap(lambda x: x + 10, range(4))
print(list(m))
class Evens(filter):
    def __init__(self, f, it):
        self.seen = 0
    def __next__(self):
        self.seen += 1
        return super().__next__()
e = Evens(lambda x: x % 2 == 0, range(7))
print(iter(e) is e, next(e), list(e), e.seen, isinstance(e, filter), type(e).__name__)
class Numbered(enumerate):
    def __repr__(self): return 'Numbered'
n = Numbered("ab", 1)
print(n, list(n))
class Pairs(zip): pass
print(list(Pairs([1, 2], "xy")), list(reversed(range(3))))
print([x for x in mymap(str, [1, 2])])

import io
a = io.StringIO("x")
print(type(a), isinstance(a, io.StringIO), io.StringIO)
class X(io.StringIO):
    def shout(self, s):
        self.write(s.upper())
b = X()
b.write("hello\nworld\n")
b.shout("micro\n")
b.seek(0)
for line in b:
    print(repr(line))
print(b.getvalue().count("\n"), isinstance(b, io.StringIO), type(b).__name__)
print("to", "stream", file=b)
print(repr(b.getvalue()))
with X("init") as c:
    print(c.read(), c.closed)
print(c.closed)
class Log(io.StringIO):
    def __init__(self, prefix):
        super().__init__()
        self.prefix = prefix
    def write(self, s):
        return super().write(self.prefix + s)
l = Log("> ")
print("a", file=l)
print(repr(l.getvalue()))

class MyIO(io.IOBase):
    def write(self, buf):
        print('write', len(buf))
        return len(buf)
print('test', file=MyIO())
class Lines(io.IOBase):
    def __init__(self, text):
        self.parts = text.splitlines(True)
    def readline(self):
        return self.parts.pop(0) if self.parts else ""
    def readable(self):
        return True
with Lines("a\nb\nc") as f:
    print(list(f), f.readable(), f.writable(), f.closed)
print(f.closed, isinstance(f, io.IOBase))
try:
    with f:
        pass
except ValueError as e:
    print(e)
print(Lines("x\ny\n").readlines())

class D(type): pass
d = D("foo", (), {"x": 1})
print(not d, True if d else False, type(d) is D, isinstance(d, type), isinstance(d, D))
print(d.__name__, d.x)
o = d()
print(type(o).__name__, o.x)
class Meta(type):
    def describe(cls):
        return "class " + cls.__name__
K = Meta("K", (object,), {"y": 2})
print(K.describe(), K.y, K().y)
