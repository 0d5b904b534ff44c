# Triangular loops in compiled code: inner ranges that start or stop at the
# outer variable (range(i, n), range(i), range(0, i + 1), downward from i),
# loop-carried ints and floats across both levels, and the triangular
# numbers and Pascal's triangle into an array. (range(i + 1, n) is left out:
# see tests/jit/found/inner_loop_from_i_plus_1.py.)
from array import array


def upper(n):
    s = 0
    for i in range(n):
        for j in range(i, n):
            s += i * n + j
    return s


def lower(n):
    s = 0
    for i in range(n):
        for j in range(i):
            s += (i - j) * (j + 1)
    return s


def inclusive(n):
    c = 0
    for i in range(n):
        for j in range(0, i + 1):
            c += 1
    return c


def down_from_i(n):
    s = 0
    for i in range(n):
        for j in range(i, -1, -1):
            s = s * 2 + j & 0xFFFF
    return s


def float_tri(n):
    s = 0.0
    for i in range(1, n):
        for j in range(i):
            s += 0.5 * (i - j)
    return s


def pascal(row, n):
    # row holds n + 1 ints; afterwards row[k] = C(n, k)
    row[0] = 1
    for k in range(1, n + 1):
        row[k] = 0
    for i in range(1, n + 1):
        for k in range(i, 0, -1):
            row[k] = row[k] + row[k - 1]
    return row[n // 2]


def pairs_with_sum(arr, target):
    c = 0
    for i in range(len(arr)):
        for j in range(i, len(arr)):
            if j != i and arr[i] + arr[j] == target:
                c += 1
    return c


print(upper(0), upper(1), upper(10), upper(50))
print(lower(0), lower(5), lower(30))
print([inclusive(n) for n in range(6)])
print(down_from_i(0), down_from_i(5), down_from_i(40))
print(float_tri(1), float_tri(10), float_tri(20))
row = array("i", [0] * 31)
print(pascal(row, 10), list(row[:11]))
print(pascal(row, 30), row[0], row[1], row[29], row[30])
print(pairs_with_sum(array("h", [1, 5, 3, 3, 7, -1, 9, 5]), 8))
