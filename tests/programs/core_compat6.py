# Corners of the core language found by MicroPython's test suite (lang6):
# call errors naming the callable, tuples of slices as subscripts,
# `from m import missing`, StopIteration passing through iterators of
# iterators, and numbers parsed from bytes-like objects.
import array


def report(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__, e)


# ---- call errors name the callable as CPython's qualified name
def f(a, b=None, c=None, *rest, **kw):
    return (a, b, c, rest, sorted(kw))


class Base:
    def m(self, a, b=None, **kw):
        return (a, b)

    @classmethod
    def cm(cls, a, b=None):
        return (cls.__name__, a, b)


class Derived(Base):
    pass


obj = Derived()
report(lambda: f(**{"a": 1}, **{"b": 2}))
report(lambda: f(**{"a": 1}, **{"b": 2}, c=3))
report(lambda: f(**{"a": 1}, b=2, **{"c": 3}))
report(lambda: f(1, **{"b": 2}, **{"b": 3}))
report(lambda: obj.m(1, **{"b": 2}, **{"b": 3}))
report(lambda: obj.m(**{"a": 1}, **{"b": 2}))
report(lambda: Derived.cm(1, **{"b": 2}, **{"b": 3}))
report(lambda: Base().m(1, **{"b": 2}, **{"b": 3}))
report(lambda: f(1, **5))
report(lambda: obj.m(**[1]))
report(lambda: f(*5))
report(lambda: f(*5, k=1))
report(lambda: f(*5, **{}))
report(lambda: f(1, *5))
report(lambda: f(*[1], *5))
report(lambda: f(*5, 1))
report(lambda: print(*1))
report(lambda: print(**{"sep": 1}, **{"sep": 2}))
report(lambda: [].append(**{"x": 1}, **{"x": 2}))
report(lambda: Derived(*None))
report(lambda: Derived(**{"q": 1}, **{"q": 2}))
report(lambda: len(**1))

# ---- a[i:j, k]: tuples holding slices
class Probe:
    def __getitem__(self, key):
        return key

    def __setitem__(self, key, value):
        print("set", key, value)

    def __delitem__(self, key):
        print("del", key)


p = Probe()
print(p[1:2, 3])
print(p[1:2,])
print(p[::2, :, 1:])
print(p[1, 2:3:4, (5, 6)])
print(p[:], p[::], p[1:], p[:-1])
print(p[(n := 3):n * 2, n])
print(p[[1, 2][0]:, "s"])
p[1:2, ::-1] = 5
del p[0, :]
p[::3, 1] = p[1, ::3]
grid = [[r * 10 + c for c in range(5)] for r in range(4)]


class Grid:
    def __getitem__(self, key):
        rows, cols = key
        return [row[cols] for row in grid[rows]]


print(Grid()[1:3, ::2])
print(Grid()[::-1, 4:1:-1])

# ---- from m import missing is an ImportError
try:
    from math import pi, no_such_name
except ImportError as e:
    print("ImportError", "no_such_name" in str(e), "math" in str(e))
from math import pi as PI, sqrt
print(round(PI, 3), sqrt(16))


def import_inside():
    try:
        from sys import maxsize, not_there
    except ImportError as e:
        return "ImportError " + str("not_there" in str(e))
    return "imported"


print(import_inside())
try:
    from sys import (argv, also_not_there)
except AttributeError:
    print("AttributeError (wrong)")
except ImportError:
    print("ImportError")


# ---- StopIteration raised by __next__ passes through next() and friends
class Stops:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration(42)


class OldStyle:
    def __getitem__(self, i):
        if i < 3:
            return i * i
        raise StopIteration(7)  # its value is ignored


def delegate():
    r = yield from Stops()
    print("yield from gave", r)
    r = yield from enumerate(Stops())
    print("yield from enumerate gave", r)
    yield "last"
    return 5


print(list(delegate()))
for it in (Stops(), enumerate(Stops()), map(abs, Stops()), zip(Stops()),
           zip([1], Stops()), filter(None, Stops()), iter(OldStyle()),
           enumerate(iter([])), map(abs, []), iter(Stops())):
    try:
        print("next", next(it))
    except StopIteration as e:
        print("stop", e.args)
    print("default", next(it, "dflt"))
