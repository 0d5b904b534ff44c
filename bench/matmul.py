# matmul: int8 a (M*K) times int8 b (K*N) into int32 c (M*N), M = N = K = 32.
from array import array
import p4

M = N = K = 32


def matmul(a, b, c, M, N, K):
    for i in range(M):
        for j in range(N):
            acc = 0
            for k in range(K):
                acc += a[i * K + k] * b[k * N + j]
            c[i * N + j] = acc


a = array("b", [(i * 7 + 3) % 256 - 128 for i in range(M * K)])
b = array("b", [(i * 5 + 1) % 256 - 128 for i in range(K * N)])
c = array("i", [0] * (M * N))
start = p4.instret()
matmul(a, b, c, M, N, K)  # kernel
used = (p4.instret() - start) & 0x7FFFFFFF
check = 0
for v in c:
    check = (check * 31 + v) & 0xFFFFFF
print("checksum", check, c[0], c[M * N - 1])
print("kernel-instret", used, "macs", M * N * K)
start, cstart = p4.instret(), p4.cycles()
matmul(a, b, c, M, N, K)  # the same again: with the JIT, compiled code only
used, cycles = (p4.instret() - start) & 0x7FFFFFFF, (p4.cycles() - cstart) & 0x7FFFFFFF
print("kernel-again-instret", used, "macs", M * N * K)
print("kernel-again-cycles", cycles)
