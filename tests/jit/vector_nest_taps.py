# Conv nests whose channel count is known only at run time (vec12,
# vector_nest.c): the outermost loop around the vector loop is copied, the
# copy's channel loop takes 16 taps per load (esp.vsmulas), and the nest's
# entry runs the copy when the count's n groups of 16 and t taps left pay
# (t == 0 or 10 (n - 1) > t). Every channel count 1 to 40 (both copies, the
# switches at 16/17, 31/32 and 41/42) and some large ones; the
# kernels written with other names and loop orders (bench/layers.py's
# conv3x3, lib/p4nn's row with ky then 3*C taps, channels first in the
# weights); arrays one short (the last filter's last channel, the last
# output), a weight index out of range in the last lane only, and products
# that leave int32 (OverflowError where the interpreter raises it).
# Compared with CPython.
from array import array


def conv(src, k, dst, H, W, C, F):  # wts[ky][kx][c][f]
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


def row(inp, base, WC, C, wt, F, OW, out):  # lib/p4nn's conv3x3_s1_row
    KC = 3 * C
    for ox in range(OW):
        for f in range(F):
            a = 0
            for ky in range(3):
                b = base + ky * WC + ox * C
                wb = ky * KC * F + f
                for i in range(KC):
                    a += inp[b + i] * wt[wb + i * F]
            out[ox * F + f] = a


def taps2(x, w, y, n_pix, nk, C, F):  # nk kernel taps per pixel, the taps' channels at once
    for p in range(n_pix):
        for g in range(F):
            s = 0
            for t in range(nk):
                for c in range(C):
                    s += x[(p + t) * C + c] * w[(t * C + c) * F + g]
            y[p * F + g] = s


def data(n, mul, add):
    a = array("b", bytes(n))
    for i in range(n):
        a[i] = (i * mul + add) % 256 - 128
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


def run_conv(H, W, C, F, short_w=0, short_out=0):
    src, k = data(H * W * C, 13, 5), data(9 * C * F - short_w, 29, 11)
    dst = array("i", bytes(4 * ((H - 2) * (W - 2) * F - short_out)))
    dst[0] = 7
    r = attempt(conv, src, k, dst, H, W, C, F)
    return r + " " + str(checksum(dst)) + " " + str(dst[0]) + " " + str(dst[-1])


for C in range(1, 41):
    print("conv", C, run_conv(4, 5, C, 1 + C % 7 * 5), run_conv(3, 3, C, 16))
for C, F in ((41, 16), (42, 17), (48, 32), (64, 17), (100, 3), (129, 24)):
    print("conv big", C, F, run_conv(4, 4, C, F))
for C in (15, 16, 17, 33):
    print("conv short w", C, run_conv(4, 4, C, 16, short_w=1), run_conv(4, 4, C, 19, short_w=1))
    print("conv short out", C, run_conv(4, 4, C, 16, short_out=1))
# the calls one after another: the entry's choice made afresh each time
for C in (16, 3, 40, 15, 17, 1):
    print("conv seq", C, run_conv(5, 4, C, 20))

for C in (1, 4, 5, 6, 11, 16, 21, 40):
    for F in (1, 16, 23):
        OW = 3
        inp, wt = data(3 * (OW + 2) * C, 7, 3), data(9 * C * F, 5, 1)
        out = array("i", [0] * (OW * F))
        row(inp, 0, (OW + 2) * C, C, wt, F, OW, out)
        print("row", C, F, checksum(out), out[0], out[-1])
# the weight of the last lane's last tap one past the end: only the last
# lane reads out of range
C, F, OW = 16, 16, 2
inp, wt = data(3 * (OW + 2) * C, 7, 3), data(9 * C * F - 1, 5, 1)
out = array("i", [0] * (OW * F))
print("row short", attempt(row, inp, 0, (OW + 2) * C, C, wt, F, OW, out), checksum(out))

for nk in (1, 2, 5):
    for C in (2, 15, 16, 17, 32, 37):
        for F in (1, 8, 17):
            x, w = data((4 + nk) * C, 3, 1), data(nk * C * F, 11, 9)
            y = array("i", [0] * (4 * F))
            taps2(x, w, y, 4, nk, C, F)
            print("taps2", nk, C, F, checksum(y), y[0], y[-1])

# every product -128 * -128, the same C weights n times: n * C products per
# output; from 131072 on the sum leaves int32 and the store raises
# OverflowError (the count's limit, 131071, tested exactly at both counts)
def rep(x, w, y, n, C, F):
    for g in range(F):
        s = 0
        for t in range(n):
            for c in range(C):
                s += x[c] * w[c * F + g]
        y[g] = s


for n, C in ((2, 16), (8191, 16), (8192, 16), (7710, 17), (7711, 17)):
    x, w, y = array("b", b"\x80" * C), array("b", b"\x80" * (C * 18)), array("i", bytes(4 * 18))
    print("rep extreme", n, C, attempt(rep, x, w, y, n, C, 18), y[0], y[17])
