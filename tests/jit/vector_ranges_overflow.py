# Checks tested on ranges before the vector loop (vector_ranges.py) when
# the index arithmetic overflows int32 at the last value of an inner
# counter only: every end of every +, - and * is tested for overflow, so no
# vector iteration runs and the scalar loop's checked operation
# deoptimises where it overflows; the interpreter computes the int beyond
# 32 bits, which z = 0 multiplies back to 0, so the index stays in range and
# the results equal CPython's. A range test that missed the overflow would
# run the vector loop instead, with no deoptimisation: the tests
# jit/vectorised/ranges-overflow-deopt-* check --jit-report for it.
from array import array


def mul_over(inp, K, s, z, wt, F, acc):
    for f in range(F):
        a = 0
        for i in range(K):
            a += inp[i + z * (i * s)] * wt[i * F + f]
        acc[f] = a


def add_over(inp, K, s, z, wt, F, acc):
    for f in range(F):
        a = 0
        for i in range(K):
            a += inp[i + z * (i + s)] * wt[i * F + f]
        acc[f] = a


def sub_over(inp, K, s, z, wt, F, acc):
    for f in range(F):
        a = 0
        for i in range(K):
            a += inp[i + z * (s - i)] * wt[i * F + f]
        acc[f] = a


def int8s(n, mul, add):
    a = array("b", bytes(n))
    for i in range(n):
        a[i] = (i * mul + add) % 256 - 128
    return a


def show(tag, acc):
    s = 0
    for v in acc:
        s = (s * 31 + v) & 0xFFFFFF
    print(tag, s, acc[0], acc[len(acc) - 1])


def attempt(name, fn, K, s, F):
    inp = int8s(8, 13, 5)
    wt = int8s(8 * F, 29, 11)
    acc = array("i", bytes(4 * F))
    try:
        fn(inp, K, s, 0, wt, F, acc)
    except OverflowError as e:
        print(name, K, s, F, "OverflowError", e)
    show(name + " " + str(K) + " " + str(s) + " " + str(F), acc)


for F in (8, 16, 17):
    for K in (2, 3, 4):
        attempt("mul", mul_over, K, 1 << 30, F)
        attempt("mul", mul_over, K, -(1 << 30), F)
        attempt("add", add_over, K, 2147483645, F)
        attempt("sub", sub_over, K, -2147483646, F)
