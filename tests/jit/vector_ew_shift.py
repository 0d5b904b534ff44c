# int32 lanes shifted right by a uniform count on PIE (elementwise.c:
# esp.vsr.s32 by SAR, set once before the loop): every count from 0 to 40
# (31 and beyond give the sign), a negative count (ValueError from the
# scalar loop, at the first element), shifts combined with add, max, min.
from array import array


def shr(y, z, n, s):
    for i in range(n):
        z[i] = y[i] >> s


def relu_shr(y, z, n, s, lo, hi):
    for i in range(n):
        z[i] = min(max((y[i] >> s) + lo, 0), hi)


def checksum(c):
    t = 0
    for v in c:
        t = (t * 31 + (v & 0xFFFFF)) & 0xFFFFFF
    return t


y = array("i", [(i * 104729 + 17) % 2000000000 - 1000000000 for i in range(37)])
y[3], y[4], y[5] = 2147483647, -2147483647 - 1, -1
z = array("i", [0] * 37)
for s in range(41):
    shr(y, z, 37, s)
    print(s, checksum(z), z[3], z[4], z[5], z[36])
for s, lo, hi in ((0, 0, 1000), (7, -5, 127), (20, 3, 2147483647), (31, 0, 5)):
    relu_shr(y, z, 35, s, lo, hi)
    print(s, lo, hi, list(z))
try:
    shr(y, z, 37, -1)
except ValueError as e:
    print("ValueError", e, checksum(z))
