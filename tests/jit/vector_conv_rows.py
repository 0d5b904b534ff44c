# A conv's rows of taps as one run (vec21, vector_taps.c row_run): on the
# whole panel, at the first ky the 16-tap loop runs every ky row left, the
# inputs' pointer a row (W*C) on after each, the weights' rows following in
# the panel; taken when the run (kw*C taps) is a multiple of 16, kx's loop
# makes one trip and the rows left lie in the panel, else the rows go one at
# a time. Checked against CPython: channel counts that make the run a
# multiple of 16 and those that do not (a tail per row: the rows one at a
# time), kernel sizes as arguments (1 to 5 rows, 1 to 5 columns), inputs
# one short (only the last output row's last ky row is out of range: the
# checks before the vector loop give the interpreter's error), weights one
# short, rows whose inputs are not W*C apart (a skew: a run of that
# stride), weights' rows with a gap between ky (no run: the test on the
# weights' step), a column's start read from an array (a load in the
# rows: no run), weights changed between calls.
from array import array


def conv(src, k, dst, H, W, C, F):  # HWC, wts[ky][kx][c][f] (bench/layers.py)
    for oy in range(H - 2):
        for ox in range(W - 2):
            for f in range(F):
                acc = 0
                for ky in range(3):
                    for kx in range(3):
                        base = ((oy + ky) * W + (ox + kx)) * C
                        wbase = (ky * 3 + kx) * C * F + f
                        for ch in range(C):
                            acc += src[base + ch] * k[wbase + ch * F]
                dst[(oy * (W - 2) + ox) * F + f] = acc


def conv_k(src, k, dst, H, W, C, F, KH, KW):  # kernel sizes as arguments
    OH = H - KH + 1
    OW = W - KW + 1
    for oy in range(OH):
        for ox in range(OW):
            for f in range(F):
                acc = 0
                for ky in range(KH):
                    for kx in range(KW):
                        base = ((oy + ky) * W + ox + kx) * C
                        wbase = (ky * KW + kx) * C * F + f
                        for ch in range(C):
                            acc += src[base + ch] * k[wbase + ch * F]
                dst[(oy * OW + ox) * F + f] = acc


def conv_skew(src, k, dst, H, W, C, F):  # each row's inputs one further on: a stride of W*C + 1
    for oy in range(H - 3):
        for ox in range(W - 3):
            for f in range(F):
                acc = 0
                for ky in range(3):
                    for kx in range(3):
                        base = ((oy + ky) * W + ox + kx) * C + ky
                        wbase = (ky * 3 + kx) * C * F + f
                        for ch in range(C):
                            acc += src[base + ch] * k[wbase + ch * F]
                dst[(oy * (W - 3) + ox) * F + f] = acc


def conv_gap(src, k, dst, H, W, C, F):  # the weights' rows of consecutive ky apart by 4C, not 3C
    for oy in range(H - 2):
        for ox in range(W - 2):
            for f in range(F):
                acc = 0
                for ky in range(3):
                    for kx in range(3):
                        base = ((oy + ky) * W + ox + kx) * C
                        wbase = (ky * 4 + kx) * C * F + f
                        for ch in range(C):
                            acc += src[base + ch] * k[wbase + ch * F]
                dst[(oy * (W - 2) + ox) * F + f] = acc


def conv_off(src, k, dst, H, W, C, F, off):  # each column's start from off[kx]: a load in the rows
    for oy in range(H - 2):
        for ox in range(W - 2):
            for f in range(F):
                acc = 0
                for ky in range(3):
                    for kx in range(3):
                        base = ((oy + ky) * W + ox + kx + off[kx]) * C
                        wbase = (ky * 3 + kx) * C * F + f
                        for ch in range(C):
                            acc += src[base + ch] * k[wbase + ch * F]
                dst[(oy * (W - 2) + ox) * F + f] = acc


def data(n, mul, add):
    a = array("b", bytes(n))
    for i in range(n):
        a[i] = (i * mul + i // 7 + add) % 256 - 128
    return a


def checksum(c):
    s = 0
    for v in c:
        s = (s * 31 + v) & 0xFFFFFF
    return s


def attempt(f, *args):
    try:
        f(*args)
        return "ok"
    except (IndexError, OverflowError) as e:
        return type(e).__name__ + " " + str(e)


def show(d):
    return str(checksum(d)) + " " + str(d[0]) + " " + str(d[-1])


def run_k(H, W, C, F, KH, KW, short_in=0, short_w=0):
    src = data(H * W * C - short_in, 13, 5)
    k = data(KH * KW * C * F - short_w, 29, 11)
    dst = array("i", bytes(4 * (H - KH + 1) * (W - KW + 1) * F))
    dst[0] = 7
    return attempt(conv_k, src, k, dst, H, W, C, F, KH, KW) + " " + show(dst)


def run(fn, H, W, C, F, rows_w=9, short_in=0, short_w=0, out=2, extra=()):
    src = data(H * W * C - short_in, 13, 5)
    k = data(rows_w * C * F - short_w, 29, 11)
    dst = array("i", bytes(4 * (H - out) * (W - out) * F))
    dst[0] = 7
    return attempt(fn, src, k, dst, H, W, C, F, *extra) + " " + show(dst)


for C in (16, 17, 20, 24, 32, 48):
    for F in (16, 20, 32):
        print("conv", C, F, run(conv, 8, 8, C, F), run(conv, 7, 9, C, F))
for KH, KW in ((1, 3), (2, 3), (3, 1), (3, 2), (4, 3), (5, 3), (3, 5), (5, 1)):
    for C in (16, 24, 32):
        print("k", KH, KW, C, run_k(9, 9, C, 16, KH, KW), run_k(8, 10, C, 32, KH, KW))
# one short: the last input (only the last output row's last ky row reads it)
# or the last weight
for C, F in ((16, 32), (32, 16), (48, 16), (20, 16)):
    print("short in", C, F, run(conv, 8, 8, C, F, short_in=1), run_k(8, 8, C, F, 4, 3, short_in=1))
    print("short w", C, F, run(conv, 8, 8, C, F, short_w=1), run_k(8, 8, C, F, 5, 1, short_w=1))
print("skew", run(conv_skew, 9, 9, 16, 32, out=3), run(conv_skew, 9, 9, 32, 16, out=3))
print("off", run(conv_off, 8, 8, 16, 32, extra=(array("i", [0, 0, 0]),)),
      run(conv_off, 8, 8, 16, 32, extra=(array("i", [0, -1, 1]),)), run(conv_off, 8, 8, 16, 32, extra=(array("i", [0, 0, 1]),)))
print("gap", run(conv_gap, 8, 8, 16, 32, rows_w=12), run(conv_gap, 8, 8, 16, 32, rows_w=11))

# the weights changed between calls
src, k = data(8 * 8 * 16, 13, 5), data(9 * 16 * 32, 29, 11)
dst = array("i", bytes(4 * 6 * 6 * 32))
for n in range(3):
    conv(src, k, dst, 8, 8, 16, 32)
    print("mutate", n, show(dst))
    for i in range(n, len(k), 41):
        k[i] = (k[i] * 5 + n) % 256 - 128
