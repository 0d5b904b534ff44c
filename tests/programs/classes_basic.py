# Classes: inheritance, C3 MRO and super() chains, class and instance
# attributes, attribute assignment/deletion, bound methods, descriptors
# (explicit staticmethod/classmethod/property), isinstance/issubclass.


class Sensor:
    kind = "generic"
    count = 0

    def __init__(self, name, scale=1.0):
        self.name = name
        self.scale = scale
        self.readings = []
        Sensor.count += 1

    def read_raw(self):
        return 0

    def read(self):
        v = self.read_raw() * self.scale
        self.readings.append(v)
        return v

    def describe(self):
        return self.kind + ":" + self.name

    def mean(self):
        if not self.readings:
            return None
        return sum(self.readings) / len(self.readings)


class Thermometer(Sensor):
    kind = "temp"

    def __init__(self, name, offset):
        super().__init__(name, 0.5)
        self.offset = offset
        self.t = 40

    def read_raw(self):
        self.t += 3
        return self.t + self.offset


class Hygrometer(Sensor):
    kind = "humidity"

    def read_raw(self):
        return len(self.readings) * 10 + 5

    def describe(self):
        return "H/" + super().describe()


class Combo(Thermometer, Hygrometer):
    def describe(self):
        return "combo[" + super().describe() + "]"


sensors = [Thermometer("t1", 2), Hygrometer("h1"), Combo("c1", -1)]
for s in sensors:
    for _ in range(3):
        s.read()
    print(s.describe(), s.readings, s.mean(), type(s).__name__)
print("count", Sensor.count, Thermometer.count, sensors[0].count)
print([c.__name__ for c in Combo.__mro__])
print(Combo.__bases__ == (Thermometer, Hygrometer), Sensor.__bases__)
print(Sensor, Combo, type(sensors[2]) is Combo)
print(isinstance(sensors[2], Hygrometer), isinstance(sensors[0], Hygrometer),
      isinstance(sensors[1], (int, str, Sensor)), isinstance(3, (Sensor, int)))
print(issubclass(Combo, Sensor), issubclass(Sensor, Combo), issubclass(Combo, (str, Hygrometer)),
      issubclass(bool, int), issubclass(Combo, object), isinstance(Combo, object))


# diamond with a cooperative super() chain
class Base:
    def __init__(self):
        self.trail = ["Base"]

    def who(self):
        return ["Base"]


class Left(Base):
    def __init__(self):
        super().__init__()
        self.trail.append("Left")

    def who(self):
        return ["Left"] + super().who()


class Right(Base):
    def __init__(self):
        super(Right, self).__init__()
        self.trail.append("Right")

    def who(self):
        return ["Right"] + super().who()


class Bottom(Left, Right):
    def __init__(self):
        super().__init__()
        self.trail.append("Bottom")

    def who(self):
        return ["Bottom"] + super().who()


b = Bottom()
print(b.trail, b.who(), [k.__name__ for k in Bottom.__mro__])


# an inconsistent MRO is a TypeError with CPython's message
class X: pass
class Y(X): pass
try:
    class Z(X, Y): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class W(X, X): pass
except TypeError as e:
    print("TypeError:", e)


# attributes: instance shadows class, assignment, deletion, class attribute changes
class Counter:
    step = 1

    def __init__(self):
        self.n = 0

    def tick(self):
        self.n += self.step
        return self


c = Counter()
c.tick().tick()
print(c.n, c.step, Counter.step)
c.step = 10
c.tick()
print(c.n, c.step, Counter.step)
del c.step
c.tick()
print(c.n, c.step)
Counter.step = 5
c.tick()
print(c.n, c.__dict__, sorted(k for k in Counter.__dict__ if k[0] != "_"))
c.extra = [1, 2]
c.extra += [3]
print(c.extra)
try:
    del c.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    c.nothing
except AttributeError as e:
    print("AttributeError:", e)
try:
    Counter.nothing
except AttributeError as e:
    print("AttributeError:", e)
del Counter.step
try:
    c.tick()
except AttributeError as e:
    print("AttributeError:", e)


# bound methods are values; methods are plain functions on the class
m = Thermometer("t9", 0).read
print(m(), m(), Sensor.describe(sensors[1]))
fns = [s.describe for s in sensors]
print([f() for f in fns])


# staticmethod, classmethod and property, in the explicit (non-decorator) form
class Temp:
    unit = "C"

    def __init__(self, c):
        self._c = c

    def get_f(self):
        return self._c * 9 / 5 + 32

    def set_f(self, f):
        self._c = (f - 32) * 5 / 9

    def del_f(self):
        self._c = 0

    f = property(get_f, set_f, del_f)

    def from_f(cls, f):
        t = cls(0)
        t.f = f
        return t

    from_f = classmethod(from_f)

    def convert(c):
        return c * 9 / 5 + 32

    convert = staticmethod(convert)

    def read_only(self):
        return self._c

    ro = property(read_only)


t = Temp(100)
print(t.f, Temp.convert(0), t.convert(100))
t.f = 32
print(t._c, t.f)
t2 = Temp.from_f(212)
print(type(t2).__name__, t2._c, t.from_f(50)._c)
del t.f
print(t._c, t.ro)
try:
    t.ro = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    del t.ro
except AttributeError as e:
    print("AttributeError:", e)


class Sub(Temp):
    unit = "K"

    def make(cls):
        return cls.unit

    make = classmethod(make)


print(Sub.make(), Sub(1).make(), Temp.from_f(32).unit, Sub.from_f(32).unit)


# object: the root; object() instances; classes with no __init__
o = object()
print(type(o) is object, isinstance(o, object), isinstance(Sub, object), o is not object())


class Empty:
    pass


e = Empty()
e.a = 1
print(e.a, isinstance(e, Empty), type(e) is Empty)
try:
    Empty(1)
except TypeError as err:
    print("TypeError:", err)


class BadInit:
    def __init__(self):
        return 1


try:
    BadInit()
except TypeError as err:
    print("TypeError:", err)


# a class body runs once, in order, and may compute its attributes
class Table:
    squares = [i * i for i in range(5)]
    total = 0
    for v in squares:
        total += v
    if total > 10:
        big = True
    else:
        small = True


print(Table.squares, Table.total, Table.big, sorted(k for k in Table.__dict__ if not k.startswith("__")))


# __new__: runs before __init__ with the class and the arguments; __init__
# runs only when it returns an instance of the class; implicitly static.
class Tracked:
    made = []

    def __new__(cls, name):
        self = super().__new__(cls)
        self.order = len(Tracked.made)
        Tracked.made.append(name)
        return self

    def __init__(self, name):
        self.name = name


class Singleton:
    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = object.__new__(cls)
            cls._instance.count = 0
        return cls._instance

    def __init__(self):
        self.count += 1


class NotMine:
    def __new__(cls, v):
        return v * 2

    def __init__(self, v):
        print("never runs")


class Sub(Tracked):
    def __init__(self, name):
        super().__init__(name.upper())


class Celsius(float):
    def __new__(cls, degrees):
        return super().__new__(cls, round(degrees, 1))


t1, t2, s3 = Tracked("a"), Tracked("b"), Sub("c")
print(t1.order, t2.order, s3.order, s3.name, Tracked.made, type(s3).__name__)
a, b = Singleton(), Singleton()
print(a is b, a.count, NotMine(21), t1.__new__(Tracked, "d").order, Celsius(21.25) + 0)
for bad in (1, int):
    try:
        object.__new__(bad)
    except TypeError as e:
        print("TypeError", e)
