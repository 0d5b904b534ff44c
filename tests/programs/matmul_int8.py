# The benchmark kernel: int8 matrix multiply into int32, small size.
from array import array
M = N = K = 8
a = array("b", [(i * 7 + 3) % 256 - 128 for i in range(M * K)])
b = array("b", [(i * 5 + 1) % 256 - 128 for i in range(K * N)])
c = array("i", [0] * (M * N))
def matmul(a, b, c, M, N, K):
    for i in range(M):
        for j in range(N):
            acc = 0
            for k in range(K):
                acc += a[i * K + k] * b[k * N + j]
            c[i * N + j] = acc
matmul(a, b, c, M, N, K)
print(c[0], c[M * N - 1], sum(c), min(c), max(c))
print(c[:8])
