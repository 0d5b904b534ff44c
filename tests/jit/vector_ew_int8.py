# Elementwise loops over int8 arrays that elementwise.c runs on PIE's 16
# lanes (on p4sim; QEMU has no PIE and runs them scalar): add, subtract,
# min, max, clamp, ReLU, copies and fills, with uniforms, offsets and every
# trip count around the lane count. The vector loop runs ahead of the
# scalar loop, which does the rest: every length from 0 to 40 and a start
# that is not 0 check that the two meet at the right element.
from array import array


def add(a, b, c, n):
    for i in range(n):
        c[i] = a[i] + b[i]


def sub(a, b, c, n):
    for i in range(n):
        c[i] = a[i] - b[i]


def vmax(a, b, c, n):
    for i in range(n):
        c[i] = max(a[i], b[i])


def vmin(a, b, c, n):
    for i in range(n):
        c[i] = min(b[i], a[i])


def clamp(a, c, n, lo, hi):
    for i in range(n):
        c[i] = min(max(a[i], lo), hi)


def relu(a, n):
    for i in range(n):
        a[i] = max(a[i], 0)


def bias(a, c, n, k):
    for i in range(n):
        c[i] = a[i] + k


def shifted(a, b, c, start, n, d):
    for i in range(start, n):
        c[i] = b[i + d] - a[i + 1]


def copy(a, c, n):
    for i in range(n):
        c[i] = a[i]


def fill(c, n, v):
    for i in range(n):
        c[i] = v


def checksum(c):
    s = 0
    for v in c:
        s = (s * 31 + v) & 0xFFFFFF
    return s


def data(n, mul, add_, span=256):
    return array("b", [(i * mul + add_) % span - span // 2 for i in range(n)])


a = data(48, 7, 3, 128)   # [-64, 63]: sums and differences fit int8
b = data(48, 5, 1, 128)
for n in range(41):
    c = array("b", [9] * 48)
    add(a, b, c, n)
    s1 = checksum(c)
    sub(a, b, c, n)
    s2 = checksum(c)
    vmax(a, b, c, n)
    s3 = checksum(c)
    vmin(a, b, c, n)
    print(n, s1, s2, s3, checksum(c))

full_a, full_b = data(40, 37, 11), data(40, 91, 5)   # every int8 value range
c = array("b", [0] * 40)
vmax(full_a, full_b, c, 40)
print(list(c))
vmin(full_a, full_b, c, 40)
print(list(c))
for lo, hi in ((-20, 30), (0, 127), (-128, 127), (5, 5), (40, -40), (-128, -128), (127, 127)):
    clamp(full_a, c, 40, lo, hi)
    print(lo, hi, list(c))
d = data(37, 13, 2)
relu(d, 37)
print(list(d))
for k in (0, 1, -1, 63, -64):
    bias(a, c, 40, k)
    print(k, checksum(c))
for start, n, d in ((0, 30, 1), (3, 33, 2), (5, 5, 0), (1, 20, 7), (2, 40, 5)):
    c = array("b", [1] * 48)
    shifted(a, b, c, start, n, d)
    print(start, n, d, list(c))
copy(full_a, c, 33)
print(list(c))
fill(c, 35, -7)
print(list(c))
fill(c, 18, 127)
print(list(c))

# near misses, left scalar: a product, an element read at a fixed index, the
# counter as a value, a shifted store
def mul(a, b, c, n):
    for i in range(n):
        c[i] = a[i] * b[i]


def plus_first(a, c, n):
    for i in range(n):
        c[i] = a[i] + a[0]


def counter(c, n):
    for i in range(n):
        c[i] = i


def store_ahead(a, c, n):
    for i in range(n):
        c[i + 1] = a[i]


small = data(40, 3, 1, 20)
mul(small, small, c, 40)
print(list(c))
w = data(40, 3, 1, 100)
plus_first(w, c, 40)
print(list(c))
counter(c, 40)
print(list(c))
store_ahead(w, w, 39)
print(list(w))
