# p4: float-tolerance
# Objects as values in compiled code (docs/jit.md, "Objects as values"):
# instances made by class calls, kept in locals across calls and loop
# iterations (the previous one still used after the next is made), passed
# to functions and methods, returned to compiled and interpreted callers;
# methods of instances read from attributes (a driver calling its filter,
# a chain of stages), strs read from attributes held across calls. With
# --gc-stress (jit/deopt/p4sim/obj_values) a collection at every
# allocation checks that the objects compiled code holds are roots.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def dot(self, o):
        return self.x * o.x + self.y * o.y

    def scaled(self, k):
        return Vec(self.x * k, self.y * k)

    def plus(self, o):
        return Vec(self.x + o.x, self.y + o.y)


class Lowpass:
    def __init__(self, a):
        self.a = a
        self.y = 0.0

    def update(self, x):
        self.y = self.y + self.a * (x - self.y)
        return self.y


class Gain:
    def __init__(self, g):
        self.g = g

    def update(self, x):
        return x * self.g


class Chain:
    def __init__(self, first, second):
        self.first = first
        self.second = second
        self.name = "chain-" + str(len(first.__class__.__name__))

    def update(self, x):
        return self.second.update(self.first.update(x))


class Driver:
    def __init__(self, f):
        self.filter = f
        self.count = 0
        self.tag = "drv"

    def feed(self, n):
        s = 0.0
        for i in range(n):
            s += self.filter.update(i * 0.5)
            self.count += 1
        return s

    def feed_local(self, n):
        f = self.filter
        t = self.tag
        s = 0.0
        for i in range(n):
            s += f.update(float(i))
            if t == "drv":
                s += 1.0
        return s


def walk(n):
    p = Vec(0.0, 1.0)
    q = p
    s = 0.0
    for i in range(n):
        q = p                   # the previous one, still used below
        p = Vec(float(i), 0.5)
        s += p.dot(q) + q.dot(q)
    return s


def grow(n):
    v = Vec(0.5, 0.25)
    for i in range(n):
        v = v.scaled(1.5)
    return v


def sum_all(n):
    acc = Vec(0.0, 0.0)
    for i in range(n):
        acc = acc.plus(Vec(float(i), 1.0))
    return acc


def pick(a, b, first):
    if first:
        return a
    return b


def ident(o):
    return o


def twice(n):
    v = grow(n)                 # a compiled callee returning an object
    w = ident(v)
    return w.dot(v)


d = Driver(Lowpass(0.25))
for k in range(4):
    print(d.feed(k * 3 + 1), d.count, d.filter.y)
print(d.feed_local(5))
c = Driver(Chain(Lowpass(0.5), Gain(3.0)))
print(c.feed(6), c.feed_local(4), c.filter.name)
c.filter = Gain(-1.0)           # another class behind the same attribute
print(c.feed(3), c.feed_local(3))
print(walk(7))
g = grow(5)
print(type(g).__name__, g.x, g.y)
s = sum_all(6)
print(s.x, s.y)
print(pick(d, c, True) is d, pick(d, c, False) is c, ident(g) is g)
print(twice(3), twice(0))


# tuples made in compiled code: returned, passed on, unpacked by a
# compiled caller (their items' types from the callee's returns)
def pair(a, b):
    return (a + b, a * 0.5)


def trip(i, o):
    return i, o, i * 2


def unpacks(n):
    s = 0.0
    for i in range(n):
        a, b = pair(i, 3)
        k, o, m = trip(i, Vec(1.0, 2.0))
        s += a + b + k + m + Vec(0.5, 1.0).dot(o)
    return s


def shows(n):
    for i in range(n):
        print((i, i * 0.25))
    return n


print(unpacks(5), shows(2), pair(2, 3), trip(1, 2)[2])


# a property added to a class later takes reads of its name before the
# instance's dict (compiled reads are guarded on class.c's late_property);
# last: the flag stays set for the rest of the program
class E:
    pass


def get_w(o):
    return o.w + 1


e = E()
e.w = 5
print(get_w(e), get_w(e))
E.w = property(lambda self: 100)
print(get_w(e), get_w(e))
