# int32 elementwise sums on PIE's 4 lanes (elementwise.c): a sum that
# leaves int32 in one lane gives the iteration to the scalar loop, which
# raises OverflowError at the add, as the interpreter does, with exactly
# the elements before it stored. CPython's ints do not overflow, so the
# .expected file is the interpreter's output.
from array import array


def add(a, b, c, n):
    for i in range(n):
        c[i] = a[i] + b[i]


def sub(a, b, c, n):
    for i in range(n):
        c[i] = a[i] - b[i]


def relu(y, z, n):
    for i in range(n):
        z[i] = max(y[i], 0)


top = 2147483647
for bad in (0, 2, 3, 4, 9, 23):
    a = array("i", [top - 100 + i for i in range(24)])
    b = array("i", [1] * 24)
    b[bad] = 200
    c = array("i", [0] * 24)
    try:
        add(a, b, c, 24)
        print("add", bad, "ok", list(c))
    except OverflowError as e:
        print("add", bad, "OverflowError", e, list(c))
for bad in (1, 6, 19):
    a = array("i", [-top + i for i in range(24)])
    b = array("i", [0] * 24)
    b[bad] = 2 + bad
    c = array("i", [0] * 24)
    try:
        sub(a, b, c, 24)
        print("sub", bad, "ok", list(c))
    except OverflowError as e:
        print("sub", bad, "OverflowError", e, list(c))
# the extremes fit: no lane leaves int32
a = array("i", [top, -top - 1, top, -top - 1, 0, 1, -1, 5] * 3)
b = array("i", [0, 0, -top - 1, top, top, -top, top, -7] * 3)
c = array("i", [0] * 24)
add(a, b, c, 24)
print(list(c))
relu(a, c, 24)
print(list(c))
