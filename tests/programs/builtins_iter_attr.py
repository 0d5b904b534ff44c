# iter/next, map/filter (lazy), any/all, enumerate(start=), callable, id,
# getattr/hasattr/setattr/delattr on built-in values and modules, slice, object.
import math

def sq(x):
    return x * x

def add(a, b):
    return a + b

def odd(x):
    return x % 2 == 1

calls = []
def noisy(x):
    calls.append(x)
    return x * 10

# map and filter are lazy iterators
m = map(noisy, [1, 2, 3])
print(calls)
print(next(m), calls)
print(list(m), calls)
print(list(map(add, [1, 2, 3], [10, 20])), list(map(add, "ab", "xyz")))
print(list(map(sq, range(5))), list(map(str, [1, 2.5, None])))
print(list(filter(odd, range(10))), list(filter(None, [0, 1, "", "a", [], [0], None, 2.0])))
print(sum(map(sq, filter(odd, range(20)))))
print(list(zip(map(sq, [1, 2]), filter(None, [0, 5, 6]))))
f = filter(odd, [1, 3])
print(iter(f) is f, list(f), list(f))

# iter and next
it = iter([1, 2])
print(next(it), next(it), next(it, "done"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
try:
    next([1])
except TypeError as e:
    print("TypeError", e)
try:
    iter(5)
except TypeError as e:
    print("TypeError", e)
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 5)), counter)
d = {"a": 1, "b": 2}
print(list(iter(d)), next(iter(d.items())), next(iter("xyz")), next(iter(range(3, 9))))
try:
    map(sq)
except TypeError as e:
    print("TypeError", e)

# any / all, including short-circuit on lazy input
print(any([]), all([]), any([0, 0, 1]), all([1, 2, 0]), any("a"), all(x > 0 for x in [1, 2]))
calls.clear()
print(any(map(noisy, [0, 1, 2, 3])), calls)
calls.clear()
print(all(map(noisy, [1, 0, 2])), calls)

# enumerate with start
print(list(enumerate("abc", 1)), list(enumerate("ab", start=-5)), list(enumerate([], start=3)))
try:
    enumerate("a", begin=1)
except TypeError as e:
    print("TypeError", e)

# callable and id
print([callable(x) for x in [len, sq, int, ValueError, "s", 3, [].append, math.sqrt, None]])
a = [1]
b = [1]
print(id(a) == id(a), id(a) == id(b), type(id(a)).__name__, id(None) == id(None))

# getattr / hasattr / setattr / delattr
print(getattr(math, "pi") == math.pi, getattr([3, 1, 2], "index")(2), getattr(math, "nope", "dflt"))
print(hasattr([], "append"), hasattr([], "nope"), hasattr(math, "sqrt"), hasattr("", "join"), hasattr(5, "real"))
name = "app" + "end"
lst = []
getattr(lst, name)(4)
print(lst, getattr(1.5, "is_integer")(), getattr(range(2, 5), "stop"), getattr(slice(1, 2), "start"))
for obj, attr in [([], "nope"), (math, "nope"), (5, "x")]:
    try:
        getattr(obj, attr)
    except AttributeError as e:
        print("AttributeError", e)
try:
    getattr([], 5)
except TypeError as e:
    print("TypeError", e)
for obj, attr in [([], "append"), (5, "x")]:
    try:
        setattr(obj, attr, 1)
    except AttributeError as e:
        print("AttributeError", type(e).__name__)
    try:
        delattr(obj, attr)
    except AttributeError as e:
        print("AttributeError", type(e).__name__)

# slice objects
s = slice(1, 8, 2)
print(s, slice(3), slice(None, None, -1), s.start, s.stop, s.step)
print([0, 1, 2, 3, 4, 5, 6, 7, 8, 9][s], "abcdefghij"[slice(2, None)], (1, 2, 3)[slice(None, None, -1)])
print(isinstance(s, slice), type(s).__name__)

# object
o = object()
p = object()
print(type(o).__name__, o == o, o == p, o != p, isinstance(o, object), isinstance(3, object), isinstance("", object))
print(len({o: 1, p: 2}), hash(o) == hash(o))

# ascii
print(ascii("é"), ascii([1, "ü\n", "日本"]), ascii(b"x\xff"), ascii("\U0001F600"), ascii(3.5), ascii("plain"))

# abs, round, divmod, min/max/sorted with key and default, and their errors
vals = [7, -7, 7.5, -7.5, 0.5, 2.5, -0.5, 1.5, 0.0, -0.0, 3, True]
for a in vals:
    row = [abs(a), round(a)]
    for b in [2, -2, 0.5, 3]:
        row.append(divmod(a, b))
    print(a, row)
print(round(2.675, 2), round(-1.25, 1), round(1234, -2), round(1250, -2), round(-1350, -2), round(0.5), round(5, 0))
print(max([], default=None), min([3, 1], default=9), max(1, 2, 3), max("abc", key=ord), min([[2], [1, 1]], key=len))
print(sorted(["b", "A", "c"], key=str.lower), sorted([3, 1, 2], reverse=True), max([(1, "b"), (1, "a")]))
def attempt(fn, a, b=None):
    try:
        if b is None:
            fn(a)
        else:
            fn(a, b)
    except (ZeroDivisionError, ValueError, TypeError) as x:
        print(type(x).__name__, x)
attempt(divmod, 1, 0)
attempt(divmod, 1.5, 0)
attempt(divmod, 2, 0.0)
attempt(max, [])
attempt(abs, "x")
attempt(round, "x")
attempt(max, [1, "a"])


class Scaler:
    def __init__(self, k):
        self.k = k

    def __call__(self, x):
        return self.k * x


class Plain:
    pass


class NotCallable:
    __call__ = None


print(callable(Scaler(2)), Scaler(3)(4), callable(Plain()), callable(Plain), callable(NotCallable()))
