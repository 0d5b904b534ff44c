"""Requantization as docs/p4nn-model.md defines it, and the choice of its parameters.

    y = ((acc >> pre) * mult + (1 << (shift - 1))) >> shift,  then clamp to [lo, hi]

choose() picks, per channel, int32 pre >= 0, mult >= 0, shift >= 1 that
approximate a real multiplier M (acc * M = output in units of the output
scale) as closely as the contract's int32 guarantee allows:
((B >> pre) + 1) * mult + (1 << (shift - 1)) < 2**31 with B the largest |acc|.
"""
import numpy as np

INT32_MIN, INT32_MAX = -2**31, 2**31 - 1
MAX_PRE = 24


class OverflowError32(ArithmeticError):
    pass


def check_int32(a, what):
    """Assert every value of int64 array a fits int32 (what the device holds)."""
    if a.size and (a.min() < INT32_MIN or a.max() > INT32_MAX):
        raise OverflowError32(f"{what}: value {int(a.min())}..{int(a.max())} leaves int32")


def requantize(acc, pre, mult, shift, lo, hi, checked=False):
    """The contract's rule on int64 arrays; channels on the last axis. Asserts int32
    (the accumulator too, unless the caller has: checked=True)."""
    acc = np.asarray(acc, dtype=np.int64)
    if not checked:
        check_int32(acc, "accumulator")
    t = (acc >> pre) * mult + (np.int64(1) << (shift - 1))
    check_int32(t, "requantize intermediate")
    return np.minimum(np.maximum(t >> shift, lo), hi)


def _fits(bound, pre, mult, shift):
    return ((bound >> pre) + 1) * mult + (1 << (shift - 1)) < 2**31


def choose(m, bound, pure_shift=False, full_scale=127):
    """Per-channel (pre, mult, shift, bias_offset) for real multipliers m and bounds |acc| <= bound.

    Minimises the estimated output error in output units: the relative error
    of mult at full scale, plus half the step that `>> pre` discards.
    bias_offset (2**(pre-1) when pre > 0, else 0) may be added to the
    channel's int32 bias so that `>> pre` rounds instead of flooring; the
    caller includes it in `bound` before calling again (see fit()).
    pure_shift: mult = 1, pre = 0 and m must be 2**-shift exactly.
    """
    m = np.asarray(m, dtype=np.float64)
    bound = np.asarray(bound, dtype=np.int64)
    n = m.shape[0]
    pre = np.zeros(n, np.int64)
    mult = np.zeros(n, np.int64)
    shift = np.ones(n, np.int64)
    for c in range(n):
        mc, bc = float(m[c]), int(bound[c])
        if not (mc >= 0 and np.isfinite(mc)):
            raise ValueError(f"channel {c}: multiplier {mc} is not a finite non-negative number")
        if pure_shift:
            if mc == 0:
                continue                            # a dead channel: mult 0 gives 0
            k = -np.log2(mc)
            s = int(round(k))
            if abs(k - s) > 1e-9 or s < 1 or s > 31:
                raise ValueError(f"channel {c}: pure shift needs a multiplier 2**-k, k in 1..31, not {mc}")
            mult[c], shift[c] = 1, s
            if not _fits(bc, 0, 1, s):
                raise OverflowError32(f"channel {c}: |acc| <= {bc} overflows int32 with shift {s}")
            continue
        if mc == 0:
            continue
        best = None
        for p in range(MAX_PRE + 1):
            if p and (bc >> p) == 0 and best is not None:
                break
            step_err = 0.5 * mc * (1 << p) if p else 0.0
            if best is not None and step_err >= best[0]:
                break                               # a larger pre only discards more
            # start just above the largest shift the bound can allow
            a = (bc >> p) + 1
            top = int(np.floor(np.log2(2.0**31 / (a * mc * 2.0**p + 0.5)))) + 1
            for s in range(min(31, max(top, 1)), 0, -1):
                q = int(round(mc * 2.0 ** (p + s)))
                if q > INT32_MAX or not _fits(bc, p, q, s):
                    continue
                err = full_scale * abs(1.0 - q / (mc * 2.0 ** (p + s))) + step_err
                if best is None or err < best[0]:
                    best = (err, p, q, s)
                break                               # the largest feasible shift is the best for this pre
        if best is None:
            raise OverflowError32(f"channel {c}: no pre/mult/shift represents multiplier {mc} with |acc| <= {bc}")
        _, pre[c], mult[c], shift[c] = best
    offset = np.where(pre > 0, np.int64(1) << np.maximum(pre - 1, 0), 0)
    return pre, mult, shift, offset


def effective(pre, mult, shift):
    """The real multiplier the integers stand for."""
    return mult / 2.0 ** (pre + shift)
