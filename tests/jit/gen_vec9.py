"""Matmul and transposed dense nests for genprog.py (jit/random): vec9's
16-tap loops with the broadcast lanes fused into the last tap.

The 16-tap loop (vector_taps.c) in a hardware loop loads a[k .. k+15]
once before the loop and each iteration's last tap loads the next 16
(emit.c hw_fuse_taps, esp.vsmulas.s8.qacc.ld.incp). The shapes: depths
around every count of 16-tap groups (0 and 1 group: no set-up, the
preload wasted; 2 to 8: the loop) and beyond, the broadcast array exact
(the last row's fused load reads past it), one short (IndexError) or
longer, the loop order and names of a hand-written matmul (the output
row's offset made outside the inner loops), extreme values. Own random
stream ("vec9<seed>"), so the rest of a program is what it was without it.
"""
import random

from gen_vec7 import Vec7Gen

SOURCES = {
    "v9_mm": [
        "def v9_mm(lhs, rhs, dst, rows, cols, depth):",
        "    for r in range(rows):",
        "        arow = r * depth",
        "        for q in range(cols):",
        "            s = 0",
        "            for d in range(depth):",
        "                s += rhs[d * cols + q] * lhs[arow + d]",
        "            dst[r * cols + q] = s",
    ],
    "v9_dense_t": [
        "def v9_dense_t(x, n, wt, m, acc):",
        "    for o in range(m):",
        "        a = 0",
        "        for i in range(n):",
        "            a += x[i] * wt[i * m + o]",
        "        acc[o] = a",
    ],
}


class Vec9Gen(Vec7Gen):
    SOURCES = SOURCES
    PREFIX = "V9_"

    def __init__(self, seed):
        super().__init__(seed)
        self.r = random.Random("vec9%d" % seed)

    def depth(self):
        r = self.r
        return r.choice([0, 1, 15, 16, 17, 31, 32, 33, 47, 48, 64, 65, r.randint(2, 8) * 16 + r.choice([-1, 0, 1]),
                         r.randint(0, 300)])

    def arr(self, tc, n, sentinel=None):
        return super(Vec7Gen, self).arr(tc, n, sentinel)   # int8 only: the nests under test

    def args(self, k, a):
        r = self.r
        K, N = self.depth(), r.choice([1, 3, 16, 17, 20, 33, r.randint(1, 40)])
        if k == "v9_mm":
            M = r.choice([1, 2, 3, 5])
            return [a("b", M * K + r.choice([0, 0, 0, 7])), a("b", K * N), a("i", M * N + 1, True, -5), str(M), str(N),
                    str(K)]
        return [a("b", K + r.choice([0, 0, 0, 3])), str(K), a("b", K * N), str(N), a("i", N + 2, True, 9)]
