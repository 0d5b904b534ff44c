# p4nn: the int8 inference layer library (docs/p4nn.md, docs/p4nn-model.md).
#
# Plain P4JIT Python that is also CPython: tensors are flat arrays in HWC
# order, int8 ('b') activations and weights, int32 ('i') accumulators, and
# every shape is an argument. The kernels (the functions taking only arrays
# and ints) are written the way the JIT's vectoriser takes them: a counted
# loop over output channels whose body sums int8 x int8 products into one
# accumulator that is stored last into an int32 array. Interpreted or
# compiled, they give the same bits.
#
# A model is a dict built once from a .p4nn file (load) or from tensors
# (build): a list of layer dicts with their shapes, their weights in the
# layouts the kernels want, and every buffer, allocated once and reused for
# each image (run).
from array import array
import p4


# Dense layers run on weights transposed to [n][m] (dense_t_acc, which the
# vectoriser runs on PIE lanes today); False: dense_acc on the file's [m][n].
DENSE_TRANSPOSED = True
# conv2d + maxpool2 pool the int32 accumulators before requantizing (the
# same bits, a quarter of the requantizing; see conv2d_layer).
FUSE_POOL = True
# A fused 3x3 stride-1 conv2d + maxpool2 computes each row pair as four
# half rows, the even and the odd output columns (conv3x3_c1_pairs for one
# input channel, else conv3x3_tap_pairs), and pools them on lanes
# (max4_add_pool); False: the row-pair path with the pixel-pair loop (the
# same bits).
POOL_PAIRS = True
# row pairs per call of the half-row kernels (more: fewer calls, larger
# int32 blocks)
PAIRS = 4
# per-channel shifts (pre 0, mult 1) on PIE by one pass per distinct shift,
# up to this many passes (shift_passes); 0 or 1: the scalar requantize.
# Off by default: exact, but with three kernel calls a pass from the
# interpreted layer code it is slower than the scalar requantize on the
# first model (per-channel shifts: 1,244,078 against 1,217,439 cycles an
# image; the one-shift-per-layer export: 954,762, at the same accuracy)
SHIFT_PASSES = 0
# per-channel shifts (pre 0, mult 1) through int16 lanes (requant16), when
# the layer's bound keeps its sums in int16 after the least shift: exact,
# and on by default (False: the scalar requantize, or SHIFT_PASSES)
SHIFT16 = True


def set_shift16(on):
    # SHIFT16 = on for the models built after (as set_shift_passes)
    global SHIFT16
    SHIFT16 = on


def set_shift_passes(n):
    # SHIFT_PASSES = n for the models built after (P4JIT does not assign
    # another module's globals from outside: p4nn.X = v is refused)
    global SHIFT_PASSES
    SHIFT_PASSES = n


# ---- kernels ------------------------------------------------------------------------

# The JIT compiles functions of at most 8 parameters, so the convolution
# kernels come one per kernel size and stride (constants in the code), with
# the input row's offset as an argument, and requantization takes its
# per-channel parameters interleaved in one array.

def conv3x3_s1_row(inp, base, WC, C, wt, F, OW, acc):
    # One output row of a 3x3, stride-1 convolution without padding; the
    # input row oy starts at base = oy*W*C, WC = W*C. acc[ox*F + f] (int32)
    # = sum over ky and i = kx*C + c (kx, c are contiguous in the input) of
    # inp[base + ky*WC + ox*C + i] * wt[(ky*3*C + i)*F + f]; wt is [3][3][C][F].
    KC = 3 * C
    for ox in range(OW):
        for f in range(F):
            a = 0
            for ky in range(3):
                b = base + ky * WC + ox * C
                wb = ky * KC * F + f
                for i in range(KC):
                    a += inp[b + i] * wt[wb + i * F]
            acc[ox * F + f] = a


def conv3x3_s2_row(inp, base, WC, C, wt, F, OW, acc):
    # As conv3x3_s1_row with stride 2: base = 2*oy*W*C.
    KC = 3 * C
    for ox in range(OW):
        for f in range(F):
            a = 0
            for ky in range(3):
                b = base + ky * WC + 2 * ox * C
                wb = ky * KC * F + f
                for i in range(KC):
                    a += inp[b + i] * wt[wb + i * F]
            acc[ox * F + f] = a


def conv3x3_c1_pairs(inp, base, wt, F, OW, RP, acc):
    # RP pairs of output rows of a 3x3, stride-1 convolution of one input
    # channel without padding (input rows from base; the input is OW + 2
    # pixels wide), as half rows: acc[(((2r + h)*RP + rp)*PW + j)*F + f], PW
    # = OW // 2, is output row 2*rp + r of the block, column 2j + h (the
    # even columns, then the odd ones, of the pair's first row, then of its
    # second). Each 2x2 window of a max-pool is at one index of the four
    # quarters of acc (max4_add_pool). wt is [3][3][1][F] (conv3x3_s1_row's);
    # a kernel row's three taps are written out: the vector loop over the
    # filters has one short inner loop instead of two (about a fifth fewer
    # cycles than the two-level tap loop).
    W = OW + 2
    PW = OW // 2
    F2 = 2 * F
    for rp in range(RP):
        for r in range(2):
            for h in range(2):
                for j in range(PW):
                    o = (((2 * r + h) * RP + rp) * PW + j) * F
                    for f in range(F):
                        a = 0
                        b0 = base + (2 * rp + r) * W + 2 * j + h
                        for ky in range(3):
                            b = b0 + ky * W
                            wb = 3 * ky * F + f
                            a += inp[b] * wt[wb]
                            a += inp[b + 1] * wt[wb + F]
                            a += inp[b + 2] * wt[wb + F2]
                        acc[o + f] = a


def conv3x3_tap_pairs(inp, base, C, wk, F, OW, RP, acc):
    # As conv3x3_c1_pairs for C channels and one kernel row ky: the caller
    # passes base + ky*(OW + 2)*C and that row's weights wk ([3][C][F]: kx
    # and c, then the filters) and sums the three (add3_rows32). One inner
    # loop of taps contiguous in the input, which the JIT's vectoriser runs
    # 16 taps per load (esp.vsmulas) when 3*C >= 16, as it does not a
    # two-level (ky, then taps) loop.
    KC = 3 * C
    WC = (OW + 2) * C
    PW = OW // 2
    for rp in range(RP):
        for r in range(2):
            for h in range(2):
                for j in range(PW):
                    for f in range(F):
                        a = 0
                        # (b here, not in the j loop: the vector loop is a
                        # tenth faster; written into the index, the scalar
                        # JIT is five times slower)
                        b = base + (2 * rp + r) * WC + (2 * j + h) * C
                        for i in range(KC):
                            a += inp[b + i] * wk[i * F + f]
                        acc[(((2 * r + h) * RP + rp) * PW + j) * F + f] = a


