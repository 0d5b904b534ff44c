# The interpreter's attribute caches (LOAD_ATTR, LOAD_METHOD, STORE_ATTR
# remember where a name was found per instruction): every way the answer can
# change between two runs of the same instruction.
import math


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


class Other:
    def __init__(self):
        self.y = "other y"   # a different dict order: y before x
        self.x = "other x"

    def norm1(self):
        return "Other.norm1"


def read_x(o):
    return o.x


def call_norm(o):
    return o.norm1()


def set_x(o, v):
    o.x = v


# the same sites with instances whose dicts are laid out differently
objs = [Point(1, 2), Other(), Point(-3, 4), Other()]
for o in objs:
    print(read_x(o), call_norm(o))

# deleting and re-adding an attribute moves it in the dict
p = Point(5, 6)
print(read_x(p))
del p.x
try:
    read_x(p)
except AttributeError as e:
    print("AttributeError", e)
p.x = 7
print(read_x(p), p.__dict__)
set_x(p, 8)
print(read_x(p))

# an instance attribute shadows the method after the call site saw the class's
p2 = Point(1, 1)
print(call_norm(p2))
p2.norm1 = lambda: "instance norm1"
print(call_norm(p2))
del p2.norm1
print(call_norm(p2))

# the class's method replaced, then deleted (falls back to a base class)
class Base:
    def who(self):
        return "Base.who"

    def greet(self):
        return "hello from " + self.who()


class Derived(Base):
    def who(self):
        return "Derived.who"


def call_who(o):
    return o.who()


d = Derived()
print(call_who(d), d.greet())
Derived.who = lambda self: "replaced who"
print(call_who(d), d.greet())
del Derived.who
print(call_who(d), d.greet())
Base.who = lambda self: "new Base.who"
print(call_who(d), d.greet())
Derived.who = lambda self: "Derived again"
print(call_who(d), d.greet())

# a method found in a base class, then the subclass gains one through __dict__
class A:
    def m(self):
        return "A.m"


class B(A):
    pass


def call_m(o):
    return o.m()


b = B()
print(call_m(b), call_m(b))
B.m = lambda self: "B.m"
print(call_m(b))
setattr(B, "m", lambda self: "B.m by setattr")
print(call_m(b))

# a property added to the class after stores were cached
class Box:
    def __init__(self, v):
        self.v = v


def store_v(o, val):
    o.v = val


bx = Box(1)
store_v(bx, 2)
store_v(bx, 3)
print(bx.v)


def get_v(self):
    return "property sees " + str(self.__dict__["_v"])


def set_v(self, val):
    self.__dict__["_v"] = val * 10


Box.v = property(get_v, set_v)
store_v(bx, 4)  # the setter runs, though the dict still has the cached 'v'
print(bx.__dict__)
del bx.__dict__["v"]
print(bx.v)
store_v(bx, 5)
print(bx.v, bx.__dict__)

# __slots__ classes and a class whose instances may not take new names
class Slotted:
    __slots__ = ("a",)

    def __init__(self):
        self.a = 1


s = Slotted()


def store_a(o, val):
    o.a = val


store_a(s, 2)
store_a(s, 3)
print(s.a)
try:
    s.b = 5
except AttributeError as e:
    print("AttributeError", e)

# a function stored on the instance is not a method: no self
class Holder:
    pass


h = Holder()
h.f = lambda: "plain function"
print(call_m.__name__, h.f())


def call_f(o):
    return o.f()


print(call_f(h), call_f(h))
Holder.f = lambda self: "class f"
del h.f
print(call_f(h))

# a native module's functions and constants through the same sites
def mod_calls(v):
    return math.sqrt(v), math.pi > 3, math.floor(v / 3)


for v in (4.0, 9.0, 16.0):
    print(mod_calls(v))

# the same site with a module, an instance and a class
class HasSqrt:
    def __init__(self):
        self.sqrt = lambda v: "HasSqrt instance " + str(v)

    def __repr__(self):
        return "HasSqrt()"


class SqrtClass:
    @staticmethod
    def sqrt(v):
        return "static " + str(v)


for o in (math, HasSqrt(), SqrtClass, SqrtClass(), math):
    print(o.sqrt(16.0))

# many instances, attributes written in loops (the caches' common case)
pts = [Point(i, -i) for i in range(50)]
total = 0
for _ in range(3):
    for q in pts:
        q.x = q.x + 1
        total += q.norm1()
print(total)

# a dict key equal to the name but another str object
class Dyn:
    pass


dy = Dyn()
name = "".join(["at", "tr"])
setattr(dy, name, "set by a computed name")


def read_attr(o):
    return o.attr


print(read_attr(dy), read_attr(dy))
dy.__dict__.clear()
dy.attr = "again"
print(read_attr(dy))

# class attributes read through instances and through the class
class Config:
    LIMIT = 10
    name = "config"

    def method(self):
        return "method"


class Child(Config):
    pass


def limit_of(o):
    return o.LIMIT


def name_of(o):
    return o.name


c1, c2 = Config(), Child()
print(limit_of(c1), limit_of(c2), limit_of(Config), limit_of(Child))
Child.LIMIT = 20
print(limit_of(c1), limit_of(c2), limit_of(Config), limit_of(Child))
c1.LIMIT = 5
print(limit_of(c1), limit_of(c2))
del c1.LIMIT
del Child.LIMIT
Config.LIMIT = 30
print(limit_of(c1), limit_of(c2), limit_of(Config), limit_of(Child))
print(name_of(c1), name_of(Config))
Config.name = property(lambda self: "a property now")
print(name_of(c1), type(name_of(Config)).__name__)
Config.name = staticmethod(lambda: "static")
print(name_of(c1)(), name_of(Config)())
Config.name = lambda self: "function"
print(name_of(c1)(), name_of(Config)(c1))
Config.name = "plain again"
print(name_of(c1), name_of(Child), name_of(c2))


def read_method(o):
    return o.method


print(read_method(c1)(), read_method(Config)(c1), read_method(c2)())
