#!/usr/bin/env python3
"""Each layer of lib/p4nn (run by CPython) against an independent NumPy
reference, over random shapes that include 1, odd sizes and sizes that are
not multiples of 16. Needs python3-numpy (Debian's /usr/bin/python3).

    test_layers_numpy.py [--seed N] [--rounds N]
"""
import argparse
import os
import random
import sys
from array import array

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path[:0] = [os.path.join(ROOT, "lib", "p4nn"), os.path.join(ROOT, "lib", "python")]
import p4nn  # noqa: E402
p4nn.set_shift_passes(4)  # the per-channel-shift passes (off by default) are tested here

SIZES = [1, 2, 3, 5, 7, 8, 15, 16, 17, 31, 33]
forms = {}  # requantization form: how many layers checked in it


def arr(tc, a):
    return array(tc, [int(x) for x in np.asarray(a).ravel()])


def rand8(rng, shape):
    return rng.integers(-128, 128, size=shape, dtype=np.int64)


def conv_ref(x, w, bias, stride, pad):
    """x [H][W][C], w [F][K][K][C]: int64 accumulators [OH][OW][F] with bias."""
    H, W, C = x.shape
    F, K = w.shape[0], w.shape[1]
    xp = np.zeros((H + 2 * pad, W + 2 * pad, C), dtype=np.int64)
    xp[pad:pad + H, pad:pad + W] = x
    OH, OW = (H + 2 * pad - K) // stride + 1, (W + 2 * pad - K) // stride + 1
    out = np.zeros((OH, OW, F), dtype=np.int64)
    for oy in range(OH):
        for ox in range(OW):
            patch = xp[oy * stride:oy * stride + K, ox * stride:ox * stride + K, :]
            out[oy, ox] = np.tensordot(w, patch, axes=([1, 2, 3], [0, 1, 2]))
    return out + bias


def dw_ref(x, w, bias, stride, pad):
    H, W, C = x.shape
    K = w.shape[0]
    xp = np.zeros((H + 2 * pad, W + 2 * pad, C), dtype=np.int64)
    xp[pad:pad + H, pad:pad + W] = x
    OH, OW = (H + 2 * pad - K) // stride + 1, (W + 2 * pad - K) // stride + 1
    out = np.zeros((OH, OW, C), dtype=np.int64)
    for oy in range(OH):
        for ox in range(OW):
            out[oy, ox] = (xp[oy * stride:oy * stride + K, ox * stride:ox * stride + K, :] * w).sum(axis=(0, 1))
    return out + bias


def requant_ref(acc, pre, mult, shift, lo):
    y = ((acc >> pre) * mult + (np.int64(1) << (shift - 1))) >> shift
    return np.clip(y, lo, 127)


