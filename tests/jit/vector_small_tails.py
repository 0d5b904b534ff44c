# Small dot products and dense layers (vec7): the scalar tail of a dot
# product outside a row-pair nest runs version.c's check-free copy behind
# the vector loop's own guard (ir->tested), a loop of fewer than 4
# iterations skips version.c's guard (FEW_TRIPS), and a function of many
# short versioned loops fits version.c's block table. Rows of 0 to 40 around 4 and 16, a first i
# after 0, accumulators starting near the int32 limits (the interpreter's
# int beyond 32 bits), arrays one short (IndexError in the tail, after the
# vector loop ran). The interpreter must agree with CPython, compiled code
# with the interpreter, with PIE and without.
from array import array
def dot(a, b, lo, n, acc0):
    acc = acc0
    for i in range(lo, n):
        acc += a[i] * b[i]
    return acc
def dense(x, w, y, n, m):
    for o in range(m):
        acc = 0
        for i in range(n):
            acc += x[i] * w[o * n + i]
        y[o] = acc
for n in (0, 1, 3, 4, 5, 15, 16, 17, 20, 31, 33, 40):
    a = array('b', [(i * 37) % 256 - 128 for i in range(n)])
    b = array('b', [127 if i % 3 else -128 for i in range(n)])
    for lo in (0, 1, 3):
        for acc0 in (0, 2**31 - 1 - 16384 * 3, -2**31 + 16256 * 2, 2**31 - 1):
            try:
                print(n, lo, acc0, dot(a, b, lo, n, acc0))
            except Exception as e:
                print(n, lo, acc0, type(e).__name__)
            short = array('b', list(b)[:-1]) if n else b
            try:
                print(n, lo, acc0, dot(a, short, lo, n, acc0))
            except Exception as e:
                print(n, lo, acc0, 'short', type(e).__name__)
    for m in (1, 2, 3):
        w = array('b', [(i * 11) % 256 - 128 for i in range(n * m)])
        y = array('i', [0] * m)
        dense(a, w, y, n, m)
        print(list(y))
        if n:
            try:
                dense(a, array('b', list(w)[:-1]), y, n, m)
            except Exception as e:
                print('short', type(e).__name__, list(y))


def many(a8, b8, c8, h16, w32, n):      # six versioned loops (version.c's table of blocks)
    for i in range(n):
        c8[i] = (a8[i] + i) & 127
    for i in range(n):
        c8[i] = a8[i]
        h16[i] = b8[i]
    for i in range(n):
        h16[i] = a8[i] - b8[i]
    for i in range(n):
        if a8[i] > 0:
            c8[i] = a8[i]
    for i in range(n):
        c8[i] = w32[i] >> 3
    s = 0
    for i in range(n):
        s += a8[i]
        c8[i] = max(a8[i], b8[i])
    return s


e8 = array('b', [0] * 40)
e16 = array('h', [0] * 40)
w32 = array('i', [(i * 7919) % 2000 - 1000 for i in range(40)])
for n in (0, 1, 2, 3, 4, 5, 17, 33):
    print(many(array('b', range(-20, 20)), array('b', range(40, 0, -1)), e8, e16, w32, n), list(e8), list(e16))
