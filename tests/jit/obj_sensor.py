# p4: float-tolerance
# Classes as people write them for drivers: a sensor base class, two
# drivers that override its methods, a filter object with state, methods
# calling methods (self.m(x), o.m(x)), super() in __init__, class
# attributes, an instance attribute shadowing a method, a method replaced
# on the class between calls. Output checked against CPython.
class Sensor:
    scale = 1.0

    def __init__(self, offset):
        self.offset = offset
        self.count = 0
        self.total = 0.0

    def convert(self, raw):
        return raw * 0.5 * self.scale + self.offset

    def sample(self, raw):
        v = self.convert(raw)
        self.count += 1
        self.total += v
        return v

    def mean(self):
        if self.count == 0:
            return 0.0
        return self.total / self.count


class Thermo(Sensor):
    def __init__(self, offset, gain):
        super().__init__(offset)
        self.gain = gain

    def convert(self, raw):
        return raw * self.gain + self.offset


class Clamped(Thermo):
    limit = 3

    def __init__(self, offset, gain, lo, hi):
        super().__init__(offset, gain)
        self.lo = lo
        self.hi = hi

    def clamp(self, v):
        if v > Clamped.limit * self.hi:
            return 0.0
        if v < self.lo:
            return self.lo
        if v > self.hi:
            return self.hi
        return v

    def convert(self, raw):
        return self.clamp(raw * self.gain + self.offset)


class Ema:
    def __init__(self, alpha):
        self.alpha = alpha
        self.s = 0.0

    def update(self, x):
        self.s = self.s + self.alpha * (x - self.s)
        return self.s

    def run(self, sensor, n):
        acc = 0.0
        for i in range(n):
            acc += self.update(sensor.sample(float(i % 17)))
        return acc


def read_all(sensor, n):
    acc = 0.0
    for i in range(n):
        acc += sensor.sample(float(i % 13))
    return acc


def hist(sensor, n):
    lo = 0
    hi = 0
    for i in range(n):
        v = sensor.convert(float(i))
        if v < 10.0:
            lo += 1
        else:
            hi += 1
    return lo * 1000 + hi


orig_clamp = Clamped.clamp
for s in (Sensor(1.0), Thermo(-2.0, 0.25), Clamped(0.5, 2.0, 1.0, 20.0)):
    for rep in range(3):
        print(type(s).__name__, round(read_all(s, 200), 3), round(s.mean(), 4), hist(s, 40))
e = Ema(0.125)
t = Thermo(3.0, 0.5)
for rep in range(3):
    print("ema", round(e.run(t, 150), 3), round(e.s, 4), t.count)

# an instance attribute shadows the method; then the class is patched
c = Clamped(0.0, 1.0, 2.0, 8.0)
print(read_all(c, 30), hist(c, 20))
c.convert = lambda raw: raw + 100.0
print(read_all(c, 30), hist(c, 20))
del c.convert
print(read_all(c, 30), hist(c, 20))
Clamped.clamp = lambda self, v: v * 2.0
print(read_all(c, 30), hist(c, 20))
del Clamped.clamp
try:
    print(read_all(c, 30))
except AttributeError as ex:
    print("AttributeError", ex)
Thermo.convert = Sensor.convert
print(read_all(Thermo(1.0, 9.0), 30), hist(Thermo(1.0, 9.0), 20))

# class attributes: replaced with another type, shadowed by the instance,
# deleted (AttributeError from compiled code's caller, as interpreted)
Clamped.clamp = orig_clamp
s = Sensor(0.25)
for change in range(6):
    if change == 1:
        Sensor.scale = 3
    elif change == 2:
        s.scale = 0.5
    elif change == 3:
        del s.scale
    elif change == 4:
        Clamped.limit = 0.5
    elif change == 5:
        del Sensor.scale
    try:
        print(change, read_all(s, 20), hist(s, 30), hist(Clamped(0.5, 2.0, 1.0, 20.0), 30))
    except AttributeError as ex:
        print(change, "AttributeError", ex)
