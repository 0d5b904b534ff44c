# The p4nn kernels on random shapes (1, odd, not multiples of 16) and random
# int8 data, printing a checksum of every result. CPython running
# lib/p4nn/p4nn.py is the oracle (tests/p4nn/test_layers_numpy.py checks that
# against NumPy); P4JIT runs it interpreted, and in the firmware under p4sim
# with every function compiled at its first call, with and without PIE.
from array import array
import p4nn

# the generator's state lives in an array: assigning a global would make the
# JIT drop the compiled code that read it (and so recompile every kernel)
state = array("i", [12345])


def rnd(n):
    s = (state[0] * 1103 + 12345) & 0xFFFFF  # small enough for 32-bit ints
    state[0] = s
    return (s >> 4) % n


def rand8(n):
    a = array("b", bytes(n))
    for i in range(n):
        a[i] = rnd(256) - 128
    return a


def randi(n, lo, hi):
    a = array("i", bytes(4 * n))
    for i in range(n):
        a[i] = lo + rnd(hi - lo)
    return a


def checksum(a, n):
    h = 0
    for i in range(n):
        h = (h * 31 + a[i]) & 0xFFFFFF
    return h


SIZES = [1, 2, 3, 5, 7, 8, 15, 16, 17, 24, 33]

for round in range(4):
    # convolution rows: 3x3 and 1x1, stride 1 and 2
    for K in (3, 1):
        for stride in (1, 2):
            OW = SIZES[rnd(8)]
            C = SIZES[rnd(11)]
            F = SIZES[rnd(11)]
            W = (OW - 1) * stride + K
            H = K + stride
            inp = rand8(H * W * C)
            wt = rand8(K * K * C * F)
            acc = array("i", bytes(4 * OW * F))
            if K == 3:
                row = p4nn.conv3x3_s1_row if stride == 1 else p4nn.conv3x3_s2_row
            else:
                row = p4nn.conv1x1_s1_row if stride == 1 else p4nn.conv1x1_s2_row
            for oy in range(2):
                row(inp, oy * stride * W * C, W * C, C, wt, F, OW, acc)
                print("conv row", K, stride, OW, C, F, oy, checksum(acc, OW * F))
            bias = randi(F, -3000, 3000)
            pre = randi(F, 0, 3)
            mult = randi(F, 1, 2000)
            shift = randi(F, 8, 16)
            q = p4nn.requant_params(bias, pre, mult, shift, F)
            out = array("b", bytes(OW * F + 3))
            p4nn.requantize(acc, OW, F, q, -128, out, 3)
            print("requantize", checksum(out, OW * F + 3))
            p4nn.requantize(acc, OW, F, q, 0, out, 0)
            print("requantize relu", checksum(out, OW * F + 3))
            acc2 = array("i", bytes(4 * OW * F))
            p4nn.add_bias(acc, OW, F, bias, 1, acc2, 0)
            print("add_bias", checksum(acc2, OW * F))
    # the half-row kernels of a fused 3x3 conv + 2x2 max-pool: RP row pairs,
    # even then odd columns; the one-channel and the per-kernel-row (16-tap)
    # forms must give conv3x3_s1_row's sums rearranged, and the pools take
    # each window
    OW = SIZES[rnd(8)] + 1
    RP = 1 + rnd(2)
    C = (1, SIZES[rnd(8)], 6 + rnd(12))[round % 3]
    F = SIZES[rnd(9)]
    W = OW + 2
    inp = rand8((2 * RP + 2) * W * C + 3)
    wt = rand8(9 * C * F)
    n = (OW // 2) * F
    blk = array("i", bytes(4 * 4 * RP * n))
    row = array("i", bytes(4 * OW * F))
    PW = OW // 2
    for rp in range(RP):
        for r in range(2):
            p4nn.conv3x3_s1_row(inp, 3 + (2 * rp + r) * W * C, W * C, C, wt, F, OW, row)
            for h in range(2):
                for j in range(PW):
                    for f in range(F):
                        blk[(((2 * r + h) * RP + rp) * PW + j) * F + f] = row[(2 * j + h) * F + f]
    print("half rows of conv3x3_s1_row", OW, RP, C, F, checksum(blk, len(blk)))
    if C == 1:
        blk1 = array("i", bytes(4 * 4 * RP * n))
        p4nn.conv3x3_c1_pairs(inp, 3, wt, F, OW, RP, blk1)
        print("conv3x3_c1_pairs", checksum(blk1, len(blk1)))
        if list(blk1) != list(blk):
            raise ValueError("conv3x3_c1_pairs differs from conv3x3_s1_row")
    KF = 3 * C * F
    parts = [array("i", bytes(4 * 4 * RP * n)) for ky in range(3)]
    for ky in range(3):
        p4nn.conv3x3_tap_pairs(inp, 3 + ky * W * C, C, wt[ky * KF:(ky + 1) * KF], F, OW, RP, parts[ky])
    p4nn.add3_rows32(parts[0], parts[1], parts[2], 4 * RP * n)
    print("conv3x3_tap_pairs", checksum(parts[0], len(parts[0])))
    if list(parts[0]) != list(blk):
        raise ValueError("conv3x3_tap_pairs differs from conv3x3_s1_row")
    brep = randi(RP * n, -5000, 5000)
    t = array("i", bytes(4 * RP * n))
    p4nn.max4_add_pool(blk, RP * n, brep, t)
    print("max4_add_pool", checksum(t, len(t)))
    p4nn.max4_pool(blk, RP * n, t)
    print("max4_pool", checksum(t, len(t)))
    # per-channel shifts: a pass's sum into another array, int8 maxima
    t2 = array("i", bytes(4 * RP * n))
    p4nn.add_to32(blk, brep, t2, RP * n)
    print("add_to32", checksum(t2, len(t2)), checksum(blk, len(blk)))
    y8 = array("b", bytes(RP * n + 2))
    p4nn.shift_narrow(t2, RP * n, 9, -128, y8, 2)
    p4nn.max_into8(y8, 2, rand8(RP * n), RP * n)
    print("max_into8", checksum(y8, len(y8)))
    # depthwise
    OW = SIZES[rnd(8)]
    C = SIZES[rnd(11)]
    for stride in (1, 2):
        W = (OW - 1) * stride + 3
        inp = rand8(3 * W * C)
        wt = rand8(9 * C)
        acc = array("i", bytes(4 * OW * C))
        p4nn.dw3x3_row(inp, 0, W * C, C, wt, stride, OW, acc)
        print("dw3x3_row", stride, OW, C, checksum(acc, OW * C))
        p4nn.dw1x1_row(inp, W * C, W * C, C, wt, stride, OW, acc)
        print("dw1x1_row", stride, OW, C, checksum(acc, OW * C))
    # dense
    n = SIZES[rnd(11)] * 7
    m = SIZES[rnd(11)]
    x = rand8(n)
    w = rand8(n * m)
    acc = array("i", bytes(4 * m))
    p4nn.dense_acc(x, n, w, m, acc)
    print("dense_acc", n, m, checksum(acc, m), p4nn.argmax(acc, m))
    p4nn.dense_t_acc(x, n, w, m, acc)
    print("dense_t_acc", n, m, checksum(acc, m), p4nn.argmax(acc, m))
    OW = SIZES[rnd(11)] + 1
    F = SIZES[rnd(11)]
    a = randi(OW * F, -100000, 100000)
    b = randi(OW * F, -100000, 100000)
    pooled = array("i", bytes(4 * (OW // 2) * F))
    p4nn.maxpool2_rows32(a, b, OW, F, pooled)
    print("maxpool2_rows32", OW, F, checksum(pooled, len(pooled)))
    # the shift form's kernels (the PIE requantization): int32 sums and
    # maxima, the narrowing into int8 with every kind of count, int8 pairs
    a = randi(OW * F, -100000, 100000)
    brep = randi(OW * F, -5000, 5000)
    p4nn.max_add_rows32(a, b, brep, OW * F)
    print("max_add_rows32", OW, F, checksum(a, OW * F))
    # (the bias add of requant_rows and of the logits: c a zero row)
    p4nn.add3_rows32(b, brep, array("i", bytes(4 * OW * F)), OW * F - 1)
    print("add3_rows32 zero", checksum(b, OW * F))
    out8 = array("b", bytes(OW * F + 5))
    for s in (0, 1, 9, 17, 31, 35):
        p4nn.shift_narrow(a, OW * F, s, 0, out8, 5)
        print("shift_narrow", s, checksum(out8, OW * F + 5))
        p4nn.shift_narrow(b, OW * F - 1, s, -128, out8, 0)
        print("shift_narrow lo", s, checksum(out8, OW * F + 5))
    pairs = array("b", bytes((OW // 2) * F + 2))
    p4nn.pool_pairs8(out8, OW, F, pairs, 2)
    print("pool_pairs8", OW, F, checksum(pairs, len(pairs)))
    # pools, padding, relu
    H = SIZES[rnd(7)] + 1
    W = SIZES[rnd(7)] + 1
    C = SIZES[rnd(11)]
    inp = rand8(H * W * C)
    out = array("b", bytes((H // 2) * (W // 2) * C))
    p4nn.maxpool2(inp, H, W, C, out)
    print("maxpool2", H, W, C, checksum(out, len(out)))
    p4nn.avgpool2(inp, H, W, C, out)
    print("avgpool2", H, W, C, checksum(out, len(out)))
    padded = array("b", bytes((H + 2) * (W + 2) * C))
    p4nn.pad_copy(inp, H, W, C, 1, padded)
    print("pad_copy", checksum(padded, len(padded)))
    total = array("i", bytes(4 * C))
    p4nn.sum_rows(randi(H * W * C, 0, 100000), H * W, C, total)
    print("sum_rows", checksum(total, C))
    p4nn.relu8(inp, len(inp))
    print("relu8", checksum(inp, len(inp)))
    px = bytearray(b"\x00\x01\x7f\x80\xfe\xff")
    dst = array("b", bytes(6))
    p4nn.pixels_to_int8(px, 0, 6, dst)
    print("pixels", list(dst))
