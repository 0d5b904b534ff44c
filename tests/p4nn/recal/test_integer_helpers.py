#!/usr/bin/python3
"""lib/p4nn/recalibrate.py's 32-bit integer arithmetic under CPython (Debian's python3, numpy),
random cases against exact references:
  - _mul_div and scale_round against fractions.Fraction (round half away from zero), and
    scale_round refusing only results within num of the int32 limit or past it;
  - mul_ratio within 2**-12 relative of the exact product (three truncations to 15 bits);
  - choose: every result satisfies the contract's int32 guarantee, no intermediate of its own
    leaves int32, and its estimated error (requant.choose's measure) exceeds the host's
    choice by at most 0.01 output units;
  - run.py's guarantee check rejects a parameter set that breaks the guarantee.
"""
import os
import random
import sys
from fractions import Fraction

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
sys.path[:0] = [os.path.join(ROOT, 'lib/p4nn'), os.path.join(ROOT, 'lib/python'), os.path.join(ROOT, 'lib/p4nn/host'),
                os.path.dirname(os.path.abspath(__file__))]
import recalibrate as r  # noqa: E402
import requant  # noqa: E402
import run as recal_run  # noqa: E402

INT32_MAX = 2**31 - 1


def rounded(x):
    y = int(abs(x) + Fraction(1, 2))
    return -y if x < 0 else y


def error(M, pre, mult, shift):
    step = 0.5 * M * 2.0 ** pre if pre else 0.0
    return 127 * abs(1 - mult / 2.0 ** (pre + shift) / M) + step


def main():
    rnd = random.Random(13)
    for _ in range(20000):
        d = rnd.randint(1, INT32_MAX)
        a, b = rnd.randint(0, d - 1), rnd.randint(1, INT32_MAX)
        assert r._mul_div(a, b, d) == rounded(Fraction(a * b, d)), (a, b, d)
        bias = rnd.randint(-INT32_MAX, INT32_MAX) >> rnd.randint(0, 30)
        num, den = rnd.randint(1, 1 << rnd.randint(0, 16)), rnd.randint(1, 1 << rnd.randint(0, 16))
        exact = rounded(Fraction(bias * num, den))
        try:
            got = r.scale_round(bias, num, den)
        except OverflowError:
            assert abs(exact) > INT32_MAX - num, (bias, num, den)   # refused only near or past int32
            continue
        assert got == exact, (bias, num, den, got, exact)
        v, e = rnd.randint(1, 40000), rnd.randint(-5, 40)
        mv, me = r.mul_ratio(v, e, num, den)
        want = Fraction(v * num, den) / Fraction(2) ** e
        assert abs(Fraction(mv) / Fraction(2) ** me / want - 1) < Fraction(1, 2**12), (v, e, num, den)
    worst, cases = 0.0, 0
    for _ in range(4000):
        v, e = rnd.randint(16384, 32767), rnd.randint(5, 45)
        bound = rnd.randint(1, 1 << rnd.randint(1, 30))
        M = v / 2.0 ** e
        try:
            pre, mult, shift = r.choose(v, e, bound)
        except OverflowError:
            try:
                requant.choose(np.array([M]), np.array([bound]))
            except requant.OverflowError32:
                continue
            raise AssertionError("choose refused what the host represents: %r" % ((v, e, bound),))
        assert ((bound >> pre) + 1) * mult + (1 << (shift - 1)) < 2**31, (v, e, bound, pre, mult, shift)
        hp, hm, hs, _ = requant.choose(np.array([M]), np.array([bound]))
        worst = max(worst, error(M, pre, mult, shift) - error(M, int(hp[0]), int(hm[0]), int(hs[0])))
        cases += 1
    assert cases > 1000 and worst < 0.01, (cases, worst)
    # the end-to-end test's checker must catch a broken guarantee
    try:
        recal_run.check_guarantee(ROOT, ["layer c1 peak 1 q [" + ", ".join(["0, 0, 2147483647, 1"] * 16) + "]"])
    except SystemExit as bad:
        assert "int32 guarantee" in str(bad), bad
    else:
        raise AssertionError("run.check_guarantee accepted mult = 2**31 - 1")
    print("ok: helpers exact on 20000 cases; choose on %d cases within the guarantee, "
          "at most %.4f output units of estimated error above requant.choose" % (cases, worst))


if __name__ == '__main__':
    main()
