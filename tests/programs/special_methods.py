# Special methods the runtime calls: operators (forward, reflected,
# in-place, unary), rich comparisons with NotImplemented, hashing,
# truth, containers, iteration, calls, and text (repr/str/format/f-strings).


class ItemIter:
    def __init__(self, items):
        self.items = items
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= len(self.items):
            raise StopIteration
        self.i += 1
        return self.items[self.i - 1]


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Vec(" + repr(self.x) + ", " + repr(self.y) + ")"

    def __str__(self):
        return "<" + str(self.x) + "," + str(self.y) + ">"

    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(self.x + o.x, self.y + o.y)
        if isinstance(o, (int, float)):
            return Vec(self.x + o, self.y + o)
        return NotImplemented

    def __radd__(self, o):
        return self.__add__(o)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        if isinstance(k, Vec):
            return self.x * k.x + self.y * k.y
        return Vec(self.x * k, self.y * k)

    def __rmul__(self, k):
        return Vec(k * self.x, k * self.y)

    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)

    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)

    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)

    def __pow__(self, k):
        return Vec(self.x ** k, self.y ** k)

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __pos__(self):
        return self

    def __abs__(self):
        return (self.x * self.x + self.y * self.y) ** 0.5

    def __invert__(self):
        return Vec(self.y, self.x)

    def __eq__(self, o):
        if not isinstance(o, Vec):
            return NotImplemented
        return self.x == o.x and self.y == o.y

    def __hash__(self):
        return hash((self.x, self.y))

    def __lt__(self, o):
        return abs(self) < abs(o)

    def __le__(self, o):
        return abs(self) <= abs(o)

    def __bool__(self):
        return self.x != 0 or self.y != 0

    def __len__(self):
        return 2

    def __getitem__(self, i):
        if i == 0:
            return self.x
        if i == 1:
            return self.y
        raise IndexError("Vec index out of range")

    def __iter__(self):
        return ItemIter([self.x, self.y])


a = Vec(3, 4)
b = Vec(1, -2)
print(a + b, a - b, a * 2, 2 * a, a * b, a / 2, a // 2, a % 2, a ** 2)
print(a + 1, 1 + a, 0.5 + a, -a, +a is a, abs(a), ~a)
print(repr(a), str(a), [a, b], (a,), {"k": a})
print(f"{a} {a!r} {a!s:>12}|", "{} {!r}".format(a, b), format(a), str(a) + "!")
print(a == Vec(3, 4), a != Vec(3, 4), a == b, a != b, a == 3, 3 == a, a != "x")
print(a < b, a <= b, a > b, a >= b, b < a, b > a)
print(sorted([Vec(5, 5), Vec(1, 0), Vec(-3, 0)]), max([b, a]), min(a, b))
print(bool(a), bool(Vec(0, 0)), not a, len(a), a[0], a[-1 + 2], list(a), tuple(b))
x, y = a
print(x, y, 3 in a, 5 in a, sum(a))
if Vec(0, 0):
    print("truthy zero?")
elif a and b:
    print("both true")
print(Vec(0, 0) or "empty", a and "yes")
print(hash(a) == hash(Vec(3, 4)), len({a: 0, Vec(3, 4): 1, b: 2}), {a: 1}[Vec(3, 4)])
v = Vec(1, 1)
w = v
v += Vec(1, 2)  # no __iadd__: falls back to __add__, new object
print(v, w, v is w)
try:
    a[2]
except IndexError as e:
    print("IndexError:", e)
try:
    a + "s"
except TypeError as e:
    print("TypeError:", e)
try:
    "s" + a
except TypeError as e:
    print("TypeError:", e)
try:
    a < 3
except TypeError as e:
    print("TypeError:", e)


class Acc:
    """in-place operators mutate and return self"""

    def __init__(self):
        self.items = []

    def __iadd__(self, v):
        self.items.append(v)
        return self

    def __imul__(self, k):
        self.items = self.items * k
        return self

    def __repr__(self):
        return "Acc" + repr(self.items)


acc = Acc()
alias = acc
acc += 1
acc += 2
acc *= 2
print(acc, alias is acc)
try:
    acc - 1
except TypeError as e:
    print("TypeError:", e)


# reflected operands: the subclass's reflected method wins
class Money:
    def __init__(self, c):
        self.c = c

    def __add__(self, o):
        return "Money.add"

    def __radd__(self, o):
        return "Money.radd"

    def __eq__(self, o):
        return "Money.eq"

    def __repr__(self):
        return "M(" + str(self.c) + ")"


class Euro(Money):
    def __radd__(self, o):
        return "Euro.radd"

    def __eq__(self, o):
        return "Euro.eq"


print(Money(1) + Money(2), Money(1) + Euro(2), Euro(1) + Money(2), 5 + Money(1))
print(Money(1) == Euro(2), Euro(1) == Money(2), Money(1) == 4, 4 == Money(1))


# unhashable when __eq__ is defined without __hash__; identity hash otherwise
class Point:
    def __init__(self, x):
        self.x = x

    def __eq__(self, o):
        return isinstance(o, Point) and self.x == o.x


class Plain:
    pass


p = Plain()
print(hash(p) == hash(p), len({p: 0, Plain(): 1}), Point(1) == Point(1), Point(1) != Point(2))
try:
    hash(Point(1))
except TypeError as e:
    print("TypeError:", e)
try:
    {Point(1): 2}
except TypeError as e:
    print("TypeError:", e)
print(Point(3) in [Point(1), Point(3)], [Point(2)].index(Point(2)), [Point(1), Point(1)].count(Point(1)))


# containers: getitem/setitem/delitem/contains/len, slices passed through
class Grid:
    def __init__(self, w, h):
        self.w = w
        self.cells = [0] * (w * h)

    def __getitem__(self, key):
        if isinstance(key, tuple):
            r, c = key
            return self.cells[r * self.w + c]
        return self.cells[key]

    def __setitem__(self, key, v):
        r, c = key
        self.cells[r * self.w + c] = v

    def __delitem__(self, key):
        r, c = key
        self.cells[r * self.w + c] = 0

    def __contains__(self, v):
        return v in self.cells

    def __len__(self):
        return len(self.cells)


g = Grid(3, 2)
g[0, 1] = 5
g[1, 2] = 7
g[1, 2] += 1
print(g[0, 1], g[1, 2], g[1:4], len(g), 8 in g, 9 in g, 9 not in g, bool(g))
del g[0, 1]
print(g.cells)


# iteration protocol: __iter__/__next__ and StopIteration
class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


print(list(Countdown(4)), [x * x for x in Countdown(3)], sum(Countdown(10)))
for i, v in enumerate(Countdown(2)):
    print("item", i, v)
print(sorted(Countdown(5)), 3 in Countdown(5), dict(zip(Countdown(2), "ab")))


class Fib:
    def __init__(self, limit):
        self.limit = limit

    def __iter__(self):
        return FibIter(self.limit)


class FibIter:
    def __init__(self, limit):
        self.a, self.b, self.limit = 0, 1, limit

    def __next__(self):
        if self.a > self.limit:
            raise StopIteration()
        r = self.a
        self.a, self.b = self.b, self.a + self.b
        return r


f = Fib(50)
print(list(f), list(f), max(f), 13 in f, 14 in f)


# callables
class Poly:
    def __init__(self):
        self.coeffs = [1, 2, 3]

    def __call__(self, x, scale=1):
        r = 0
        for c in reversed(self.coeffs):
            r = r * x + c
        return r * scale


pf = Poly()
print(pf(2), pf(0), pf(1, scale=10), [pf(v) for v in range(4)])
print(sorted([3, 1, 2], key=Poly()))


# __format__, and __str__ falling back to __repr__
class Money2:
    def __init__(self, c):
        self.c = c

    def __format__(self, spec):
        if spec == "":
            return "$" + str(self.c)
        return "$" + format(self.c, spec)

    def __repr__(self):
        return "Money2(" + str(self.c) + ")"


m = Money2(1234)
print(f"{m}", f"{m:>8}", format(m, "08d"), "{:,}".format(m), str(m), [m])
try:
    format(Plain(), "x")
except TypeError as e:
    print("TypeError:", e)


class BadStr:
    def __str__(self):
        return 42


try:
    str(BadStr())
except TypeError as e:
    print("TypeError:", e)


class BadBool:
    def __bool__(self):
        return 1


try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)


