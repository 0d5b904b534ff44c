# Class-based code as people write it (the jitobj3 measurement of
# docs/jit.md, "super() and special methods"): a filter chain whose stages
# extend a base stage through super() (bookkeeping in the base, the
# stage's own work after it), and a 2-D vector class with operators used
# by a particle integration loop. Prints the modelled cycles of the third
# calls (p4.cycles) and the results.
import p4


class Stage:
    def __init__(self):
        self.n = 0
        self.peak = 0.0

    def update(self, x):
        self.n = self.n + 1
        if x > self.peak:
            self.peak = x
        return x


class Lowpass(Stage):
    def __init__(self, a):
        super().__init__()
        self.a = a
        self.y = 0.0

    def update(self, x):
        x = super().update(x)
        self.y = self.y + self.a * (x - self.y)
        return self.y


class Offset(Lowpass):
    def __init__(self, a, off):
        super().__init__(a)
        self.off = off

    def update(self, x):
        return super().update(x) - self.off


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __getitem__(self, i):
        return self.x if i == 0 else self.y

    def __len__(self):
        return 2


def filter_run(f, n):
    s = 0.0
    for i in range(n):
        s = s + f.update(((i * 37) % 101) * 0.25)
    return s


def integrate(p, v, g, n):
    dt = 0.01
    for i in range(n):
        v = v + g * dt
        p = p + v * dt
        if p[1] < 0.0:
            v = v * -0.5
    return p


f = Offset(0.25, 1.0)
for k in range(2):
    filter_run(f, 10)
    integrate(Vec(0.0, 10.0), Vec(1.0, 0.0), Vec(0.0, -9.81), 10)
c0 = p4.cycles()
s = filter_run(f, 500)
c1 = p4.cycles()
p = integrate(Vec(0.0, 10.0), Vec(1.0, 0.0), Vec(0.0, -9.81), 500)
c2 = p4.cycles()
print("filter 500 cycles", c1 - c0, round(s, 3), f.n, f.peak)
print("vectors 500 cycles", c2 - c1, round(p[0], 3), round(p[1], 3), len(p))
