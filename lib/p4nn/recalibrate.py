# recalibrate: on-device recalibration of a p4nn model's activation scales
# (docs/p4nn.md, "Recalibration on the device"). P4JIT Python, also CPython.
#
# A deployed model's requantization parameters (docs/p4nn-model.md) fix each
# layer's output activation scale. When the data the sensor delivers does
# not match the data they were calibrated on, activations saturate or waste
# resolution. recalibrate(model, images, ...) measures, layer by layer with
# the layers before it already recalibrated, the largest output each
# requantizing layer would produce before clamping (from its int32
# accumulators, computed by the same p4nn row kernels the inference runs),
# moves that peak to 127, and refits pre/mult/shift per channel under the
# contract's int32 guarantee, as the host's requant.choose does, but in
# 32-bit integer arithmetic only (P4JIT ints are 32-bit): the multipliers
# are rationals of small ints and 15-bit mantissas, never floats.
#
# Rescaling layer k's output by g = 127/peak rescales the next weighted
# layer's input: its int32 bias is multiplied by g (exactly rounded) and
# its multiplier divided by g before it is measured in turn. The logits
# layer gets only the bias (argmax does not care about a common scale).
from array import array
import p4nn

INT32_MAX = 2147483647
MAX_PRE = 24
TARGET = 127


# ---- kernels (arrays and ints only: the JIT compiles them) -------------------------

def peak_rows(acc, n, F, q, absolute, peak):
    # peak[0] = max(peak[0], largest unclamped requantized value of the n x F
    # accumulators acc with the parameters q of p4nn.requantize); absolute:
    # the magnitude (a layer without ReLU), else the value (ReLU keeps >= 0).
    pk = peak[0]
    for f in range(F):
        b = q[4 * f]
        pre = q[4 * f + 1]
        m = q[4 * f + 2]
        s = q[4 * f + 3]
        r = 1 << (s - 1)
        for p in range(n):
            y = (((acc[p * F + f] + b) >> pre) * m + r) >> s
            if absolute != 0 and y < 0:
                y = -y
            if y > pk:
                pk = y
    peak[0] = pk


def abs_sums_t(wt, R, F, sums):
    # sums[f] = 128 * sum over r of |wt[r*F + f]| (weights [R][F]: conv2d's
    # transposed layout, depthwise [K][K][C] with F = C).
    for f in range(F):
        a = 0
        for r in range(R):
            v = wt[r * F + f]
            if v < 0:
                v = -v
            a += v
        sums[f] = 128 * a


def abs_sums_rows(w, m, n, sums):
    # sums[o] = 128 * sum over i of |w[o*n + i]| (dense weights [m][n]).
    for o in range(m):
        a = 0
        for i in range(n):
            v = w[o * n + i]
            if v < 0:
                v = -v
            a += v
        sums[o] = 128 * a


# ---- exact integer helpers -----------------------------------------------------

def norm15(v, e):
    # (v', e') with v' * 2**-e' ~ v * 2**-e and 2**14 <= v' < 2**15 (v > 0).
    while v >= 32768:
        v = v >> 1
        e -= 1
    while v < 16384:
        v = v << 1
        e += 1
    return v, e


