# layers_vec16: conv nests whose columns and channels vec16 runs as one
# run of taps (src/jit/vector_collapse.c), written with other names and
# loop orders, HWC and CHW, padded, on channel counts and sizes nobody
# tuned for (all passed as arguments). Each runs twice; the second call is
# measured (layers_vec4.measure); importing layers_vec12 runs its shapes
# first. Run it with
#   cd bench; ../build/cli/p4jit run --on p4sim layers_vec16.py
from array import array
from layers import conv3x3, int8s
from layers_vec4 import conv, conv_chw, conv_hwc_ck, measure
from layers_vec12 import conv_hwc


def conv_pad(src, k, dst, H, W, C, F):  # padding 1, the filters innermost but one
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


def padded(H, C, F):
    inp, wts, out = int8s(H * H * C, 13, 5), int8s(9 * C * F, 29, 11), array("i", bytes(4 * H * H * F))
    measure("conv_pad_%dx%d_%d_%d" % (H, H, C, F), conv_pad, (inp, wts, out, H, H, C, F), H * H * 9 * C * F, out)


for H, C, F in ((8, 8, 16), (10, 16, 24), (8, 24, 40), (12, 32, 64), (28, 3, 16), (16, 16, 32), (7, 48, 20),
                (9, 20, 24)):
    conv(conv3x3, "conv3x3", H, C, F)
    conv(conv_hwc, "conv_hwc", H, C, F)
for H, C, F in ((8, 16, 32), (12, 8, 16)):
    conv(conv_chw, "conv_chw", H, C, F)
    conv(conv_hwc_ck, "conv_hwc_ck", H, C, F)
for H, C, F in ((8, 16, 32), (6, 32, 24)):
    padded(H, C, F)
