# layers_vec4: int8 convolutions and dense layers with the sizes passed as
# arguments, written in other loop orders than bench/conv2d.py (vec4b,
# bench/RESULTS.md). Each runs twice; the second call is measured
# (p4.cycles(), after a collection). Run it with
#   p4jit run --on p4sim [-X pie=off | -X jit=off] bench/layers_vec4.py
# The kernels and helpers it shares with bench/layers.py are imported.
from array import array
import p4
from layers import dense, dense_t_acc, matmul, int8s, checksum


def conv_chw(inp, wts, out, H, W, C, F):      # CHW: filters, rows, columns, then channels and taps
    OH = H - 2
    OW = W - 2
    for f in range(F):
        for oy in range(OH):
            for ox in range(OW):
                acc = 0
                for c in range(C):
                    for ky in range(3):
                        for kx in range(3):
                            acc += inp[(c * H + oy + ky) * W + ox + kx] * wts[((f * C + c) * 3 + ky) * 3 + kx]
                out[(f * OH + oy) * OW + ox] = acc


def conv_hwc_ck(inp, wts, out, H, W, C, F):   # HWC, the channel loop outside the taps
    OW = W - 2
    for oy in range(H - 2):
        for ox in range(OW):
            for f in range(F):
                acc = 0
                for ch in range(C):
                    for ky in range(3):
                        for kx in range(3):
                            acc += inp[((oy + ky) * W + ox + kx) * C + ch] * wts[((ky * 3 + kx) * C + ch) * F + f]
                out[(oy * OW + ox) * F + f] = acc


def call(fn, a):  # (a call with *args does not enter compiled code)
    if len(a) == 5:
        fn(a[0], a[1], a[2], a[3], a[4])
    elif len(a) == 6:
        fn(a[0], a[1], a[2], a[3], a[4], a[5])
    else:
        fn(a[0], a[1], a[2], a[3], a[4], a[5], a[6])


def measure(name, fn, args, macs, out):
    call(fn, args)
    p4.heap_live()  # a collection now, not in the measured call
    c0 = p4.cycles()
    call(fn, args)
    cycles = p4.cycles() - c0
    print(name, checksum(out), "cycles", cycles, "macs", macs)


def conv(fn, name, H, C, F):
    inp = int8s(H * H * C, 13, 5)
    wts = int8s(9 * C * F, 29, 11)
    out = array("i", bytes(4 * (H - 2) * (H - 2) * F))
    measure("%s_%dx%d_%d_%d" % (name, H, H, C, F), fn, (inp, wts, out, H, H, C, F), (H - 2) * (H - 2) * 9 * C * F, out)


if __name__ == "__main__":  # (layers_vec5.py imports measure)
    for H, C, F in ((28, 1, 8), (12, 3, 5), (16, 8, 16), (12, 16, 32)):
        conv(conv_chw, "conv_chw", H, C, F)
        conv(conv_hwc_ck, "conv_hwc_ck", H, C, F)
    for n_in, n_out in ((64, 10), (256, 64)):
        x, w, y = int8s(n_in, 7, 3), int8s(n_in * n_out, 5, 1), array("i", bytes(4 * n_out))
        measure("dense_%d_%d" % (n_in, n_out), dense, (x, w, y, n_in, n_out), n_in * n_out, y)
    for n, m in ((128, 1), (128, 10), (256, 64)):
        x, w, y = int8s(n, 7, 3), int8s(n * m, 5, 1), array("i", bytes(4 * m))
        measure("dense_t_acc_%d_%d" % (n, m), dense_t_acc, (x, n, w, m, y), n * m, y)
    for n in (32, 64):
        a, b, c = int8s(n * n, 7, 3), int8s(n * n, 5, 1), array("i", bytes(4 * n * n))
        measure("matmul_%d" % n, matmul, (a, b, c, n, n, n), n * n * n, c)