print(list(OldStyle()), list(enumerate(Stops())), list(zip(Stops(), Stops())))
print(list(map(lambda a, b: a + b, OldStyle(), [10, 20, 30, 40])))
print(sorted(filter(None, OldStyle())), [x for x in OldStyle()])
g = delegate()
try:
    while True:
        print("step", next(g))
except StopIteration as e:
    print("returned", e.value, e.args)

# ---- numbers from bytes-like objects, and str(buffer, encoding)
print(int(bytearray(b"12")), int(memoryview(b"-34")), int(b" 12 "))
print(int(bytearray(b"ff"), 16), int(bytearray(b"0x1F"), 0), int(array.array("b", [49, 50])))
print(float(b"1.5"), float(bytearray(b" 2e3 ")), float(memoryview(b"-3")), float(array.array("B", [55])))
print(float(b"inf"), float(bytearray(b"-nan")) != 0)
print(str(memoryview(b"ab"), "utf8"), str(bytearray(b"cd"), "ascii"), str(array.array("b", [65, 66]), "utf8"))
print(str(memoryview(b"xyz")[1:], "utf8"), str(b"\xc3\xa9", encoding="utf-8"), str(bytearray("é", "utf8"), "utf8", "strict"))
for bad in ("int(memoryview(b'12'), 10)", "int(bytearray(b'1x'))", "int(b'')", "float(b'1.5x')",
            "str(1, 'utf8')", "float(bytearray(b''))", "str(bytearray(b'\\xff'), 'utf8')",
            "int([1])", "float(None)", "str('s', 'utf8')"):
    report(lambda: eval(bad))

# ---- bytes.hex(sep, bytes_per_sep), bytes.find of an int, strip's identity
for data in (b"", b"\x00", b"\x00\x01\x02\x03\x04\x05\x06\x07", b"\x7f\x80\xff", b"1234ABCDabcd"):
    print(data.hex(), data.hex(":"), data.hex(b"-", 2), data.hex(" ", -3), data.hex(".", 0),
          bytearray(data).hex("_"), bytearray(data).hex(":", -1))
for bad in ("b'ab'.hex('::')", "b'ab'.hex(1)", "b'ab'.hex('é')", "b'ab'.hex(':', 'x')"):
    report(lambda: eval(bad))
print(b"00\x0000".find(b"0", True), b"a\x00b".find(0), b"abc".index(99), b"abcb".count(98), b"abc".find(ord("z")))
for bad in ("b'0000'.find(-1)", "b'0000'.find(256)", "b'0000'.index(1000)", "b'0'.count(-5)", "b'ab'.index(b'z')"):
    report(lambda: eval(bad))
for s in ("abc", "  x  ", "", "x", b"abc", b" y ", b""):
    print(repr(s), s.strip() is s, s.lstrip() is s, s.rstrip() is s, s.strip(s[:0] + type(s)("z" if isinstance(s, str) else b"z")) is s)
print("xxaxx".strip("x"), "xxaxx".lstrip("x"), "xxaxx".rstrip("x"), " é ".strip(), b"\tq\n".strip())

# ---- enumerate by keyword; eval and exec of byte buffers
for src in ("enumerate(iterable=[1, 2])", "enumerate([1, 2], start=3)", "enumerate(start=3, iterable='ab')",
            "enumerate('ab', 5)", "enumerate()", "enumerate('a', iterable='b')", "enumerate('a', stop=2)",
            "enumerate(start=1)", "enumerate(1)", "enumerate([], start='x')"):
    report(lambda: list(eval(src)))
print(eval(memoryview(b"2 + 2")), eval(bytearray(b"3 * 3")), eval(memoryview(b"[1, 22, 3]")[3:5]))
exec(memoryview(b"print('exec of a memoryview')"))
exec(bytearray(b"answer = 6 * 7"))
print(answer)

