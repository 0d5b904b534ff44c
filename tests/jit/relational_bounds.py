# Bound checks a compare on the way proves (range.c): `j < n` with
# n = len(a) guards a[j]; a compare against another array's length, or the
# wrong way round, proves nothing, and the IndexError stays where it was.
from array import array


def pairs(a):
    n = len(a)
    s = 0
    for i in range(n):
        for j in range(i + 1, n):
            s += a[i] * a[j]
    return s


def walk(a):
    j = 0
    s = 0
    while j < len(a):
        s += a[j]
        j += 2
    return s


def other(a, b):  # n is a's length: b[j] keeps its check
    n = len(a)
    s = 0
    for j in range(n):
        s += b[j]
    return s


def reversed_test(a, k):  # len(a) > k proves k < len(a) too
    if len(a) > k and k >= 0:
        return a[k]
    return -1


a = array("i", [3, -1, 4, 1, -5, 9, 2, -6])
print(pairs(a), walk(a), walk(array("i")), reversed_test(a, 7), reversed_test(a, 8))
print(other(a, a))
try:
    print(other(a, array("i", [1, 2, 3])))
except IndexError as e:
    print("IndexError", e)
