# Matmul nests whose 16-tap loop runs on a packed panel of b (vec14,
# vector_panel.c, scratch.c): b's taps copied once per entry into the loop
# around the vector loop, 16 bytes a row, when 24 rows or more are around.
# Sizes as arguments: every N from 1 to 40 (non-multiples of 16, the last
# column block's lanes past b's end), K around 16 and 32, rows around the
# threshold (23/24/25) and large shapes; the kernel under other names, a
# scalar accumulator and other loop orders; a and b the same array; b
# changed between calls and inside the loop around (no panel: an int8 store
# there); a c or b one element short (IndexError from the last lane), an
# index read out of range in the last lane only. Compared with CPython.
from array import array


def matmul(a, b, c, M, N, K):
    for i in range(M):
        for j in range(N):
            acc = 0
            for k in range(K):
                acc += a[i * K + k] * b[k * N + j]
            c[i * N + j] = acc


def mm_names(x, w, y, rows, cols, depth):      # other names, the rows' offset kept
    for r in range(rows):
        base = r * depth
        for col in range(cols):
            s = 0
            for t in range(depth):
                s += x[base + t] * w[t * cols + col]
            y[r * cols + col] = s


def mm_ikj(a, b, c, M, N, K):                   # i-k-j: c updated in the k loop
    for i in range(M):
        for k in range(K):
            aik = a[i * K + k]
            for j in range(N):
                c[i * N + j] += aik * b[k * N + j]


def mm_touch(a, b, c, M, N, K):                 # b changed in the loop around: no panel
    for i in range(M):
        b[i % (K * N)] = (i * 37) % 256 - 128
        for j in range(N):
            acc = 0
            for k in range(K):
                acc += a[i * K + k] * b[k * N + j]
            c[i * N + j] = acc


def mm_padded(a, b, c, M, N, K, ldb):           # b's rows ldb apart (ldb > N)
    for i in range(M):
        for j in range(N):
            acc = 0
            for k in range(K):
                acc += a[i * K + k] * b[k * ldb + j]
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


def run(f, M, N, K, short_b=0, short_c=0):
    a, b = data(M * K, 7, 3), data(K * N - short_b, 5, 1)
    c = array("i", bytes(4 * (M * N - short_c)))
    r = attempt(f, a, b, c, M, N, K)
    return r + " " + str(checksum(c)) + " " + str(c[0]) + " " + str(c[-1])


for N in range(1, 41):
    print("mm N", N, run(matmul, 24, N, 16 + N % 3 * 9))
for M in (1, 23, 24, 25):
    print("mm M", M, run(matmul, M, 33, 32), run(mm_names, M, 17, 20))
for K in (15, 16, 17, 31, 32, 33, 48):
    print("mm K", K, run(matmul, 26, 20, K))
for M, N, K in ((30, 100, 70), (64, 64, 64), (25, 48, 80), (40, 3, 130)):
    print("mm big", M, N, K, run(matmul, M, N, K))
for N in (7, 16, 21):
    print("ikj", N, run(mm_ikj, 24, N, 20))

# a and b the same array (square)
for n in (16, 24, 33):
    a = data(n * n, 11, 5)
    c = array("i", bytes(4 * n * n))
    matmul(a, a, c, n, n, n)
    print("alias", n, checksum(c), c[0], c[-1])

# b changed between calls: the panel is made again
a, b, c = data(30 * 32, 3, 2), data(32 * 40, 9, 4), array("i", bytes(4 * 30 * 40))
for step in range(3):
    matmul(a, b, c, 30, 40, 32)
    print("again", step, checksum(c), c[0], c[-1])
    for i in range(0, len(b), 7):
        b[i] = (b[i] * 3 + step) % 256 - 128
print("touch", run(mm_touch, 30, 20, 32))

# b's rows padded: the panel takes the first N of each ldb
for N, ldb in ((20, 23), (16, 21), (33, 40)):
    a, b = data(24 * 32, 5, 7), data(32 * ldb, 13, 3)
    c = array("i", bytes(4 * 24 * N))
    mm_padded(a, b, c, 24, N, 32, ldb)
    print("padded", N, ldb, checksum(c), c[0], c[-1])

# short arrays: the last lane's last tap reads one past b's end; c one short
for N in (16, 17, 33):
    print("short b", N, run(matmul, 24, N, 32, short_b=1))
    print("short c", N, run(matmul, 24, N, 32, short_c=1))
# an index past b's end in the last lane only (b one row short of K)
a, b, c = data(24 * 32, 3, 1), data(31 * 20, 5, 2), array("i", bytes(4 * 24 * 20))
print("last lane", attempt(matmul, a, b, c, 24, 20, 32), checksum(c))