# ---- OSError(errno, ...) picks the errno's subclass; args drop the filename
# (errno values the C libraries of the host and the chip share)
for args in [(2, "No such file"), (2, "x", "fn"), (13, "perm"), (1, "eperm"), (17, "e"), (21, "d"), (20, "nd"),
             (11, "again"), (32, "pipe"), (3, "srch"), (4, "intr"), (10, "child"), (9999, "other"),
             (2,), ("a", "b"), (2, "x", "fn", None, "fn2"), (2, "x", None), (2, "x", "f", 5), ()]:
    e = OSError(*args)
    print(type(e).__name__, e.args, e.errno, e.strerror, e.filename, getattr(e, "filename2", "-"), str(e))
print(type(FileNotFoundError(13, "x")).__name__, FileNotFoundError(13, "x").errno)


class MyOSError(OSError):
    pass


m = MyOSError(2, "mine", "path")
print(type(m).__name__, m.args, m.filename, str(m), isinstance(m, FileNotFoundError))
try:
    raise OSError(2, "gone", "f.txt")
except FileNotFoundError as e:
    print("caught", e, e.args, e.filename)
for cls in (BlockingIOError, ChildProcessError, InterruptedError, ProcessLookupError, BrokenPipeError,
            ConnectionAbortedError, ConnectionRefusedError, ConnectionResetError):
    print(cls.__name__, issubclass(cls, OSError), issubclass(cls, ConnectionError))
print(isinstance(OSError(13, "p"), PermissionError), IOError is OSError, EnvironmentError is OSError)
try:
    raise OSError(32, "broken")
except ConnectionError as e:
    print("ConnectionError", type(e).__name__, e)


# ---- yield from an iterator that is not a generator: send, throw, close
class Echo:
    def __init__(self, limit):
        self.n, self.limit = 0, limit

    def __iter__(self):
        return self

    def __next__(self):
        return self.send(None)

    def send(self, value):
        self.n += 1
        if self.n > self.limit:
            raise StopIteration("echo done")
        return ("echo", value, self.n)

    def throw(self, *args):
        print("Echo.throw got", [a if not isinstance(a, BaseException) else repr(a) for a in args])
        if args and args[0] is KeyError:
            raise StopIteration("stopped by throw")
        if args and args[0] == "raise":
            raise ValueError("from Echo.throw")
        return "thrown-and-yielded"

    def close(self):
        print("Echo.close")


def outer(limit):
    try:
        r = yield from Echo(limit)
        print("outer got", r)
        yield "after"
    except ValueError as e:
        print("outer caught", e)
        yield "recovered"
    finally:
        print("outer finally")


g = outer(3)
print(next(g), g.send("a"), g.send("b"))
print(next(g))
g.close()
g = outer(5)
next(g)
print(g.throw(123))
print(g.throw(IndexError))
print(g.throw(IndexError("i")))
print(g.throw("raise"))
g.close()
g = outer(5)
next(g)
print(g.throw(KeyError))
g.close()


class NoExtras:
    def __iter__(self):
        return self

    def __next__(self):
        return 1


def plain():
    try:
        yield from NoExtras()
    except ZeroDivisionError:
        yield "caught in plain"


g = plain()
next(g)
for bad in (lambda: g.send(5), lambda: g.throw(ZeroDivisionError), lambda: g.throw(5)):
    report(bad)
g.close()


class BadClose(NoExtras):
    def close(self):
        raise RuntimeError("close failed")


def closing():
    yield from BadClose()


g = closing()
next(g)
report(g.close)

# ---- slice.indices
for s in (slice(None), slice(2, None), slice(-3, 100), slice(None, None, -1), slice(5, 1, -2), slice(-100, -50), slice(1, 8, 3)):
    for n in (0, 1, 5, 10):
        print(s, n, s.indices(n), list(range(*s.indices(n))) == list(range(n))[s])
for bad in ("slice(1).indices(-1)", "slice(1).indices(None)", "slice(1, 2, 0).indices(3)", "slice(1).indices(2.0)"):
    report(lambda: eval(bad))
