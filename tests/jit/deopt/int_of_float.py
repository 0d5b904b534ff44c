# int(x), math.floor(x) and math.ceil(x) of floats beyond int32 in compiled
# code: the check after fcvt.w.s deoptimises and the interpreter computes
# the int of any size (a NaN raises ValueError, an infinity OverflowError,
# from the interpreter's frame). Every float here is exact in binary32, so
# CPython's output is the oracle too (jit/deopt/*/int-of-float-cpython);
# tests/jit/deopt/check.py compares the JIT with the interpreter.
import math


def scaled(x, k):
    return int(x * k)


def grow(n, k):
    # a float accumulator whose int leaves int32 inside the loop
    f = 1.0
    s = 0
    for i in range(n):
        f = f * k
        s = s + int(f) % 1000003
        if i % 5 == 4:
            s = s + int(f) // 65536
    return s * 1000 + int(f)


def floors(n):
    total = 0
    g = 3.5
    for i in range(n):
        g = g * 4.0
        total = total + math.floor(g) % 999 + math.ceil(-g) % 997
    return total + math.floor(g) - math.ceil(-g) * 3


def nested(rows, cols):
    acc = 0
    x = 0.0
    for r in range(rows):
        x = 0.5 * (r + 1)
        for c in range(cols):
            x = x * 8.0
            acc = acc ^ (int(x) & 0xFFFF)
    return acc - int(x)


def convert_into(a, n):
    # a partial store before the long: a[] keeps what was stored
    v = 1.0
    for i in range(n):
        v = v * 1024.0
        a[i % len(a)] = int(v) % 251
    return int(v)


def bad(x):
    return int(x * 2.0)


def floor_of(x):
    return math.floor(x)


def ceil_of(x):
    return math.ceil(x)


print(scaled(1073741824.0, 4.0), scaled(-1073741824.0, 2.0), scaled(-1073741824.0, 4.0))
print(scaled(3.0, 2.5), scaled(1e10, 1.0), scaled(-9223372036854775808.0, 1.0), scaled(2147483520.0, 1.0))
for n in (3, 10, 20, 40):
    print("grow", n, grow(n, 4.0), grow(n, -8.0))
print("floors", floors(5), floors(15), floors(30))
print("nested", nested(3, 9), nested(4, 12))
from array import array
a = array("i", [0] * 7)
print("convert", convert_into(a, 12), list(a))
for x in (1.0, 73786976294838206464.0, -73786976294838206464.0, float("inf"), float("-inf"), float("nan")):
    try:
        print("bad", bad(x))
    except (ValueError, OverflowError) as e:
        print("bad", type(e).__name__, e)
for x in (2.5, -2.5, 6e9, -6e9, 4294967296.0, float("inf"), float("nan")):
    for fn in (floor_of, ceil_of):
        try:
            print(fn.__name__, fn(x))
        except (ValueError, OverflowError) as e:
            print(fn.__name__, type(e).__name__, e)
