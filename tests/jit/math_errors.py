# ValueError and OverflowError raised by compiled float code and caught by
# the interpreted caller: math.sqrt of a negative (math domain error),
# int()/floor()/ceil() of inf and nan, at the first call and inside a loop
# at iteration N (how far it got is visible in an array).
import math
from array import array


def root(x):
    return math.sqrt(x)


def to_int(x):
    return int(x)


def fl(x):
    return math.floor(x)


def ce(x):
    return math.ceil(x)


def roots(n, shift, out):
    s = 0.0
    for i in range(n):
        s += math.sqrt(i - shift)
        out[0] = i
    return s


def to_ints(src, dst):
    # converts element by element: the first inf or nan raises
    for i in range(len(src)):
        dst[i] = int(src[i])
    return len(src)


def attempt(name, fn, x):
    try:
        print(name, x, fn(x))
    except (ValueError, OverflowError) as e:
        print(name, x, type(e).__name__ + ":", e)


inf = float("inf")
nan = float("nan")
for x in (4.0, 0.0, -0.0, -1.0, -1e-6, inf, -inf):
    attempt("sqrt", root, x)
for x in (2.5, -2.5, inf, -inf, nan):
    attempt("int", to_int, x)
    attempt("floor", fl, x)
    attempt("ceil", ce, x)
out = array("i", [-1])
for shift in (0, 3, 10):
    out[0] = -1
    try:
        print("roots", shift, round(roots(10, shift, out), 3))
    except ValueError as e:
        print("roots", shift, "ValueError:", e, "at", out[0] + 1)
for bad in (inf, nan, -inf, 1.0):
    src = array("f", [1.5, -2.5, 7.0, bad, 3.0])
    dst = array("i", [0] * 5)
    try:
        print("to_ints", to_ints(src, dst), list(dst))
    except (ValueError, OverflowError) as e:
        print("to_ints", type(e).__name__ + ":", e, list(dst))
