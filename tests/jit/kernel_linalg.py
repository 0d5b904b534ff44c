# p4: float-tolerance
# Linear algebra kernels in compiled code over flat arrays: dot products
# (int16 and float), saxpy, matrix-vector and matrix-matrix multiply with
# several shapes (square, 2x3 by 3x4, row by column, column by row), and a
# transpose; results compared with CPython.
from array import array


def dot(a, b, n):
    s = 0
    for i in range(n):
        s += a[i] * b[i]
    return s


def fdot(a, b):
    s = 0.0
    for i in range(len(a)):
        s += a[i] * b[i]
    return s


def saxpy(alpha, x, y):
    for i in range(len(x)):
        y[i] = alpha * x[i] + y[i]


def matvec(m, rows, cols, v, out):
    for i in range(rows):
        s = 0
        for j in range(cols):
            s += m[i * cols + j] * v[j]
        out[i] = s


def matmul(a, b, c, n, k, m):
    # c (n x m) = a (n x k) @ b (k x m)
    for i in range(n):
        for j in range(m):
            s = 0
            for p in range(k):
                s += a[i * k + p] * b[p * m + j]
            c[i * m + j] = s


def transpose(a, t, rows, cols):
    for i in range(rows):
        for j in range(cols):
            t[j * rows + i] = a[i * cols + j]


def mm(n, k, m):
    a = array("i", [(i * 7) % 11 - 5 for i in range(n * k)])
    b = array("i", [(i * 5) % 13 - 6 for i in range(k * m)])
    c = array("i", [0] * (n * m))
    matmul(a, b, c, n, k, m)
    return list(c)


h = array("h", [(i * 37) % 200 - 100 for i in range(64)])
g = array("h", [(i * 11) % 300 - 150 for i in range(64)])
print(dot(h, g, 64), dot(h, h, 64), dot(h, g, 0))
x = array("f", [0.5 * i for i in range(16)])
y = array("f", [1.0 - 0.25 * i for i in range(16)])
print(fdot(x, y))
saxpy(2.0, x, y)
print(list(y))
m = array("i", [1, 2, 3, 4, 5, 6])
out = array("i", [0, 0])
matvec(m, 2, 3, array("i", [1, 0, -1]), out)
print(list(out))
print(mm(2, 3, 4))
print(mm(1, 5, 1), mm(5, 1, 5))
print(mm(4, 4, 4))
c8 = mm(8, 8, 8)
print(sum(c8), c8[:8])
t = array("i", [0] * 6)
transpose(m, t, 2, 3)
print(list(t))
