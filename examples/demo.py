# P4JIT demo: an int8 matrix multiply, the kind of kernel the JIT targets,
# checked against a plain reference, plus a little of everything else.
from array import array
import p4


def matmul(a, b, c, M, N, K):
    for i in range(M):
        for j in range(N):
            acc = 0
            for k in range(K):
                acc += a[i * K + k] * b[k * N + j]
            c[i * N + j] = acc


def checksum(c):
    s = 0
    for i in range(len(c)):
        s = (s * 31 + c[i]) & 0xFFFFFF
    return s


M = N = K = 16
a = array('b', [(i * 7 + 3) % 256 - 128 for i in range(M * K)])
b = array('b', [(i * 5 + 1) % 256 - 128 for i in range(K * N)])
c = array('i', [0] * (M * N))

start = p4.cycles()
matmul(a, b, c, M, N, K)  # with the JIT: compiled at this first call
first = (p4.cycles() - start) & 0x7FFFFFFF
start = p4.cycles()
matmul(a, b, c, M, N, K)
again = (p4.cycles() - start) & 0x7FFFFFFF

print("matmul {}x{}x{} int8 -> int32".format(M, N, K))
print("c[0] = {}, c[last] = {}, checksum = {}".format(c[0], c[M * N - 1], checksum(c)))
print("multiply-accumulates:", M * N * K)
print("mode:", p4.jit_info(matmul))
print("counter ticks, first call:", first)
print("counter ticks, second call:", again)

words = "the quick brown fox jumps over the lazy dog".split()
counts = {}
for w in words:
    counts[w[0]] = counts.get(w[0], 0) + 1
print(sorted(counts.items())[:4], max(words))
try:
    print(2 ** 31)
except OverflowError as e:
    print("ints are 32-bit:", e)
