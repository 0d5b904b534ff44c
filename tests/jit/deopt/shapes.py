# Deoptimisation at every kind of guard and frame shape, with no real
# failure: tests/jit/deopt/check.py runs this with -X jit-deopt-stress=N,
# which makes every Nth guard executed leave compiled code for the
# interpreter, and compares the output with the interpreter's. Each
# function's frame at a guard holds something else: loop iterators of
# every kind (range with step 1, other steps, negative, arrays), floats,
# bools, arrays, compile-time objects on the value stack (a function, a
# module's function, a built-in), a recursion, a partial array store.
from array import array
import math


def nested(n):
    t = 0
    for i in range(n):
        for j in range(1, n, 3):
            for k in range(n, 0, -2):
                t = t + i * j - k
    return t


def iterate(a, b):
    s = 0
    f = 0.5
    for x in a:
        for y in b:
            s = s + x * y
            f = f * 0.5 + y
    return s + int(f)


def while_loop(n):
    i = 0
    s = 1
    flag = False
    while i < n:
        s = (s * 3 + i) % 1000003
        flag = not flag
        i += 1
    return s + flag


def helper(x):
    return x * 2 + 1


def calls(n):
    s = 0
    for i in range(n):
        s = s + helper(i + 3) + abs(i - 5) + max(i, 3)
        s = s + int(math.sqrt(i * 2.0 + 1.0))
    return s


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def rec_sum(n, a):
    if n <= 0:
        return 0
    s = 0
    for i in range(n):
        s = s + a[i % len(a)] * n
    return s + rec_sum(n - 1, a)


def partial_store(a, n):
    for i in range(n):
        a[i] = a[i] * 2 + i
        a[n - 1 - i] = a[n - 1 - i] + 1
    return a[0] + a[n - 1]


def floats(n):
    x = 1.0
    y = 0.0
    c = 0
    for i in range(n):
        x = x * 1.5 - i
        if x > 100.0:
            x = x / 7.0
            c = c + 1
        y = y + x
    return int(y) + c


def lists(xs, ys):
    s = 0.0
    t = 0
    for i in range(len(xs)):
        s = s + xs[i] * 2.0
        t = t + ys[i % len(ys)] * i
    return int(s) + t


def pairs(n):
    a, b = 0, 1
    for i in range(n):
        a, b = b, a + b
    return a


def powers(n):
    s = 0
    for i in range(n):
        s = s + (i % 7) ** 3 - (i % 5) ** 2
    return s


def matmul(a, b, c, n, m, k):
    for i in range(n):
        for j in range(m):
            acc = 0
            for q in range(k):
                acc += a[i * k + q] * b[q * m + j]
            c[i * m + j] = acc
    return c[0] + c[n * m - 1]


def add_arrays(x, y, z, n):
    for i in range(n):
        z[i] = x[i] + y[i]
    return z[n - 1]


def bytes_sum(buf):
    s = 0
    for v in buf:
        s = s + v * 3
    return s


A = array('i', [3, -1, 4, 1, -5, 9, 2, 6])
B = array('b', [1, -2, 3])
L = [0.5, 1.5, -2.25, 3.0]
M = [1, 2, 3]
for r in range(3):
    print(nested(5 + r), iterate(A, B), while_loop(20 + r), calls(10 + r))
    print(fib(12 + r), rec_sum(6 + r, A), floats(30 + r), lists(L, M), pairs(25 + r), powers(40 + r))
    P = array('i', range(10 + r))
    print(partial_store(P, 10 + r), list(P))
    ma = array('b', [(i * 7) % 23 - 11 for i in range(20 * 9)])
    mb = array('b', [(i * 5) % 19 - 9 for i in range(9 * 19)])
    mc = array('i', [0] * (20 * 19))
    print(matmul(ma, mb, mc, 20, 19, 9), sum(mc))
    x = array('i', [i * 1000 for i in range(37 + r)])
    y = array('i', [i * -7 for i in range(37 + r)])
    z = array('i', [0] * (37 + r))
    print(add_arrays(x, y, z, 37 + r), sum(z))
    print(bytes_sum(bytearray(b"deoptimise me")))
