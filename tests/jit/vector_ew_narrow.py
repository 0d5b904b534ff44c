# int32 elements narrowed into int8 on PIE (elementwise.c: the 16 lanes into
# QACC, esp.srcmb.s8.qacc shifting and saturating, vmax/vmin, one 128-bit
# store): clamps of an int32 element, shifted right by a uniform count or
# not, stored into an int8 array. Every count 0-40 (31 and beyond give the
# sign), values beyond int8 and at int32's ends, both clamp orders, offsets,
# lengths that leave a scalar tail, and the near misses that must stay
# scalar: no min (a value above 127 raises OverflowError at the store), no
# max, a bound outside int8 (raises), an add before the shift, a negative
# count (ValueError), an index past the end (IndexError at the right
# element).
from array import array


def narrow(t, n, s, lo, out, off):
    for i in range(n):
        out[off + i] = min(max(t[i] >> s, lo), 127)


def narrow_from(t, a, n, s, lo, hi, out):
    for i in range(a, n):
        out[i - a] = max(min(t[i + 1] >> s, hi), lo)


def clamp8(t, n, lo, hi, out):
    for i in range(n):
        out[i] = min(max(t[i], lo), hi)


def no_min(t, n, s, out):
    for i in range(n):
        out[i] = max(t[i] >> s, -128)


def no_max(t, n, s, out):
    for i in range(n):
        out[i] = min(t[i] >> s, 127)


def added(t, n, s, b, out):
    for i in range(n):
        out[i] = min(max((t[i] + b) >> s, 0), 127)


def checksum(c):
    h = 0
    for v in c:
        h = (h * 31 + (v & 0xFF)) & 0xFFFFFF
    return h


N = 77
t = array("i", [(i * 104729 + 17) % 2000000000 - 1000000000 for i in range(N)])
t[3], t[4], t[5], t[6], t[7] = 2147483647, -2147483647 - 1, -1, 127, -128
for i in range(40, 60):
    t[i] = i * 37 - 900                     # small values: the clamps matter
out = array("b", [0] * (N + 20))
for s in range(41):
    narrow(t, N, s, 0, out, 3)
    print(s, checksum(out), list(out[:12]))
for s, lo in ((0, -128), (5, -7), (12, -128), (31, -128), (33, 0)):
    narrow(t, N - 5, s, lo, out, 0)
    print("lo", s, lo, checksum(out), list(out[36:64]))
for a, n, s, lo, hi in ((0, N - 1, 4, -100, 100), (3, 70, 0, 1, 2), (10, 42, 9, -128, 127), (0, 17, 2, 5, -5)):
    narrow_from(t, a, n, s, lo, hi, out)
    print("from", a, n, checksum(out), list(out[:20]))
clamp8(t, N, -3, 90, out)
print("clamp8", checksum(out), list(out[35:62]))
try:
    no_max(t, N, 20, out)
except OverflowError:
    print("no_max OverflowError", checksum(out))
no_max(t, 40, 31, out)
print("no_max", checksum(out), list(out[:12]))
try:
    no_min(t, N, 20, out)
except OverflowError:
    print("no_min OverflowError", checksum(out))
try:
    clamp8(t, N, -3, 200, out)
except OverflowError:
    print("clamp8 OverflowError", checksum(out))
added(t, 40, 24, 99, out)
print("added", checksum(out))
try:
    narrow(t, N, -1, 0, out, 0)
except ValueError as e:
    print("ValueError", e, checksum(out))
try:
    narrow(t, N, 3, 0, out, 21)
except IndexError as e:
    print("IndexError", e, checksum(out), list(out[90:]))
