# Comparing an int variable with a float in compiled code: exact, as the
# interpreter and CPython compare (an int is never rounded to a float):
# 16777217 != 16777216.0 although float(16777217) == 16777216.0; ints near
# the 32-bit limits against 2**31; NaN and infinities; every operator, as a
# value and as a branch.


def rel(i, f):
    # the six outcomes as bits (tuples are not compiled)
    return (i < f) * 1 + (i <= f) * 2 + (i == f) * 4 + (i != f) * 8 + (i > f) * 16 + (i >= f) * 32


def rel_rev(f, i):
    return (f < i) * 1 + (f <= i) * 2 + (f == i) * 4 + (f != i) * 8 + (f > i) * 16 + (f >= i) * 32


def branches(i, f):
    s = 0
    if i < f:
        s += 1
    if f <= i:
        s += 10
    if i == f:
        s += 100
    return s


def count_below(n, f):
    c = 0
    for i in range(n):
        if i < f:
            c += 1
    return c


big = 2147483647
cases = [
    (16777217, 16777216.0), (16777216, 16777216.0), (16777215, 16777216.0),
    (big, 2147483648.0), (big - 63, 2147483648.0), (big - 64, 2147483648.0), (big - 200, 2147483648.0),
    (-big - 1, -2147483648.0), (-big, -2147483648.0),
    (0, 0.0), (0, -0.0), (1, 0.5), (-1, -0.5), (3, 2.999999), (7, float("inf")), (-7, float("-inf")),
    (5, float("nan")), (123456789, 123456792.0), (123456792, 123456792.0),
]
# floats are not printed: their digits differ from CPython's (single precision)
for k in range(len(cases)):
    i, f = cases[k]
    print(k, i, rel(i, f), rel_rev(f, i), branches(i, f))
print(count_below(10, 4.5), count_below(10, -1.0), count_below(10, float("nan")), count_below(20, 1e30))
