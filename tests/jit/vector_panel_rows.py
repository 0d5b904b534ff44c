# A matmul's packed panel copied two rows a turn when every row of b is
# word-aligned (scratch.c copy_rows): odd and even row counts (K), rows 16,
# 20, 36 bytes apart (aligned) and 18 (not: the row-by-row copy), b read
# from its last row backwards, and b changed between calls.
from array import array


def mm(a, b, c, M, K, N):
    for i in range(M):
        for j in range(N):
            s = 0
            for k in range(K):
                s += a[i * K + k] * b[k * N + j]
            c[i * N + j] = s


def mm_back(a, b, c, M, K, N):
    for i in range(M):
        for j in range(N):
            s = 0
            for k in range(K):
                s += a[i * K + k] * b[(K - 1 - k) * N + j]
            c[i * N + j] = s


def run(f, M, K, N):
    a = array('b', [(i * 7 + 3) % 23 - 11 for i in range(M * K)])
    b = array('b', [(i * 5 + 1) % 19 - 9 for i in range(K * N)])
    c = array('i', [0] * (M * N))
    f(a, b, c, M, K, N)
    first = sum(c)
    b[-1] = 127
    b[0] = -128
    f(a, b, c, M, K, N)
    print(f.__name__, M, K, N, first, sum(c), c[0], c[-1])


for K in (1, 2, 3, 17, 32, 33):
    for N in (16, 18, 20, 36):
        run(mm, 26, K, N)
for K in (3, 16, 17):
    run(mm_back, 26, K, 32)
