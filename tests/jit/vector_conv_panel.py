# A conv's weights on a whole packed panel (vec18, vector_panel.c and
# vector_taps.c): every row of the weights (F bytes apart) copied once a
# call into 16-byte rows, the taps' first row read at each entry from
# (ky*3 + kx)*C*F + f, and each tap one esp.vsmulas.s8.qacc.ld.incp. The
# copy needs 24 output positions or more (8x8: 36, 7x7: 25; 6x6: 16 has
# none). Checked against CPython: channel counts odd and even (3C taps with
# a tail), filter counts not a multiple of 16, the weights changed between
# calls and by the caller's code, weights one short (the last lane or the
# last row), a row offset that is negative or past the end (the panel's
# test sends the taps to the weights themselves, whose checks give the
# error), a kernel that stores into an int8 array (no panel), two convs in
# one function and two in the same loops (one panel a loop: scratch memory
# is one buffer), as two matmuls in one row loop, rows not a multiple of the
# stride.
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


def conv_at(src, k, dst, H, W, C, F, r0):  # the weights from row r0 (negative: Python's from the end)
    for oy in range(H - 2):
        for ox in range(W - 2):
            for f in range(F):
                acc = 0
                for ky in range(3):
                    for kx in range(3):
                        base = ((oy + ky) * W + (ox + kx)) * C
                        wbase = (r0 + (ky * 3 + kx) * C) * F + f
                        for ch in range(C):
                            acc += src[base + ch] * k[wbase + ch * F]
                dst[(oy * (W - 2) + ox) * F + f] = acc


def conv_touch(src, k, dst, H, W, C, F, log):  # an int8 store in the loop around: taps, no panel
    for oy in range(H - 2):
        for ox in range(W - 2):
            log[ox] = oy
            for f in range(F):
                acc = 0
                for ky in range(3):
                    for kx in range(3):
                        base = ((oy + ky) * W + (ox + kx)) * C
                        wbase = (ky * 3 + kx) * C * F + f
                        for ch in range(C):
                            acc += src[base + ch] * k[wbase + ch * F]
                dst[(oy * (W - 2) + ox) * F + f] = acc


def conv_self(src, k, dst, H, W, C, F):  # the weights changed by the kernel between rows
    for oy in range(H - 2):
        k[oy] = k[oy] // 2 - 3
        for ox in range(W - 2):
            for f in range(F):
                acc = 0
                for ky in range(3):
                    for kx in range(3):
                        for ch in range(C):
                            acc += src[((oy + ky) * W + ox + kx) * C + ch] * k[((ky * 3 + kx) * C + ch) * F + f]
                dst[(oy * (W - 2) + ox) * F + f] = acc


def conv_two(src, k, k2, dst, dst2, H, W, C, F):  # two convs, other weights, one function
    for oy in range(H - 2):
        for ox in range(W - 2):
            for f in range(F):
                acc = 0
                for ky in range(3):
                    for kx in range(3):
                        for ch in range(C):
                            acc += src[((oy + ky) * W + ox + kx) * C + ch] * k[((ky * 3 + kx) * C + ch) * F + f]
                dst[(oy * (W - 2) + ox) * F + f] = acc
    for oy in range(H - 2):
        for ox in range(W - 2):
            for f in range(F):
                acc = 0
                for ky in range(3):
                    for kx in range(3):
                        for ch in range(C):
                            acc += src[((oy + ky) * W + ox + kx) * C + ch] * k2[((ky * 3 + kx) * C + ch) * F + f]
                dst2[(oy * (W - 2) + ox) * F + f] = acc


def conv_pair(src, k, k2, dst, dst2, H, W, C, F):  # two vector loops in the same loops around
    for oy in range(H - 2):
        for ox in range(W - 2):
            for f in range(F):
                acc = 0
                for ky in range(3):
                    for kx in range(3):
                        for ch in range(C):
                            acc += src[((oy + ky) * W + ox + kx) * C + ch] * k[((ky * 3 + kx) * C + ch) * F + f]
                dst[(oy * (W - 2) + ox) * F + f] = acc
            for f in range(F):
                acc = 0
                for ky in range(3):
                    for kx in range(3):
                        for ch in range(C):
                            acc += src[((oy + ky) * W + ox + kx) * C + ch] * k2[((ky * 3 + kx) * C + ch) * F + f]
                dst2[(oy * (W - 2) + ox) * F + f] = acc


