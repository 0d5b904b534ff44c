# Dot products and dense layers (issue 12): `acc += x[i] * w[base + i]`,
# both operands contiguous in i, run on PIE 16 products at a time into XACC
# (on p4sim; QEMU runs them scalar), the sum of the lanes added to acc at
# the loop's exit, the original loop doing the rest. Every size from 1 to
# 40 and some large ones, a bias as the accumulator's start, a start other
# than 0, negative indices (Python's wrap: the scalar loop does those), the
# same array as both operands, arrays one element short (the scalar loop
# raises where the interpreter does). Compared with CPython.
from array import array


def dense(x, w, y, n_in, n_out):
    for o in range(n_out):
        acc = 0
        for i in range(n_in):
            acc += x[i] * w[o * n_in + i]
        y[o] = acc


def dense_bias(x, w, bias, y, n_in, n_out):
    for o in range(n_out):
        acc = bias[o]
        for i in range(n_in):
            acc += w[o * n_in + i] * x[i]
        y[o] = acc


def dense_shifted(x, w, y, n_in, n_out):  # offsets: a constant, a subtraction, two sums
    for o in range(n_out):
        acc = 0
        for i in range(1, n_in):
            acc += x[i - 1] * w[o * n_in + i + 2]
        y[o] = acc


def dot(a, b, lo, hi, shift):
    acc = 0
    for i in range(lo, hi):
        acc += a[i + shift] * b[i]
    return acc


def data(n, mul, add):
    return array("b", [(i * mul + add) % 256 - 128 for i in range(n)])


def checksum(c):
    s = 0
    for v in c:
        s = (s * 31 + v) & 0xFFFFFF
    return s


def run_dense(n_in, n_out, short_x=0, short_w=0):
    x = data(n_in - short_x, 7, 3)
    w = data(n_in * n_out - short_w, 5, 1)
    y = array("i", [-1] * n_out)
    try:
        dense(x, w, y, n_in, n_out)
        print("dense", n_in, n_out, "ok", checksum(y), y[0])
    except IndexError as e:
        print("dense", n_in, n_out, "IndexError", e, list(y))


for n in list(range(1, 41)) + [47, 63, 64, 65, 100, 256, 1024]:
    run_dense(n, 3)
run_dense(64, 10)
run_dense(32, 2, short_x=1)
run_dense(32, 2, short_w=1)
run_dense(33, 2, short_w=1)
run_dense(48, 2, short_w=17)

for n, short in ((1, 0), (2, 0), (16, 0), (17, 0), (18, 0), (33, 0), (64, 0), (17, 1), (64, 1)):
    xs = data(n, 3, 1)
    ws = data(n * 3 + 2 - short, 9, 4)
    ys = array("i", [0] * 3)
    try:
        dense_shifted(xs, ws, ys, n, 3)
        print("shifted", n, list(ys))
    except IndexError as e:
        print("shifted", n, "IndexError", e, list(ys))

x = data(256, 11, 5)
w = data(256 * 4, 3, 7)
y = array("i", [0] * 4)
bias = array("i", [1 << 30, -(1 << 30), 2147483647 - 256 * 16384, -2147483648 + 256 * 16256])
dense_bias(x, w, bias, y, 256, 4)
print("bias", list(y))

a = data(300, 13, 1)
b = data(300, 17, 9)
print("dot", dot(a, b, 0, 300, 0), dot(a, b, 5, 290, 3), dot(a, b, 0, 40, -2), dot(a, b, 20, 60, -30))
print("dot same", dot(a, a, 0, 300, 0), dot(a, a, 1, 299, 1))
print("dot empty", dot(a, b, 10, 10, 0), dot(a, b, 50, 10, 0), dot(a, b, 0, 17, 0))
ext = array("b", [-128] * 64)
mix = array("b", [127, -128] * 32)
print("extremes", dot(ext, ext, 0, 64, 0), dot(ext, mix, 0, 64, 0), dot(mix, mix, 0, 63, 1))
try:
    print(dot(a, b, 250, 300, 1))
except IndexError as e:
    print("IndexError", e)
