# layers_vec5: small and oddly ordered int8 kernels the vectoriser was not
# tuned for (vec5a, bench/RESULTS.md): tiny trip counts (where the vector
# code's fixed cost can exceed what it saves: issue 12's rule, no vector
# path slower than the scalar JIT), a matmul with the output column loop
# outside the row loop, a dense layer with a bias and a shift, other names.
# Each runs twice; the second call is measured (layers_vec4.measure). Run it with
#   p4jit run --on p4sim [-X pie=off | -X jit=off] bench/layers_vec5.py
from array import array
from layers import int8s, dense_t_acc
from layers_vec4 import measure


def mm_cols(a, b, c, M, N, K):                 # output column loop outside the rows
    for j in range(N):
        for i in range(M):
            t = 0
            for k in range(K):
                t += b[k * N + j] * a[i * K + k]
            c[i * N + j] = t


def dense_t_bias(xs, nx, ws, ny, bias, ys):     # transposed weights, bias added after
    for o in range(ny):
        s = 0
        for i in range(nx):
            s += xs[i] * ws[i * ny + o]
        ys[o] = s + bias[o]


for n, m in ((20, 1), (12, 2), (5, 3), (40, 1), (33, 5)):
    x, w, y = int8s(n, 7, 3), int8s(n * m, 5, 1), array("i", bytes(4 * m))
    measure("dense_t_acc_%d_%d" % (n, m), dense_t_acc, (x, n, w, m, y), n * m, y)
for n, m in ((20, 1), (64, 24), (100, 37)):
    x, w, y = int8s(n, 7, 3), int8s(n * m, 5, 1), array("i", bytes(4 * m))
    bias = array("i", [i * 1000 - 7 for i in range(m)])
    measure("dense_t_bias_%d_%d" % (n, m), dense_t_bias, (x, n, w, m, bias, y), n * m, y)
for M, N, K in ((3, 2, 5), (20, 24, 40), (48, 33, 64)):
    a, b, c = int8s(M * K, 7, 3), int8s(K * N, 5, 1), array("i", bytes(4 * M * N))
    measure("mm_cols_%d_%d_%d" % (M, N, K), mm_cols, (a, b, c, M, N, K), M * N * K, c)
