"""Dense nests for vec6a's row pairs, for genprog.py (jit/random).

A dot product of 384 inputs or more sums the next row beside its own
(QACC beside XACC) and carries that sum to the next output when its key
matches (vector.c, "row pairs"). The shapes: rows around the threshold and
long, odd and even output counts, w exactly sized (the guessed row past
its end) or longer (a row summed and dropped), the weights as the first
factor, rows backwards or padded (a wrong guess), a first i that changes
with the row, a bias that can take the accumulator out of int32, a store
into the next row between rows (no pairs), a matmul with B transposed,
arrays one element short. Own random stream ("vec6<seed>"), so the rest of
a program is what it was without it.
"""
import random

from gen_vec3 import Vec3Gen

SOURCES = {
    "v6_fc": [
        "def v6_fc(inp, wt, out, n, m, stride):",
        "    for r in range(m):",
        "        s = 0",
        "        for c in range(n):",
        "            s += wt[r * stride + c] * inp[c]",
        "        out[r] = s",
    ],
    "v6_back": [
        "def v6_back(x, w, y, n, m):",
        "    for o in range(m):",
        "        acc = 0",
        "        row = (m - 1 - o) * n",
        "        for i in range(n):",
        "            acc += x[i] * w[row + i]",
        "        y[o] = acc",
    ],
    "v6_from": [
        "def v6_from(x, w, y, n, m, b):",
        "    for o in range(m):",
        "        acc = b[o]",
        "        for i in range(o % 2, n):",
        "            acc += x[i] * w[o * n + i]",
        "        y[o] = acc - b[o]",
    ],
    "v6_poke": [
        "def v6_poke(x, w, y, n, m):",
        "    for o in range(m):",
        "        acc = 0",
        "        for i in range(n):",
        "            acc += x[i] * w[o * n + i]",
        "        y[o] = acc",
        "        if o + 1 < m:",
        "            w[(o + 1) * n + o % n] = (acc & 127) - 64",
    ],
    "v6_mm_bt": [
        "def v6_mm_bt(a, bt, c, M, N, K):",
        "    for i in range(M):",
        "        for j in range(N):",
        "            acc = 0",
        "            for k in range(K):",
        "                acc += a[i * K + k] * bt[j * K + k]",
        "            c[i * N + j] = acc",
    ],
}


class Vec6Gen(Vec3Gen):
    SOURCES = SOURCES
    PREFIX = "V6_"

    def __init__(self, seed):
        super().__init__(seed)
        self.r = random.Random("vec6%d" % seed)

    def kernels(self):
        """One or two of these kernels in about a quarter of the programs
        (their rows are long: jit/random's time)."""
        if not self.p(0.25):
            return []
        self.names = self.r.sample(sorted(self.SOURCES), self.r.choice([1, 1, 2]))
        return self.names

    def row(self):
        """A row's length: around the pairs' threshold (384), longer, or short."""
        r = self.r
        return r.choice([383, 384, 385, 400, 511, 640, r.randint(384, 700), r.randint(1, 100)])

    def args(self, k, a):
        r = self.r
        n, m = self.row(), r.choice([1, 2, 3, 4, 5])
        if k == "v6_fc":
            stride = n + r.choice([0, 0, 0, 16, 1])
            args = [a("b", n), a("b", stride * m + r.choice([0, 0, n, n + 3])), a("i", m + 1, True, -4), str(n),
                    str(m), str(stride)]
        elif k == "v6_back":
            args = [a("b", n), a("b", n * m + r.choice([0, n])), a("i", m, True, 6), str(n), str(m)]
        elif k == "v6_from":
            big = r.choice([0, 0, 2 ** 31 - 1, 2 ** 31 - 1 - 20000 * n, -2 ** 31])
            b = "array('i', [%d] * %d)" % (big, m)
            args = [a("b", n), a("b", n * m + r.choice([0, n])), a("i", m, True, 1), str(n), str(m), b]
        elif k == "v6_poke":
            args = [a("b", n), a("b", n * m + n), a("i", m, True, 2), str(n), str(m)]
        else:
            M, N, K = r.randint(1, 2), r.randint(1, 4), self.row()
            args = [a("b", M * K), a("b", N * K + r.choice([0, K])), a("i", M * N, True, 8), str(M), str(N), str(K)]
        return args
