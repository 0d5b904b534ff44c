# layers_vec19: vector loops entered once per output vector (the filters
# or channels innermost but for the taps), in shapes and loop orders vec19
# did not tune for: one-channel convs with F = 8, 16, 24, 32, lib/p4nn's
# pair kernel at other widths, pointwise and depthwise layers, a dense
# layer with its outputs on lanes. Each runs twice; the second call is
# measured (layers_vec4.measure). Run it with
#   cd bench; ../build/cli/p4jit run --on p4sim layers_vec19.py
from array import array
from layers import depthwise3x3, int8s
from layers_vec4 import measure
from p4nn import conv3x3_c1_pairs as c1_pairs  # lib/p4nn's, MNIST's first layer


def conv_c1(src, k, dst, H, W, F):  # one input channel, rows then columns
    OW = W - 2
    for oy in range(H - 2):
        for ox in range(OW):
            for f in range(F):
                s = 0
                for ky in range(3):
                    for kx in range(3):
                        s += src[(oy + ky) * W + ox + kx] * k[(ky * 3 + kx) * F + f]
                dst[(oy * OW + ox) * F + f] = s


def pointwise(x, w, y, P, C, F):  # 1x1 conv, HWC
    for p in range(P):
        for f in range(F):
            t = 0
            for c in range(C):
                t += x[p * C + c] * w[c * F + f]
            y[p * F + f] = t


def dense_lanes(x, n, wt, m, out, batch):  # a batch of dense_t_acc rows
    for bi in range(batch):
        for o in range(m):
            a = 0
            for i in range(n):
                a += x[bi * n + i] * wt[i * m + o]
            out[bi * m + o] = a


for H, F in ((28, 8), (20, 16), (14, 24), (12, 32)):
    inp, k, out = int8s(H * H, 13, 5), int8s(9 * F, 29, 11), array("i", bytes(4 * (H - 2) * (H - 2) * F))
    measure("conv_c1_%dx%d_%d" % (H, H, F), conv_c1, (inp, k, out, H, H, F), (H - 2) * (H - 2) * 9 * F, out)
for OW, F in ((28, 8), (12, 16), (20, 24), (8, 32)):
    RP = OW // 2
    inp, k, out = int8s((OW + 2) * (OW + 2), 7, 3), int8s(9 * F, 5, 1), array("i", bytes(4 * OW * OW * F))
    measure("c1_pairs_%d_%d" % (OW, F), c1_pairs, (inp, 0, k, F, OW, RP, out), OW * OW * 9 * F, out)
for P, C, F in ((64, 8, 16), (49, 16, 24)):
    x, w, y = int8s(P * C, 3, 1), int8s(C * F, 11, 7), array("i", bytes(4 * P * F))
    measure("pointwise_%d_%d_%d" % (P, C, F), pointwise, (x, w, y, P, C, F), P * C * F, y)
for H, C in ((12, 16), (10, 48)):
    x, w, y = int8s(H * H * C, 13, 5), int8s(9 * C, 29, 11), array("i", bytes(4 * (H - 2) * (H - 2) * C))
    measure("depthwise_%dx%d_%d" % (H, H, C), depthwise3x3, (x, w, y, H, H, C), (H - 2) * (H - 2) * 9 * C, y)
for n, m, batch in ((32, 16, 8), (20, 40, 5)):
    x, w, y = int8s(n * batch, 7, 3), int8s(n * m, 5, 1), array("i", bytes(4 * m * batch))
    measure("dense_lanes_%d_%d_x%d" % (n, m, batch), dense_lanes, (x, n, w, m, y, batch), n * m * batch, y)
