# User __setattr__, __delattr__ and __getattribute__ on instances: every
# store, delete and load goes through them; object's versions do the plain
# work; super() reaches them; a hook added to the class later counts too.

class Logged:
    def __init__(self):
        self.log = []          # through __setattr__ as well

    def __setattr__(self, name, value):
        if name != "log":
            self.log.append(("set", name, value))
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        self.log.append(("del", name))
        super().__delattr__(name)


a = Logged()
a.x = 1
a.y = a.x + 1
del a.x
print(a.log, a.y, hasattr(a, "x"))
setattr(a, "z", 3)
delattr(a, "z")
print(a.log[-2:])
for i in range(3):
    a.count = i
print(a.count, len(a.log))


class Frozen:
    __slots__ = ()

    def __setattr__(self, name, value):
        raise AttributeError("frozen: " + name)


f = Frozen()
try:
    f.q = 1
except AttributeError as e:
    print("AttributeError", e)


class Point:
    def __init__(self, x, y):
        object.__setattr__(self, "x", x)
        object.__setattr__(self, "y", y)

    def __setattr__(self, name, value):
        raise TypeError("Point is immutable")

    def __delattr__(self, name):
        raise TypeError("cannot delete " + name)


p = Point(1, 2)
print(p.x, p.y)
for act in (lambda: setattr(p, "x", 5), lambda: delattr(p, "y")):
    try:
        act()
    except TypeError as e:
        print("TypeError", e)
print(p.x, p.y)


class Child(Logged):       # inherited hooks
    pass


c = Child()
c.w = 9
print(c.log, c.w)


class Upper:
    def __setattr__(self, name, value):
        super().__setattr__(name.upper(), value)


u = Upper()
u.abc = 1
print(sorted(vars(u)), u.ABC)


class Counting:
    def __init__(self):
        self.hits = 0

    def __getattribute__(self, name):
        if name != "hits":
            object.__setattr__(self, "hits", object.__getattribute__(self, "hits") + 1)
        return object.__getattribute__(self, name)

    def method(self):
        return "m"


k = Counting()
k.v = 5
print(k.v, k.method(), k.v, k.hits)


class Fallback:
    def __getattribute__(self, name):
        if name.startswith("virtual_"):
            raise AttributeError(name)
        return object.__getattribute__(self, name)

    def __getattr__(self, name):
        return "fallback " + name


g = Fallback()
g.real = 1
print(g.real, g.virtual_one, getattr(g, "virtual_two"))


class Late:
    pass


seen = []
obj = Late()
obj.a = 1


def late_setattr(self, name, value):
    seen.append(name)
    object.__setattr__(self, name, value)


Late.__setattr__ = late_setattr
obj.a = 2
obj.b = 3
print(seen, obj.a, obj.b)


class Slots:
    __slots__ = ("s",)

    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 2)


s = Slots()
s.s = 4
print(s.s)
try:
    s.t = 1
except AttributeError:
    print("AttributeError for t")

try:
    object.__setattr__(p, 5, 1)
except TypeError as e:
    print("TypeError", e)


# in functions the JIT compiles (an instance parameter, reads and stores of
# its attributes): the hooks still see every access
class Watched:
    def __init__(self):
        object.__setattr__(self, "n", 0)
        object.__setattr__(self, "stores", 0)

    def __setattr__(self, name, value):
        object.__setattr__(self, "stores", self.stores + 1)
        object.__setattr__(self, name, value)


def bump(w, times):
    for i in range(times):
        w.n = w.n + i
    return w.n


w = Watched()
for _ in range(5):
    bump(w, 10)
print(w.n, w.stores)
