"""Conv nests whose columns and channels are one run of taps, for
genprog.py (jit/random): vec16's collapse (vector_collapse.c) in vec12's
copy of the nest.

The kx loop and the channel loop become one run of kw*C taps when both
operands step by C times their channel step as kx steps, tested at run
time: the weights' rows per kx are G apart (G == C collapses, any other G
not), the input HWC (collapses) or CHW (its step in kx is 1: collapses only
when C is 1), kx from 0 or 1. Channel counts around the copy's switches
(16, 32), filters 1 to 20, kernels 1 to 3 wide; weights exact, one short
(IndexError in the last lane's last tap) or longer. Own random stream
("vec16<seed>"), so the rest of a program is what it was without it.
"""
import random

from gen_vec12 import Vec12Gen

SOURCES = {
    "v16_gap": [
        "def v16_gap(img, wt, res, H, W, C, F, G, kw, k0):",
        "    for r in range(H - 2):",
        "        for q in range(W - kw + 1):",
        "            for f in range(F):",
        "                s = 0",
        "                for dy in range(3):",
        "                    for dx in range(k0, kw):",
        "                        for z in range(C):",
        "                            s += img[((r + dy) * W + q + dx) * C + z] * wt[((dy * kw + dx) * G + z) * F + f]",
        "                res[(r * (W - kw + 1) + q) * F + f] = s",
    ],
    "v16_chw": [
        "def v16_chw(src, k, dst, H, W, C, F, kw):",
        "    for oy in range(H - 2):",
        "        for ox in range(W - kw + 1):",
        "            for f in range(F):",
        "                acc = 0",
        "                for ky in range(3):",
        "                    for kx in range(kw):",
        "                        for ch in range(C):",
        "                            acc += src[ch * H * W + (oy + ky) * W + ox + kx] * k[((ky * kw + kx) * C + ch) * F + f]",
        "                dst[(oy * (W - kw + 1) + ox) * F + f] = acc",
    ],
}


class Vec16Gen(Vec12Gen):
    SOURCES = SOURCES
    PREFIX = "V16_"

    def __init__(self, seed):
        super().__init__(seed)
        self.r = random.Random("vec16%d" % seed)

    def args(self, k, a):
        r = self.r
        C, F = self.chans(), r.choice([1, 3, 16, 17, r.randint(1, 20)])   # (small: the interpreter runs them too)
        short = r.choice([0, 0, 0, 1, -5])
        kw = r.choice([1, 2, 3, 3])
        H, W = 3 + r.randint(0, 1), kw + r.randint(0, 2)
        n_out = (H - 2) * (W - kw + 1) * F
        if k == "v16_gap":
            G = r.choice([C, C, C + 1, max(C - 1, 0), r.randint(0, 40)])
            k0 = r.choice([0, 0, 1])
            return [a("b", H * W * C), a("b", 3 * kw * max(G, C) * F - short), a("i", n_out + 1, True, -5), str(H),
                    str(W), str(C), str(F), str(G), str(kw), str(k0)]
        return [a("b", H * W * C), a("b", 3 * kw * C * F - short), a("i", n_out + 1, True, 9), str(H), str(W),
                str(C), str(F), str(kw)]