class BadLen:
    def __len__(self):
        return -1


try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
for thing in (Plain(),):
    for op in ("len", "iter", "sub", "call", "neg", "next"):
        try:
            if op == "len":
                len(thing)
            elif op == "iter":
                for _ in thing:
                    pass
            elif op == "sub":
                thing[0]
            elif op == "call":
                thing()
            elif op == "neg":
                -thing
            else:
                Countdown.__next__(Countdown(0))
        except (TypeError, StopIteration) as e:
            print(op, type(e).__name__, e)


# __hash__ returning an int wider than the machine's: hashed as that int
class WideHash:
    def __init__(self, h):
        self.h = h

    def __hash__(self):
        return self.h


for h in (1 << 70 | 1, -(1 << 66), 1 << 64, -1, 12345):
    print(h, hash(WideHash(h)) == hash(h), hash(WideHash(h)) == hash(WideHash(h)))

# Which side's method runs (found by tests/lang/gen_lang.py): the right
# operand of a subclass goes first only when its class overrides the
# reflected method (one it inherits runs after the left's forward method),
# and str/bytes % formats whatever the right operand's __rmod__ (a
# TypeError here), as CPython.
class Left:
    def __init__(self, v): self.v = v
    def __floordiv__(self, o): return ('Left.floordiv', self.v, o.v)
    def __rfloordiv__(self, o): return ('Left.rfloordiv', self.v, o.v)
    def __sub__(self, o): return NotImplemented
    def __rsub__(self, o): return ('Left.rsub', self.v)
    def __rmod__(self, o): return ('Left.rmod', o)
    def __repr__(self): return 'L%d' % self.v
class Inherits(Left):
    pass
class Overrides(Left):
    def __rfloordiv__(self, o): return ('Overrides.rfloordiv', self.v, o.v)
    def __rmod__(self, o): return ('Overrides.rmod', o)
def tried(f):
    try:
        return f()
    except TypeError as e:
        return 'TypeError'
print(Left(1) // Inherits(2), Left(1) // Overrides(3), Inherits(4) // Left(5), Left(6) - Inherits(7))
print(tried(lambda: 's' % Left(1)), tried(lambda: '%s' % Left(2)), tried(lambda: b'x' % Left(3)), 7 % Left(4))
print(tried(lambda: 's' % Overrides(5)), tried(lambda: '%r|' % Overrides(6)))
