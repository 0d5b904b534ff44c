# Runs at start-up (examples/esp-idf): an int8 dot product the JIT compiles,
# timed with the p4 module (64-bit cycle counter, clock-tree frequency).
import p4
from array import array


def dot(a, b, n):
    s = 0
    for i in range(n):
        s += a[i] * b[i]
    return s


n = 4096
a = array('b', [(i * 7) % 127 - 63 for i in range(n)])
b = array('b', [(i * 13) % 127 - 63 for i in range(n)])
print("dot", dot(a, b, n))
t0 = p4.cycles()
r = dot(a, b, n)
t1 = p4.cycles()
print("again", r, "cycles", t1 - t0, "at", p4.freq() // 1000000, "MHz")