def mm_pair(a, b, b2, c, c2, M, N, K):  # two matmuls' vector loops in one row loop: one panel
    for i in range(M):
        for j in range(N):
            acc = 0
            for q in range(K):
                acc += a[i * K + q] * b[q * N + j]
            c[i * N + j] = acc
        for j in range(N):
            acc = 0
            for q in range(K):
                acc += a[i * K + q] * b2[q * N + j]
            c2[i * N + j] = acc


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


def out(H, W, F):
    d = array("i", bytes(4 * (H - 2) * (W - 2) * F))
    d[0] = 7
    return d


def show(d):
    return str(checksum(d)) + " " + str(d[0]) + " " + str(d[-1])


def run(fn, H, W, C, F, short_in=0, short_w=0, extra=(), wlen=0):
    src = data(H * W * C - short_in, 13, 5)
    k = data((wlen or 9 * C * F) - short_w, 29, 11)
    dst = out(H, W, F)
    return attempt(fn, src, k, dst, H, W, C, F, *extra) + " " + show(dst)


for C in (16, 17, 21, 24, 32, 33, 48):
    for F in (16, 17, 20, 32, 40):
        print("conv", C, F, run(conv, 8, 8, C, F), run(conv, 7, 7, C, F))
print("small", run(conv, 6, 6, 16, 32), run(conv, 8, 8, 8, 16), run(conv, 12, 3, 16, 16))
# one short: the last weight (the last row's last lane) or the last input
for C, F in ((16, 32), (17, 20), (32, 16)):
    print("short w", C, F, run(conv, 8, 8, C, F, short_w=1), run(conv, 7, 7, C, F, short_w=F))
    print("short in", C, F, run(conv, 8, 8, C, F, short_in=1))
# rows from r0: inside, negative (Python's indexing from the end), past the end
for r0 in (0, 1, 5, -1, -16, 3 * 16, 2 ** 20, -2 ** 26):
    print("at", r0, run(conv_at, 8, 8, 16, 32, extra=(r0,), wlen=(9 * 16 + 48) * 32))
# a length not a multiple of the rows' stride (the panel's last row partial)
print("len", run(conv, 8, 8, 16, 20, wlen=9 * 16 * 20 + 7), run(conv_at, 8, 8, 16, 20, extra=(2,), wlen=9 * 16 * 20 + 47))

# the weights changed between calls, by the caller and by the kernel
src, k, dst = data(8 * 8 * 16, 13, 5), data(9 * 16 * 32, 29, 11), out(8, 8, 32)
for n in range(4):
    conv(src, k, dst, 8, 8, 16, 32)
    print("mutate", n, show(dst))
    for i in range(0, len(k), 37 + n):
        k[i] = (k[i] * 3 + n) % 256 - 128
    k[len(k) - 1] = n - 100
for n in range(2):
    log = array("b", bytes(8))
    print("touch", n, run(conv_touch, 8, 8, 16, 32, extra=(log,)), list(log))
    print("self", n, run(conv_self, 8, 8, 16, 32))
k2 = data(9 * 16 * 32, 31, 7)
dst2 = out(8, 8, 32)
print("two", attempt(conv_two, src, k, k2, dst, dst2, 8, 8, 16, 32), show(dst), show(dst2))
print("two short", attempt(conv_two, src, k, k2[:-1], dst, dst2, 8, 8, 16, 32), show(dst), show(dst2))
print("pair", attempt(conv_pair, src, k, k2, dst, dst2, 8, 8, 16, 32), show(dst), show(dst2))
a, b, b2 = data(32 * 48, 7, 3), data(48 * 40, 5, 1), data(48 * 40, 11, 9)
c, c2 = array("i", bytes(4 * 32 * 40)), array("i", bytes(4 * 32 * 40))
print("mm pair", attempt(mm_pair, a, b, b2, c, c2, 32, 40, 48), show(c), show(c2))
