# Register allocation across the versions of a loop (rega.c, lifetime
# holes): dense_t_acc with PIE keeps a lane loop (outputs in lanes) beside
# the scalar nest and its versioning guard; the lane loop is laid out after
# the scalar code, so its values' intervals span the scalar nest, where
# they are dead. check_spills.py (jit/vectorised/spills) compares the stack accesses of the
# compiled code with and without PIE; run as a program, the results are
# compared with CPython's (one output runs the scalar nest, 17 and more
# the lane loop).
from array import array


def dense_t_acc(x, n, wt, m, acc):
    for o in range(m):
        a = 0
        for i in range(n):
            a += x[i] * wt[i * m + o]
        acc[o] = a


def filled(n, mul, add):
    a = array("b", bytes(n))
    for i in range(n):
        a[i] = (i * mul + add) % 256 - 128
    return a


for n, m in ((1, 1), (20, 1), (40, 1), (5, 3), (20, 17), (33, 32), (7, 40)):
    x, w, y = filled(n, 7, 3), filled(n * m, 5, 1), array("i", bytes(4 * m))
    dense_t_acc(x, n, w, m, y)
    print(n, m, list(y))
try:
    dense_t_acc(filled(20, 7, 3), 20, filled(19, 5, 1), 1, array("i", [0]))   # the weights one short
except IndexError as e:
    print("IndexError", e)
