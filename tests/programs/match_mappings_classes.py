from collections import OrderedDict, defaultdict, deque
import array

class D(dict):
    def get(self, k, d=None):
        print("get", k)
        return dict.get(self, k, d)

def m(x):
    match x:
        case {"a": 1, "b": b}:
            return ("ab", b)
        case {"a": a, **rest} if rest:
            return ("a+rest", a, rest)
        case {"a": a}:
            return ("a", a)
        case [1, *_, 9]:
            return "1..9"
        case [*_, 0]:
            return "ends0"
        case [x, *mid, y] if mid:
            return ("mid", x, mid, y)
        case (int() | float()) as num if num < 0:
            return "negative"
        case bool(b):
            return ("bool", b)
        case int(i) | float(i):
            return ("num", i)
        case str(s) | bytes(s):
            return ("text", s)
        case set() | frozenset():
            return "set"
        case _:
            return "other"

for v in [{"a": 1, "b": 2}, {"a": 2, "c": 3}, {"a": 3}, OrderedDict(a=1, b=5), defaultdict(int, a=7), D(a=1, b=3),
          [1, 2, 3, 9], (5, 0), deque([1, 9]), array.array('i', [4, 5, 6]), range(1, 10), [1, 2], -3, -2.5, True, 7,
          4.5, "s", b"b", {1, 2}, frozenset(), None, [], memoryview(b"ab")]:
    print(m(v))

class Color:
    RED = 1
    GREEN = 2

def color(c):
    match c:
        case Color.RED:
            return "red"
        case Color.GREEN:
            return "green"
    return "unknown"
print(color(1), color(2), color(3))

# errors at run time
class P:
    __match_args__ = ("a",)
    a = 1
for src in ["match P():\n case P(x, y): pass", "match 1:\n case P.a(): pass", "match P():\n case P(x, a=2): pass",
            "match {1: 2}:\n case {k.a: 1}: pass", "match 5:\n case int(1, 2): pass", "match [1]:\n case [x] | (x): pass"]:
    class k:
        a = 1
    try:
        exec(src, {"P": P, "k": k})
        print("ok")
    except Exception as e:
        print(type(e).__name__, e)
class K:
    a = 1
    b = 1
try:
    match {1: 2, 3: 4}:
        case {K.a: 1, K.b: 2}:
            pass
except ValueError as e:
    print("ValueError", e)

class Q:
    @property
    def boom(self):
        raise KeyError("boom")
try:
    match Q():
        case Q(boom=1):
            pass
except KeyError as e:
    print("KeyError", e)
match Q():
    case Q(missing=1):
        print("no")
    case Q():
        print("no attr: no match")

def gen():
    for v in [[1, 2], (3,), {"k": 4}]:
        match v:
            case [a, b]:
                yield a + b
            case [a]:
                yield a
            case {"k": kk}:
                yield kk
print(list(gen()))

class A:
    match x := 3:
        case 3:
            inside = "class body"
print(A.inside)
g = 0
def glob():
    global g
    match 10:
        case g:
            pass
glob()
print(g)
def outer():
    n = 0
    def inner():
        nonlocal n
        match 5:
            case n:
                pass
    inner()
    return n
print(outer())
match [1, [2, [3, 4]]]:
    case [a, [b, [c, d]]]:
        print(a + b + c + d)
match (1, 2, 3):
    case (1, *rest):
        print(rest, type(rest))
match "abc":
    case ["a", "b", "c"]:
        print("str is not a sequence: wrong")
    case _:
        print("str not a sequence")
