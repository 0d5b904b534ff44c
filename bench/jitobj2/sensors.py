# A sensor driver as people write one (the jitobj2 measurement of
# docs/jit.md, "Calls into the interpreter", "Objects as values"): a driver
# calling its filter object through an attribute, a chain of filter
# stages, a Reading object made per sample and kept until the next, a
# (value, flag) tuple returned and unpacked, a log helper the JIT refuses
# (a dict) called from the loop. Prints the modelled cycles of the second
# calls (p4.cycles) and the results.
import p4


class Reading:
    def __init__(self, t, v):
        self.t = t
        self.v = v

    def delta(self, other):
        return self.v - other.v


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

    def update(self, x):
        return self.second.update(self.first.update(x))


counts = {"high": 0}


def note_high(v):
    counts["high"] += 1


def clamp(v, lo, hi):
    if v < lo:
        return lo, True
    if v > hi:
        return hi, True
    return v, False


class Driver:
    def __init__(self, f):
        self.filter = f
        self.last = Reading(0, 0.0)
        self.clipped = 0

    def raw(self, i):
        return ((i * 37) % 101) * 0.25

    def poll(self, n):
        s = 0.0
        prev = self.last
        for i in range(n):
            y = self.filter.update(self.raw(i))
            v, clipped = clamp(y, 1.0, 20.0)
            if clipped:
                self.clipped += 1
            r = Reading(i, v)
            s += r.delta(prev)
            if v > 19.0:
                note_high(v)
            prev = r
        self.last = prev
        return s


d = Driver(Chain(Lowpass(0.25), Gain(1.5)))
d.poll(2)
d.poll(2)  # (a call result of another type than guessed has the JIT compile poll again here)
c0 = p4.cycles()
s = d.poll(500)
c1 = p4.cycles()
print("driver 500 polls cycles", c1 - c0, round(s, 3), d.clipped, counts["high"], round(d.last.v, 3))
