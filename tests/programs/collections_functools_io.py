# collections.deque/OrderedDict, functools.reduce/partial, io.StringIO and
# print(file=).
from collections import OrderedDict, deque
import functools
import io
import sys

d = deque()
d.append(1)
d.append(2)
d.appendleft(0)
d.extend([3, 4])
d.extendleft("ab")
print(d, len(d), d[0], d[-1], list(d), 3 in d, "z" in d, bool(d), bool(deque()))
print(d.pop(), d.popleft(), d, d.maxlen)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.rotate(0)
d.insert(1, "i")
print(d, d.index("i"), d.count(1), d == deque(d), d.copy(), type(d).__name__, isinstance(d, deque))
q = deque(range(10), maxlen=3)
print(q, q.maxlen)
q.append(10)
q.appendleft(-1)
print(q)
q.extend([20, 21])
print(q)
q.extendleft([30])
print(q, len(q))
try:
    q.insert(0, 5)
except IndexError as e:
    print("IndexError", e)
z = deque([1, 2], 0)
z.append(3)
print(z, deque([], maxlen=2), deque("xy", 5))
e = deque()
for fn in [e.pop, e.popleft]:
    try:
        fn()
    except IndexError as err:
        print("IndexError", err)
for bad in [-1, "x"]:
    try:
        deque([], bad)
    except (ValueError, TypeError) as err:
        print(type(err).__name__, err)
d2 = deque([1, 2, 3])
for bad_slice in (lambda: d2[0:1], lambda: d2.__setitem__(slice(0, 1), (9,)), lambda: d2.__delitem__(slice(None))):
    try:
        bad_slice()  # a deque takes no slices
    except TypeError as err:
        print("TypeError", err)
print(list(d2))
d2.extend(d2)
d2.remove(2)
d2.clear()
print(d2, deque("abc") == deque("abc"))
work = deque([(0, "start")])
seen = []
while work:
    n, tag = work.popleft()
    seen.append(n)
    if n < 5:
        work.append((n * 2 + 1, tag))
        work.append((n * 2 + 2, tag))
print(seen)

od = OrderedDict()
od["b"] = 1
od["a"] = 2
print(list(od.items()), OrderedDict([(1, 2)]) == {1: 2}, len(OrderedDict(x=1, y=2)))

def add(a, b):
    return a + b

def mul(a, b):
    return a * b

def power(base, exp=2, mod=None):
    if mod is None:
        return base ** exp
    return base ** exp % mod

print(functools.reduce(add, [1, 2, 3, 4]), functools.reduce(mul, range(1, 6), 10), functools.reduce(add, [], 7))
print(functools.reduce(add, ["a", "b", "c"]), functools.reduce(add, [[1], [2]], []), functools.reduce(max, [3, 9, 2]))
try:
    functools.reduce(add, [])
except TypeError as err:
    print("TypeError", err)
square = functools.partial(power, exp=2)
cube = functools.partial(power, exp=3)
p7 = functools.partial(power, 7)
print(square(5), cube(2), p7(), p7(3), p7(3, 5), p7(exp=1), square(4, exp=3), functools.partial(power, 2, 10, 1000)())
inc = functools.partial(add, 1)
print(list(map(inc, [1, 2, 3])), functools.partial(sorted, reverse=True)([3, 1, 2]), functools.partial(max, 5)(1, 9))
print(functools.partial(functools.partial(add, 1), 2)(), callable(inc))
try:
    functools.partial(5)
except TypeError as err:
    print("TypeError", err)

s = io.StringIO()
print(s.write("hello "), s.write("wörld\n"), s.tell())
print("line two", 2, file=s)
print("x", "y", sep="-", end="!\n", file=s)
v = s.getvalue()
print(repr(v), len(v))
s.seek(0)
print(repr(s.readline()), repr(s.read(3)), repr(s.readline()), s.readlines(), repr(s.read()))
t = io.StringIO("abc\ndef\n")
print(t.read(), t.tell(), t.getvalue() == "abc\ndef\n")
t.seek(1)
t.write("XY")
print(repr(t.getvalue()), t.tell())
t.seek(10)
t.write("Z")
print(repr(t.getvalue()), t.closed)
t.close()
print(t.closed)
try:
    t.write("q")
except ValueError as err:
    print("ValueError", err)
try:
    io.StringIO().write(5)
except TypeError as err:
    print("TypeError", err)
print("to stdout", file=sys.stdout)
sys.stdout.flush()
u = io.StringIO()
for i in range(100):
    u.write(str(i))
print(len(u.getvalue()), u.getvalue()[:15])

# namedtuple
from collections import namedtuple
Point = namedtuple("Point", "x y")
Color = namedtuple("Color", ["red", "green", "blue"])
Pair = namedtuple("Pair", "a, b")
p = Point(1, 2)
q = Point(x=3, y=4)
r = Point(5, y=6)
print(p, q, r, p.x, q.y, r.x + r.y, p[0], p[-1], len(p), list(q), tuple(r))
x, y = q
print(x, y, p == (1, 2), p == Point(1, 2), p != q, isinstance(p, tuple), hash(p) == hash((1, 2)), p + (9,))
c = Color(255, green=128, blue=0)
print(c, c.green, c.index(0), c.count(255), sorted([Point(2, 1), Point(1, 5)]), Pair("s", [1]), p[1:])
print({p: "origin"}[Point(1, 2)], [pt.x for pt in [p, q, r]], max([p, q, r]), repr(Pair(None, "t")))
for args in [(1,), (1, 2, 3)]:
    try:
        if len(args) == 1:
            Point(args[0])
        else:
            Point(args[0], args[1], args[2])
    except TypeError as err:
        print("TypeError", type(err).__name__)
try:
    Point(1, z=2)
except TypeError as err:
    print("TypeError", type(err).__name__)
try:
    p.z
except AttributeError as err:
    print("AttributeError", type(err).__name__)
for bad in ["x x", "1a b", "a _b"]:
    try:
        namedtuple("Bad", bad)
    except ValueError as err:
        print("ValueError", err)

# io.BytesIO (a class in Python, lib/std/_bytesio.py)
import io
b = io.BytesIO(b"line one\nline two\nend")
print(b.readline(), b.read(4), b.tell(), b.readlines(), b.read(), b.seek(0), b.read(4))
b.seek(0, 2)
print(b.write(b"++"), b.getvalue(), b.seek(-3, 2), b.read(10), b.seek(30), b.write(b"!"), len(b.getvalue()))
buf = bytearray(5)
b.seek(5)
print(b.readinto(buf), buf, b.truncate(8), b.getvalue(), list(io.BytesIO(b"a\nb\n")))
src = bytearray(b"shared")
c = io.BytesIO(src)
c.write(b"S")
print(src, c.getvalue(), c.getbuffer()[1:3].tobytes(), io.BytesIO().getvalue())
c.close()
for call in (lambda: c.read(), lambda: io.BytesIO().write("text"), lambda: io.BytesIO().seek(-1)):
    try:
        call()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

# sys.stdin/stdout/stderr: fileno(); stdin cannot be written
import sys
print(sys.stdin.fileno(), sys.stdout.fileno(), sys.stderr.fileno())
for call in (lambda: sys.stdin.write("x"), lambda: print("x", file=sys.stdin)):
    try:
        call()
    except OSError:
        print("OSError: stdin is not writable")
