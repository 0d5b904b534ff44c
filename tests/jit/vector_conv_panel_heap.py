# A conv's whole panel (vec18) when the heap cannot give its scratch
# memory: the weights are 41 KB, and tests/jit/CMakeLists.txt also runs
# this with -m 96K, where a panel of 41 KB is not free, so the taps read
# the weights (no rows: the row test alone sends them there). The results
# are the same either way; compared with CPython.
from array import array


def conv(src, k, dst, H, W, C, F):
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


def data(n, mul, add):
    a = array("b", bytes(n))
    for i in range(n):
        a[i] = (i * mul + add) % 256 - 128
    return a


H, C, F = 7, 72, 64
src, k = data(H * H * C, 13, 5), data(9 * C * F, 29, 11)
dst = array("i", bytes(4 * (H - 2) * (H - 2) * F))
for step in range(2):
    conv(src, k, dst, H, H, C, F)
    s = 0
    for v in dst:
        s = (s * 31 + v) & 0xFFFFFF
    print(step, s, dst[0], dst[-1])
    k[step * 7] = 100
