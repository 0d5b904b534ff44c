# Shapes passed as arguments (issue 12): the lanes stored are chosen when
# the vector loop runs, 16 while 16 iterations remain, then the 1 to 15
# left in one step (vec3; before: one 8-lane step, then the scalar rest).
# Every size from 1 to 40 and a few large ones; arrays one element short at
# the end of a 16-lane and of a shorter step (the scalar loop takes over and
# raises where the interpreter does). Compared with CPython; p4sim runs it
# with PIE (rev 3 and rev 1), QEMU scalar.
from array import array


def matmul(a, b, c, M, N, K):
    for i in range(M):
        for j in range(N):
            acc = 0
            for k in range(K):
                acc += a[i * K + k] * b[k * N + j]
            c[i * N + j] = acc


def conv(inp, wts, out, H, W, C, F):  # HWC, 3x3, valid; F filters on the lanes
    for oy in range(H - 2):
        for ox in range(W - 2):
            for f in range(F):
                acc = 0
                for ky in range(3):
                    for kx in range(3):
                        base = ((oy + ky) * W + (ox + kx)) * C
                        wbase = (ky * 3 + kx) * C * F + f
                        for ch in range(C):
                            acc += inp[base + ch] * wts[wbase + ch * F]
                out[(oy * (W - 2) + ox) * F + f] = acc


def checksum(c):
    s = 0
    for v in c:
        s = (s * 31 + v) & 0xFFFFFF
    return s


def data(n, mul, add):
    return array("b", [(i * mul + add) % 256 - 128 for i in range(n)])


def run_matmul(M, N, K, short_a=0, short_b=0, short_c=0):
    a = data(M * K - short_a, 7, 3)
    b = data(K * N - short_b, 5, 1)
    c = array("i", [-1] * (M * N - short_c))
    try:
        matmul(a, b, c, M, N, K)
        print("matmul", M, N, K, "ok", checksum(c))
    except IndexError as e:
        print("matmul", M, N, K, "IndexError", e, checksum(c), list(c)[-10:])


def run_conv(H, W, C, F, short_inp=0, short_wts=0, short_out=0, pad=0):
    # pad: sentinels after the output (a lane stored past its end shows)
    inp = data(H * W * C - short_inp, 13, 5)
    wts = data(9 * C * F - short_wts, 29, 11)
    out = array("i", [0] * ((H - 2) * (W - 2) * F - short_out + pad))
    try:
        conv(inp, wts, out, H, W, C, F)
        print("conv", H, W, C, F, "ok", checksum(out), out[-1] if pad else "")
    except IndexError as e:
        print("conv", H, W, C, F, "IndexError", e, checksum(out))


for n in range(1, 41):
    run_matmul(2, n, 3)
for n in (63, 64, 100, 129):
    run_matmul(2, n, 9)
for k in (0, 1, 40):
    run_matmul(2, 24, k)
# one short: at a 16-lane step (N = 16, 32) and at the 8-lane step (24, 40)
for n in (16, 24, 32, 40):
    run_matmul(2, n, 4, short_b=1)
    run_matmul(2, n, 4, short_c=1)
    run_matmul(2, n, 4, short_a=1)
run_matmul(1, 25, 4, short_c=2)
for f in (1, 5, 6, 7, 8, 9, 12, 15, 16, 17, 23, 24, 25, 32, 40):
    run_conv(5, 6, 3, f)
run_conv(6, 5, 1, 8)
run_conv(4, 4, 16, 32)
run_conv(5, 5, 2, 8, short_wts=1)
run_conv(5, 5, 2, 24, short_wts=1)
run_conv(5, 5, 2, 24, short_out=1)
run_conv(5, 5, 2, 8, short_inp=1)
# (from vector_tails.py) every filter count 1 to 20 with sentinels after
# the output, and the weights one short at the last lane of the last step
for F in range(1, 21):
    run_conv(5, 5, 1 + F % 3, F, pad=3)
for F in (5, 6, 12, 18):
    run_conv(6, 6, 2, F, short_wts=1, pad=3)
