# Values that cross 2**31 inside compiled loops. With 32-bit ints the
# interpreter raises OverflowError where the result leaves the range;
# compiled code must not raise it itself: the failing guard deoptimises and
# the interpreter re-runs that instruction on the same operands (and, once
# ints of any size exist, computes the long result and carries on).
# tests/jit/deopt/check.py compares the JIT's output with the interpreter's,
# byte for byte, including the exceptions and the final traceback, and
# checks --jit-report for the deoptimisations.
from array import array


def accumulate(n, k):
    s = 0
    for i in range(n):
        s += i * k
    return s


def multiply(x, n):
    f = 0.5
    for i in range(n):
        x = x * 3 + 1
        f = f * 2.0
    return x


def shift(v, n):
    r = 0
    for i in range(n):
        r = r + (v << i)
    return r


def counter(start, n, step):
    k = start
    for _ in range(n):
        k = k + step
    return k


def nested(n, m):
    t = 1
    for i in range(n):
        for j in range(0, m, 2):
            for q in range(m, 0, -3):
                t = t + i * j * q * 997
    return t


def walk(a, scale):
    s = 0
    for x in a:
        s = s + x * scale
    return s


def deep(n, k):
    # the innermost call overflows, n calls deep in compiled code
    if n == 0:
        s = k
        for i in range(40):
            s = s * 2
        return s
    return deep(n - 1, k) + 1


def store_then_fail(a, n):
    # the first elements are stored before the overflow: they stay stored
    for i in range(n):
        a[i] = i * 100
        a[i] = a[i] * 10000000
    return a[0]


def ew_add(x, y, z, n):
    # on PIE lanes with p4sim (elementwise.c): a lane that overflows sends the
    # iteration to the scalar loop, whose guard deoptimises
    for i in range(n):
        z[i] = x[i] + y[i]
    return z[n - 1]


def negate(a):
    s = 0
    for x in a:
        s = s - x
        s = -s
    return s


def retire_me(n):
    s = 2147483000
    for i in range(n):
        s = s + i
    return s


def attempt(name, f, a, b=None, c=None):
    try:
        if c is not None:
            print(name, f(a, b, c))
        elif b is not None:
            print(name, f(a, b))
        else:
            print(name, f(a))
    except OverflowError as e:
        print(name, type(e).__name__, e)


attempt("accumulate small", accumulate, 100, 3)
attempt("accumulate", accumulate, 100000, 1000)
attempt("multiply", multiply, 5, 30)
attempt("shift", shift, 3, 40)
attempt("shift neg", shift, -5, 40)
attempt("counter up", counter, 2147483000, 1000, 7)
attempt("counter down", counter, -2147483000, 1000, -7)
attempt("nested", nested, 40, 30)
attempt("walk", walk, array('i', [2147483647, 1, 2]), 1)
attempt("walk b", walk, array('b', [100, -100, 127] * 10), 30000000)
attempt("deep", deep, 50, 3)
attempt("negate", negate, array('i', [5, -2147483647, 1, -1]))
A = array('i', [7] * 10)
attempt("store_then_fail", store_then_fail, A, 10)
print(list(A))
x = array('i', [2147483600 + i for i in range(40)])
y = array('i', [i for i in range(40)])
z = array('i', [0] * 40)
try:
    print("ew_add", ew_add(x, y, z, 40))
except OverflowError as e:
    print("ew_add", type(e).__name__, e)
print(list(z))
try:
    try:
        print(accumulate(70000, 1000))
    finally:
        print("finally ran")
except OverflowError as e:
    print("after finally", e)
for k in range(12):
    attempt("retire_me", retire_me, 2000 + k)
print(accumulate(1000000, 7))
