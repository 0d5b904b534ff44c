# Conv nests whose columns (kx) and channels are one run of taps (vec16,
# vector_collapse.c): in vec12's copy of the nest, when both operands step
# by C times their channel step as kx steps (tested at run time), the
# channel loop runs 3C taps from kx's first value and the kx loop once.
# Written as users would: other names, loop orders, HWC and CHW layouts,
# padding, kx from 1, a weight layout padded per kx (no collapse: its step
# is not C * F), a kx loop doing more than the taps (no collapse), channel
# counts 1 to 40 around the copy's switches; arrays one short in the last
# third of a run (only the collapsed run reaches it) and an index out of
# range in the last lane only. Compared with CPython. (Sums that leave
# int32 need 131072 products per output, more weights than the default
# heap holds; the product count's test, made before the vector loop, is
# the same collapsed or not: vector_nest_taps.py's rep.)
from array import array


def conv(src, k, dst, H, W, C, F):  # HWC, wts[ky][kx][c][f]
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


def conv_kx_first(img, wt, res, rows, cols, nc, nf):  # names, the index written inline
    for r in range(rows - 2):
        for c in range(cols - 2):
            for q in range(nf):
                s = 0
                for dy in range(3):
                    for dx in range(3):
                        for z in range(nc):
                            s += wt[((dy * 3 + dx) * nc + z) * nf + q] * img[((r + dy) * cols + c + dx) * nc + z]
                res[(r * (cols - 2) + c) * nf + q] = s


def conv_pad(src, k, dst, H, W, C, F):  # padding 1: rows and columns outside skipped
    for oy in range(H):
        for ox in range(W):
            for f in range(F):
                acc = 0
                for ky in range(3):
                    y = oy + ky - 1
                    if 0 <= y < H:
                        for kx in range(3):
                            x = ox + kx - 1
                            if 0 <= x < W:
                                for ch in range(C):
                                    acc += src[(y * W + x) * C + ch] * k[((ky * 3 + kx) * C + ch) * F + f]
                dst[(oy * W + ox) * F + f] = acc


def conv_chw(src, k, dst, H, W, C, F):  # CHW input: kx steps by 1, the channels by H*W
    for oy in range(H - 2):
        for ox in range(W - 2):
            for f in range(F):
                acc = 0
                for ky in range(3):
                    for kx in range(3):
                        for ch in range(C):
                            acc += src[ch * H * W + (oy + ky) * W + ox + kx] * k[((ky * 3 + kx) * C + ch) * F + f]
                dst[(oy * (W - 2) + ox) * F + f] = acc


def conv_kx1(src, k, dst, H, W, C, F):  # kx from 1: two columns
    for oy in range(H - 2):
        for ox in range(W - 2):
            for f in range(F):
                acc = 0
                for ky in range(3):
                    for kx in range(1, 3):
                        for ch in range(C):
                            acc += src[((oy + ky) * W + ox + kx) * C + ch] * k[((ky * 3 + kx) * C + ch) * F + f]
                dst[(oy * (W - 2) + ox) * F + f] = acc


def conv_gap(src, k, dst, H, W, C, F, G):  # weights G rows apart per kx: collapsed only when G == C
    for oy in range(H - 2):
        for ox in range(W - 2):
            for f in range(F):
                acc = 0
                for ky in range(3):
                    for kx in range(3):
                        for ch in range(C):
                            acc += src[((oy + ky) * W + ox + kx) * C + ch] * k[((ky * 3 + kx) * G + ch) * F + f]
                dst[(oy * (W - 2) + ox) * F + f] = acc


def conv_sq(src, k, dst, H, W, C, F):  # the input's column kx*kx: not affine in kx, never collapsed
    for oy in range(H - 2):
        for ox in range(W - 4):
            for f in range(F):
                acc = 0
                for ky in range(3):
                    for kx in range(3):
                        for ch in range(C):
                            acc += src[((oy + ky) * W + ox + kx * kx) * C + ch] * k[((ky * 3 + kx) * C + ch) * F + f]
                dst[(oy * (W - 2) + ox) * F + f] = acc


