# layers_vec13: vector loops entered once per output position from deep
# outer loops (MNIST's first layer, lib/p4nn's conv3x3_c1_pairs: one input
# channel, the filters in lanes) with 16 filters as MNIST has and with
# 1, 8 and 24, and untuned shapes: a ks x ks kernel of one channel with
# the filters innermost, the columns by a step (1) (bench/RESULTS.md, vec13). Each
# runs twice; the second call is measured (layers_vec4.measure). Run it with
#   p4jit run --on p4sim [-X pie=off | -X jit=off] bench/layers_vec13.py
from array import array
from layers import int8s
from layers_vec4 import measure
import p4nn


def conv_k(src, k, dst, H, F, ks, step):   # names and order nobody tuned for (square: W = H)
    W = H
    for yy in range(H - ks + 1):
        for xx in range(0, W - ks + 1, step):
            for g in range(F):
                s = 0
                for dy in range(ks):
                    for dx in range(ks):
                        s += src[(yy + dy) * W + xx + dx] * k[(dy * ks + dx) * F + g]
                dst[(yy * (W - ks + 1) + xx) * F + g] = s


for F, OW, RP in ((16, 26, 13), (8, 26, 13), (24, 12, 5), (1, 12, 5)):
    W = OW + 2
    inp, wt = int8s(W * (2 * RP + 2), 37, 11), int8s(9 * F, 53, 7)
    acc = array("i", bytes(16 * RP * (OW // 2) * F))
    measure("c1_pairs_%d_%dx%d" % (F, OW, 2 * RP), p4nn.conv3x3_c1_pairs, (inp, 0, wt, F, OW, RP, acc),
            9 * 4 * RP * (OW // 2) * F, acc)
for H, F, ks in ((16, 24, 5), (20, 8, 3), (12, 32, 5)):
    src, k = int8s(H * H, 101, 3), int8s(ks * ks * F, 3, 200)
    dst = array("i", bytes(4 * (H - ks + 1) * (H - ks + 1) * F))
    measure("conv_k_%dx%d_%d_k%d" % (H, H, F, ks), conv_k, (src, k, dst, H, F, ks, 1),
            (H - ks + 1) * (H - ks + 1) * ks * ks * F, dst)
