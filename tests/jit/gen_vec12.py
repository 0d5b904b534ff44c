"""Conv nests with a run-time channel count for genprog.py (jit/random):
vec12's copy of the nest with 16 taps per load (vector_nest.c).

The nest around the vector loop (or, with no loop around it, the vector
loop's region) is copied; the copy's channel loop gets the 16-tap loop
and the nest's entry runs it when the count's 16-tap groups pay. The
shapes: channel counts around 16 and 32 (both copies and the switches) up
to 50, filters 1 to 24, kernels of 1 to 3 taps a side; the loop
order and names of a hand-written conv (channels innermost under ky and
kx; a 1-D conv with the vector loop outermost), weights exact, one short
(IndexError in the last lane's last tap) or longer, extreme values. Own
random stream ("vec12<seed>"), so the rest of a program is what it was
without it.
"""
import random

from gen_vec7 import Vec7Gen

SOURCES = {
    "v12_conv": [
        "def v12_conv(src, k, dst, H, W, C, F, ks):",
        "    for yy in range(H - ks + 1):",
        "        for xx in range(W - ks + 1):",
        "            for g in range(F):",
        "                s = 0",
        "                for dy in range(ks):",
        "                    for dx in range(ks):",
        "                        b = ((yy + dy) * W + xx + dx) * C",
        "                        wb = (dy * ks + dx) * C * F + g",
        "                        for c in range(C):",
        "                            s += k[wb + c * F] * src[b + c]",
        "                dst[(yy * (W - ks + 1) + xx) * F + g] = s",
    ],
    "v12_conv1d": [
        "def v12_conv1d(x, w, y, F, nk, C):",
        "    for f in range(F):",
        "        a = 0",
        "        for t in range(nk):",
        "            for c in range(C):",
        "                a += x[t * C + c] * w[t * C * F + f + c * F]",
        "        y[f] = a",
    ],
}


class Vec12Gen(Vec7Gen):
    SOURCES = SOURCES
    PREFIX = "V12_"

    def __init__(self, seed):
        super().__init__(seed)
        self.r = random.Random("vec12%d" % seed)

    def chans(self):
        r = self.r
        return r.choice([1, 2, 15, 16, 17, 31, 32, 33, r.randint(1, 40), r.randint(41, 50)])

    def arr(self, tc, n, sentinel=None):
        return super(Vec7Gen, self).arr(tc, n, sentinel)   # int8 only: the nests under test

    def args(self, k, a):
        r = self.r
        C, F = self.chans(), r.choice([1, 3, 16, 17, r.randint(1, 24)])   # (small: the interpreter runs them too)
        short = r.choice([0, 0, 0, 1, -5])
        if k == "v12_conv":
            ks = r.choice([1, 2, 3])
            H, W = ks + r.randint(0, 1), ks + r.randint(0, 2)
            OH, OW = H - ks + 1, W - ks + 1
            return [a("b", H * W * C), a("b", ks * ks * C * F - short), a("i", OH * OW * F + 1, True, -5), str(H),
                    str(W), str(C), str(F), str(ks)]
        nk = r.randint(1, 4)
        return [a("b", nk * C), a("b", nk * C * F - short), a("i", F + 2, True, 9), str(F), str(nk), str(C)]