def conv_kr(src, k, dst, H, W, C, F, k0, k1, c0):  # the columns k0 to k1, the channels from c0
    for oy in range(H - 2):
        for ox in range(W - 2):
            for f in range(F):
                acc = 0
                for ky in range(3):
                    for kx in range(k0, k1):
                        for ch in range(c0, C):
                            acc += src[((oy + ky) * W + ox + kx) * C + ch] * k[((ky * 3 + kx) * C + ch) * F + f]
                dst[(oy * (W - 2) + ox) * F + f] = acc


def data(n, mul, add):
    a = array("b", bytes(n))
    for i in range(n):
        a[i] = (i * mul + i // 7 + add) % 256 - 128  # (i // 7: no period of 16 rows)
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


def run(fn, H, W, C, F, short_in=0, short_w=0, extra=(), pad=False, n_in=0):
    src = data((n_in or H * W * C) - short_in, 13, 5)
    k = data(9 * max(C, *extra) * F - short_w if extra else 9 * C * F - short_w, 29, 11)
    n_out = (H if pad else H - 2) * (W if pad else W - 2) * F
    dst = array("i", bytes(4 * n_out))
    dst[0] = 7
    r = attempt(fn, src, k, dst, H, W, C, F, *extra)
    return r + " " + str(checksum(dst)) + " " + str(dst[0]) + " " + str(dst[-1])


for C in range(1, 41):
    print("conv", C, run(conv, 4, 5, C, 1 + C % 7 * 5), run(conv, 3, 3, C, 16))
for H, W, C, F in ((8, 8, 16, 32), (5, 7, 32, 24), (6, 6, 24, 40), (4, 9, 48, 17), (3, 4, 64, 16)):
    print("shape", H, W, C, F, run(conv, H, W, C, F), run(conv_kx_first, H, W, C, F))
for C, F in ((16, 16), (16, 32), (32, 20), (8, 16), (3, 16)):
    print("pad", C, F, run(conv_pad, 4, 5, C, F, pad=True))
    print("chw", C, F, run(conv_chw, 4, 5, C, F))
    print("kx1", C, F, run(conv_kx1, 4, 5, C, F))
    print("sq", C, F, run(conv_sq, 3, 7, C, F))
for C, G in ((16, 16), (16, 17), (32, 32), (32, 33), (17, 16)):
    print("gap", C, G, run(conv_gap, 4, 4, C, 16, extra=(G,)))
# one element short at the end: the last output's last (ky, kx) reads it,
# in the last third of the collapsed run; the weights' last lane only
for C in (16, 32, 48):
    print("short in", C, run(conv, 4, 4, C, 16, short_in=1))
    print("short w", C, run(conv, 4, 4, C, 16, short_w=1), run(conv, 4, 4, C, 19, short_w=1))
# the calls one after another: each entry tests the steps afresh
for C, G in ((16, 16), (16, 20), (32, 32), (32, 16), (16, 16)):
    print("seq", C, G, run(conv_gap, 4, 5, C, 16, extra=(G,)))

# counts whose bound - init leaves int32 (the collapse's test of the counts
# must not take a wrapped count for a real one: no turn is run)
for k0, k1, c0, C in ((0, 3, 0, 16), (1, 3, 0, 16), (10, -2 ** 31 + 5, 0, 16), (2 ** 31 - 3, -2 ** 31 + 3, 0, 16),
                      (0, 3, 2 ** 31 - 3, -2 ** 31 + 16), (0, 3, 10, -2 ** 31 + 5)):
    src, k, dst = data(4 * 4 * 16, 13, 5), data(9 * 16 * 16, 29, 11), array("i", bytes(4 * 2 * 2 * 16))
    print("counts", k0, k1, c0, C, attempt(conv_kr, src, k, dst, 4, 4, C, 16, k0, k1, c0), checksum(dst), dst[0], dst[-1])
