# The matmul nest's copy without its run-time choices (vec17,
# vector_panel.c vec_panel_version): chosen at the nest's entry when b's
# packed panel was had (24 rows or more), the lanes' count is a multiple of
# 16 and 16 taps or more are left; it stores four quarters of QACC per
# output vector and tests neither the panel nor the lanes left. Shapes on
# both sides of each condition, one function called with both (the choice
# made again at each call), the lanes' and the taps' counters starting
# elsewhere than 0, a c, a or b one element short (IndexError from the copy's
# last output vector, or before it), and a and b the same array. The copy
# leaves out the scalar loop after the vector loop (jitcost7) when the
# vector loop's checks are made before the nest: a check that fails then
# runs the original (the short rows); with a's rows from a list (mm_base)
# they are made per row and the copy keeps that loop. Compared with CPython.
from array import array


def matmul(a, b, c, M, N, K):
    for i in range(M):
        for j in range(N):
            acc = 0
            for k in range(K):
                acc += a[i * K + k] * b[k * N + j]
            c[i * N + j] = acc


def mm_from(a, b, c, M, j0, N, k0, K):          # the lanes from j0, the taps from k0
    for i in range(M):
        for j in range(j0, N):
            acc = 0
            for k in range(k0, K):
                acc += a[i * K + k] * b[k * N + j]
            c[i * N + j] = acc


def mm_rows(x, w, y, rows, cols, depth, first):  # other names, the rows from `first`
    for r in range(first, rows):
        s0 = r * depth
        for col in range(cols):
            s = 0
            for t in range(depth):
                s += x[s0 + t] * w[t * cols + col]
            y[r * cols + col] = s


def mm_base(a, rows, b, c, M, N, K):           # a's rows from a list: a's checks made per row, so
    for i in range(M):                          # the copy keeps the scalar loop after the vector loop
        base = rows[i]
        for j in range(N):
            acc = 0
            for k in range(K):
                acc += a[base + k] * b[k * N + j]
            c[i * N + j] = acc


def mm_touch(a, b, c, M, N, K):                  # an int8 store in the loop around: no panel
    for i in range(M):
        b[i % (K * N)] = (i * 29) % 256 - 128
        for j in range(N):
            acc = 0
            for k in range(K):
                acc += a[i * K + k] * b[k * N + j]
            c[i * N + j] = acc


def data(n, mul, add):
    a = array("b", bytes(n))
    for i in range(n):
        a[i] = (i * mul + add) % 256 - 128
    return a


def checksum(c):
    s = 0
    for v in c:
        s = (s * 31 + v) & 0xFFFFFF
    return s


def attempt(f, *args):
    try:
        f(*args)
        return "ok"
    except (IndexError, OverflowError) as e:
        return type(e).__name__ + " " + str(e)


def run(f, M, N, K, short_a=0, short_b=0, short_c=0):
    a, b = data(M * K - short_a, 7, 3), data(K * N - short_b, 5, 1)
    c = array("i", bytes(4 * (M * N - short_c)))
    r = attempt(f, a, b, c, M, N, K)
    return r + " " + str(checksum(c)) + " " + str(c[0]) + " " + str(c[-1])


for N in (15, 16, 17, 32, 33, 48, 64):
    for K in (15, 16, 17, 24, 32, 48):
        print("mm", N, K, run(matmul, 24, N, K), run(matmul, 30, N, K))
for M in (1, 23, 24, 25, 64):                    # the panel from 24 rows on
    print("mm M", M, run(matmul, M, 32, 32), run(matmul, M, 16, 20))
for s in (1, 16, 17):                            # one element short: the copy's checks
    print("short", s, run(matmul, 24, 32, 32, short_c=s), run(matmul, 26, 16, 48, short_b=s),
          run(matmul, 25, 48, 16, short_a=s))

# the lanes and the taps from elsewhere than 0
for j0, N, k0, K in ((0, 32, 0, 32), (16, 48, 0, 32), (1, 33, 0, 32), (3, 32, 0, 32), (0, 32, 5, 37),
                     (0, 32, 4, 36), (0, 48, 16, 32), (0, 32, 17, 32), (8, 40, 3, 40)):
    a, b = data(24 * K, 3, 9), data(K * N, 11, 2)
    c = array("i", bytes(4 * 24 * N))
    print("from", j0, N, k0, K, attempt(mm_from, a, b, c, 24, j0, N, k0, K), checksum(c), c[-1])
for first, rows, cols, depth in ((0, 24, 32, 16), (4, 40, 16, 64), (10, 30, 32, 16), (0, 26, 20, 32)):
    x, w = data(rows * depth, 13, 1), data(depth * cols, 17, 6)
    y = array("i", bytes(4 * rows * cols))
    mm_rows(x, w, y, rows, cols, depth, first)
    print("rows", first, rows, cols, depth, checksum(y), y[-1])

# a and b the same array; b changed between calls (the panel made again)
for n in (16, 32, 48):
    a = data(n * n, 11, 5)
    c = array("i", bytes(4 * n * n))
    matmul(a, a, c, n, n, n)
    print("alias", n, checksum(c), c[0], c[-1])
a, b, c = data(32 * 32, 3, 2), data(32 * 32, 9, 4), array("i", bytes(4 * 32 * 32))
for step in range(3):
    matmul(a, b, c, 32, 32, 32)
    print("again", step, checksum(c), c[0], c[-1])
    for i in range(0, len(b), 5):
        b[i] = (b[i] * 7 + step) % 256 - 128
print("touch", run(mm_touch, 30, 32, 32))
for M, N, K, past in ((24, 32, 32, 0), (30, 48, 16, 0), (24, 32, 32, 1), (26, 16, 20, 0), (25, 32, 16, 1)):
    a, b, c = data(M * K, 7, 3), data(K * N, 5, 1), array("i", bytes(4 * M * N))
    rows = [i * K for i in range(M)]
    rows[M - 1] += 3 * past                      # the last row past a's end: IndexError in the copy's row
    print("base", M, N, K, past, attempt(mm_base, a, rows, b, c, M, N, K), checksum(c), c[0], c[-1])
