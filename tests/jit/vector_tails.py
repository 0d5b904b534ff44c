# The vector loop's last step (vec3): each step computes 16 lanes and
# stores 4, 8, 12 or 16 of them; a trip count of 16 or more ends with a
# step that overlaps the one before (bound - 16), one below 16 stores
# 4 * (r // 4) lanes and then the last 4 (overlapping), below 4 runs
# scalar. Every lane count 1 to 40, outputs with sentinels on both sides
# (a lane stored past the end, or before the start, shows), checks that
# are tested per step on the lanes stored (an index read from an array
# inside the loop: not a range test), arrays one element short so that the
# last lane of the last step fails, and the stored array read in the nest
# (convs of 1 to 20 filters with sentinels: vector_shapes.py).
# Compared with CPython; p4sim runs it with PIE (rev 3 and rev 1).
from array import array


def dense_t(x, n, wt, m, acc, off):
    for o in range(m):
        a = 0
        for i in range(n):
            a += x[i] * wt[i * m + o]
        acc[o + off] = a


def dense_t_read(x, n, wt, m, acc, sh):
    # sh[0], read in the loop: the weights' index is checked per step
    for o in range(m):
        a = 0
        for i in range(n):
            a += x[i] * wt[sh[0] + i * m + o]
        acc[o] = a


def dense_t_bias(x, n, wt, m, acc, bias):
    # bias may be acc itself: the alias rule's guard, scalar then
    for o in range(m):
        a = 0
        for i in range(n):
            a += x[i] * wt[i * m + o] + 0 * bias[1]
        acc[o] = a


def from_to(x, wt, acc, lo, hi, n):
    # a lane counter that does not start at 0
    for o in range(lo, hi):
        a = 0
        for i in range(n):
            a += x[i] * wt[i * hi + o]
        acc[o] = a


def checksum(c):
    s = 0
    for v in c:
        s = (s * 31 + v) & 0xFFFFFF
    return s


def data(n, mul, add):
    return array("b", [(i * mul + add) % 256 - 128 for i in range(n)])


def run_dense(n, m, off=3, pad=5, short=0):
    x = data(n, 7, 3)
    wt = data(n * m - short, 5, 1)
    acc = array("i", [-7] * (m + off + pad))
    try:
        dense_t(x, n, wt, m, acc, off)
        print("dense_t", n, m, off, "ok", checksum(acc), acc[0], acc[off - 1] if off else "", acc[m + off] if pad else "")
    except IndexError as e:
        print("dense_t", n, m, off, "IndexError", e, checksum(acc))


def run_read(n, m, base, short=0):
    x = data(n, 3, 1)
    wt = data(base + n * m - short, 11, 7)
    acc = array("i", [-9] * (m + 2))
    sh = array("h", [base])
    try:
        dense_t_read(x, n, wt, m, acc, sh)
        print("read", n, m, base, "ok", checksum(acc))
    except IndexError as e:
        print("read", n, m, base, "IndexError", e, checksum(acc))


def run_bias(n, m, same):
    x = data(n, 3, 2)
    wt = data(n * m, 13, 1)
    acc = array("i", [5] * (m + 2))
    bias = acc if same else array("i", [1, 2, 3])
    dense_t_bias(x, n, wt, m, acc, bias)
    print("bias", n, m, same, checksum(acc))


def run_from_to(lo, hi, n):
    x = data(n, 5, 5)
    wt = data(n * hi, 3, 9)
    acc = array("i", [-3] * (hi + 1))
    from_to(x, wt, acc, lo, hi, n)
    print("from_to", lo, hi, n, checksum(acc), acc[lo - 1] if lo > 0 else "")


for m in range(1, 41):
    run_dense(3, m)
    run_dense(17, m, off=0, pad=0)
for m in (47, 63, 64, 65, 100):
    run_dense(5, m, off=1)
for m in (4, 5, 7, 15, 16, 17, 23, 31, 33):
    run_dense(4, m, short=1)   # the last lane of the last row: IndexError
    run_read(6, m, 2)
    run_read(6, m, 2, short=1)
    run_read(6, m, 0, short=m)  # the whole last row missing
for m in (3, 4, 6, 9, 16, 21):
    run_bias(5, m, False)
    run_bias(5, m, True)
for lo, hi in ((0, 4), (1, 5), (3, 22), (5, 21), (7, 40), (10, 13), (2, 34)):
    run_from_to(lo, hi, 3)
