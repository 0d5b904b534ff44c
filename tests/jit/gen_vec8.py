"""Dense nests for genprog.py (jit/random): vec8's output loop versioned
on the row length.

A dense layer whose row length is fixed through its output loop gets
three copies of the nest, chosen at its entry (vector.c, "the output loop
versioned on the row length"): rows below 16 run a scalar copy, rows of 16
to 383 with a tail of 4 or more the single-row vector loop, the rest the
row-pair nest. The shapes: rows on both sides of each test (0 to 5, 15 to
20, 31 to 36, 383 to 388, 400), so that one compiled function runs
several copies across its calls; one to five outputs; the weights as
either factor; a bias that can take the accumulator out of int32; arrays
one element short (IndexError in any copy). Own random stream
("vec8<seed>"), so the rest of a program is what it was without it.
"""
import random

from gen_vec7 import Vec7Gen

SOURCES = {
    "v8_dense": [
        "def v8_dense(x, w, y, n, m):",
        "    for o in range(m):",
        "        acc = 0",
        "        for i in range(n):",
        "            acc += x[i] * w[o * n + i]",
        "        y[o] = acc",
    ],
    "v8_bias": [
        "def v8_bias(x, w, y, n, m, bias):",
        "    for o in range(m):",
        "        acc = bias",
        "        for i in range(n):",
        "            acc += w[o * n + i] * x[i]",
        "        y[o] = (acc - bias) & 0x7FFFFFFF",
    ],
}


class Vec8Gen(Vec7Gen):
    SOURCES = SOURCES
    PREFIX = "V8_"

    def __init__(self, seed):
        super().__init__(seed)
        self.r = random.Random("vec8%d" % seed)

    def row(self):
        r = self.r
        return r.choice([0, 1, 3, 4, 5, 15, 16, 17, 19, 20, 31, 32, 35, 36, 383, 384, 387, 388, 400, r.randint(0, 64)])

    def arr(self, tc, n, sentinel=None):
        return super(Vec7Gen, self).arr(tc, n, sentinel)   # int8 only: the nests under test

    def args(self, k, a):
        r = self.r
        n, m = self.row(), r.choice([1, 2, 3, 4, 5])
        short = r.choice([0, 0, 0, 1])
        if k == "v8_dense":
            return [a("b", n), a("b", max(n * m - short, 0)), a("i", m, True, 5), str(n), str(m)]
        near = r.choice([0, 0, 2 ** 31 - 1 - r.randint(0, 5000), -2 ** 31 + r.randint(0, 5000)])
        return [a("b", max(n - short, 0)), a("b", n * m), a("i", m + 1, True, -1), str(n), str(m), str(near)]
