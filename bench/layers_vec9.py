# layers_vec9: matmul written with other names, loop orders and sizes (all
# passed as arguments), to check issue 12's matmul figures on shapes nobody
# tuned for (vec9, bench/RESULTS.md). Each runs twice; the second call is
# measured (layers_vec4.measure). Run it with
#   p4jit run --on p4sim [-X pie=off | -X jit=off] bench/layers_vec9.py
from array import array
from layers import int8s, matmul
from layers_vec4 import measure


def mm_renamed(lhs, rhs, dst, rows, cols, depth):   # the same nest, other names
    for r in range(rows):
        for q in range(cols):
            s = 0
            for d in range(depth):
                s += rhs[d * cols + q] * lhs[r * depth + d]
            dst[r * cols + q] = s


def mm_rowptr(a, b, c, M, N, K):                    # row offsets made outside the inner loops
    for i in range(M):
        arow = i * K
        crow = i * N
        for j in range(N):
            acc = 0
            for k in range(K):
                acc += a[arow + k] * b[k * N + j]
            c[crow + j] = acc


for M, N, K in ((64, 64, 64), (48, 40, 72), (17, 33, 65), (32, 128, 16), (8, 16, 256)):
    a, b, c = int8s(M * K, 7, 3), int8s(K * N, 5, 1), array("i", bytes(4 * M * N))
    tag = "%d_%d_%d" % (M, N, K)
    measure("matmul_" + tag, matmul, (a, b, c, M, N, K), M * N * K, c)
    measure("mm_renamed_" + tag, mm_renamed, (a, b, c, M, N, K), M * N * K, c)
    measure("mm_rowptr_" + tag, mm_rowptr, (a, b, c, M, N, K), M * N * K, c)
