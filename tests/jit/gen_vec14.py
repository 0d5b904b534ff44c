"""Matmul nests for genprog.py (jit/random) whose 16-tap loop runs on a
packed panel of b (vec14, vector_panel.c): 24 rows or more around the
vector loop, so the panel is made at the nest's entry.

The shapes: rows around the panel's threshold (23 to 26) and beyond,
every column count to 40 (the last 16-column block partly past b's end),
depths around every count of 16-tap groups, b's rows padded or not, arrays
one short (IndexError in the last lane) or extreme values (Vec3Gen.arr).
Own random stream ("vec14<seed>"), so the rest of a program is what it
was without it.
"""
import random

from gen_vec9 import Vec9Gen

SOURCES = {
    "v14_mm": [
        "def v14_mm(lhs, rhs, out, rows, cols, depth):",
        "    for r in range(rows):",
        "        for q in range(cols):",
        "            s = 0",
        "            for d in range(depth):",
        "                s += lhs[r * depth + d] * rhs[d * cols + q]",
        "            out[r * cols + q] = s",
    ],
    "v14_mm_ld": [
        "def v14_mm_ld(x, w, y, m, n, k, ldw):",
        "    for i in range(m):",
        "        for j in range(n):",
        "            acc = 0",
        "            for t in range(k):",
        "                acc += w[t * ldw + j] * x[i * k + t]",
        "            y[i * n + j] = acc",
    ],
}


class Vec14Gen(Vec9Gen):
    SOURCES = SOURCES
    PREFIX = "V14_"

    def __init__(self, seed):
        super().__init__(seed)
        self.r = random.Random("vec14%d" % seed)

    def args(self, k, a):
        r = self.r
        M = r.choice([23, 24, 25, 26, 32, r.randint(24, 40)])
        N = r.choice([1, 3, 15, 16, 17, 20, 33, r.randint(1, 40)])
        K = r.choice([15, 16, 17, 31, 32, 33, 48, r.randint(16, 70)])
        if k == "v14_mm":
            return [a("b", M * K), a("b", K * N), a("i", M * N + 1, True, -5), str(M), str(N), str(K)]
        ld = N + r.choice([0, 1, 3, 16])
        return [a("b", M * K), a("b", K * ld), a("i", M * N + 2, True, 11), str(M), str(N), str(K), str(ld)]