def conv1x1_s1_row(inp, base, WC, C, wt, F, OW, acc):
    # One output row of a 1x1 convolution (a matrix product): acc[ox*F + f]
    # = sum over c of inp[base + ox*C + c] * wt[c*F + f]; WC is unused.
    for ox in range(OW):
        for f in range(F):
            a = 0
            b = base + ox * C
            for c in range(C):
                a += inp[b + c] * wt[c * F + f]
            acc[ox * F + f] = a


def conv1x1_s2_row(inp, base, WC, C, wt, F, OW, acc):
    # As conv1x1_s1_row with stride 2: base = 2*oy*W*C.
    for ox in range(OW):
        for f in range(F):
            a = 0
            b = base + 2 * ox * C
            for c in range(C):
                a += inp[b + c] * wt[c * F + f]
            acc[ox * F + f] = a


def dw3x3_row(inp, base, WC, C, wt, stride, OW, acc):
    # One output row of a 3x3 depthwise convolution without padding:
    # acc[ox*C + c] = sum over ky, kx of inp[base + ky*WC + (ox*stride + kx)*C
    # + c] * wt[(ky*3 + kx)*C + c]; wt is [3][3][C], base = oy*stride*W*C.
    for ox in range(OW):
        for c in range(C):
            a = 0
            for ky in range(3):
                for kx in range(3):
                    a += inp[base + ky * WC + (ox * stride + kx) * C + c] * wt[(ky * 3 + kx) * C + c]
            acc[ox * C + c] = a


def dw1x1_row(inp, base, WC, C, wt, stride, OW, acc):
    # As dw3x3_row for a 1x1 kernel (a per-channel scale).
    for ox in range(OW):
        for c in range(C):
            acc[ox * C + c] = inp[base + ox * stride * C + c] * wt[c]


def dense_acc(x, n, w, m, acc):
    # acc[o] = sum over i of x[i] * w[o*n + i] (w is [m][n]).
    for o in range(m):
        a = 0
        for i in range(n):
            a += x[i] * w[o * n + i]
        acc[o] = a


def dense_t_acc(x, n, wt, m, acc):
    # acc[o] = sum over i of x[i] * wt[i*m + o]: dense with the weights
    # transposed to [n][m], so that the outputs are the vector lanes (the
    # form the JIT's vectoriser serves today; dense_acc is the same sum).
    for o in range(m):
        a = 0
        for i in range(n):
            a += x[i] * wt[i * m + o]
        acc[o] = a


