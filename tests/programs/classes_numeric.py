# Numeric kernels defined in classes (staticmethods, plain functions called
# from methods): the JIT compiles them (their arguments are numbers and
# arrays) while the methods around them stay interpreted.
# p4: float-tolerance
from array import array


def dot(a, b, n):
    s = 0.0
    for i in range(n):
        s += a[i] * b[i]
    return s


class FIR:
    def __init__(self, taps):
        self.taps = array("f", taps)
        self.n = len(taps)
        self.hist = array("f", [0.0] * len(taps))
        self.pos = 0

    def shift(hist, n, x):
        for i in range(n - 1, 0, -1):
            hist[i] = hist[i - 1]
        hist[0] = x
        return 0

    shift = staticmethod(shift)

    def update(self, x):
        FIR.shift(self.hist, self.n, x)
        return dot(self.taps, self.hist, self.n)


class EMA:
    def __init__(self, alpha):
        self.alpha = alpha
        self.acc = 0.0

    def step(acc, alpha, x):
        return acc + alpha * (x - acc)

    step = staticmethod(step)

    def update(self, x):
        self.acc = EMA.step(self.acc, self.alpha, x)
        return self.acc


class Counter:
    def __init__(self):
        self.hits = 0

    def count_above(data, n, limit):
        c = 0
        for i in range(n):
            if data[i] > limit:
                c += 1
        return c

    count_above = staticmethod(count_above)

    def feed(self, data, limit):
        self.hits += Counter.count_above(data, len(data), limit)
        return self.hits


fir = FIR([0.25, 0.5, 0.25])
ema = EMA(0.5)
cnt = Counter()
signal = [0.0, 1.0, 4.0, 9.0, 16.0, 9.0, 4.0, 1.0, 0.0, -2.0]
out_fir = [fir.update(x) for x in signal]
out_ema = [ema.update(x) for x in signal]
print([round(v, 4) for v in out_fir])
print([round(v, 4) for v in out_ema])
data = array("i", [3, 8, 1, 9, 12, 5, 7])
print(cnt.feed(data, 4), cnt.feed(data, 8), cnt.hits)
total = 0.0
for k in range(200):
    total += fir.update(k % 7 * 0.5) + ema.update(k % 3)
print(round(total, 2), round(ema.acc, 4))
