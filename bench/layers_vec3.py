# layers_vec3: int8 layers in shapes and loop orders the vectoriser was not
# tuned for (vec3, bench/RESULTS.md): sizes as arguments, odd trip counts,
# fewer than 8 filters, other loop orders and layouts. Each runs twice; the
# second call is measured (p4.cycles(), after a collection). Run it with
#   p4jit run --on p4sim [-X pie=off | -X jit=off] bench/layers_vec3.py
# bench/layers.py's conv3x3 (HWC), int8s and checksum are shared: imported.
from array import array
import p4
import layers

conv_hwc = layers.conv3x3
int8s = layers.int8s
checksum = layers.checksum
dense_t_acc = layers.dense_t_acc


def conv_chw1(x, w, out, H, W, F):            # 1 channel, filters outermost
    for f in range(F):
        for oy in range(H - 2):
            for ox in range(W - 2):
                acc = 0
                for ky in range(3):
                    for kx in range(3):
                        acc += x[(oy + ky) * W + ox + kx] * w[f * 9 + ky * 3 + kx]
                out[(f * (H - 2) + oy) * (W - 2) + ox] = acc


def mm(p, q, r, rows, cols, depth):          # other names, operands swapped
    for i in range(rows):
        for j in range(cols):
            s = 0
            for k in range(depth):
                s += q[k * cols + j] * p[i * depth + k]
            r[i * cols + j] = s


def show(name, cycles, macs, out):
    print(name, checksum(out), "cycles", cycles, "macs", macs)


def run_conv(H, C, F):
    inp = int8s(H * H * C, 13, 5)
    wts = int8s(9 * C * F, 29, 11)
    out = array("i", bytes(4 * (H - 2) * (H - 2) * F))
    conv_hwc(inp, wts, out, H, H, C, F)
    p4.heap_live()  # a collection now, not in the measured call
    c0 = p4.cycles()
    conv_hwc(inp, wts, out, H, H, C, F)
    show("conv_hwc_%dx%d_%d_%d" % (H, H, C, F), p4.cycles() - c0, (H - 2) * (H - 2) * 9 * C * F, out)


def run_chw(H, W, F):
    x = int8s(H * W, 13, 5)
    w = int8s(9 * F, 29, 11)
    out = array("i", bytes(4 * (H - 2) * (W - 2) * F))
    conv_chw1(x, w, out, H, W, F)
    p4.heap_live()  # a collection now, not in the measured call
    c0 = p4.cycles()
    conv_chw1(x, w, out, H, W, F)
    show("conv_chw1_%dx%d_%d" % (H, W, F), p4.cycles() - c0, (H - 2) * (W - 2) * 9 * F, out)


def run_dense_t(n, m):
    x = int8s(n, 7, 3)
    w = int8s(n * m, 5, 1)
    acc = array("i", bytes(4 * m))
    dense_t_acc(x, n, w, m, acc)
    p4.heap_live()  # a collection now, not in the measured call
    c0 = p4.cycles()
    dense_t_acc(x, n, w, m, acc)
    show("dense_t_%d_%d" % (n, m), p4.cycles() - c0, n * m, acc)


def run_mm(rows, cols, depth):
    p = int8s(rows * depth, 7, 3)
    q = int8s(depth * cols, 5, 1)
    r = array("i", bytes(4 * rows * cols))
    mm(p, q, r, rows, cols, depth)
    p4.heap_live()  # a collection now, not in the measured call
    c0 = p4.cycles()
    mm(p, q, r, rows, cols, depth)
    show("mm_%d_%d_%d" % (rows, cols, depth), p4.cycles() - c0, rows * cols * depth, r)


run_conv(12, 1, 6)
run_conv(9, 3, 5)
run_conv(10, 2, 3)
run_conv(11, 5, 7)
run_conv(13, 4, 13)
run_chw(16, 16, 4)
run_chw(11, 29, 3)
for m in (1, 3, 7, 10, 24, 40):
    run_dense_t(128, m)
run_dense_t(100, 13)
run_mm(24, 20, 33)
run_mm(7, 50, 17)
run_mm(16, 16, 64)
