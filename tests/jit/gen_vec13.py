"""Vector loops entered once per output position from outer loops, for
genprog.py (jit/random): vec13's one-lane entries and cold scalar copies.

A vector loop inside another loop runs a trip count of 1 on PIE too, and
its scalar copy, run then only on a bail-out, is weighted as cold by the
register allocator (vector_copy.c, rega.c). The nests: lib/p4nn's one-
channel 3x3 conv in row pairs (the filters in lanes under four loops) and
a ks x ks conv with the filters innermost, with 1 to 24 filters (1 and 2
above all), outputs of 1 to 4 positions a side, and the bail-outs on the
last outer iteration: input, weights or output one short (IndexError in
the last lane), an input offset that takes the last index past int32 (the
interpreter's int beyond 32 bits, then IndexError), extreme values. Own
random stream ("vec13<seed>"), so the rest of a program is what it was
without it.
"""
import random

from gen_vec7 import Vec7Gen

SOURCES = {
    "v13_c1": [
        "def v13_c1(inp, base, wt, F, OW, RP, acc):",
        "    W = OW + 2",
        "    PW = OW // 2",
        "    for rp in range(RP):",
        "        for r in range(2):",
        "            for h in range(2):",
        "                for j in range(PW):",
        "                    o = (((2 * r + h) * RP + rp) * PW + j) * F",
        "                    for f in range(F):",
        "                        a = 0",
        "                        b0 = base + (2 * rp + r) * W + 2 * j + h",
        "                        for ky in range(3):",
        "                            b = b0 + ky * W",
        "                            wb = 3 * ky * F + f",
        "                            a += inp[b] * wt[wb]",
        "                            a += inp[b + 1] * wt[wb + F]",
        "                            a += inp[b + 2] * wt[wb + 2 * F]",
        "                        acc[o + f] = a",
    ],
    "v13_convk": [
        "def v13_convk(src, k, dst, H, W, F, ks):",
        "    for yy in range(H - ks + 1):",
        "        for xx in range(W - ks + 1):",
        "            for g in range(F):",
        "                s = 0",
        "                for dy in range(ks):",
        "                    for dx in range(ks):",
        "                        s += src[(yy + dy) * W + xx + dx] * k[(dy * ks + dx) * F + g]",
        "                dst[(yy * (W - ks + 1) + xx) * F + g] = s",
    ],
}


class Vec13Gen(Vec7Gen):
    SOURCES = SOURCES
    PREFIX = "V13_"

    def __init__(self, seed):
        super().__init__(seed)
        self.r = random.Random("vec13%d" % seed)

    def arr(self, tc, n, sentinel=None):
        return super(Vec7Gen, self).arr(tc, n, sentinel)   # int8 only: the nests under test

    def args(self, k, a):
        r = self.r
        F = r.choice([1, 1, 2, 2, 3, 16, 17, r.randint(1, 24)])   # (small: the interpreter runs them too)
        short = r.choice([0, 0, 0, 1])
        if k == "v13_c1":
            OW, RP = 2 * r.randint(1, 3), r.randint(1, 2)
            W = OW + 2
            n_in = W * (2 * RP + 2)
            base = r.choice([0, 0, 0, 1, 2, 2 ** 31 - n_in + r.randint(1, 3)])
            return [a("b", n_in), str(base), a("b", 9 * F - short),
                    str(F), str(OW), str(RP), a("i", 4 * RP * (OW // 2) * F + r.choice([0, 0, -1, 1]), True, -5)]
        ks = r.choice([1, 2, 3, 5])
        H, W = ks + r.randint(0, 2), ks + r.randint(0, 3)
        n_out = (H - ks + 1) * (W - ks + 1) * F + r.choice([0, 0, -1])
        return [a("b", H * W - short), a("b", ks * ks * F), a("i", n_out, True, 7), str(H), str(W), str(F), str(ks)]