def mul_ratio(v, e, num, den):
    # (v * 2**-e) * num / den as a 15-bit mantissa and exponent (all > 0).
    v, e = norm15(v, e)
    n, en = norm15(num, 0)
    d, ed = norm15(den, 0)
    p, pe = norm15(v * n, e + en)            # < 2**30: fits
    return norm15((p << 16) // d, pe - ed + 16)


def scale_round(b, num, den):
    # round(b * num / den) half away from zero, without leaving int32 (num, den > 0);
    # a result outside int32 is an error.
    if b == -INT32_MAX - 1:
        raise OverflowError("recalibrate: a bias of -2**31 cannot be rescaled")
    neg = b < 0
    if neg:
        b = -b
    qd = b // den
    rem = b - qd * den
    if qd > 0 and qd > (INT32_MAX - num) // num:
        raise OverflowError("recalibrate: a rescaled bias leaves int32")
    hi = qd * num
    lo = _mul_div(rem, num, den)
    if hi > INT32_MAX - lo:
        raise OverflowError("recalibrate: a rescaled bias leaves int32")
    y = hi + lo
    return -y if neg else y


def _mul_div(a, b, d):
    # round(a * b / d) for 0 <= a < d, 0 < b, d < 2**31 (long division by bits).
    q = 0
    r = 0                       # the invariant: 0 <= r < d, and (q*d + r) = (bits so far of b) * a
    k = 30
    while k >= 0 and (b >> k) == 0:
        k -= 1
    while k >= 0:
        q = q + q               # doubling: 2r may leave int32, so compare with d - r first
        if r >= d - r:
            r = r - (d - r)
            q += 1
        else:
            r = r + r
        if (b >> k) & 1:
            if r >= d - a:
                r = r - (d - a)
                q += 1
            else:
                r += a
        k -= 1
    if r >= d - r:
        q += 1
    return q


def fits(bound, pre, mult, shift):
    # The contract's int32 guarantee, ((bound >> pre) + 1) * mult + 2**(shift-1) < 2**31,
    # decided without leaving int32.
    a = (bound >> pre) + 1
    return mult <= (INT32_MAX - (1 << (shift - 1))) // a


def choose(v, e, bound):
    # [pre, mult, shift] for the real multiplier v * 2**-e (v a 15-bit mantissa)
    # and |acc| <= bound, by requant.choose's rule: for each pre the largest
    # shift that fits, scored by 127 x the relative error of mult plus half
    # the step that >> pre discards (both in 2**-10 output units); the best
    # score wins, a larger pre is tried only while it can still win.
    best = None
    best_err = 0
    for p in range(MAX_PRE + 1):
        if p and (bound >> p) == 0 and best is not None:
            break
        k = p - e + 9                       # step: v * 2**(p - e) / 2 in 2**-10 units
        if p == 0:
            step = 0
        elif k > 15:
            break
        elif k >= 0:
            step = v << k
        else:
            step = v >> -k
        if best is not None and step >= best_err:
            break
        for s in range(31, 0, -1):
            k = p + s - e                   # mult = round(v * 2**k)
            if k > 16:
                continue                    # mult would leave int32
            if k >= 0:
                q = v << k
                d = 0
            else:
                if -k > 15:
                    break                   # mult < 2: useless, and smaller shifts are worse
                q = (v + (1 << (-k - 1))) >> -k
                d = (q << -k) - v
                if d < 0:
                    d = -d
            if q == 0 or not fits(bound, p, q, s):
                continue
            err = (127 * 1024 * d) // v + step
            if best is None or err < best_err:
                best = [p, q, s]
                best_err = err
            break
    if best is None:
        raise OverflowError("recalibrate: no pre/mult/shift fits the int32 guarantee")
    return best


def refit(q, f, v, e, bias, absw):
    # Channel f of the requantize parameters q: bias (without a rounding
    # offset) and the multiplier v * 2**-e; the offset 2**(pre-1) is folded
    # into the bias and into the bound, as the host's intmodel._fit does.
    offset = 0
    for _ in range(3):
        b = bias + offset
        bound = (b if b >= 0 else -b) + absw
        pms = choose(v, e, bound)
        new = (1 << (pms[0] - 1)) if pms[0] > 0 else 0
        if new == offset:
            break
        offset = new
    if new != offset:                       # the offset keeps moving pre: none
        offset = 0
        pms = choose(v, e, (bias if bias >= 0 else -bias) + absw)
    q[4 * f] = bias + offset
    q[4 * f + 1] = pms[0]
    q[4 * f + 2] = pms[1]
    q[4 * f + 3] = pms[2]


def true_bias(q, f):
    pre = q[4 * f + 1]
    return q[4 * f] - ((1 << (pre - 1)) if pre > 0 else 0)


def weight_sums(L):
    # 128 * sum |w| per output channel (the bound's weight part), once per layer.
    if "absw" not in L:
        F = L["out"]
        sums = array("i", bytes(4 * F))
        if L["kind"] == "conv2d":
            abs_sums_t(L["wt"], L["k"] * L["k"] * L["c"], F, sums)
        elif L["kind"] == "dwconv2d":
            abs_sums_t(L["wt"], L["k"] * L["k"], F, sums)
        elif L["wt"] is not None:           # dense on weights transposed to [n][m]
            abs_sums_t(L["wt"], L["n"], F, sums)
        else:
            abs_sums_rows(L["w"], F, L["n"], sums)
        L["absw"] = sums
    return L["absw"]


def gap_bounds(C, G):
    # The gap's guarantee bound per channel: H*W * (|bias| + 128 * sum |w|)
    # of the requant=0 conv C before it (docs/p4nn-model.md), int32 or an error.
    hw = G["h"] * G["w"]
    absw = weight_sums(C)
    b = C["b"]
    bounds = array("i", bytes(4 * G["c"]))
    for f in range(G["c"]):
        v = b[f]
        if v < 0:
            v = -v
        if v > INT32_MAX - absw[f] or v + absw[f] > INT32_MAX // hw:
            raise OverflowError("recalibrate: the gap's sum bound leaves int32")
        bounds[f] = hw * (v + absw[f])
    return bounds


def rescale_gap(C, G, num, den):
    # The gap G's multipliers times num/den, refitted for the bound of the
    # conv C before it. The gap adds no bias (and so no rounding offset, as
    # the host's intmodel.build): q[4f] stays 0.
    q = G["q"]
    bounds = gap_bounds(C, G)
    for f in range(G["c"]):
        mult = q[4 * f + 2]
        if mult == 0:
            continue
        ve = mul_ratio(mult, q[4 * f + 1] + q[4 * f + 3], num, den)
        pms = choose(ve[0], ve[1], bounds[f])
        q[4 * f + 1] = pms[0]
        q[4 * f + 2] = pms[1]
        q[4 * f + 3] = pms[2]
    p4nn.requant_form(G, 1)


def rescale_int32(C, G, num, den):
    # A requant=0 conv C's input rescaled: its int32 bias times num/den (so
    # its accumulators, and the gap G's sums, are num/den times what they
    # were) and the gap's multipliers times den/num: the gap's output keeps
    # its scale.
    own_bias(C)
    b = C["b"]
    for f in range(len(b)):
        b[f] = scale_round(b[f], num, den)
    rescale_gap(C, G, den, num)


def rescale(L, num, den, bnum, bden):
    # Layer L's multipliers times num/den and its biases times bnum/bden.
    F = L["out"]
    if L["kind"] == "dense" and L["logits"]:
        b = L["b"]
        for f in range(F):
            b[f] = scale_round(b[f], bnum, bden)
        return
    q = L["q"]
    absw = weight_sums(L)
    for f in range(F):
        bias = scale_round(true_bias(q, f), bnum, bden)
        mult = q[4 * f + 2]
        if mult == 0:                       # a dead channel stays dead
            q[4 * f] = bias
            continue
        ve = mul_ratio(mult, q[4 * f + 1] + q[4 * f + 3], num, den)
        refit(q, f, ve[0], ve[1], bias, absw[f])
    # the new parameters are rarely in p4nn's shift form: the layer's form follows them
    p4nn.requant_form(L, L["ow"] if L["kind"] != "dense" else 1)


# ---- measuring: the layer run by p4nn itself, its accumulators observed --------------

def measured_gap(C, G, inp, peak):
    # Runs the gap G on the int32 output inp of the conv C, giving its
    # per-channel sums (by p4nn's own sum_rows) to peak_rows first.
    tot = array("i", bytes(4 * G["c"]))
    p4nn.sum_rows(inp, G["h"] * G["w"], G["c"], tot)
    peak_rows(tot, 1, G["c"], G["q"], 0 if C["relu"] else 1, peak)
    return p4nn.run_layer(G, inp)


def measured(L, inp, peak):
    # Runs layer L (conv2d, dwconv2d or dense) by p4nn.run_layer with a hook
    # that gives every int32 accumulator row, before it is pooled and
    # requantized, to peak_rows: the statistics come from the same compiled
    # kernels and the same fused paths as inference.
    absolute = 0 if L["relu"] else 1
    q = L["q"]

    def rows(acc, n, F):
        peak_rows(acc, n, F, q, absolute, peak)

    p4nn.observe(L, rows)
    y = p4nn.run_layer(L, inp)
    p4nn.observe(L, None)
    return y


def requantizing(L):
    # A layer whose output scale the requantize parameters set: a gap, or a
    # weighted layer with its own requantize (not requant=0, not the logits).
    kind = L["kind"]
    if kind == "gap":
        return True
    if (kind == "conv2d" or kind == "dwconv2d") and L["q"] is None:
        return False
    return (kind == "conv2d" or kind == "dwconv2d" or kind == "dense") and not (kind == "dense" and L["logits"])


def own_bias(L):
    # L's bias as an array of our own (the model file's may be read-only).
    b = L["b"]
    mine = array("i", bytes(4 * len(b)))
    for i in range(len(b)):
        mine[i] = b[i]
    L["b"] = mine


def recalibrate(model, images, count, peaks):
    # Recalibrates model in place on count images of the IDX file images (an
    # idx_open dict); appends each requantizing layer's measured peak (before)
    # to peaks. Layer by layer: run the layers before (already recalibrated),
    # measure this one, move its peak to TARGET, rescale the next weighted
    # layer's input side.
    layers = model["layers"]
    size = model["h"] * model["w"] * model["c"]
    pixels = bytearray(size)
    x = array("b", bytes(size))
    peak = array("i", bytes(4))
    own_bias(layers[-1])
    for k in range(len(layers)):
        L = layers[k]
        if not requantizing(L):
            continue
        peak[0] = 0
        for i in range(count):
            p4nn.idx_read(images, i, pixels)
            p4nn.pixels_to_int8(pixels, 0, size, x)
            y = x
            for j in range(k):
                y = p4nn.run_layer(layers[j], y)
            if L["kind"] == "gap":
                measured_gap(layers[k - 1], L, y, peak)
            else:
                measured(L, y, peak)
        P = peak[0]
        peaks.append(P)
        if P <= 0:
            continue                        # never active on this data: keep the scale
        if L["kind"] == "gap":
            rescale_gap(layers[k - 1], L, TARGET, P)
        else:
            rescale(L, TARGET, P, 1, 1)
        for j in range(k + 1, len(layers)):
            N = layers[j]
            if (N["kind"] == "conv2d" or N["kind"] == "dwconv2d") and N["q"] is None:
                rescale_int32(N, layers[j + 1], TARGET, P)
                break
            if N["kind"] == "conv2d" or N["kind"] == "dwconv2d" or N["kind"] == "dense":
                rescale(N, P, TARGET, TARGET, P)
                break


def accuracy(model, images, labels, count):
    # Correct classifications of the first count images.
    size = model["h"] * model["w"] * model["c"]
    pixels = bytearray(size)
    label = bytearray(1)
    x = array("b", bytes(size))
    correct = 0
    for i in range(count):
        p4nn.idx_read(images, i, pixels)
        p4nn.idx_read(labels, i, label)
        p4nn.pixels_to_int8(pixels, 0, size, x)
        if p4nn.classify(model, x) == label[0]:
            correct += 1
    return correct
