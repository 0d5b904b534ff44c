# p4: float-tolerance
# Float arithmetic, conversions and math in compiled code.
import math


def poly(x):
    return 3.5 * x * x - 2.0 * x + 0.25


def mixed(n, x):
    s = 0.0
    for i in range(n):
        s = s + i * x - i / 4
    return s


def conv(x):
    return int(x) + int(-x) * 2 + math.floor(x) - math.ceil(x)


def roots(n):
    t = 0.0
    for i in range(1, n):
        t += math.sqrt(i) + abs(-i * 0.5)
    return t


def cmps(a, b):
    c = 0
    if a < b:
        c += 1
    if a <= b:
        c += 2
    if a == b:
        c += 4
    if a != b:
        c += 8
    if a > b:
        c += 16
    if a >= b:
        c += 32
    if a > 2:
        c += 64
    return c


for v in [0.0, 1.5, -2.25, 100.125, 1e-3, -7.75]:
    print(poly(v), conv(v), cmps(v, 1.5), cmps(1.5, v))
print(mixed(50, 0.3))
print(roots(100))
print(min(2.5, -1.0), max(2.5, -1.0))
