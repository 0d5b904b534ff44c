# Row pairs (vec6a, docs/jit.md "Row pairs"): a dense layer's dot product
# with 384 inputs or more also sums the next row in QACC from the same
# load of x, and the next output takes that sum when its key (w's pointer,
# the first i and the limit) matches. Every way the carried sum could be
# wrong: rows at 383/384 inputs and long, odd and even output counts, the
# guessed row past the end of w (exactly sized) or inside it (w longer:
# the sum is made and dropped), w's rows backwards or padded (the guess is
# wrong: no row takes it), every row the same (no pair), a first i and a
# bound that change with the row (carried in the key), a bias that makes
# one row's accumulator leave int32 (its guard fails: the scalar loop and
# the interpreter take over), the next row written between two rows (a
# store of an int8 element in the loop: no pairs), weights first, a matmul
# with B transposed (a nest of three), arrays one element short. On p4sim
# with PIE (both revisions), QEMU without, compared with CPython.
from array import array


def dense(x, w, y, n_in, n_out):
    for o in range(n_out):
        acc = 0
        for i in range(n_in):
            acc += x[i] * w[o * n_in + i]
        y[o] = acc


def fc(inp, wt, out, n, m):                     # weights first, other names
    for r in range(m):
        s = 0
        for c in range(n):
            s += wt[r * n + c] * inp[c]
        out[r] = s


def backwards(x, w, y, n, m):                   # w's rows last to first
    for o in range(m):
        acc = 0
        row = (m - 1 - o) * n
        for i in range(n):
            acc += x[i] * w[row + i]
        y[o] = acc


def padded(x, w, y, n, m, stride):              # rows `stride` apart
    for o in range(m):
        acc = 0
        for i in range(n):
            acc += x[i] * w[o * stride + i]
        y[o] = acc


def same_row(x, w, y, n, m):                    # every row the same
    for o in range(m):
        acc = 0
        for i in range(n):
            acc += x[i] * w[i]
        y[o] = acc


def moving(x, w, y, n, m):                      # the first i and the bound change with the row
    for o in range(m):
        acc = 0
        for i in range(o % 3, n - o % 5):
            acc += x[i] * w[o * n + i]
        y[o] = acc


def biased(x, w, b, y, n, m):                   # the accumulator starts at b[o]
    for o in range(m):
        acc = b[o]
        for i in range(n):
            acc += x[i] * w[o * n + i]
        y[o] = acc - b[o]


def rewrites(x, w, y, n, m):                    # the next row changes between rows
    for o in range(m):
        acc = 0
        for i in range(n):
            acc += x[i] * w[o * n + i]
        y[o] = acc
        if o + 1 < m:
            w[(o + 1) * n + 7] = (acc & 127) - 64


def mm_bt(a, bt, c, M, N, K):
    for i in range(M):
        for j in range(N):
            acc = 0
            for k in range(K):
                acc += a[i * K + k] * bt[j * K + k]
            c[i * N + j] = acc


def int8s(n, mul, add):
    return array("b", [(i * mul + add) % 256 - 128 for i in range(n)])


def show(name, f, *args):
    try:
        f(*args)
        print(name, "ok")
    except IndexError as e:
        print(name, "IndexError", e)
    for a in args:
        if isinstance(a, array) and a.typecode == "i":
            print(" ", list(a))


for n in (383, 384, 1000):
    for m in (1, 2, 3, 7):
        for extra in (0, n + 5):
            x, w = int8s(n, 7, 3), int8s(n * m + extra, 5 + m, n % 7)
            y = array("i", [-1] * (m + 1))
            show("dense %d %d +%d" % (n, m, extra), dense, x, w, y, n, m)
for n, m in ((512, 5), (640, 6)):
    show("fc %d %d" % (n, m), fc, int8s(n, 11, 1), int8s(n * m + 1, 3, 9), array("i", bytes(4 * m)), n, m)
    show("short w %d %d" % (n, m), dense, int8s(n, 11, 1), int8s(n * m - 1, 3, 9), array("i", bytes(4 * m)), n, m)
    show("short x %d %d" % (n, m), dense, int8s(n - 1, 11, 1), int8s(n * m, 3, 9), array("i", bytes(4 * m)), n, m)
    show("backwards %d %d" % (n, m), backwards, int8s(n, 13, 2), int8s(n * m, 17, 4), array("i", bytes(4 * m)), n, m)
    show("padded %d %d" % (n, m), padded, int8s(n, 5, 5), int8s((n + 16) * m, 7, 1), array("i", bytes(4 * m)), n, m,
         n + 16)
    show("same_row %d %d" % (n, m), same_row, int8s(n, 3, 3), int8s(n, 9, 2), array("i", bytes(4 * m)), n, m)
    show("moving %d %d" % (n, m), moving, int8s(n, 7, 7), int8s(n * m + n, 11, 3), array("i", bytes(4 * m)), n, m)
    bias = array("i", [2 ** 31 - 1 - 100000 * (o % 2) for o in range(m)])
    show("biased %d %d" % (n, m), biased, int8s(n, 1, 127), int8s(n * m, 0, 127), bias, array("i", bytes(4 * m)), n, m)
    show("rewrites %d %d" % (n, m), rewrites, int8s(n, 3, 1), int8s(n * m, 5, 2), array("i", bytes(4 * m)), n, m)
for M, N, K in ((2, 5, 384), (3, 4, 700), (1, 3, 1024)):
    show("mm_bt %d %d %d" % (M, N, K), mm_bt, int8s(M * K, 7, 3), int8s(N * K + K, 5, 1), array("i", bytes(4 * M * N)),
         M, N, K)
