# Elementwise loops over int16 (8 lanes) and int32 (4 lanes) arrays that
# elementwise.c runs on PIE (on p4sim): add, subtract, min, max, ReLU,
# clamp, with every trip count from 0 to 30, offsets and uniforms.
from array import array


def add(a, b, c, n):
    for i in range(n):
        c[i] = a[i] + b[i]


def sub(a, b, c, n):
    for i in range(n):
        c[i] = a[i] - b[i]


def relu(y, z, n):
    for i in range(n):
        z[i] = max(y[i], 0)


def clamp(a, c, n, lo, hi):
    for i in range(n):
        c[i] = max(min(a[i], hi), lo)


def window(a, c, n, k):
    for i in range(n):
        c[i] = max(a[i], a[i + k])


def checksum(c):
    s = 0
    for v in c:
        s = (s * 31 + v) & 0xFFFFFF
    return s


for tc, lo, hi in (("h", -32768, 32767), ("i", -2147483647 - 1, 2147483647)):
    span = 60000 if tc == "h" else 2000000000
    a = array(tc, [(i * 7919 + 13) % span // 2 - span // 4 for i in range(40)])
    b = array(tc, [(i * 104729 + 7) % span // 2 - span // 4 for i in range(40)])
    for n in range(31):
        c = array(tc, [5] * 40)
        add(a, b, c, n)
        s1 = checksum(c)
        sub(a, b, c, n)
        s2 = checksum(c)
        relu(a, c, n)
        s3 = checksum(c)
        clamp(b, c, n, -1000, 999)
        print(tc, n, s1, s2, s3, checksum(c))
    for k in (0, 1, 5, 9):
        c = array(tc, [0] * 40)
        window(a, c, 30, k)
        print(tc, k, list(c))
    ext = array(tc, [lo, hi, 0, -1, 1, 2, -2, 3] * 3)
    c = array(tc, [0] * 24)
    relu(ext, c, 24)
    print(tc, list(c))
    clamp(ext, c, 24, lo, hi)
    print(tc, list(c))
    clamp(ext, c, 24, 0, 0)
    print(tc, list(c))
