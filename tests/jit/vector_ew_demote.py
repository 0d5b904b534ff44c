# Demoting stores on PIE (elementwise.c, vec10): int32 lanes stored into an
# int16 array and int16 lanes into an int8 array (esp.vunzip.16/.8 gathers
# the low halves, esp.vst.l.64.ip stores 64 bits), as lib/p4nn's requant16
# route writes them (shift32_16, narrow16_8, mul_shift16 into int8). A value
# out of the narrower range raises OverflowError at the store in the
# interpreter: a clamp proves the range (no test; bounds that are arguments
# are tested once, before the loop: one outside the narrower range and no
# vector iteration runs), otherwise each iteration tests clamp(v) == v and
# leaves a lane that does not fit to the scalar loop. Every length 0-40 and a few large, offsets, the overflow
# in the first and the last lane, an index past the end, a negative start.
from array import array


def shift32_16(a, s, n, h):
    for i in range(n):
        h[i] = a[i] >> s


def narrow16_8(h, n, out, off):
    for i in range(n):
        out[off + i] = h[i]


def clamp16_8(h, n, out):
    # proven in range by the clamp: no test per iteration
    for i in range(n):
        out[i] = max(-128, min(127, h[i]))


def clamp32_16(a, n, lo, hi, out):
    # bounds that are arguments: tested once, before the loop
    for i in range(n):
        out[i] = min(max(a[i], lo), hi)


def mul_shift8(h, m, D, lo, n, out):
    for i in range(n):
        out[i] = min(max((h[i] * m[i]) >> D, lo), 127)


def add32_16(a, b, n, out, o):
    for i in range(n):
        out[i + o] = a[i + 1] - b[i]


def from_start(a, st, n, out):
    for i in range(st, n):
        out[i - st] = a[i] >> 4


def checksum(x):
    s = 0
    for i in range(len(x)):
        s = (s * 31 + x[i] + 7) % 1000003
    return s


def attempt(f, *args):
    try:
        f(*args)
        return "ok"
    except Exception as e:
        return type(e).__name__ + ": " + str(e)


big = array("i", [(i * 7919) % 400001 - 200000 for i in range(300)])
small = array("i", [(i * 7919) % 30001 - 15000 for i in range(300)])
h16 = array("h", [(i * 613) % 20001 - 10000 for i in range(300)])
h8 = array("h", [(i * 37) % 255 - 127 for i in range(300)])
m16 = array("h", [(i * 5) % 9 + 1 for i in range(300)])

for n in list(range(0, 41)) + [64, 100, 255]:
    h = array("h", [0] * 300)
    shift32_16(big, 3, n, h)
    o = array("b", [5] * 304)
    narrow16_8(h8, n, o, 3)
    c = array("b", [0] * 300)
    clamp16_8(h16, n, c)
    w = array("h", [0] * 300)
    clamp32_16(big, n, -32768, 32767, w)
    q = array("b", [0] * 300)
    mul_shift8(h16, m16, 6, -100, n, q)
    r = array("h", [0] * 300)
    add32_16(small, small, n, r, 2)
    print(n, checksum(h), checksum(o), checksum(c), checksum(w), checksum(q), checksum(r))

# a lane out of range: the first, the last of a vector, the scalar tail
for at in [0, 3, 7, 8, 15, 16, 31, 36]:
    a = array("i", [i for i in range(37)])
    a[at] = 40000 << 2
    h = array("h", [0] * 37)
    print("shift", at, attempt(shift32_16, a, 2, 37, h), checksum(h))
    a[at] = -40000 << 2
    print("shift-neg", at, attempt(shift32_16, a, 2, 37, h), checksum(h))
    t = array("h", [i - 18 for i in range(37)])
    t[at] = 128
    o = array("b", [1] * 40)
    print("narrow", at, attempt(narrow16_8, t, 37, o, 1), checksum(o))
    t[at] = -129
    print("narrow-neg", at, attempt(narrow16_8, t, 37, o, 0), checksum(o))
    w = array("h", [0] * 37)
    print("clamp-args", at, attempt(clamp32_16, a, 37, -40000, 40000, w), checksum(w))

# a clamp on one side only: each iteration tested
def upper_only(a, n, hi, out):
    for i in range(n):
        out[i] = min(a[i], hi)


for at in [0, 5, 39]:
    a = array("i", [i - 20 for i in range(40)])
    a[at] = -32769
    w = array("h", [0] * 40)
    print("upper-only", at, attempt(upper_only, a, 40, 100, w), checksum(w))
# clamp by arguments that keep everything in range: no overflow
w = array("h", [0] * 100)
print("clamp-in", attempt(clamp32_16, big, 100, -300, 300, w), checksum(w))
# an index past the end: the output shorter than n, the input shorter
h = array("h", [0] * 29)
print("short-out", attempt(shift32_16, big, 1, 40, h), checksum(h))
h = array("h", [0] * 60)
print("short-in", attempt(shift32_16, array("i", range(45)), 1, 50, h), checksum(h))
o = array("b", [0] * 30)
print("short-off", attempt(narrow16_8, h8, 30, o, 5), checksum(o))
# a negative start index wraps: the scalar loop
r = array("h", [0] * 50)
print("neg-start", attempt(from_start, big, -3, 40, r), checksum(r))
print("start", attempt(from_start, big, 5, 45, r), checksum(r))
# a negative shift count raises ValueError
h = array("h", [0] * 40)
print("neg-count", attempt(shift32_16, small, -1, 40, h), checksum(h))