def maxpool2_rows32(a, b, OW, F, out):
    # out[px*F + f] = the largest of a[(2px)*F + f], a[(2px+1)*F + f] and the
    # same two of b: 2x2 max-pooling of two int32 accumulator rows. Two
    # elementwise loops the vectoriser runs on int32 lanes: the rows' maximum
    # (into a, a scratch row), then neighbouring pixels' maximum per channel.
    for i in range(OW * F):
        a[i] = max(a[i], b[i])
    for px in range(OW // 2):
        o = px * F
        s = 2 * o
        for f in range(F):
            out[o + f] = max(a[s + f], a[s + F + f])


def max_rows32(a, b, n):
    # a[i] = max(a[i], b[i]) for n int32 values: the vertical half of a 2x2
    # max-pool, an elementwise loop on PIE's int32 lanes.
    for i in range(n):
        a[i] = max(a[i], b[i])


def pool_requantize(a, OW, F, q, lo, out, off):
    # The horizontal half of a 2x2 max-pool fused with requantize: out[off +
    # px*F + f] = requantize(max(a[2px*F + f], a[(2px+1)*F + f])) for the
    # OW // 2 pooled pixels of a row (requantize below has the rule).
    for f in range(F):
        b = q[4 * f]
        pre = q[4 * f + 1]
        m = q[4 * f + 2]
        s = q[4 * f + 3]
        r = 1 << (s - 1)
        for px in range(OW // 2):
            i = 2 * px * F + f
            v = a[i]
            if a[i + F] > v:
                v = a[i + F]
            y = (((v + b) >> pre) * m + r) >> s
            if y < lo:
                y = lo
            if y > 127:
                y = 127
            out[off + px * F + f] = y


def requantize(acc, n, F, q, lo, out, off):
    # out[off + p*F + f] = clamp((((acc + bias) >> pre) * mult + 2**(shift-1))
    # >> shift, lo, 127) for n positions p of F channels, with channel f's
    # bias, pre, mult, shift at q[4f .. 4f+3] (docs/p4nn-model.md,
    # "Requantization"); lo is 0 after a ReLU, else -128.
    # channels outside: their parameters are loaded once (about 60 instead
    # of 80 modelled cycles a value compiled)
    for f in range(F):
        b = q[4 * f]
        pre = q[4 * f + 1]
        m = q[4 * f + 2]
        s = q[4 * f + 3]
        r = 1 << (s - 1)
        for p in range(n):
            y = (((acc[p * F + f] + b) >> pre) * m + r) >> s
            if y < lo:
                y = lo
            if y > 127:
                y = 127
            out[off + p * F + f] = y


# Requantization in the shift form (docs/p4nn.md): a layer whose channels all
# have pre = 0, mult = 1 and one shift S computes the contract's rule as
# (acc + bias + 2**(S-1)) >> S, clamped: two elementwise loops the JIT runs
# on PIE (int32 lanes for the sum, then QACC narrowing 16 lanes to int8).

def max_add_rows32(a, b, brep, n):
    # a[i] = max(a[i], b[i]) + brep[i]: the vertical half of a 2x2 max-pool
    # of two int32 rows, with the bias of the shift form
    for i in range(n):
        a[i] = max(a[i], b[i]) + brep[i]


def max4_add_pool(a, n, brep, t):
    # t[i] = max(a[i], a[n + i], a[2n + i], a[3n + i]) + brep[i]: a 2x2
    # max-pool of the half-row kernels' four quarters (n = RP*PW*F values
    # each) on int32 lanes, with the bias of the shift form
    for i in range(n):
        t[i] = max(max(a[i], a[n + i]), max(a[2 * n + i], a[3 * n + i])) + brep[i]


def add3_rows32(a, b, c, n):
    # a[i] = a[i] + b[i] + c[i] (int32): conv3x3_tap_pairs's kernel rows
    # summed; with c a zero row (L["zero"]), the bias of the shift form or
    # of the logits added (one compiled kernel fewer than a two-operand add:
    # about 600 bytes of code for 0.7 k cycles an image)
    for i in range(n):
        a[i] = a[i] + b[i] + c[i]


def max4_pool(a, n, t):
    # t[i] = max(a[i], a[n + i], a[2n + i], a[3n + i]): as max4_add_pool for
    # the per-channel requantize, which adds the bias itself
    for i in range(n):
        t[i] = max(max(a[i], a[n + i]), max(a[2 * n + i], a[3 * n + i]))


def shift_narrow(t, n, s, lo, out, off):
    # out[off + i] = clamp(t[i] >> s, lo, 127): int32 to int8 (on PIE, QACC
    # and esp.srcmb.s8.qacc, 16 lanes at a time)
    for i in range(n):
        out[off + i] = min(max(t[i] >> s, lo), 127)


def pool_pairs8(y, OW, F, out, off):
    # out[off + px*F + f] = max(y[2px*F + f], y[(2px+1)*F + f]): the
    # horizontal half of a 2x2 max-pool, on int8 (requantization is
    # monotonic, so pooling after it gives the same bits)
    for px in range(OW // 2):
        o = px * F
        s = 2 * o
        for f in range(F):
            out[off + o + f] = max(y[s + f], y[s + F + f])


def requant_rows(L, acc, n, F, lo, out, off):
    # Requantizes n positions of F channels of int32 acc (changed: scratch)
    # into out[off ...] by the layer's parameters, in the shift form when
    # the layer has it.
    S = L["sform"] if "sform" in L else 0
    if S > 0:
        add3_rows32(acc, L["brep"], L["zero"], n * F)
        shift_narrow(acc, n * F, S, lo, out, off)
    elif S == -2:
        add3_rows32(acc, L["brep"], L["zero"], n * F)
        requant16(L, acc, n * F, lo, out, off)
    elif S < 0:
        shift_passes(L, acc, n * F, lo, out, off)
    else:
        requantize(acc, n, F, L["q"], lo, out, off)


# Per-channel shifts on PIE (docs/p4nn.md): a layer whose channels have pre
# 0, mult 1 and a few distinct shifts runs one pass per shift S: its table
# holds bias + 2**(S-1) for the channels of that shift and -2**30 for the
# others, which the narrowing takes to lo (the least value a lane can
# have), so the largest of the passes' int8 results is each channel's own.

def add_to32(a, brep, t, n):
    # t[i] = a[i] + brep[i] (int32 lanes; a is left as it is)
    for i in range(n):
        t[i] = a[i] + brep[i]


def max_into8(out, off, y, n):
    # out[off + i] = max(out[off + i], y[i]) (int8 lanes)
    for i in range(n):
        out[off + i] = max(out[off + i], y[i])


def shift_passes(L, acc, n, lo, out, off):
    # out[off + i] for n int32 values of acc (positions x channels), one
    # pass per shift of L["passes"] ([S, table, ...]); acc is unchanged
    passes = L["passes"]
    t = L["ptmp"]
    y = L["p8"]
    for k in range(0, len(passes), 2):
        add_to32(acc, passes[k + 1], t, n)
        if k == 0:
            shift_narrow(t, n, passes[k], lo, out, off)
        else:
            shift_narrow(t, n, passes[k], lo, y, 0)
            max_into8(out, off, y, n)


# Per-channel shifts on int16 lanes (p4nn7): with s0 and s1 a layer's least
# and largest shift, the contract's (x + 2**(s-1)) >> s for a channel of
# shift s is floor(t / 2**(s - s0)) with t = (x + 2**(s-1)) >> s0 (nested
# floors), and floor(t / 2**(s - s0)) = (t * 2**(s1 - s)) >> (s1 - s0): a
# product and a shift by one count for every lane, the int16 form the JIT
# runs 8 lanes at a time (esp.vmul, its SAR the shift). requant16_form
# takes it only where t always fits int16 and the multipliers do.

def shift32_16(a, s, n, h):
    # h[i] = a[i] >> s: int32 into int16 (4 lanes, esp.vunzip.16 and a
    # 64-bit store; each iteration tests that every value fits int16)
    for i in range(n):
        h[i] = a[i] >> s


def mul_shift16(h, mrep, D, lo, n):
    # h[i] = clamp((h[i] * mrep[i]) >> D, lo, 127) (int16 lanes: one
    # esp.vmul by SAR D, the product never narrowed)
    for i in range(n):
        h[i] = min(max((h[i] * mrep[i]) >> D, lo), 127)


def narrow16_8(h, n, out, off):
    # out[off + i] = h[i]: int16 (already in [lo, 127]) into int8 (8 lanes,
    # esp.vunzip.8; requant16 no longer needs it: mul_shift8 stores int8)
    for i in range(n):
        out[off + i] = h[i]


def mul_shift8(h, mrep, D, lo, n, out, off):
    # out[off + i] = clamp((h[i] * mrep[i]) >> D, lo, 127): mul_shift16 and
    # narrow16_8 in one loop (int16 lanes stored into int8, vec10)
    for i in range(n):
        out[off + i] = min(max((h[i] * mrep[i]) >> D, lo), 127)


def requant16(L, t, n, lo, out, off):
    # out[off + i] for n int32 values of t (positions x channels) that
    # already hold the sums plus L["brep"] (add3_rows32, max4_add_pool), by
    # the int16 route: L["s16"] = [s0, s1 - s0]
    s16 = L["s16"]
    h = L["h16"]
    shift32_16(t, s16[0], n, h)
    mul_shift8(h, L["mrep"], s16[1], lo, n, out, off)


def requant16_form(L, positions):
    # L["sform"] = -2 with L["s16"], L["brep"] (bias + 2**(s-1) per channel
    # and position), L["mrep"] (int16 2**(s1 - s)) and the int16 scratch
    # L["h16"] when every channel has pre 0, mult 1, the shifts differ by
    # 1-14 (a multiplier fits int16 and a product 2**29), and
    # (16384 * taps + |bias| + 2**(s1-1)) >> s0 < 32768: t fits int16
    # (int8 operands: |acc| <= 16384 * taps).
    q = L["q"]
    F = len(q) // 4
    taps = L["n"] if L["kind"] == "dense" else L["k"] * L["k"] * (L["c"] if L["kind"] == "conv2d" else 1)
    s0 = 31
    s1 = 0
    big = 0
    for f in range(F):
        if q[4 * f + 1] != 0 or q[4 * f + 2] != 1:
            return
        if q[4 * f + 3] < s0:
            s0 = q[4 * f + 3]
        if q[4 * f + 3] > s1:
            s1 = q[4 * f + 3]
        if abs(q[4 * f]) > big:
            big = abs(q[4 * f])
    if s0 < 1 or s1 - s0 < 1 or s1 - s0 > 14 or taps > 65536:
        return
    if (16384 * taps + big + (1 << (s1 - 1))) >> s0 >= 32768:
        return
    brep = array("i", bytes(4 * positions * F))
    mrep = array("h", bytes(2 * positions * F))
    for f in range(F):
        v = q[4 * f] + (1 << (q[4 * f + 3] - 1))
        m = 1 << (s1 - q[4 * f + 3])
        for p in range(positions):
            brep[p * F + f] = v
            mrep[p * F + f] = m
    L["sform"] = -2
    L["s16"] = [s0, s1 - s0]
    L["brep"] = brep
    L["mrep"] = mrep
    L["h16"] = array("h", bytes(2 * positions * F))
    if not ("pair" in L and L["pair"]):
        need_zero(L, positions * F)  # requant_rows adds brep by add3_rows32


def requant_form(L, positions):
    # L["sform"] = S when every channel of L["q"] has pre 0, mult 1 and
    # shift S (then L["brep"]: bias + 2**(S-1) for each of `positions`
    # positions of the channels), else 0. Called at build, and again by
    # whoever changes L["q"] (recalibrate.py).
    q = L["q"]
    F = len(q) // 4
    if "bpos" in L and L["bpos"] > positions:
        positions = L["bpos"]  # the half-row form's pooled block
    S = q[3]
    for f in range(F):
        if q[4 * f + 1] != 0 or q[4 * f + 2] != 1 or q[4 * f + 3] != S:
            S = 0
    L["sform"] = S
    L["brep"] = None
    L["passes"] = None
    L["mrep"] = None
    L["h16"] = None
    if S == 0 and L["kind"] != "gap" and SHIFT16:
        requant16_form(L, positions)
    if L["sform"] == 0 and L["kind"] != "gap" and SHIFT_PASSES > 1:
        shift_passes_form(L, positions)
    if S > 0:
        # the bias plus the half fits int32 under the contract's guarantee;
        # a model breaking it raises OverflowError here, not later
        brep = array("i", bytes(4 * positions * F))
        for f in range(F):
            v = q[4 * f] + (1 << (S - 1))
            for p in range(positions):
                brep[p * F + f] = v
        L["brep"] = brep
        # requant_rows's zero row (build shares one among layers); the
        # row-pair path's int8 row (observe makes it for a half-row layer)
        if not ("pair" in L and L["pair"]):
            n = positions * F
            need_zero(L, n)
            if "pool" in L and L["pool"] and ("row8" not in L or L["row8"] is None or len(L["row8"]) < n):
                L["row8"] = array("b", bytes(n))


def need_zero(L, n):
    # L["zero"]: an int32 array of at least n zeros (add3_rows32's c)
    if "zero" not in L or L["zero"] is None or len(L["zero"]) < n:
        L["zero"] = array("i", bytes(4 * n))


def shift_passes_form(L, positions):
    # L["sform"] = -1 and L["passes"] when every channel has pre 0, mult 1,
    # the shifts take at most SHIFT_PASSES values, and no sum can reach
    # 2**30 - 2**(S+7) (int8 operands: |acc| <= 16384 * taps, and the bias):
    # then the -2**30 of the other channels neither overflows int32 nor
    # leaves a lane above -128 after the shift.
    q = L["q"]
    F = len(q) // 4
    taps = L["n"] if L["kind"] == "dense" else L["k"] * L["k"] * (L["c"] if L["kind"] == "conv2d" else 1)
    shifts = []
    big = 0
    for f in range(F):
        if q[4 * f + 1] != 0 or q[4 * f + 2] != 1:
            return
        if q[4 * f + 3] not in shifts:
            shifts.append(q[4 * f + 3])
        if abs(q[4 * f]) > big:
            big = abs(q[4 * f])
    if len(shifts) > SHIFT_PASSES or taps > 32768:
        return
    for S in shifts:
        if S > 22 or 16384 * taps + big + (1 << (S + 7)) + (1 << (S - 1)) >= (1 << 30):
            return
    passes = []
    for S in shifts:
        tab = array("i", bytes(4 * positions * F))
        for f in range(F):
            v = -(1 << 30)
            if q[4 * f + 3] == S:
                v = q[4 * f] + (1 << (S - 1))
            for p in range(positions):
                tab[p * F + f] = v
        passes.append(S)
        passes.append(tab)
    L["sform"] = -1
    L["passes"] = passes
    L["ptmp"] = array("i", bytes(4 * positions * F))
    L["p8"] = array("b", bytes(positions * F))


def transpose8(src, R, N, dst):
    # dst[c*R + r] = src[r*N + c]: an R x N int8 matrix transposed (weights
    # into the layouts of the kernels, once per model).
    for r in range(R):
        for c in range(N):
            dst[c * R + r] = src[r * N + c]


def transpose8_inplace(a, R, N, seen):
    # a (R x N, int8) becomes its N x R transpose in place, by following the
    # cycles of the permutation (element r*N + c goes to c*R + r): no second
    # copy of a large weight matrix at load. seen: a zeroed bytearray of at
    # least R*N/8 + 1 bytes, one bit per element put in place.
    total = R * N
    for start in range(total):
        if (seen[start >> 3] >> (start & 7)) & 1 == 0:
            i = start
            v = a[i]
            moving = 1
            while moving:
                j = (i % N) * R + i // N
                w = a[j]
                a[j] = v
                seen[j >> 3] = seen[j >> 3] | (1 << (j & 7))
                v = w
                i = j
                if i == start:
                    moving = 0


def requant_params(bias, pre, mult, shift, F):
    # The q array of requantize: bias, pre, mult, shift of each channel.
    q = array("i", bytes(16 * F))
    for f in range(F):
        q[4 * f] = bias[f]
        q[4 * f + 1] = pre[f]
        q[4 * f + 2] = mult[f]
        q[4 * f + 3] = shift[f]
    return q


def add_bias(acc, n, F, bias, relu, out, off):
    # out[off + p*F + f] = acc[p*F + f] + bias[f] (int32), then max(0, .) if
    # relu: per position an elementwise loop over the channels (int32 lanes;
    # without relu the floor is int32's least value, a no-op).
    lo = 0
    if relu == 0:
        lo = -2147483647 - 1
    for p in range(n):
        o = p * F
        for f in range(F):
            out[off + o + f] = max(acc[o + f] + bias[f], lo)


def relu8(x, n):
    # In place: x[i] = max(x[i], 0) (int8 or int32).
    for i in range(n):
        if x[i] < 0:
            x[i] = 0


def pad_copy(inp, H, W, C, pad, out):
    # The interior of a zero-bordered (H+2pad) x (W+2pad) x C buffer; its
    # border is zero from allocation and never written.
    WC = W * C
    step = WC + 2 * pad * C
    dst = pad * (step + C)
    for src in range(0, H * WC, WC):
        for i in range(WC):
            out[dst + i] = inp[src + i]
        dst += step


def maxpool2(inp, H, W, C, out):
    # 2x2, stride 2 (an odd last row or column is dropped).
    OH = H // 2
    OW = W // 2
    for oy in range(OH):
        for ox in range(OW):
            b = ((2 * oy) * W + 2 * ox) * C
            for c in range(C):
                m = inp[b + c]
                v = inp[b + C + c]
                if v > m:
                    m = v
                v = inp[b + W * C + c]
                if v > m:
                    m = v
                v = inp[b + W * C + C + c]
                if v > m:
                    m = v
                out[(oy * OW + ox) * C + c] = m


def avgpool2(inp, H, W, C, out):
    # 2x2, stride 2: (a + b + c + d + 2) >> 2.
    OH = H // 2
    OW = W // 2
    for oy in range(OH):
        for ox in range(OW):
            b = ((2 * oy) * W + 2 * ox) * C
            for c in range(C):
                s = inp[b + c] + inp[b + C + c] + inp[b + W * C + c] + inp[b + W * C + C + c]
                out[(oy * OW + ox) * C + c] = (s + 2) >> 2


def sum_rows(acc, n, C, total):
    # total[c] += sum over n positions of acc[p*C + c] (int32): per position
    # an elementwise loop over the channels.
    for p in range(n):
        o = p * C
        for c in range(C):
            total[c] = total[c] + acc[o + c]


def argmax(x, n):
    # The first index of the largest of x[0..n).
    best = 0
    for i in range(1, n):
        if x[i] > x[best]:
            best = i
    return best


def pixels_to_int8(src, off, n, dst):
    # The model's input: uint8 pixel p (0..255) becomes p >> 1 (0..127).
    for i in range(n):
        dst[i] = src[off + i] >> 1


# ---- layers: a kernel per output row, so the int32 buffer is one row ------------

def conv2d_layer(L, inp):
    # conv2d and dwconv2d (a depthwise layer is the row path with F = C and
    # its row kernel's sixth argument the stride, L["karg"]).
    # L["t"]: None, or [pad cycles, requantize/pool cycles] that this layer
    # adds to (a profiling run: the p4.cycles() calls cost cycles of their own)
    t = L["t"] if "t" in L else None
    H = L["h"]
    W = L["w"]
    C = L["c"]
    pad = L["pad"]
    src = inp
    if pad > 0:
        if t is not None:
            t0 = p4.cycles()
        pad_copy(inp, H, W, C, pad, L["padded"])
        if t is not None:
            t[0] += (p4.cycles() - t0) & 0x7FFFFFFF
        src = L["padded"]
        W = W + 2 * pad
    F = L["out"]
    OH = L["oh"]
    OW = L["ow"]
    acc = L["acc"]
    out = L["y"]
    row = L["row"]
    wt = L["wt"]
    q = L["q"]
    lo = L["lo"]
    step = L["stride"] * W * C
    observe = L["observe"] if "observe" in L else None
    if L["pool"] and observe is None and "pair" in L and L["pair"]:
        # 3x3, stride 1: each row pair as four half rows (the even and odd
        # output columns), so the 2x2 pool is one elementwise loop
        blk = L["blk"]
        tmp = L["acc"]
        S = L["sform"] if "sform" in L else 0
        PW = OW // 2
        n = PW * F
        PB = L["pairs"]
        brep = L["brep"]
        taps = L["pair"] == 2
        if taps:
            # C > 1: one call per kernel row (its 3*C taps one inner loop)
            wk = L["wk"]
            w0 = wk[0]
            w1 = wk[1]
            w2 = wk[2]
            k1 = L["k1"]
            k2 = L["k2"]
            WC = W * C
        py = 0
        while py < OH // 2:
            RP = PB
            if RP > OH // 2 - py:
                RP = OH // 2 - py
            b0 = 2 * py * step
            if taps:
                conv3x3_tap_pairs(src, b0, C, w0, F, OW, RP, blk)
                conv3x3_tap_pairs(src, b0 + WC, C, w1, F, OW, RP, k1)
                conv3x3_tap_pairs(src, b0 + 2 * WC, C, w2, F, OW, RP, k2)
                add3_rows32(blk, k1, k2, 4 * RP * n)
            else:
                conv3x3_c1_pairs(src, b0, wt, F, OW, RP, blk)
            if t is not None:
                t0 = p4.cycles()
            if S > 0:
                max4_add_pool(blk, RP * n, brep, tmp)
                shift_narrow(tmp, RP * n, S, lo, out, py * n)
            elif S == -2:
                max4_add_pool(blk, RP * n, brep, tmp)
                requant16(L, tmp, RP * n, lo, out, py * n)
            elif S < 0:
                max4_pool(blk, RP * n, tmp)
                shift_passes(L, tmp, RP * n, lo, out, py * n)
            else:
                max4_pool(blk, RP * n, tmp)
                requantize(tmp, RP * PW, F, q, lo, out, py * n)
            if t is not None:
                t[1] += (p4.cycles() - t0) & 0x7FFFFFFF
            py += RP
        return out
    if L["pool"]:
        # conv, then 2x2 max-pool, fused: requantization is monotonic in the
        # accumulator (mult >= 0, floor shifts, clamps), so the maximum of
        # four requantized values is the requantized maximum - the same bits
        # as pooling the int8 outputs, with a quarter of the requantizing
        acc2 = L["acc2"]
        S = L["sform"] if "sform" in L else 0
        row8 = L["row8"] if S > 0 else None
        PW = OW // 2
        for py in range(OH // 2):
            row(src, 2 * py * step, W * C, C, wt, F, OW, acc)
            row(src, (2 * py + 1) * step, W * C, C, wt, F, OW, acc2)
            if observe is not None:
                observe(acc, OW, F)
                observe(acc2, OW, F)
            if t is not None:
                t0 = p4.cycles()
            if S > 0:
                # shift form: the rows' maximum plus bias (int32 lanes), the
                # row narrowed to int8 (QACC), the pixel pairs' maximum
                max_add_rows32(acc, acc2, L["brep"], OW * F)
                shift_narrow(acc, OW * F, S, lo, row8, 0)
                pool_pairs8(row8, OW, F, out, py * PW * F)
            else:
                max_rows32(acc, acc2, OW * F)
                pool_requantize(acc, OW, F, q, lo, out, py * PW * F)
            if t is not None:
                t[1] += (p4.cycles() - t0) & 0x7FFFFFFF
        return out
    karg = L["karg"]
    for oy in range(OH):
        row(src, oy * step, W * C, C, wt, karg, OW, acc)
        if observe is not None:
            observe(acc, OW, F)
        if t is not None:
            t0 = p4.cycles()
        if q is not None:
            requant_rows(L, acc, OW, F, lo, out, oy * OW * F)
        else:
            add_bias(acc, OW, F, L["b"], L["relu"], out, oy * OW * F)
        if t is not None:
            t[1] += (p4.cycles() - t0) & 0x7FFFFFFF
    return out


def dense_layer(L, inp):
    n = L["n"]
    m = L["out"]
    t = L["t"] if "t" in L else None
    # the logits are the int32 sums plus the bias: summed straight into the
    # output, then add3_rows32 adds the bias (and the zero row)
    acc = L["y"] if L["logits"] else L["acc"]
    if L["wt"] is not None:
        dense_t_acc(inp, n, L["wt"], m, acc)
    else:
        dense_acc(inp, n, L["w"], m, acc)
    observe = L["observe"] if "observe" in L else None
    if observe is not None:
        observe(acc, 1, m)
    if t is not None:
        t0 = p4.cycles()
    if L["logits"]:
        add3_rows32(acc, L["b"], L["zero"], m)
    else:
        requant_rows(L, L["acc"], 1, m, L["lo"], L["y"], 0)
    if t is not None:
        t[1] += (p4.cycles() - t0) & 0x7FFFFFFF
    return L["y"]


def gap_layer(L, inp):
    # Global average pool of int32 accumulators: sum over H x W, then
    # requantize with the layer's own pre/mult/shift (no bias).
    C = L["c"]
    total = L["acc"]
    for c in range(C):
        total[c] = 0
    sum_rows(inp, L["h"] * L["w"], C, total)
    requant_rows(L, total, 1, C, -128, L["y"], 0)
    return L["y"]


def run_layer(L, x):
    if L["fused"]:  # a max-pool done by the conv2d before it
        return x
    kind = L["kind"]
    t = L["t"] if "t" in L else None
    if t is not None and (kind == "maxpool2" or kind == "avgpool2" or kind == "gap"):
        # pooling layers are requantize/pool work as a whole
        L["t"] = None
        t0 = p4.cycles()
        y = run_layer(L, x)
        t[1] += (p4.cycles() - t0) & 0x7FFFFFFF
        L["t"] = t
        return y
    if kind == "conv2d" or kind == "dwconv2d":
        return conv2d_layer(L, x)
    if kind == "dense":
        return dense_layer(L, x)
    if kind == "maxpool2":
        maxpool2(x, L["h"], L["w"], L["c"], L["y"])
        return L["y"]
    if kind == "avgpool2":
        avgpool2(x, L["h"], L["w"], L["c"], L["y"])
        return L["y"]
    if kind == "gap":
        return gap_layer(L, x)
    raise ValueError("unknown layer kind '" + kind + "'")


def run(model, x, times):
    # Runs the model on the int8 input x; returns the logits (int32 array).
    # times: None, or a list that gets each layer's cycles (p4.cycles()).
    for L in model["layers"]:
        if times is None:
            x = run_layer(L, x)
        else:
            t0 = p4.cycles()
            x = run_layer(L, x)
            times.append((p4.cycles() - t0) & 0x7FFFFFFF)
    return x


def classify(model, x):
    logits = run(model, x, None)
    return argmax(logits, len(logits))


# ---- building a model from the graph text and the tensors -------------------------

def parse_graph(text):
    # [{"kind": k, key: value, ...}] from the graph text (one layer a line,
    # `kind key=value ...`); values are ints where they read as ints.
    layers = []
    lineno = 0
    for line in text.split("\n"):
        lineno += 1
        words = line.split()
        if not words:
            continue
        L = {"kind": words[0], "line": lineno}
        for wd in words[1:]:
            kv = wd.split("=")
            if len(kv) != 2 or not kv[0] or not kv[1]:
                raise ValueError("graph line " + str(lineno) + ": '" + wd + "' is not key=value")
            v = kv[1]
            if v.isdigit() or (v[0] == "-" and v[1:].isdigit()):
                L[kv[0]] = int(v)
            else:
                L[kv[0]] = v
        layers.append(L)
    return layers


def _need(L, key):
    if key not in L:
        raise ValueError("graph line " + str(L["line"]) + ": " + L["kind"] + " needs " + key + "=")
    return L[key]


def _tensor(tensors, name, typecode, n):
    if name not in tensors:
        raise ValueError("the model has no tensor '" + name + "'")
    t = tensors[name]
    if not isinstance(t, array) or t.typecode != typecode:
        raise ValueError("tensor '" + name + "' must be an array('" + typecode + "')")
    if len(t) != n:
        raise ValueError("tensor '" + name + "' has " + str(len(t)) + " elements, the graph needs " + str(n))
    return t


def _requant_params(L, tensors, name, F, bias):
    pre = _tensor(tensors, name + ".pre", "i", F)
    mult = _tensor(tensors, name + ".mult", "i", F)
    shift = _tensor(tensors, name + ".shift", "i", F)
    for f in range(F):
        if pre[f] < 0 or mult[f] < 0 or shift[f] < 1 or shift[f] > 31:
            raise ValueError("tensor '" + name + ".pre/mult/shift' channel " + str(f) + " out of range")
    L["q"] = requant_params(bias, pre, mult, shift, F)


def build(tensors, owned=0):
    # A model (dict) from a dict of tensors holding a "graph" text. owned: the
    # tensors are the model's own (load), so large weights may be rearranged
    # in place; otherwise the caller's arrays are left as they are.
    if "graph" not in tensors or not isinstance(tensors["graph"], str):
        raise ValueError("the model has no graph text")
    spec = parse_graph(tensors["graph"])
    if not spec or spec[0]["kind"] != "input":
        raise ValueError("the graph must start with an input line")
    h = _need(spec[0], "h")
    w = _need(spec[0], "w")
    c = _need(spec[0], "c")
    layers = []
    int32 = False  # the previous layer left int32 accumulators (requant=0)
    for L in spec[1:]:
        kind = L["kind"]
        if int32 and kind != "gap":
            raise ValueError("graph line " + str(L["line"]) + ": requant=0 must be followed by gap")
        L["h"] = h
        L["w"] = w
        L["c"] = c
        if kind == "conv2d" or kind == "dwconv2d":
            name = _need(L, "name")
            k = _need(L, "k")
            stride = _need(L, "stride")
            pad = _need(L, "pad")
            if (k != 1 and k != 3) or (stride != 1 and stride != 2) or (pad != 0 and pad != k // 2):
                raise ValueError("graph line " + str(L["line"]) + ": k must be 1 or 3, stride 1 or 2, pad 0 or k//2")
            if kind == "dwconv2d":
                L["row"] = dw3x3_row if k == 3 else dw1x1_row
            elif k == 3:
                L["row"] = conv3x3_s1_row if stride == 1 else conv3x3_s2_row
            else:
                L["row"] = conv1x1_s1_row if stride == 1 else conv1x1_s2_row
            F = c if kind == "dwconv2d" else _need(L, "out")
            L["karg"] = stride if kind == "dwconv2d" else F  # the row kernel's sixth argument
            oh = (h + 2 * pad - k) // stride + 1
            ow = (w + 2 * pad - k) // stride + 1
            if oh < 1 or ow < 1:
                raise ValueError("graph line " + str(L["line"]) + ": the input is smaller than the kernel")
            L["relu"] = L.get("relu", 0)
            L["requant"] = L.get("requant", 1)
            L["lo"] = 0 if L["relu"] else -128
            L["b"] = _tensor(tensors, name + ".b", "i", F)
            if kind == "conv2d":
                w8 = _tensor(tensors, name + ".w", "b", F * k * k * c)
                # [F][K][K][C] -> [K][K][C][F]: output channels contiguous
                if owned:
                    transpose8_inplace(w8, F, k * k * c, bytearray((F * k * k * c >> 3) + 1))
                    L["wt"] = w8
                else:
                    wt = array("b", bytes(F * k * k * c))
                    transpose8(w8, F, k * k * c, wt)
                    L["wt"] = wt
            else:
                L["wt"] = _tensor(tensors, name + ".w", "b", k * k * c)
            if L["requant"]:
                _requant_params(L, tensors, name, F, L["b"])
                L["y"] = array("b", bytes(oh * ow * F))
            else:
                if kind != "conv2d":
                    raise ValueError("graph line " + str(L["line"]) + ": requant=0 only for conv2d")
                L["y"] = array("i", bytes(4 * oh * ow * F))
                L["q"] = None
                int32 = True
            L["padded"] = array("b", bytes((h + 2 * pad) * (w + 2 * pad) * c)) if pad > 0 else None
            L["acc"] = array("i", bytes(4 * ow * F))
            L["out"] = F
            L["oh"] = oh
            L["ow"] = ow
            h = oh
            w = ow
            c = F
        elif kind == "dense":
            name = _need(L, "name")
            m = _need(L, "out")
            n = h * w * c
            L["n"] = n
            L["w"] = _tensor(tensors, name + ".w", "b", m * n)
            L["wt"] = None
            if DENSE_TRANSPOSED:
                if owned:
                    # in place: the f1 layer of the first model is 200 KB
                    transpose8_inplace(L["w"], m, n, bytearray((m * n >> 3) + 1))
                    L["wt"] = L["w"]
                else:
                    wt = array("b", bytes(m * n))
                    transpose8(L["w"], m, n, wt)
                    L["wt"] = wt
                L["w"] = None  # the file's layout is not kept: one copy of the weights
            L["b"] = _tensor(tensors, name + ".b", "i", m)
            L["relu"] = L.get("relu", 0)
            L["logits"] = L.get("logits", 0)
            L["lo"] = 0 if L["relu"] else -128
            L["acc"] = array("i", bytes(4 * m))
            if L["logits"]:
                L["y"] = array("i", bytes(4 * m))
                need_zero(L, m)
            else:
                _requant_params(L, tensors, name, m, L["b"])
                L["y"] = array("b", bytes(m))
            h = 1
            w = 1
            c = m
        elif kind == "maxpool2" or kind == "avgpool2":
            if h < 2 or w < 2:
                raise ValueError("graph line " + str(L["line"]) + ": pooling a " + str(h) + "x" + str(w) + " tensor")
            h = h // 2
            w = w // 2
            L["y"] = array("b", bytes(h * w * c))
        elif kind == "gap":
            if not int32:
                raise ValueError("graph line " + str(L["line"]) + ": gap needs a conv2d with requant=0 before it")
            name = _need(L, "name")
            _requant_params(L, tensors, name, c, array("i", bytes(4 * c)))
            L["acc"] = array("i", bytes(4 * c))
            L["y"] = array("b", bytes(c))
            int32 = False
            h = 1
            w = 1
        else:
            raise ValueError("graph line " + str(L["line"]) + ": unknown layer kind '" + kind + "'")
        layers.append(L)
    if int32:
        raise ValueError("the graph ends with int32 accumulators (requant=0 without gap)")
    # a conv2d with requantization followed by maxpool2 pools its int32 rows
    for L in layers:
        L["fused"] = 0
    for k in range(len(layers)):
        L = layers[k]
        L["pool"] = 0
        L["pair"] = 0
        if FUSE_POOL and L["kind"] == "conv2d" and L["q"] is not None and k + 1 < len(layers) and \
                layers[k + 1]["kind"] == "maxpool2":
            P = layers[k + 1]
            L["pool"] = 1
            L["y"] = P["y"]
            P["fused"] = 1
            P["name"] = "(in " + L["name"] + ")"
            # 3x3 stride 1: the half-row form (conv2d_layer), with one
            # kernel row a call where its 3*C taps fill the 16-tap loads
            if POOL_PAIRS and L["k"] == 3 and L["stride"] == 1:
                L["pairs"] = PAIRS
                if L["pairs"] > L["oh"] // 2:
                    L["pairs"] = L["oh"] // 2
                if L["pairs"] < 1:
                    L["pairs"] = 1
                L["bpos"] = L["pairs"] * (L["ow"] // 2)
                blk = 4 * L["bpos"] * L["out"]
                L["acc"] = array("i", bytes(4 * (L["bpos"] if L["bpos"] > L["ow"] else L["ow"]) * L["out"]))
                L["blk"] = array("i", bytes(4 * blk))
                L["pair"] = 1
                if L["c"] > 1:
                    L["pair"] = 2
                    KF = 3 * L["c"] * L["out"]
                    wt = L["wt"]
                    # (wt stays: the row-pair path serves an observed layer)
                    L["wk"] = [wt[0:KF], wt[KF:2 * KF], wt[2 * KF:3 * KF]]
                    L["k1"] = array("i", bytes(4 * blk))
                    L["k2"] = array("i", bytes(4 * blk))
            else:
                L["acc2"] = array("i", bytes(4 * L["ow"] * L["out"]))
    if not layers or layers[-1]["kind"] != "dense" or not layers[-1]["logits"]:
        raise ValueError("the graph must end with a dense layer with logits=1")
    # requantization in the shift form where the parameters allow it
    for L in layers:
        L["sform"] = 0
        L["brep"] = None
        L["row8"] = None
        if "q" in L and L["q"] is not None:
            kind = L["kind"]
            requant_form(L, L["ow"] if kind == "conv2d" or kind == "dwconv2d" else 1)
        L["t"] = None
        L["observe"] = None
    # int32 scratch rows live only inside one layer: one array per role, of
    # the largest size any layer needs, serves every layer; so does the
    # fused pool's int8 row (row8). A conv2d's int32 output (requant=0) is
    # read only by the gap after it, and neither uses blk: it is blk.
    for L in layers:
        if L["kind"] == "conv2d" and L["q"] is None:
            L["blk"] = L["y"]
    for role in ("acc", "acc2", "blk", "k1", "k2", "row8", "zero", "h16"):
        size = 0
        for L in layers:
            if role in L and L[role] is not None and len(L[role]) > size:
                size = len(L[role])
        if size > 0:
            code = "b" if role == "row8" else "h" if role == "h16" else "i"
            shared = array(code, bytes(size * (1 if code == "b" else 2 if code == "h" else 4)))
            for L in layers:
                if role in L and L[role] is not None:
                    L[role] = shared
    for L in layers:
        if L["kind"] == "conv2d" and L["q"] is None:
            L["y"] = L["blk"]
            del L["blk"]
    share_outputs(layers)
    return {"layers": layers, "h": spec[0]["h"], "w": spec[0]["w"], "c": spec[0]["c"],
            "classes": layers[-1]["out"]}


def share_outputs(layers):
    # Every int8 layer output goes into one of two arrays (ping-pong): a
    # layer reads only its input, the output of the layer before it, so it
    # writes the other array - or the same one when it pads, as it copies
    # its input into its zero-bordered buffer first and reads only that.
    # The caller's input, int32 outputs and the padded buffers (their
    # borders stay zero) have arrays of their own.
    slots = []
    sizes = [0, 0]
    prev = -1
    for L in layers:
        if L["fused"]:
            continue
        if L["y"].typecode != "b":
            prev = -1
            continue
        s = 1 if prev == 0 else 0
        if prev >= 0 and "pad" in L and L["pad"] > 0:
            s = prev
        slots.append(s)
        if len(L["y"]) > sizes[s]:
            sizes[s] = len(L["y"])
        prev = s
    arrays = [array("b", bytes(sizes[0])), array("b", bytes(sizes[1])) if sizes[1] > 0 else None]
    k = 0
    for j in range(len(layers)):
        L = layers[j]
        if L["fused"] or L["y"].typecode != "b":
            continue
        L["y"] = arrays[slots[k]]
        if L["pool"]:
            layers[j + 1]["y"] = L["y"]  # the fused maxpool2's (run_layer passes it on)
        k += 1


def observe(L, hook):
    # hook: None, or a function hook(acc, n, F) that a conv2d, dwconv2d or
    # dense layer L calls with each of its int32 accumulator rows (n
    # positions of F channels, HWC; before the bias, pooling and
    # requantizing) when it runs: activation statistics collected by the
    # very code that infers (recalibrate.py). The hook must not change acc.
    # A fused pool observed runs the row-pair path: its second row (acc2)
    # and, in the shift form, its int8 row (row8) are made here.
    if hook is not None and L["pool"]:
        n = L["ow"] * L["out"]
        if "acc2" not in L or L["acc2"] is None or len(L["acc2"]) < n:
            L["acc2"] = array("i", bytes(4 * n))
        if L["sform"] > 0 and (L["row8"] is None or len(L["row8"]) < n):
            L["row8"] = array("b", bytes(n))
    L["observe"] = hook


def profile(model, on):
    # on: each layer gets L["t"] = [pad cycles, requantize/pool cycles], added
    # to by run; off: no timing inside the layers (the default).
    for L in model["layers"]:
        L["t"] = [0, 0] if on else None


def _nbytes(a):
    return len(a) * (1 if a.typecode == "b" or a.typecode == "B" else 2 if a.typecode == "h" else 4)


def _nbytes_once(a, seen):
    # a's bytes the first time a is met (by identity), then 0: shared arrays count once
    for b in seen:
        if b is a:
            return 0
    seen.append(a)
    return _nbytes(a)


def memory(model):
    # [activation bytes, weight bytes] the model holds: every buffer a layer
    # writes (outputs, padded copies, int32 scratch; each shared array once)
    # and every weight, bias and requantization array.
    seen = []
    act = 0
    for L in model["layers"]:
        for role in ("y", "padded", "acc", "acc2", "blk", "k1", "k2", "row8", "ptmp", "p8", "h16"):
            if role in L and L[role] is not None:
                act += _nbytes_once(L[role], seen)
    weights = 0
    for L in model["layers"]:
        for role in ("wt", "w", "b", "q", "brep", "zero", "mrep"):
            if role in L and L[role] is not None and not isinstance(L[role], int):
                weights += _nbytes_once(L[role], seen)
        if "wk" in L:
            for a in L["wk"]:
                weights += _nbytes(a)
        if "passes" in L and L["passes"] is not None:
            for k in range(1, len(L["passes"]), 2):
                weights += _nbytes(L["passes"][k])
    return [act, weights]


def code_bytes(at_load=0):
    # Bytes of compiled code of the library's functions (p4.jit_info; 0 when
    # interpreted): every specialisation the JIT made. at_load = 0: the
    # functions an inference runs (kernels and layers, the input's
    # conversion, argmax); 1: those that run once when a model is loaded
    # (the weights' transposition).
    fns = [conv3x3_s1_row, conv3x3_s2_row, conv1x1_s1_row, conv1x1_s2_row, dw3x3_row, dw1x1_row,
           dense_acc, dense_t_acc, maxpool2_rows32, max_rows32, pool_requantize, requantize, max_add_rows32,
           conv3x3_c1_pairs, conv3x3_tap_pairs, max4_add_pool, max4_pool, add3_rows32,
           add_to32, max_into8, shift_narrow, pool_pairs8, shift32_16, mul_shift16, narrow16_8,
           mul_shift8, requant16, requant_rows, add_bias, relu8, pad_copy, maxpool2,
           avgpool2, sum_rows, argmax, pixels_to_int8, conv2d_layer, dense_layer,
           gap_layer, run_layer, run, classify]
    if at_load:
        fns = [transpose8, transpose8_inplace]
    total = 0
    for fn in fns:
        for part in p4.jit_info(fn).split("; "):
            k = part.find(" bytes of code")
            if part.startswith("compiled") and k > 0:
                total += int(part[:k].split(" ")[-1])
    return total


def load(path):
    # A model from a .p4nn file (P4JIT: the native reader p4nn_model).
    import p4nn_model
    return build(p4nn_model.load(path), 1)


def macs(L):
    # Multiply-accumulates of one layer for one image.
    kind = L["kind"]
    if kind == "conv2d":
        return L["oh"] * L["ow"] * L["out"] * L["k"] * L["k"] * L["c"]
    if kind == "dwconv2d":
        return L["oh"] * L["ow"] * L["c"] * L["k"] * L["k"]
    if kind == "dense":
        return L["n"] * L["out"]
    return 0


# ---- IDX files (MNIST's format) -------------------------------------------------------

def _be32(b, i):
    return (b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]


def idx_open(path):
    # {"file", "count", "dims", "size", "kind"}: an IDX file of unsigned
    # bytes (0x08), images (3 dims) or labels (1 dim). Close with idx_close.
    f = open(path, "rb")
    head = f.read(4)
    if len(head) != 4 or head[0] != 0 or head[1] != 0 or head[2] != 8 or head[3] < 1 or head[3] > 3:
        f.close()
        raise ValueError(path + ": not an IDX file of unsigned bytes")
    nd = head[3]
    dims_b = f.read(4 * nd)
    if len(dims_b) != 4 * nd:
        f.close()
        raise ValueError(path + ": truncated IDX header")
    dims = []
    size = 1
    for d in range(nd):
        dims.append(_be32(dims_b, 4 * d))
    for d in dims[1:]:
        size *= d
    total = f.seek(0, 2)
    if total < 4 + 4 * nd + dims[0] * size:
        f.close()
        raise ValueError(path + ": shorter than its header says")
    return {"file": f, "count": dims[0], "dims": dims, "size": size, "header": 4 + 4 * nd}


def idx_read(idx, i, buf):
    # Item i's bytes into buf (a bytearray of idx["size"]).
    if i < 0 or i >= idx["count"]:
        raise IndexError("IDX item out of range")
    idx["file"].seek(idx["header"] + i * idx["size"])
    if idx["file"].readinto(buf) != idx["size"]:
        raise ValueError("IDX file ends early")


def idx_close(idx):
    idx["file"].close()
