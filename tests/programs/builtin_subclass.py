import array
from collections import deque, namedtuple


class Samples(array.array):
    def mean(self):
        return sum(self) / len(self)

    def append(self, v):
        super().append(min(v, 100))

    def __repr__(self):
        return "Samples(%s)" % list(self)


s = Samples('h', [3, 5, 200])
s.append(7)
s.append(500)
print(s, len(s), s[0], s[-1], s[1:3], list(s), s.typecode, s.itemsize, s.mean())
print(isinstance(s, array.array), type(s).__name__, 5 in s, s.index(7), s.count(5))
s.extend([1, 2])
s[0] = 9
print(list(s), bytes(s)[:4], s.tobytes()[:2], sum(s), sorted(s)[:3], list(reversed(s))[:2])
s.reverse()
print(list(s), s.pop(), s.buffer_info()[1] if hasattr(s, 'buffer_info') else len(s))
print(array.array('h', s) == array.array('h', list(s)), s == Samples('h', list(s)))


class Reading(array.array):
    def __init__(self, typecode, values, unit="mV"):
        self.unit = unit

    def __new__(cls, typecode, values, unit="mV"):
        return super().__new__(cls, typecode, values)

    def describe(self):
        return "%d readings in %s" % (len(self), self.unit)


r = Reading('i', range(4), unit="uA")
print(r.describe(), list(r), r.unit)
r2 = Reading('f', [0.5])
print(r2.describe(), r2.tolist() if hasattr(r2, 'tolist') else list(r2))
try:
    Samples('z')
except ValueError as e:
    print("ValueError", e)


class History(deque):
    def __init__(self, items, limit):
        super().__init__(items, limit)
        self.limit = limit

    def push(self, x):
        self.append(x)
        return len(self)


h = History([1, 2, 3], 3)
print(h.push(4), list(h), h.maxlen, h.limit, isinstance(h, deque), h.popleft(), list(h))
h.appendleft(0)
print(list(h), h[0], h[-1], len(h), 2 in h)


class Stack(list):
    def push(self, x):
        self.append(x)

    def pop(self):
        v = super().pop()
        return v * 10

    def __getitem__(self, i):
        return super().__getitem__(i) + 1


st = Stack([1, 2])
st.push(3)
print(st.pop(), st[0], len(st), list(st), st + [9], isinstance(st, list), repr(st))


class Registry(dict):
    def lookup(self, key):
        return self.get(key.lower(), "none:" + key)

    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)


reg = Registry(a=1)
reg["B"] = 2
print(reg["b"], reg.lookup("ZZ"), sorted(reg.items()), len(reg), reg.get("b"), "b" in reg)

Point = namedtuple("Point", "x y")


class Point3(Point):
    def norm1(self):
        return abs(self.x) + abs(self.y)

    def __str__(self):
        return "P<%d,%d>" % self


p = Point3(3, -4)
print(p, repr(p), p.norm1(), p.x, p[1], p._asdict() if hasattr(p, '_asdict') else None, isinstance(p, tuple), len(p))
print(p._replace(x=1), Point3._fields, p == (3, -4), tuple(p), p + (1,))
a, b = p
print(a, b, Point3(y=2, x=1))

# namedtuple classes: construction errors, defaults, rename, helpers
P = namedtuple("P", "x, y")
for bad in [lambda: P(1), lambda: P(1, 2, 3), lambda: P(1, 2, z=3), lambda: P(1, x=3), lambda: P._make([1])]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
for fields in ("a _b", "a a", "a 1b", "def x"):
    try:
        namedtuple("T", fields)
    except ValueError as e:
        print("ValueError", e)
R = namedtuple("R", ["a", "def", "a", "_x"], rename=True)
print(R._fields, R(1, 2, 3, 4))
D = namedtuple("D", "host port timeout", defaults=(80, 1.5))
d = D("h")
print(d, D("h", 8080), D._field_defaults, d._replace(port=1)._asdict(), D._make(["a", 1, 2]))
print(P, D.__name__, type(d) is D, isinstance(d, tuple), hash(P(1, 2)) == hash((1, 2)), P(1, 2) < P(1, 3))
print(sorted([P(2, 1), P(1, 5), P(1, 2)]), max(P(4, 0), P(3, 9)), P(*range(2)), dict(a=P(0, 0)))
try:
    d.host = "x"
except AttributeError:
    print("AttributeError: fields are read-only")

# collections.OrderedDict: a dict subclass whose == also compares the order
from collections import OrderedDict
import collections
print(OrderedDict, collections.OrderedDict is OrderedDict)
x = OrderedDict(); y = OrderedDict()
x['a'] = 1; x['b'] = 2; y['b'] = 2; y['a'] = 1
print(x, y, x == y, x == {'a': 1, 'b': 2}, {'b': 2, 'a': 1} == x, x != y)
x.move_to_end('a'); print(x, list(x), x.popitem(), x.popitem(last=False), x, OrderedDict())
z = OrderedDict([(1, 2), (3, 4)], k=5)
z.move_to_end(3, last=False)
print(z, z.copy(), list(reversed(z)), OrderedDict.fromkeys("ab", 0), isinstance(z, dict), len(z), z[1], z.get(9))
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError", e)

# collections.defaultdict and Counter
from collections import defaultdict, Counter
import collections
d = defaultdict(list)
for word in "apple avocado banana blueberry cherry".split():
    d[word[0]].append(word)
print(sorted(d.items()), len(d), "z" in d, d.get("z"), d["z"], "z" in d, d.default_factory is list)
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(sorted(counts.items()), repr(defaultdict(int, a=1)), defaultdict(None, {1: 2}))
try:
    defaultdict()["missing"]
except KeyError as e:
    print("KeyError", e)
nested = defaultdict(lambda: defaultdict(int))
nested["x"]["y"] += 2
print(nested["x"]["y"], isinstance(nested, dict), type(d).__name__)
c = Counter("abracadabra")
print(c, c["a"], c["z"], "z" in c, c.most_common(2), c.total(), sorted(c.elements())[:6])
c.update("aaz")
c.subtract({"b": 5})
print(c, Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2))
print(Counter(a=3, b=1) | Counter(a=1, b=2), Counter(a=3, b=1) & Counter(a=1, b=2), Counter(), Counter([1, 1, 2]) == {1: 2, 2: 1})
words = Counter(w.lower() for w in "The cat and the hat and THE bat".split())
print(words.most_common(3), len(words), list(words), collections.Counter is Counter)