def rand_requant(rng, bound, F):
    pre = rng.integers(0, 6, size=F)
    shift = rng.integers(1, 20, size=F)
    mult = np.array([max(1, min((2**31 - 2**(s - 1)) // ((bound >> p) + 1) - 1, int(rng.integers(1, 1 << 16))))
                     for p, s in zip(pre, shift)])
    return pre, mult, shift


def rand_params(rng, pyr, bound, F):
    # a third of the time the shift form (pre 0, mult 1, one shift: p4nn's
    # PIE path), a third per-channel shifts (two to four values: one PIE
    # pass each, shift_passes), else multipliers (scalar)
    u = pyr.random()
    if u < 0.33:
        return np.zeros(F, np.int64), np.ones(F, np.int64), np.full(F, int(rng.integers(1, 16)))
    # per-channel shifts go through int16 lanes (requant16) when the bound
    # allows, else passes; SHIFT16 off now and then keeps the passes tested
    p4nn.set_shift16(pyr.random() < 0.7)
    if u < 0.66 and F > 1:
        values = rng.choice(np.arange(1, 16) if pyr.random() < 0.5 else np.arange(8, 20),
                            size=pyr.choice([2, 3, 4]), replace=False)
        shift = np.array([values[f % len(values)] for f in range(F)], np.int64)
        rng.shuffle(shift)
        return np.zeros(F, np.int64), np.ones(F, np.int64), shift
    return rand_requant(rng, bound, F)


def int16_route_fits(L, shift):
    # requant16_form's condition: the least shift s0 takes every sum plus
    # bias and half into int16 (|acc| <= 128 * 128 * taps), the largest
    # s1 is 1-14 above it
    taps = L["k"] * L["k"] * L["c"]
    s0, s1 = int(min(shift)), int(max(shift))
    big = max(abs(int(b)) for b in L["q"][0::4])
    return 1 <= s1 - s0 <= 14 and (16384 * taps + big + (1 << (s1 - 1))) >> s0 < 32768


def check_form(what, L, shift):
    pure = L["q"][2::4].tolist() == [1] * len(shift) and L["q"][1::4].tolist() == [0] * len(shift)
    values = set(int(v) for v in shift)
    want = int(shift[0]) if pure and len(values) == 1 else 0
    if pure and len(values) > 1 and p4nn.SHIFT16 and int16_route_fits(L, shift):
        want = -2
    elif pure and 1 < len(values) <= p4nn.SHIFT_PASSES:
        want = -1  # (the tests' layers are far inside shift_passes_form's bound)
    forms[want] = forms.get(want, 0) + 1
    if L["sform"] != want:
        raise SystemExit("FAIL %s: shift form %d, expected %d" % (what, L["sform"], want))


def check(what, got, want):
    got = np.array(list(got), dtype=np.int64)
    want = np.asarray(want, dtype=np.int64).ravel()
    if got.shape != want.shape or not np.array_equal(got, want):
        bad = np.nonzero(got != want)[0][:5] if got.shape == want.shape else "shape"
        raise SystemExit("FAIL %s: first differences at %s" % (what, bad))


def one_round(rng, pyr):
    n = 0
    # conv2d: 3x3 and 1x1, stride 1 and 2, pad same and valid
    for K in (3, 1):
        for stride in (1, 2):
            for pad in (0, K // 2):
                H, W = pyr.choice(SIZES[:8]) + K - 1, pyr.choice(SIZES[:8]) + K - 1
                C, F = pyr.choice(SIZES), pyr.choice(SIZES)
                x = rand8(rng, (H, W, C))
                w = rand8(rng, (F, K, K, C))
                bias = rng.integers(-5000, 5000, size=F)
                relu = pyr.random() < 0.5
                acc = conv_ref(x, w, bias, stride, pad)
                bound = int(np.abs(bias).max() + 128 * np.abs(w).reshape(F, -1).sum(axis=1).max())
                pre, mult, shift = rand_params(rng, pyr, bound, F)
                want = requant_ref(acc, pre, mult, shift, 0 if relu else -128)
                graph = "input h=%d w=%d c=%d\nconv2d name=a k=%d stride=%d pad=%d out=%d relu=%d\n" % (
                    H, W, C, K, stride, pad, F, relu)
                t = {"graph": graph + "dense name=z out=1 logits=1\n", "a.w": arr("b", w), "a.b": arr("i", bias),
                     "a.pre": arr("i", pre), "a.mult": arr("i", mult), "a.shift": arr("i", shift)}
                OH, OW = acc.shape[0], acc.shape[1]
                t["z.w"] = array("b", [1] * (OH * OW * F))
                t["z.b"] = array("i", [0])
                m = p4nn.build(t)
                check_form("conv2d", m["layers"][0], shift)
                rows = []
                p4nn.observe(m["layers"][0], lambda a, n, F: rows.extend(list(a)[:n * F]))
                y = p4nn.conv2d_layer(m["layers"][0], arr("b", x))
                p4nn.observe(m["layers"][0], None)
                check("conv2d K=%d s=%d pad=%d %dx%dx%d->%d" % (K, stride, pad, H, W, C, F), y, want)
                # the observe hook saw every accumulator row, before the bias
                check("conv2d observed rows", rows, acc - bias)
                # the dense layer on top: the sum of the requantized map
                logits = p4nn.run(m, arr("b", x), None)
                check("dense-sum", logits, [want.sum()])
                n += 1
    # conv2d then maxpool2 (the library pools the int32 rows: the same bits)
    # (3x3 stride 1 runs as half rows: C = 1 its own kernel, others one
    # call per kernel row (16-tap loads when 3*C >= 16); observed, the
    # row-pair path)
    for K, stride, pad, C in ((3, 1, 1, None), (1, 2, 0, None), (3, 2, 1, None), (3, 1, 1, 1), (3, 1, 0, 1),
                              (3, 1, 1, pyr.choice([2, 3, 5])), (3, 1, 0, pyr.choice([6, 7, 16, 17]))):
        H, W = pyr.choice(SIZES[1:8]) + K, pyr.choice(SIZES[1:8]) + K
        C, F = C or pyr.choice(SIZES), pyr.choice(SIZES)
        x, w = rand8(rng, (H, W, C)), rand8(rng, (F, K, K, C))
        bias = rng.integers(-5000, 5000, size=F)
        relu = pyr.random() < 0.5
        acc = conv_ref(x, w, bias, stride, pad)
        bound = int(np.abs(bias).max() + 128 * np.abs(w).reshape(F, -1).sum(axis=1).max())
        pre, mult, shift = rand_params(rng, pyr, bound, F)
        y8 = requant_ref(acc, pre, mult, shift, 0 if relu else -128)
        OH, OW = y8.shape[0] // 2, y8.shape[1] // 2
        want = y8[:2 * OH, :2 * OW].reshape(OH, 2, OW, 2, F).max(axis=(1, 3))
        graph = "input h=%d w=%d c=%d\nconv2d name=a k=%d stride=%d pad=%d out=%d relu=%d\nmaxpool2\n" % (
            H, W, C, K, stride, pad, F, relu)
        t = {"graph": graph + "dense name=z out=2 logits=1\n", "a.w": arr("b", w), "a.b": arr("i", bias),
             "a.pre": arr("i", pre), "a.mult": arr("i", mult), "a.shift": arr("i", shift),
             "z.w": arr("b", rand8(rng, 2 * OH * OW * F)), "z.b": array("i", [5, -5])}
        m = p4nn.build(t)
        if not m["layers"][0]["pool"] or not m["layers"][1]["fused"]:
            raise SystemExit("FAIL: conv2d + maxpool2 not fused")
        if (K == 3 and stride == 1) != bool(m["layers"][0]["pair"]):
            raise SystemExit("FAIL: the half-row form is not where it should be")
        check_form("conv2d+maxpool2", m["layers"][0], shift)
        rows = []
        p4nn.observe(m["layers"][0], lambda a, n, F: rows.extend(list(a)[:n * F]))
        y = p4nn.conv2d_layer(m["layers"][0], arr("b", x))
        p4nn.observe(m["layers"][0], None)
        # the fused path shows each row before the two are pooled (an odd last row is never computed)
        check("conv2d+maxpool2 observed rows", rows, (acc - bias)[:2 * OH])
        check("conv2d+maxpool2 K=%d s=%d pad=%d %dx%dx%d->%d" % (K, stride, pad, H, W, C, F), y, want)
        zw = np.array(list(t["z.w"])).reshape(2, -1)
        check("conv2d+maxpool2+dense", p4nn.run(m, arr("b", x), None), zw @ want.ravel() + np.array([5, -5]))
        n += 1
    # depthwise
    for K, stride, pad in ((3, 1, 1), (3, 2, 0), (1, 1, 0)):
        H, W, C = pyr.choice(SIZES[:7]) + K - 1, pyr.choice(SIZES[:7]) + K - 1, pyr.choice(SIZES)
        x = rand8(rng, (H, W, C))
        w = rand8(rng, (K, K, C))
        bias = rng.integers(-3000, 3000, size=C)
        acc = dw_ref(x, w, bias, stride, pad)
        pre, mult, shift = rand_requant(rng, int(np.abs(bias).max() + 128 * np.abs(w).sum(axis=(0, 1)).max()), C)
        want = requant_ref(acc, pre, mult, shift, 0)
        L = {"kind": "dwconv2d", "h": H, "w": W, "c": C, "k": K, "stride": stride, "pad": pad, "out": C,
             "karg": stride, "pool": 0,
             "oh": acc.shape[0], "ow": acc.shape[1], "wt": arr("b", w), "lo": 0,
             "row": p4nn.dw3x3_row if K == 3 else p4nn.dw1x1_row,
             "q": p4nn.requant_params(arr("i", bias), arr("i", pre), arr("i", mult), arr("i", shift), C),
             "acc": array("i", [0] * (acc.shape[1] * C)), "y": array("b", [0] * acc.size),
             "padded": array("b", [0] * ((H + 2 * pad) * (W + 2 * pad) * C)) if pad else None}
        check("dwconv2d K=%d s=%d pad=%d %dx%dx%d" % (K, stride, pad, H, W, C), p4nn.conv2d_layer(L, arr("b", x)), want)
        n += 1
    # dense, with and without requantization
    nin, nout = pyr.choice(SIZES + [100, 257]), pyr.choice(SIZES)
    x, w = rand8(rng, nin), rand8(rng, (nout, nin))
    bias = rng.integers(-9000, 9000, size=nout)
    acc = w @ x + bias
    got = array("i", [0] * nout)
    p4nn.dense_acc(arr("b", x), nin, arr("b", w), nout, got)
    check("dense_acc %d->%d" % (nin, nout), got, w @ x)
    p4nn.dense_t_acc(arr("b", x), nin, arr("b", w.T), nout, got)
    check("dense_t_acc %d->%d" % (nin, nout), got, w @ x)
    pre, mult, shift = rand_requant(rng, int(np.abs(bias).max() + 128 * np.abs(w).sum(axis=1).max()), nout)
    for lo in (0, -128):
        y = array("b", [0] * nout)
        q = p4nn.requant_params(arr("i", bias), arr("i", pre), arr("i", mult), arr("i", shift), nout)
        p4nn.requantize(got, 1, nout, q, lo, y, 0)
        check("requantize lo=%d" % lo, y, requant_ref(acc, pre, mult, shift, lo))
    # the shift form (requant_rows on a layer dict, as dense_layer calls it)
    for S in (1, int(rng.integers(2, 20)), 30):
        z = np.zeros(nout, np.int64)
        L = {"q": p4nn.requant_params(arr("i", bias), arr("i", z), arr("i", z + 1), arr("i", z + S), nout)}
        p4nn.requant_form(L, 1)
        if L["sform"] != S:
            raise SystemExit("FAIL: shift form %d not found" % S)
        for lo in (0, -128):
            y = array("b", [0] * nout)
            p4nn.requant_rows(L, arr("i", w @ x), 1, nout, lo, y, 0)
            check("requant_rows shift form S=%d lo=%d" % (S, lo), y, requant_ref(acc, z, z + 1, z + S, lo))
    # per-channel shifts through int16 lanes (requant16): shifts s0..s0+14
    # with s0 large enough for this layer's taps, every channel's shift
    # (and the rounding half) its own; one s0 too small for the bound is
    # refused (scalar, or passes)
    p4nn.set_shift16(True)
    s0 = 1
    while (16384 * nin + int(np.abs(bias).max()) + (1 << (s0 + 13))) >> s0 >= 32768:
        s0 += 1
    for base, spread, want_form in ((s0, 14, -2), (s0 + 3, 1, -2), (s0 - 1, 14, None)):
        if base < 1 or nout < 2:
            continue
        z = np.zeros(nout, np.int64)
        shift = np.array([base + (f * 5) % (spread + 1) for f in range(nout)], np.int64)
        shift[0], shift[1] = base, base + spread
        L = {"kind": "dense", "n": nin,
             "q": p4nn.requant_params(arr("i", bias), arr("i", z), arr("i", z + 1), arr("i", shift), nout)}
        p4nn.requant_form(L, 1)
        if (L["sform"] == -2) != (want_form == -2):
            raise SystemExit("FAIL: int16 route form %d for shifts %d..%d over %d taps" % (L["sform"], base,
                                                                                         base + spread, nin))
        for lo in (0, -128):
            y = array("b", [0] * nout)
            p4nn.requant_rows(L, arr("i", w @ x), 1, nout, lo, y, 0)
            check("requant_rows int16 route s=%d..%d lo=%d" % (base, base + spread, lo), y,
                  requant_ref(acc, z, z + 1, shift, lo))
    # requantize's rounding and clamping, exhaustively on small numbers
    # (ties are rare with random multipliers): every residue of the shift
    vals = np.arange(-700, 700)
    for pre_v, mult_v, shift_v in ((0, 1, 1), (0, 1, 2), (1, 3, 3), (2, 5, 4), (0, 1, 31), (3, 1000, 9)):
        F = len(vals)
        pre, mult, shift = (np.full(F, pre_v), np.full(F, mult_v), np.full(F, shift_v))
        y = array("b", [0] * F)
        q = p4nn.requant_params(array("i", [0] * F), arr("i", pre), arr("i", mult), arr("i", shift), F)
        p4nn.requantize(arr("i", vals), 1, F, q, -128, y, 0)
        check("requantize ties pre=%d mult=%d shift=%d" % (pre_v, mult_v, shift_v), y,
              requant_ref(vals, pre, mult, shift, -128))
    # pools
    H, W, C = pyr.choice(SIZES[1:8]), pyr.choice(SIZES[1:8]), pyr.choice(SIZES)
    x = rand8(rng, (H, W, C))
    xs = x[:H // 2 * 2, :W // 2 * 2].reshape(H // 2, 2, W // 2, 2, C)
    y = array("b", [0] * ((H // 2) * (W // 2) * C))
    p4nn.maxpool2(arr("b", x), H, W, C, y)
    check("maxpool2 %dx%dx%d" % (H, W, C), y, xs.max(axis=(1, 3)))
    p4nn.avgpool2(arr("b", x), H, W, C, y)
    check("avgpool2 %dx%dx%d" % (H, W, C), y, (xs.sum(axis=(1, 3)) + 2) >> 2)
    # global average pool on int32 accumulators: sum, then requantize
    acc = rng.integers(0, 40000, size=(H, W, C))
    pre, mult, shift = rand_requant(rng, int(acc.sum(axis=(0, 1)).max()), C)
    L = {"h": H, "w": W, "c": C, "acc": array("i", [0] * C), "y": array("b", [0] * C),
         "q": p4nn.requant_params(array("i", [0] * C), arr("i", pre), arr("i", mult), arr("i", shift), C)}
    check("gap %dx%dx%d" % (H, W, C), p4nn.gap_layer(L, arr("i", acc)),
          requant_ref(acc.sum(axis=(0, 1)), pre, mult, shift, -128))
    # weight layouts: the transposed copy and the in-place transposition (load's)
    R, N = pyr.choice(SIZES), pyr.choice(SIZES)
    m = rand8(rng, (R, N))
    t = array("b", [0] * (R * N))
    p4nn.transpose8(arr("b", m), R, N, t)
    check("transpose8 %dx%d" % (R, N), t, m.T)
    a = arr("b", m)
    p4nn.transpose8_inplace(a, R, N, bytearray((R * N >> 3) + 1))
    check("transpose8_inplace %dx%d" % (R, N), a, m.T)
    # relu, argmax (ties: the first)
    v = rand8(rng, pyr.choice(SIZES))
    a = arr("b", v)
    p4nn.relu8(a, len(a))
    check("relu8", a, np.maximum(v, 0))
    v = rng.integers(-3, 3, size=pyr.choice(SIZES))
    if p4nn.argmax(arr("i", v), len(v)) != int(np.argmax(v)):
        raise SystemExit("FAIL argmax %s" % v)
    return n + 10


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--rounds", type=int, default=6)
    a = ap.parse_args()
    rng, pyr = np.random.default_rng(a.seed), random.Random(a.seed)
    checks = sum(one_round(rng, pyr) for _ in range(a.rounds))
    # every requantization form met on conv layers (S > 0 counted as 1)
    met = {1: sum(v for k, v in forms.items() if k > 0)}
    for k in (-1, -2, 0):
        met[k] = forms.get(k, 0)
    print("conv layers by form (1 one shift, -1 passes, -2 int16 route, 0 scalar):", sorted(met.items()))
    if any(met.get(k, 0) < 2 for k in (1, -1, -2, 0)):
        raise SystemExit("FAIL: a requantization form was checked on fewer than 2 conv layers")
    print("ok: %d layer checks against NumPy" % checks)


if __name__ == "__main__":
    main()
