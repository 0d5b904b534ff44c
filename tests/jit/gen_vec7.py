"""Small dot products and dense layers for genprog.py (jit/random): vec7's
scalar tails and few-trip loops.

A dot product's scalar tail (fewer than 16 iterations after the vector
loop, or the whole row below 16) is versioned outside a row-pair nest
(version.c: a check-free copy behind the vector loop's guard; v7_dot),
stays checked in one (v7_dense, v7_skew), and a counted loop of fewer than 4 iterations skips
that guard for the checked loop (version.c, FEW_TRIPS). The shapes: rows
of 0 to 40 (0 to 5 around FEW_TRIPS, 15 to 17 and 31 to 33 around the
vector loop's 16), a first i that changes with the row, an accumulator
that starts near the int32 limits (the guard's accumulator test: the
interpreter's int beyond 32 bits), int8 and int16 operands, one to four
outputs, arrays one short (IndexError in the tail). Own random stream
("vec7<seed>"), so the rest of a program is what it was without it.
"""
import random

from gen_vec3 import Vec3Gen

SOURCES = {
    "v7_dot": [
        "def v7_dot(a, b, lo, n, acc0, out):",
        "    acc = acc0",
        "    for i in range(lo, n):",
        "        acc += a[i] * b[i]",
        "    out[0] = acc & 0xFFFFFFFF",
        "    out[1] = acc >> 32",
    ],
    "v7_dense": [
        "def v7_dense(x, w, y, n, m):",
        "    for o in range(m):",
        "        acc = 0",
        "        for i in range(n):",
        "            acc += x[i] * w[o * n + i]",
        "        y[o] = acc",
    ],
    "v7_skew": [
        "def v7_skew(x, w, y, n, m, bias):",
        "    for o in range(m):",
        "        acc = bias",
        "        for i in range(o, n):",
        "            acc += w[o * n + i] * x[i]",
        "        y[o] = (acc - bias) & 0x7FFFFFFF",
    ],
}


class Vec7Gen(Vec3Gen):
    SOURCES = SOURCES
    PREFIX = "V7_"

    def __init__(self, seed):
        super().__init__(seed)
        self.r = random.Random("vec7%d" % seed)

    def kernels(self):
        """One or two of these kernels in about a third of the programs."""
        if not self.p(0.33):
            return []
        self.names = self.r.sample(sorted(self.SOURCES), self.r.choice([1, 1, 2]))
        return self.names

    def row(self):
        r = self.r
        return r.choice([0, 1, 2, 3, 4, 5, 15, 16, 17, 31, 32, 33, r.randint(0, 40)])

    def arr(self, tc, n, sentinel=None):
        if tc == "b" and sentinel is None and self.p(0.4):
            tc = "h"    # int16 operands (both or one: the loop is then not a PIE dot product)
        name, text = super().arr(tc, n, sentinel)
        if tc == "h":
            text = text.replace("% 256 - 128", "% 65536 - 32768")
        return name, text

    def args(self, k, a):
        r = self.r
        n, m = self.row(), r.choice([1, 2, 3, 4])
        near = r.choice([0, 0, 2 ** 31 - 1 - r.randint(0, 5000), -2 ** 31 + r.randint(0, 5000)])
        if k == "v7_dot":
            args = [a("b", n), a("b", n + r.choice([0, 0, 2])), str(r.choice([0, 0, 1, 3, max(n - 2, 0)])), str(n),
                    str(near), a("i", 2, True, 0)]
        elif k == "v7_dense":
            args = [a("b", n), a("b", n * m), a("i", m, True, 5), str(n), str(m)]
        else:
            args = [a("b", n), a("b", n * m), a("i", m + 1, True, -1), str(n), str(m), str(near)]
        return args
