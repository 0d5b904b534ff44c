# Hardware loops and fused loads (issue 12): with PIE, an innermost counted
# loop whose body cannot fail runs in an esp.lp.setup loop when it has at
# least 2 iterations and straight through its one body (no set-up) for 1
# (vec5a; the body is emitted once); the one multiply-accumulate of such a
# body loads the next operand in the multiply (esp.vmulas.s8.qacc.ldbc.incp
# for a broadcast element, esp.vmulas.s8.{xacc,qacc}.ld.ip for lanes) after a
# load before the loop, and a fused loop of 1 iteration runs an unpipelined
# copy. Trip counts 0, 1, 2, 3, around every multiple of 16 (the 16-tap and
# 16-lane loops, whose counters step by 16: the count is a shift) and large
# ones, one after another (a body entered without set-up after loops that
# went round); the counter and the pointers read after the loop; short
# arrays (the scalar loop raises where the interpreter does). Compared with
# CPython.
from array import array


def dense(x, w, y, n_in, n_out):  # XACC dot product: lanes of w fused (.ld.ip)
    for o in range(n_out):
        acc = 0
        for i in range(n_in):
            acc += x[i] * w[o * n_in + i]
        y[o] = acc


def conv_c(inp, wts, out, H, W, C, F):  # the channel loop: a broadcast element fused (.ldbc.incp)
    for oy in range(H - 2):
        for ox in range(W - 2):
            for f in range(F):
                acc = 0
                for ky in range(3):
                    for kx in range(3):
                        base = ((oy + ky) * W + (ox + kx)) * C
                        wbase = (ky * 3 + kx) * C * F + f
                        for ch in range(C):
                            acc += inp[base + ch] * wts[wbase + ch * F]
                out[((oy * (W - 2)) + ox) * F + f] = acc


def mm(p, q, r, rows, cols, depth):  # 16 taps per load in a hardware loop
    for i in range(rows):
        for j in range(cols):
            s = 0
            for t in range(depth):
                s += p[i * depth + t] * q[t * cols + j]
            r[i * cols + j] = s


def dot_after(a, b, n):  # the counter and the sum read after the loop
    acc = 0
    i = -1
    for i in range(n):
        acc += a[i] * b[i]
    return acc * 3 + i


def data(n, mul, add):
    return array("b", [(i * mul + add) % 256 - 128 for i in range(n)])


def checksum(c):
    s = 0
    for v in c:
        s = (s * 31 + v) & 0xFFFFFF
    return s


def attempt(f, *args):
    try:
        f(*args)
        return "ok"
    except IndexError as e:
        return "IndexError " + str(e)


for n_in in (0, 1, 2, 15, 16, 17, 31, 32, 33, 47, 48, 49, 63, 64, 65, 80, 81, 96, 1040):
    x, w = data(n_in, 7, 3), data(n_in * 3, 5, 1)
    y = array("i", [0] * 3)
    dense(x, w, y, n_in, 3)
    print("dense", n_in, list(y))
# one element short: the last output's row
x, w = data(64, 7, 3), data(64 * 3 - 1, 5, 1)
y = array("i", [0] * 3)
print("dense short", attempt(dense, x, w, y, 64, 3), list(y))

for C in (0, 1, 2, 3, 4, 5, 8, 16, 17):
    for F in (3, 16, 20):
        H = W = 5
        inp, wts = data(H * W * C, 13, 5), data(9 * C * F, 29, 11)
        out = array("i", [0] * ((H - 2) * (W - 2) * F))
        conv_c(inp, wts, out, H, W, C, F)
        print("conv", C, F, checksum(out), out[0] if len(out) else None, out[-1] if len(out) else None)
# one iteration (no set-up, or the unpipelined copy) right after loops
# that went round, and the other way round
for C in (17, 1, 2, 1, 3, 1, 16):
    inp, wts = data(4 * 4 * C, 13, 5), data(9 * C * 5, 29, 11)
    out = array("i", [0] * (2 * 2 * 5))
    conv_c(inp, wts, out, 4, 4, C, 5)
    print("conv seq", C, checksum(out), out[0], out[-1])
for n_in in (40, 16, 33, 17, 2, 31, 1):
    x, w = data(n_in, 7, 3), data(n_in * 2, 5, 1)
    y = array("i", [0] * 2)
    dense(x, w, y, n_in, 2)
    print("dense seq", n_in, list(y))
inp, wts = data(5 * 5 * 8 - 1, 13, 5), data(9 * 8 * 16, 29, 11)
out = array("i", [0] * (3 * 3 * 16))
print("conv short", attempt(conv_c, inp, wts, out, 5, 5, 8, 16), checksum(out))

for depth in (0, 1, 2, 3, 15, 16, 17, 31, 32, 33, 47, 48, 49, 64, 65, 97, 130):
    for cols in (5, 16, 20):
        rows = 2
        p, q = data(rows * depth, 7, 3), data(depth * cols, 5, 1)
        r = array("i", [0] * (rows * cols))
        mm(p, q, r, rows, cols, depth)
        print("mm", depth, cols, checksum(r), r[0], r[-1])
p, q = data(2 * 48, 7, 3), data(48 * 20 - 1, 5, 1)
r = array("i", [0] * 40)
print("mm short", attempt(mm, p, q, r, 2, 20, 48), checksum(r))

for n in (0, 1, 2, 3, 4, 5, 16, 17, 40, 47, 48, 49, 500):
    a, b = data(n, 11, 2), data(n, 3, 9)
    print("dot", n, dot_after(a, b, n))
a, b = data(40, 11, 2), data(39, 3, 9)
try:
    dot_after(a, b, 40)
except IndexError as e:
    print("dot short IndexError", e)
