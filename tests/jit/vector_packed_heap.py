# The packed panel of b (vec14, vector_panel.c) when the heap cannot give
# its scratch memory: b is 36 KB, and tests/jit/CMakeLists.txt also runs
# this with -m 80K, where the panel's 36 KB are not free, so the 16-tap
# loop runs on b as before (scratch.c returns NULL: no collection, no
# MemoryError). The results are the same either way; compared with CPython.
from array import array


def matmul(a, b, c, M, N, K):
    for i in range(M):
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


M, N, K = 24, 192, 192
a, b = data(M * K, 7, 3), data(K * N, 5, 1)
c = array("i", bytes(4 * M * N))
for step in range(2):
    matmul(a, b, c, M, N, K)
    s = 0
    for v in c:
        s = (s * 31 + v) & 0xFFFFFF
    print(step, s, c[0], c[-1])
    b[step] = 100
