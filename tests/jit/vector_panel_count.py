# The packed panel's 16-tap loop counted from a trip count made once
# (vec20, vector_panel.c count_taps): t = 0 .. n - 1 instead of k, k's last
# value k0 + 16n and the scalar taps' guard t < n + (last < K) made before
# the loops around, and that guard copied after the hardware loop (emit.c
# hw_exit). Tap counts around each multiple of 16 (one 16-tap step: no
# esp.lp.setup; none: the original nest), the taps from elsewhere than 0
# (k0 + 16n past K - 16), and the scalar taps after them; i-j-k with other
# names and the sizes as arguments. Compared with CPython.
from array import array


def matmul(a, b, c, M, N, K):
    for i in range(M):
        for j in range(N):
            acc = 0
            for k in range(K):
                acc += a[i * K + k] * b[k * N + j]
            c[i * N + j] = acc


def mm_from(a, b, c, M, N, k0, K):               # the taps from k0
    for i in range(M):
        for j in range(N):
            acc = 0
            for k in range(k0, K):
                acc += a[i * K + k] * b[k * N + j]
            c[i * N + j] = acc


def dense_rows(inp, wt, out, rows, width, depth):  # other names: out = inp @ wt
    for r in range(rows):
        base = r * depth
        for col in range(width):
            total = 0
            for d in range(depth):
                total += wt[d * width + col] * inp[base + d]
            out[r * width + col] = total


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


for K in (16, 17, 31, 32, 33, 47, 63, 64, 65, 80, 95):
    a, b = data(24 * K, 7, 3), data(K * 32, 5, 1)
    c = array("i", bytes(4 * 24 * 32))
    matmul(a, b, c, 24, 32, K)
    print("mm", K, checksum(c), c[0], c[-1])
for k0, K in ((0, 16), (1, 17), (1, 32), (4, 20), (5, 20), (15, 47), (16, 48), (17, 48), (20, 64), (30, 46),
              (31, 46), (33, 33), (40, 30)):
    a, b = data(24 * K, 3, 9), data(K * 16, 11, 2)
    c = array("i", bytes(4 * 24 * 16))
    mm_from(a, b, c, 24, 16, k0, K)
    print("from", k0, K, checksum(c), c[0], c[-1])
for rows, width, depth in ((24, 16, 40), (30, 48, 33), (25, 32, 64), (26, 16, 18)):
    inp, wt = data(rows * depth, 13, 1), data(depth * width, 17, 6)
    out = array("i", bytes(4 * rows * width))
    dense_rows(inp, wt, out, rows, width, depth)
    print("rows", rows, width, depth, checksum(out), out[0], out[-1])
