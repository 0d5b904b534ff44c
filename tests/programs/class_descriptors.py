# User-defined descriptors: __get__, __set__, __delete__ and __set_name__,
# data descriptors before the instance's dict, non-data ones after it.


class Typed:
    """A data descriptor that checks the type of what is stored."""

    def __init__(self, kind, default=None):
        self.kind = kind
        self.default = default

    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = "_" + name

    def __get__(self, obj, owner):
        if obj is None:
            return self
        return getattr(obj, self.name, self.default)

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError("%s must be %s" % (self.name[1:], self.kind.__name__))
        setattr(obj, self.name, value)

    def __delete__(self, obj):
        print("delete", self.name)
        delattr(obj, self.name)


class Lazy:
    """A non-data descriptor: computes once, then the instance's dict wins."""

    def __init__(self, fn):
        self.fn = fn
        self.calls = 0

    def __set_name__(self, owner, name):
        self.attr = name

    def __get__(self, obj, owner):
        if obj is None:
            return "Lazy(%s)" % self.attr
        self.calls += 1
        value = self.fn(obj)
        obj.__dict__[self.attr] = value
        return value


class Sensor:
    channel = Typed(int, 0)
    label = Typed(str, "?")
    plain = 5

    def __init__(self, channel):
        self.channel = channel

    @Lazy
    def calibration(self):
        print("calibrating", self.channel)
        return self.channel * 1.5

    def method(self):
        return "method of " + self.label


s = Sensor(3)
print(s.channel, s.label, s.plain, sorted(s.__dict__))
s.label = "temp"
print(s.label, s.method(), s.__dict__["_label"])
try:
    s.channel = "x"
except TypeError as e:
    print("TypeError", e)
print(s.calibration, s.calibration, Sensor.__dict__["calibration"].calls)
print(Sensor.calibration, isinstance(Sensor.channel, Typed), Sensor.plain)
del s.label
print(s.label)
try:
    del s.label
except AttributeError:
    print("AttributeError on second delete")
s.__dict__["channel"] = 99  # the data descriptor still wins
print(s.channel)
t = Sensor(7)
print(t.channel, s.channel, t.calibration)


class Derived(Sensor):
    extra = Typed(float, 0.0)


d = Derived(1)
d.extra = 2.5
print(d.extra, d.channel, d.label, d.calibration)


class GetOnly:
    def __get__(self, obj, owner):
        return ("got", None if obj is None else type(obj).__name__, owner.__name__)


class SetOnly:
    def __set__(self, obj, value):
        print("SetOnly.__set__", value)


class Holder:
    g = GetOnly()
    s = SetOnly()


h = Holder()
print(h.g, Holder.g)
h.g = "shadow"  # a non-data descriptor: the instance's dict now wins
print(h.g, Holder.g)
h.s = 11
print(isinstance(h.s, SetOnly), "s" in h.__dict__)
try:
    del h.s
except AttributeError as e:
    print("AttributeError", e)


class Counter:
    def __init__(self):
        self.reads = 0

    def __get__(self, obj, owner):
        self.reads += 1
        return self.reads


class UsesCounter:
    hits = Counter()


u = UsesCounter()
print([u.hits for _ in range(3)], UsesCounter.hits)
# a descriptor added to the class after instances exist
late = Typed(int, -1)
late.__set_name__(UsesCounter, "late")
UsesCounter.late = late
print(u.late)
u.late = 4
print(u.late, u.__dict__.get("late", "not in dict"))


class Method:
    def __get__(self, obj, owner):
        return lambda *a: ("called", a)


class WithMethod:
    run = Method()


print(WithMethod().run(1, 2), WithMethod.run())


class Raiser:
    def __get__(self, obj, owner):
        raise AttributeError("computed")


class WithRaiser:
    r = Raiser()

    def __getattr__(self, name):
        return "fallback " + name


print(WithRaiser().r if hasattr(WithRaiser(), "r") else "no r")


class Named:
    def __set_name__(self, owner, name):
        print("named", owner.__name__, name)


class Order:
    b = Named()
    a = Named()
    c = 3


Order.d = Named()  # __set_name__ runs at class creation only
print(sorted(k for k in Order.__dict__ if not k.startswith("__")))


class PropFallback:
    @property
    def broken(self):
        raise AttributeError("inside the getter")

    def __getattr__(self, name):
        return "getattr " + name


print(PropFallback().broken)


class NoFallback:
    @property
    def broken(self):
        raise AttributeError("inside the getter")


try:
    NoFallback().broken
except AttributeError as e:
    print("AttributeError", e)


# __set_name__ runs over a snapshot of the namespace: a hook that replaces
# or deletes a sibling does not stop the sibling's own hook
class ReplaceSibling:
    def __init__(self, sibling, replacement):
        self.sibling, self.replacement = sibling, replacement

    def __set_name__(self, owner, name):
        print("set_name of", name)
        setattr(owner, self.sibling, self.replacement)


class Siblings:
    a = ReplaceSibling("b", 312)
    b = ReplaceSibling("a", 311)


print(Siblings.a, Siblings.b)

# __class__ of every kind of value
for v in (1, 2.5, "s", b"b", None, True, [1], (1,), {1: 2}, {1}, range(3), len, Siblings, Siblings(), 1j):
    print(v.__class__.__name__, v.__class__ is type(v))

# bound methods' __name__, __self__, __func__; super()'s repr


class Base:
    def who(self):
        return super()

    @classmethod
    def make(cls):
        return cls


class Child(Base):
    def who(self):
        return (super(), super(Child, self), super(Base, self))


c = Child()
print(c.who.__name__, c.who.__self__ is c, c.who.__func__ is Child.who, Child.make.__name__,
      Child.make.__self__ is Child, [].append.__name__, [].append.__self__ == [])
print(c.who(), repr(super(Child, Child)), str(Base().who()))
