# int8 multiply-accumulate nests that vector.c runs on PIE's 16 lanes (on
# p4sim; QEMU has no PIE and runs them scalar). Every size around the lane
# count, every start alignment, arrays one element too short (the scalar
# loop takes over and raises where the interpreter does), negative indices
# (Python's wrap: the vector loop leaves those lanes to the scalar loop),
# and both operands contiguous.
from array import array


def matmul(a, b, c, M, N, K):
    for i in range(M):
        for j in range(N):
            acc = 0
            for k in range(K):
                acc += a[i * K + k] * b[k * N + j]
            c[i * N + j] = acc


def checksum(c):
    s = 0
    for v in c:
        s = (s * 31 + v) & 0xFFFFFF
    return s


def data(n, mul, add):
    return array("b", [(i * mul + add) % 256 - 128 for i in range(n)])


def run(M, N, K, short_a=0, short_b=0, short_c=0):
    a = data(M * K - short_a, 7, 3)
    b = data(K * N - short_b, 5, 1)
    c = array("i", [-1] * (M * N - short_c))
    try:
        matmul(a, b, c, M, N, K)
        print(M, N, K, "ok", checksum(c), c[0] if len(c) else None)
    except IndexError as e:
        print(M, N, K, "IndexError", e, checksum(c), list(c)[-20:])


for n in (1, 7, 8, 15, 16, 17, 31, 32, 33, 48, 50):
    run(2, n, 5)
for k in (0, 1, 2, 17, 40):
    run(3, 20, k)
run(2, 32, 4, short_a=1)
run(2, 32, 4, short_b=1)
run(2, 32, 4, short_b=20)
run(2, 32, 4, short_c=1)
run(2, 32, 4, short_c=13)
run(1, 16, 3, short_c=16)

# extremes: every product is 16384 or -16256
ext = array("b", [-128] * 64)
mix = array("b", [127, -128] * 32)
out = array("i", [0] * 32)
matmul(ext, ext, out, 2, 16, 2)
print(list(out))
matmul(ext, mix, out, 2, 16, 2)
print(list(out))


# unaligned starts: the row begins at any byte
def shifted(a, b, c, off, n, K):
    for j in range(n):
        acc = 0
        for k in range(K):
            acc += a[k] * b[k * n + j + off]
        c[j + off] = acc


for off in range(5):
    a = data(6, 3, 2)
    b = data(6 * 40 + off, 11, 5)
    c = array("i", [0] * (40 + off))
    shifted(a, b, c, off, 40, 6)
    print("shifted", off, checksum(c), c[off], c[39 + off])


# negative indices wrap in Python: lanes that reach below 0 go scalar
def negative(a, b, c, n):
    for j in range(n):
        acc = 0
        for k in range(3):
            acc += a[k] * b[j - 20 + k]
        c[j] = acc


a = data(3, 1, 0)
b = data(64, 13, 7)
c = array("i", [0] * 48)
negative(a, b, c, 48)
print("negative", checksum(c), list(c[:24]))


# both operands contiguous in j: lanes of a times lanes of b
def elementwise(a, b, c, n, K):
    for j in range(n):
        acc = 0
        for k in range(K):
            acc += a[k * n + j] * b[k * n + j]
        c[j] = acc


a = data(4 * 35, 17, 9)
b = data(4 * 35, 23, 1)
c = array("i", [0] * 35)
elementwise(a, b, c, 35, 4)
print("elementwise", checksum(c), c[0], c[34])


# an accumulator that restarts inside the body, and uniform code around it
def two_sums(a, b, c, n, K):
    for j in range(n):
        acc = 0
        for k in range(K):
            acc += a[k] * b[k * n + j]
        for k in range(K):
            acc += a[K - 1 - k] * b[k * n + j]
        c[j] = acc


b = data(5 * 33, 3, 4)
c = array("i", [0] * 33)
two_sums(data(5, 9, 2), b, c, 33, 5)
print("two_sums", checksum(c), c[0], c[32])
