# layers_vec6: dot-product nests the row pairs (vec6a, bench/RESULTS.md)
# were not tuned for: other names, the weights as the first factor, rows
# of every length around the pairs' threshold (384) and long ones, odd and
# even output counts, a matmul with B transposed (its dot product in a
# nest of three), a bias added after the sum, and single outputs (issue
# 12's rule: no vector path slower than the scalar JIT). Each runs twice;
# the second call is measured (layers_vec4.measure). Run it with
#   p4jit run --on p4sim [-X pie=off | -X jit=off] bench/layers_vec6.py
from array import array
from layers import int8s
from layers_vec4 import measure


def fc(inp, wt, out, n, m):                    # weights first, other names
    for r in range(m):
        s = 0
        for c in range(n):
            s += wt[r * n + c] * inp[c]
        out[r] = s


def fc_bias(v, n, wts, m, b, res):             # a bias after the sum
    for k in range(m):
        t = 0
        for j in range(n):
            t += v[j] * wts[k * n + j]
        res[k] = t + b[k]


def mm_bt(a, bt, c, M, N, K):                  # B transposed: rows of a times rows of bt
    for i in range(M):
        for j in range(N):
            acc = 0
            for k in range(K):
                acc += a[i * K + k] * bt[j * K + k]
            c[i * N + j] = acc


if __name__ == "__main__":
    for n, m in ((1, 1), (20, 1), (40, 1), (128, 1), (100, 7), (320, 9), (384, 8), (500, 13), (777, 5),
                 (1024, 64), (2000, 33)):
        inp, wt, out = int8s(n, 7, 3), int8s(n * m, 5, 1), array("i", bytes(4 * m))
        measure("fc_%d_%d" % (n, m), fc, (inp, wt, out, n, m), n * m, out)
    for n, m in ((256, 16), (640, 10), (1536, 3)):
        v, wts, b, res = int8s(n, 11, 2), int8s(n * m, 3, 7), array("i", range(m)), array("i", bytes(4 * m))
        measure("fc_bias_%d_%d" % (n, m), fc_bias, (v, n, wts, m, b, res), n * m, res)
    for M, N, K in ((4, 9, 512), (3, 16, 1024), (8, 8, 64)):
        a, bt, c = int8s(M * K, 7, 3), int8s(N * K, 5, 1), array("i", bytes(4 * M * N))
        measure("mm_bt_%d_%d_%d" % (M, N, K), mm_bt, (a, bt, c, M, N, K), M * N * K, c)
