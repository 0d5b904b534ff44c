# p4: float-tolerance
# super() and instance special methods in compiled code (docs/jit.md,
# "super() and special methods"): zero-argument super() calls up a
# three-level chain and a diamond, with a base's method patched, one added
# to a class in between and one deleted between calls; binary operators,
# reflected and in-place forms, comparisons, NotImplemented, __getitem__,
# __setitem__ and __len__ of user classes, results changing type, errors
# raised by the special methods. With --gc-stress
# (jit/deopt/p4sim/obj_special) a collection at every allocation checks
# that the objects made by operators are rooted.


class Base:
    def __init__(self, k):
        self.k = k
        self.n = 0

    def update(self, x):
        self.n = self.n + 1
        return x * self.k

    def scale(self):
        return self.k


class Mid(Base):
    def __init__(self, k, off):
        super().__init__(k)
        self.off = off

    def update(self, x):
        return super().update(x) + self.off


class Top(Mid):
    def update(self, x):
        return super().update(x) * 2

    def total(self, n):
        s = 0
        for i in range(n):
            s = s + self.update(i) + super().scale()
        return s


class Left(Base):
    def update(self, x):
        return super().update(x) + 100


class Right(Base):
    def update(self, x):
        return super().update(x) + 1000


class Diamond(Left, Right):  # MRO: Diamond Left Right Base
    def update(self, x):
        return super().update(x) + 10000


def run(o, n):
    s = 0
    for i in range(n):
        s = s + o.update(i)
    return s


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(self.x + o.x, self.y + o.y)
        return NotImplemented

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __rmul__(self, k):
        return Vec(self.x * k + 1, self.y * k + 1)

    def __radd__(self, k):
        return Vec(self.x + k, self.y + k)

    def __eq__(self, o):
        return isinstance(o, Vec) and self.x == o.x and self.y == o.y

    def __lt__(self, o):
        return self.x * self.x + self.y * self.y < o.x * o.x + o.y * o.y

    def __len__(self):
        return 2

    def __getitem__(self, i):
        if i == 0:
            return self.x
        if i == 1:
            return self.y
        raise IndexError("Vec index out of range")

    def __setitem__(self, i, v):
        if i == 0:
            self.x = v
        elif i == 1:
            self.y = v
        else:
            raise IndexError("Vec assignment index out of range")


class Ring:
    """A fixed buffer indexed modulo its size."""

    def __init__(self, n):
        self.data = [0] * n

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        return self.data[i % len(self.data)]

    def __setitem__(self, i, v):
        self.data[i % len(self.data)] = v


class Plain:
    def __init__(self, v):
        self.v = v


def vec_ops(a, b, n):
    acc = Vec(0, 0)
    for i in range(n):
        acc = acc + a * i - b
        acc += b
        c = 3 * a
        d = 1 + b
        acc = acc + c - d
    return acc


def vec_compare(a, b, c):
    r = 0
    if a == b:
        r = r + 1
    if a == c:
        r = r + 2
    if a != c:
        r = r + 4
    if a < c:
        r = r + 8
    if c > a:
        r = r + 16
    if b > c:
        r = r + 32
    return r


def vec_index(v, n):
    s = 0
    for i in range(n):
        v[i % 2] = v[i % 2] + i
        s = s + v[0] * 10 + v[1] + len(v)
    return s


def ring_fill(r, n):
    for i in range(n):
        r[i] = r[i - 1] + i
    t = 0
    for i in range(len(r)):
        t = t + r[i]
    return t


def plain_eq(p, q):
    n = 0
    if p == q:
        n = n + 1
    if p == p:
        n = n + 2
    if p != q:
        n = n + 4
    return n


def plus(a, b):
    return a + b


def less_equal(a, b):
    return a <= b


def index_error(v, i):
    try:
        return v[i]
    except IndexError as e:
        return str(e)


def getitem_float(v):
    return v[0] + v[1]


def add_not_implemented(v, k):
    return k + v  # int + Vec: int's + gives NotImplemented, then Vec.__radd__


def show(v):
    return (v.x, v.y)


print("chain", run(Top(3, 5), 20), run(Mid(2, 1), 20), run(Base(7), 20))
print("total", Top(2, 1).total(10))
print("diamond", run(Diamond(4), 15))
t = Top(3, 5)
print("before", run(t, 8))
old = Base.update
Base.update = lambda self, x: x - self.k  # patched on the base: the guard sends it to the interpreter
print("patched", run(t, 8), run(Diamond(2), 5))
Base.update = old
print("restored", run(t, 8))
Mid.update = lambda self, x: -x  # Top's super() now finds Mid's new method
print("mid", run(t, 8))
del Mid.update  # and now Base's again, past Mid
print("deleted", run(t, 8), run(Mid(2, 1), 5))

print("vec", show(vec_ops(Vec(1, 2), Vec(3, 4), 10)))
print("vecf", show(vec_ops(Vec(0.5, 1.5), Vec(2.0, -1.0), 7)))
print("cmp", vec_compare(Vec(1, 2), Vec(1, 2), Vec(3, 4)), vec_compare(Vec(5, 5), Vec(1, 1), Vec(5, 5)))
print("index", vec_index(Vec(1, 2), 12), vec_index(Vec(0.5, 0.25), 5))
print("ring", ring_fill(Ring(5), 23), ring_fill(Ring(1), 3))
print("plain", plain_eq(Plain(1), Plain(1)), plain_eq(Plain(2), 3))
print("ierr", index_error(Vec(1, 2), 1), index_error(Vec(1, 2), 5))
print("gf", getitem_float(Vec(1, 2)), getitem_float(Vec(1.5, 2.25)), getitem_float(Vec(1, 2)))
print("radd", show(add_not_implemented(Vec(1, 2), 10)))
try:
    print(vec_ops(Vec(1, 2), Plain(3), 2))
except AttributeError as e:
    print("attr", e)
try:
    print(plus(Vec(1, 2), 5))  # Vec + int: __add__ gives NotImplemented, int has no __radd__ for it
except TypeError as e:
    print("type", e)
try:
    print(less_equal(Vec(1, 2), Vec(3, 4)))
except TypeError as e:
    print("type", e)
try:
    print(ring_fill(Ring(0), 3))
except ZeroDivisionError as e:
    print("zero", e)
