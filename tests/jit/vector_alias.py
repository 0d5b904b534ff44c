# Loads in a vectorisable nest from the array the loop stores into (issue
# 17 item 1): lane j must see what lanes before it stored, as the scalar
# loop does. A load of the stored element kind may be the stored array
# (the same object under another parameter or a second name); the
# vectoriser guards it at run time and runs the scalar loop when it is.
# Compared with CPython; p4sim runs it with PIE (rev 3 and rev 1), QEMU
# scalar.
from array import array


def bound_from_c(a, b, c, n):  # the inner trip count read from the stored array
    for j in range(n):
        acc = 0
        for k in range(c[0]):
            acc += a[k] * b[k * n + j]
        c[j] = acc


def bound_from_d(a, b, c, d, n):  # the same through another parameter
    for j in range(n):
        acc = 0
        for k in range(d[0]):
            acc += a[k] * b[k * n + j]
        c[j] = acc


def bound_from_d_first(d, a, b, c, n):  # the parameters in the other order
    for j in range(n):
        acc = 0
        for k in range(d[0]):
            acc += a[k] * b[k * n + j]
        c[j] = acc


def offset_from_c(a, b, c, n, K):  # a uniform load of c in the inner loop, in an index
    for j in range(n):
        acc = 0
        for k in range(K):
            acc += a[k] * b[k * n + j + c[0] % 4]
        c[j] = acc


def shift_of(a, b, c, sh, n, K):  # sh: an 'i' array read for the inner loop's start
    for j in range(n):
        acc = 0
        for k in range(sh[0], K):
            acc += a[k] * b[k * n + j]
        c[j] = acc


def show(c):
    print(len(c), list(c))


def case(n, K, fill):
    a = array("b", [1 + (i % 2) for i in range(max(K, 8))])
    b = array("b", [1 + (i % 3) % 2 for i in range(max(K, 8) * n + 4)])
    c = array("i", [fill] * n)
    return a, b, c


for n in (8, 15, 16, 17, 33):
    # the issue's example: c[0] is both the trip count and lane 0's result
    a, b, c = case(n, 8, 2)
    bound_from_c(a, b, c, n)
    show(c)
    a, b, c = case(n, 8, 2)
    d = c  # a second name for the stored array
    bound_from_d(a, b, c, d, n)
    show(c)
    a, b, c = case(n, 8, 2)
    bound_from_d_first(c, a, b, c, n)
    show(c)
    # a different array of the same kind: the vector loop may run
    a, b, c = case(n, 8, 2)
    d = array("i", [3])
    bound_from_d(a, b, c, d, n)
    show(c)
    a, b, c = case(n, 8, 2)
    bound_from_d_first(array("i", [5, 0]), a, b, c, n)
    show(c)
    # the start read from the stored array
    a, b, c = case(n, 8, 1)
    shift_of(a, b, c, c, n, 8)
    show(c)
    a, b, c = case(n, 8, 1)
    shift_of(a, b, c, array("i", [2]), n, 8)
    show(c)
    a, b, c = case(n, 8, 1)
    offset_from_c(a, b, c, n, 8)
    show(c)
