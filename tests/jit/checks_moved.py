# Checks the optimiser moves or removes (range.c, licm.c, cse.c): an
# invariant checked multiply taken out of a loop still raises at its own
# line and only when the loop runs; ranges prove int8 products and indices
# over range() safe, and the checks they cannot prove still raise. The
# .expected file is the interpreter's output (32-bit ints overflow).
from array import array


def invariant_mul(a, n, big):
    s = 0
    for k in range(n):
        s += a[k]
        s += big * big  # invariant, checked: overflows when big > 46340
    return s


def invariant_index(a, n, i):
    s = 0
    for k in range(n):
        s += a[i]  # invariant index: raises IndexError only inside the loop
    return s


def products(a, b):
    s = 0
    for k in range(len(a)):
        s += a[k] * b[k]  # int8 * int8 cannot overflow
    return s


def affine(a, rows, cols, stride):
    s = 0
    for i in range(rows):
        for j in range(cols):
            s += a[i * stride + j]
    return s


def backwards(a, n):
    s = 0
    for k in range(n - 1, -1, -1):
        s = s * 3 + a[k]
    return s


def twice(x, y):
    # the same checked expression twice: cse keeps the first check
    p = x * y + 1
    q = x * y + 1
    return p + q


def dot16(a, b, n, acc):
    # the versioned loop's guard bounds the accumulator: n * 32767 * 32767
    # overflows from n = 3 on, and the checked copy then raises at the add
    s = acc
    for k in range(n):
        s += a[k] * b[k]
    return s


def show(name, f, x, y, z=None, w=None):
    try:
        if w is not None:
            print(name, f(x, y, z, w))
        elif z is not None:
            print(name, f(x, y, z))
        else:
            print(name, f(x, y))
    except (OverflowError, IndexError, ZeroDivisionError) as e:
        print(name, type(e).__name__, e)


a = array("b", [(i * 37) % 256 - 128 for i in range(64)])
b = array("b", [(i * 11) % 256 - 128 for i in range(64)])
show("invariant_mul", invariant_mul, a, 10, 1000)
show("invariant_mul", invariant_mul, a, 10, 50000)
show("invariant_mul", invariant_mul, a, 0, 50000)
show("invariant_index", invariant_index, a, 5, 3)
show("invariant_index", invariant_index, a, 5, -3)
show("invariant_index", invariant_index, a, 5, 64)
show("invariant_index", invariant_index, a, 0, 64)
show("products", products, a, b)
show("affine", affine, a, 8, 8, 8)
show("affine", affine, a, 8, 9, 8)
show("affine", affine, a, 9, 8, 8)
show("affine", affine, a, 2, 2, -8)
show("affine", affine, a, 3, 3, 1 << 30)
show("backwards", backwards, a, 64)
show("backwards", backwards, a, 65)
show("twice", twice, 1000, 1000)
show("twice", twice, 100000, 100000)
h = array("h", [32767, 32767, 32767, 32767, -32768, -32768])
show("dot16", dot16, h, h, 2, 0)
show("dot16", dot16, h, h, 3, 0)
show("dot16", dot16, h, h, 2, 2147483647 - 2147352578)
show("dot16", dot16, h, h, 2, 2147483647 - 2147352577)
show("dot16", dot16, h, h, 0, 5)
show("dot16", dot16, h, h, 6, -2147483648)
