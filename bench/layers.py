# layers: int8 neural-network layers as a library writes them, the sizes
# passed as arguments (HWC tensors, int8 inputs and weights, int32 outputs).
# Each layer runs twice; the second call is measured (p4.cycles), so with
# the JIT it is compiled code only. bench/run.py --layers prints the table.
from array import array
import p4


def dense(x, w, y, n_in, n_out):
    for o in range(n_out):
        acc = 0
        for i in range(n_in):
            acc += x[i] * w[o * n_in + i]
        y[o] = acc


def conv3x3(inp, wts, out, H, W, C, F):  # valid padding; wts[ky][kx][c][f]
    OH = H - 2
    OW = W - 2
    for oy in range(OH):
        for ox in range(OW):
            for f in range(F):
                acc = 0
                for ky in range(3):
                    for kx in range(3):
                        base = ((oy + ky) * W + (ox + kx)) * C
                        wbase = (ky * 3 + kx) * C * F + f
                        for ch in range(C):
                            acc += inp[base + ch] * wts[wbase + ch * F]
                out[(oy * OW + ox) * F + f] = acc


def depthwise3x3(inp, wts, out, H, W, C):  # one 3x3 filter per channel: wts[(ky*3+kx)*C + c]
    OH = H - 2
    OW = W - 2
    for oy in range(OH):
        for ox in range(OW):
            for c in range(C):
                acc = 0
                for ky in range(3):
                    for kx in range(3):
                        acc += inp[((oy + ky) * W + ox + kx) * C + c] * wts[(ky * 3 + kx) * C + c]
                out[(oy * OW + ox) * C + c] = acc


def dense_t_acc(x, n, wt, m, acc):           # lib/p4nn's: transposed weights, outputs in lanes
    for o in range(m):
        a = 0
        for i in range(n):
            a += x[i] * wt[i * m + o]
        acc[o] = a


def matmul(a, b, c, M, N, K):
    for i in range(M):
        for j in range(N):
            acc = 0
            for k in range(K):
                acc += a[i * K + k] * b[k * N + j]
            c[i * N + j] = acc


def int8s(n, mul, add):
    a = array("b", bytes(n))
    for i in range(n):
        a[i] = (i * mul + add) % 256 - 128
    return a


def checksum(c):
    s = 0
    for v in c:
        s = (s * 31 + v) & 0xFFFFFF
    return s


def report(name, kernel, cycles, macs, out):
    print(name, checksum(out))
    print("kernel-layer", name, kernel, cycles & 0x7FFFFFFF, "macs", macs)


def run_dense(n_in, n_out):
    x = int8s(n_in, 7, 3)
    w = int8s(n_in * n_out, 5, 1)
    y = array("i", bytes(4 * n_out))
    dense(x, w, y, n_in, n_out)
    c0 = p4.cycles()
    dense(x, w, y, n_in, n_out)  # kernel
    cycles = p4.cycles() - c0
    report("dense_" + str(n_in) + "_" + str(n_out), "dense", cycles, n_in * n_out, y)


def run_conv(H, C, F):
    inp = int8s(H * H * C, 13, 5)
    wts = int8s(9 * C * F, 29, 11)
    out = array("i", bytes(4 * (H - 2) * (H - 2) * F))
    conv3x3(inp, wts, out, H, H, C, F)
    c0 = p4.cycles()
    conv3x3(inp, wts, out, H, H, C, F)  # kernel
    cycles = p4.cycles() - c0
    macs = (H - 2) * (H - 2) * F * 9 * C
    report("conv_" + str(H) + "x" + str(H) + "_" + str(C) + "_" + str(F), "conv3x3", cycles, macs, out)


def run_depthwise(H, C):
    inp = int8s(H * H * C, 13, 5)
    wts = int8s(9 * C, 29, 11)
    out = array("i", bytes(4 * (H - 2) * (H - 2) * C))
    depthwise3x3(inp, wts, out, H, H, C)
    c0 = p4.cycles()
    depthwise3x3(inp, wts, out, H, H, C)  # kernel
    cycles = p4.cycles() - c0
    report("depthwise_" + str(H) + "x" + str(H) + "_" + str(C), "depthwise3x3", cycles, (H - 2) * (H - 2) * C * 9, out)


def run_matmul(n):
    a = int8s(n * n, 7, 3)
    b = int8s(n * n, 5, 1)
    c = array("i", bytes(4 * n * n))
    matmul(a, b, c, n, n, n)
    c0 = p4.cycles()
    matmul(a, b, c, n, n, n)  # kernel
    cycles = p4.cycles() - c0
    report("matmul_" + str(n), "matmul", cycles, n * n * n, c)


# (bench/layers_vec3.py, layers_vec4.py and layers_vec5.py import the
# kernels and helpers above)
if __name__ == "__main__":
    run_dense(64, 10)
    run_dense(256, 64)
    run_dense(1024, 128)
    run_conv(28, 1, 8)
    run_conv(16, 3, 16)
    run_conv(12, 8, 16)
    run_conv(8, 16, 32)
    run_conv(8, 32, 64)
    run_depthwise(16, 32)
    run_matmul(64)
