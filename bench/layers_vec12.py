# layers_vec12: conv nests with a run-time channel count, written with other
# names, loop orders and sizes (all passed as arguments), on shapes nobody
# tuned for: vec12's copy of the nest with 16 taps per load
# (src/jit/vector_nest.c) against the nest alone (bench/RESULTS.md, vec12).
# Each runs twice; the second call is measured (layers_vec4.measure). Run it
# with
#   p4jit run --on p4sim [-X pie=off | -X jit=off] bench/layers_vec12.py
from array import array
from layers import conv3x3, int8s
from layers_vec4 import conv, measure


def conv_hwc(src, k, dst, H, W, C, F):   # other names, the output offset made outside the taps
    for yy in range(H - 2):
        for xx in range(W - 2):
            o = (yy * (W - 2) + xx) * F
            for g in range(F):
                s = 0
                for dy in range(3):
                    for dx in range(3):
                        b = ((yy + dy) * W + xx + dx) * C
                        wb = (dy * 3 + dx) * C * F + g
                        for c in range(C):
                            s += k[wb + c * F] * src[b + c]
                dst[o + g] = s


def conv1d(x, w, y, n, F, nk, C):        # the filters' loop inside the positions, taps then channels
    for p in range(n):
        for f in range(F):
            a = 0
            for t in range(nk):
                for c in range(C):
                    a += x[(p + t) * C + c] * w[t * C * F + c * F + f]
            y[p * F + f] = a


for H, C, F in ((8, 16, 32), (8, 32, 64), (7, 24, 40), (6, 48, 20), (10, 17, 16), (12, 8, 16)):
    conv(conv3x3, "conv3x3", H, C, F)
    conv(conv_hwc, "conv_hwc", H, C, F)
for n, F, nk, C in ((32, 32, 5, 16), (20, 24, 3, 40)):
    x, w, y = int8s((n + nk) * C, 3, 1), int8s(nk * C * F, 11, 9), array("i", bytes(4 * n * F))
    measure("conv1d_%d_%d_%d_%d" % (n, F, nk, C), conv1d, (x, w, y, n, F, nk, C), n * F * nk * C, y)
