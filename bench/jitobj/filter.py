# Closures: a filter made by a closure over its bounds, and an exponential
# moving average that writes its state through nonlocal (jitobj measurement).
import p4
from array import array
def make_filter(lo, hi):
    def keep(a, out):
        k = 0
        for v in a:
            if lo <= v and v < hi:
                out[k] = v
                k += 1
        return k
    return keep
def make_ema(alpha):
    s = 0.0
    def ema(a):
        nonlocal s
        for v in a:
            s = s + alpha * (v - s)
        return s
    return ema
keep = make_filter(-50, 50)
ema = make_ema(0.125)
a = array('h', [(i * 73) % 400 - 200 for i in range(1000)])
out = array('h', [0] * 1000)
keep(a, out); ema(a)
c0 = p4.cycles()
n = 0
for r in range(10):
    n += keep(a, out)
c1 = p4.cycles()
for r in range(10):
    e = ema(a)
c2 = p4.cycles()
print("closure filter 10x1000 cycles", c1 - c0, n, "ema", c2 - c1, round(e, 3))
