# Loops the JIT unrolls four times (unroll.c) and schedules (sched.c): every
# trip count around the unroll factor, constant trip counts, bounds near the
# 32-bit limits, start values other than 0, pointers stepping by more than one element, float and
# int accumulators, and unrolled loops nested in others.
from array import array


def xor_range(lo, hi):  # no checks in the body: unrolled
    x = 0
    for k in range(lo, hi):
        x ^= k
    return x


def dot8(a, b, n):
    acc = 0
    for k in range(n):
        acc += a[k] * b[k]
    return acc


def strided(a, n, s):  # a[s*k + 1]: a pointer stepping s elements
    acc = 0
    for k in range(n):
        acc += a[s * k + 1]
    return acc


def backwards(a, n):  # a[n - 1 - k]: a pointer stepping down
    acc = 0
    for k in range(n):
        acc += a[n - 1 - k] * (k + 1)
    return acc


def fdot(x, y, n):
    s = 0.0
    for k in range(n):
        s += x[k] * y[k]
    return s


def const_trips(a):  # constant ends: the original loop goes when 4 divides the trips
    s8 = 0
    for k in range(8):
        s8 += a[k] * 3
    s12 = 0
    for k in range(2, 14):
        s12 ^= a[k] + k
    last = k  # the counter after the loop, as Python leaves it
    s6 = 0
    for k in range(6):
        s6 += a[k]
    s0 = 7
    for k in range(0):
        s0 += a[k]
    for k in range(9, 5):
        s0 += a[k]
    return s8, s12, last, s6, s0


def matvec(m, v, out, rows, cols):
    for r in range(rows):
        acc = 0
        for c in range(cols):
            acc += m[r * cols + c] * v[c]
        out[r] = acc


a = array("b", [(i * 37 + 11) % 256 - 128 for i in range(64)])
b = array("b", [(i * 53 + 7) % 256 - 128 for i in range(64)])
h = array("h", [(i * 997) % 65536 - 32768 for i in range(100)])
f = array("f", [i * 0.25 - 3.0 for i in range(40)])
g = array("f", [1.5 - i * 0.125 for i in range(40)])
for n in range(0, 11):
    print(n, xor_range(0, n), xor_range(3, 3 + n), dot8(a, b, n), fdot(f, g, n), backwards(h, n))
for s in (1, 2, 3, 5):
    print("stride", s, [strided(h, n, s) for n in (0, 1, 4, 5, 9, 19)])
MIN = -2147483648
MAX = 2147483647
for lo, hi in ((MIN, MIN), (MIN, MIN + 1), (MIN, MIN + 2), (MIN, MIN + 3), (MIN, MIN + 4), (MIN, MIN + 9),
               (MAX - 9, MAX), (MAX - 4, MAX), (MAX - 3, MAX), (MAX - 1, MAX), (MAX, MAX), (5, -5), (-7, 2)):
    print("limits", lo, hi, xor_range(lo, hi))
print("const", const_trips(a), const_trips(b))
out = array("i", [0] * 7)
for rows, cols in ((7, 9), (3, 4), (2, 0), (7, 13)):
    m = array("b", [(i * 29 + 3) % 256 - 128 for i in range(rows * cols)])
    v = array("b", [(i * 31 + 5) % 256 - 128 for i in range(cols)])
    matvec(m, v, out, rows, cols)
    print("matvec", rows, cols, list(out))
try:
    print(dot8(a, b, 65))  # out of range at k = 64: the checked loop raises
except IndexError as e:
    print("IndexError", e)
