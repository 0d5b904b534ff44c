# int16 dot products and dense layers (vec11): `acc += x[i] * w[base + i]`
# over array('h'), both operands contiguous in i, run on PIE 8 products at a
# time into XACC (esp.vmulas.s16.xacc; on p4sim, QEMU runs them scalar),
# the sum tested and added to acc at the loop's exit, the original loop
# doing the rest. Every length from 1 to 40 and some large ones (past 512
# products the vector loop runs in chunks of 512, each tested), a bias as the accumulator's start,
# offsets, the same array as both operands, an index out of range in the
# last lane, arrays one element short (the scalar loop raises where the
# interpreter does), int8 times int16 (scalar). Compared with CPython.
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


def dot(a, b, lo, hi, shift):
    acc = 0
    for i in range(lo, hi):
        acc += a[i + shift] * b[i]
    return acc


def data(n, mul, add):
    return array("h", [(i * mul + add) % 65536 - 32768 for i in range(n)])


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
    except (IndexError, OverflowError) as e:  # (OverflowError: a row's sum past int32 into array('i'))
        print("dense", n_in, n_out, type(e).__name__, e, list(y))


# small values: sums that stay in int32 however long the row
def small(n, mul, add):
    return array("h", [(i * mul + add) % 201 - 100 for i in range(n)])


def run_small(n_in, n_out):
    x = small(n_in, 7, 3)
    w = small(n_in * n_out, 5, 1)
    y = array("i", [-1] * n_out)
    dense(x, w, y, n_in, n_out)
    print("small", n_in, n_out, checksum(y), y[0], y[n_out - 1])


for n in list(range(1, 41)) + [47, 63, 64, 65, 100, 256, 511, 512, 513, 1024]:
    run_small(n, 3)
for n in (1, 2, 7, 8, 9, 15, 16, 17, 64):
    run_dense(n, 3)  # full-range values: row sums near or past int32 (longs)
run_dense(32, 2, short_x=1)
run_dense(32, 2, short_w=1)
run_dense(33, 2, short_w=1)
run_dense(48, 2, short_w=9)

x = small(256, 11, 5)
w = small(256 * 4, 3, 7)
y = array("i", [0] * 4)
bias = array("i", [1 << 30, -(1 << 30), 2147483647 - 100000, -2147483648 + 100000])
try:
    dense_bias(x, w, bias, y, 256, 4)
    print("bias", list(y))
except OverflowError as e:  # (an array('i') element past int32)
    print("bias OverflowError", e, list(y))

a = small(300, 13, 1)
b = small(300, 17, 9)
print("dot", dot(a, b, 0, 300, 0), dot(a, b, 5, 290, 3), dot(a, b, 0, 40, -2), dot(a, b, 20, 60, -30))
print("dot same", dot(a, a, 0, 300, 0), dot(a, a, 1, 299, 1))
print("dot empty", dot(a, b, 10, 10, 0), dot(a, b, 50, 10, 0), dot(a, b, 0, 17, 0))
ext = array("h", [-32768] * 64)
mix = array("h", [32767, -32768] * 32)
print("extremes", dot(ext, ext, 0, 1, 0), dot(ext, mix, 0, 2, 0), dot(mix, mix, 0, 63, 1), dot(ext, ext, 0, 64, 0))
try:  # the index of the last lane out of range: IndexError from the scalar loop
    print(dot(a, b, 250, 300, 1))
except IndexError as e:
    print("IndexError", e)
b8 = array("b", [(i * 7) % 256 - 128 for i in range(64)])
print("int16 x int8", dot(a, b8, 0, 64, 0))
