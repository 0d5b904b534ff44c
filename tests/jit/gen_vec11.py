"""int16 dot products, dense layers and FIRs for genprog.py (jit/random):
vec11's esp.vmulas.s16.xacc loops.

A dot product over two array('h') runs 8 products at a time into XACC and
tests the sum at the vector loop's exit: past int32 the scalar loop does
the row again from its first i and deoptimises where the interpreter's
int becomes a long; rows of more than 512 products run in chunks of 512
(XACC's 40 bits), each tested. The shapes: rows around the 8 lanes (0 to 40) and around 512,
accumulators that start near the int32 limits, full-range, extreme
(-32768/32767) and small values (sums that stay in int32), a first i that
changes, FIR taps over a sliding window, arrays one short (IndexError in
the last lane or the tail), int8 times int16 (scalar). Own random stream
("vec11<seed>"), so the rest of a program is what it was without it.
"""
import random

from gen_vec7 import Vec7Gen

SOURCES = {
    "v11_dot": [
        "def v11_dot(a, b, lo, n, acc0, out):",
        "    acc = acc0",
        "    for i in range(lo, n):",
        "        acc += a[i] * b[i]",
        "    out[0] = acc & 0x7FFFFFFF",  # (0xFFFFFFFF: a constant beyond int32, not compiled)
        "    out[1] = acc >> 31",
    ],
    "v11_dense": [
        "def v11_dense(x, w, y, n, m, bias):",
        "    for o in range(m):",
        "        acc = bias",
        "        for i in range(n):",
        "            acc += x[i] * w[o * n + i]",
        "        y[o] = (acc - bias) & 0x7FFFFFFF",
    ],
    "v11_fir": [
        "def v11_fir(x, h, y, n, taps):",
        "    for i in range(n):",
        "        acc = 0",
        "        for k in range(taps):",
        "            acc += x[i + k] * h[k]",
        "        y[i] = acc >> 16",
    ],
}


class Vec11Gen(Vec7Gen):
    SOURCES = SOURCES
    PREFIX = "V11_"

    def __init__(self, seed):
        super().__init__(seed)
        self.r = random.Random("vec11%d" % seed)

    def row(self):
        r = self.r
        return r.choice([0, 1, 7, 8, 9, 15, 16, 17, 24, 31, 33, r.randint(0, 40), r.randint(0, 40), 511, 512, 513,
                         r.randint(41, 300)])

    def arr(self, tc, n, sentinel=None):
        r = self.r
        if tc != "b" or sentinel is not None:
            return super(Vec7Gen, self).arr(tc, n, sentinel)
        if self.p(0.08):
            return super(Vec7Gen, self).arr("b", n)    # int8 times int16: scalar
        if sentinel is None and self.p(0.07) and n > 0:
            n -= 1          # one short: IndexError at the same element both ways
        self.count += 1
        name = "%s%d" % (self.PREFIX, self.count)
        kind = r.choice(["full", "full", "extreme", "small", "small"])
        if kind == "full":
            expr = "[(i * %d + %d) %% 65536 - 32768 for i in range(%d)]" % (r.choice([1, 3, 37, 4099]), r.randint(0, 65535), n)
        elif kind == "extreme":
            expr = "[32767 if i %% %d else -32768 for i in range(%d)]" % (r.randint(2, 5), n)
        else:
            expr = "[(i * %d + %d) %% 401 - 200 for i in range(%d)]" % (r.choice([1, 7, 13]), r.randint(0, 400), n)
        return name, "%s = array('h', %s)" % (name, expr)

    def args(self, k, a):
        r = self.r
        n, m = self.row(), r.choice([1, 2, 3])
        near = r.choice([0, 0, 2 ** 31 - 1 - r.randint(0, 5000), -2 ** 31 + r.randint(0, 5000),
                         2 ** 31 - 1 - r.randint(0, 3) * 2 ** 30, -2 ** 31 + r.randint(0, 3) * 2 ** 30])
        if k == "v11_dot":
            return [a("b", n), a("b", n + r.choice([0, 0, 2])), str(r.choice([0, 0, 1, 3, max(n - 2, 0)])), str(n),
                    str(near), a("i", 2, True, 0)]
        if k == "v11_dense":
            return [a("b", n), a("b", n * m), a("i", m + 1, True, -1), str(n), str(m), str(near)]
        taps, outs = r.choice([1, 7, 8, 9, 16, 17, 32, r.randint(1, 40)]), r.randint(1, 6)
        return [a("b", outs + taps - 1), a("b", taps), a("i", outs + 1, True, 3), str(outs), str(taps)]
