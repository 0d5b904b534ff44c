# Methods on instances and closures over cells, which the JIT compiles
# (attributes in the instance's own dict, free variables), with results that
# are exact in float32 so that CPython is the oracle: a particle stepped in
# a loop, an accumulator object, a class holding an int8 array with a dot
# method, closure-made filters and counters (nonlocal), and the same
# methods after their attributes change type, move or go.
from array import array


class Particle:
    def __init__(self, x, y, vx, vy):
        self.x = x
        self.y = y
        self.vx = vx
        self.vy = vy

    def step(self, n):
        for i in range(n):
            self.vy = self.vy - 0.5
            self.x = self.x + self.vx
            self.y = self.y + self.vy
            if self.y < 0:
                self.y = -self.y
                self.vy = -self.vy
        return self.y

    def speed2(self):
        return self.vx * self.vx + self.vy * self.vy


class Acc:
    def __init__(self):
        self.count = 0
        self.sum = 0
        self.big = 0

    def feed(self, a):
        for v in a:
            self.count += 1
            self.sum += v
            if v > self.big:
                self.big = v
        return self.sum


class Dot8:
    def __init__(self, w, shift):
        self.w = array('b', w)
        self.shift = shift

    def apply(self, x):
        s = 0
        for i in range(len(self.w)):
            s += self.w[i] * x[i]
        return s >> self.shift


def make_ema(num, den):
    y = 0
    def ema(x):
        nonlocal y
        y = y + (x - y) * num // den
        return y
    return ema


def make_threshold(lo, hi):
    def keep(a, out):
        k = 0
        for v in a:
            if lo <= v and v < hi:
                out[k] = v
                k += 1
        return k
    return keep


def main():
    ps = [Particle(0.0, 8.0 + k, 0.25 * k, 0.0) for k in range(4)]
    for rep in range(3):
        print([p.step(6) for p in ps], [p.x for p in ps], [p.speed2() for p in ps])
    acc = Acc()
    print(acc.feed(array('h', [3, -7, 12, 400, 5])), acc.count, acc.big)
    print(acc.feed(array('h', range(100))), acc.count, acc.big)
    acc.sum = 0.5                      # int -> float mid-run
    print(acc.feed(array('h', [1, 2])), acc.count)
    d = Dot8([1, -2, 3, -4, 5, -6, 7, -8], 1)
    x = array('b', [10, 20, 30, 40, 50, 60, 70, 80])
    print(d.apply(x), d.apply(array('b', [-128] * 8)))
    d.shift = 3
    print(d.apply(x))
    d.w = bytearray([1, 2, 3, 4, 5, 6, 7, 8])
    print(d.apply(x))
    ema = make_ema(1, 4)
    print([ema(v) for v in (100, 100, 100, 0, 0, 40)])
    keep = make_threshold(10, 50)
    out = array('i', [0] * 16)
    n = keep(array('i', [5, 10, 49, 50, 20, -3, 11]), out)
    print(n, list(out[:n]))
    q = Particle(0.0, 4.0, 1.0, 0.0)
    q.step(2)
    q.vx = 2                           # float -> int
    print(q.step(2), q.x)
    del q.vy
    q.vy = 1.5                         # deleted and back at another place
    print(q.step(3), q.x, q.speed2())
    try:
        del q.x
        q.step(1)
    except AttributeError as e:
        print("AttributeError:", e)


main()
