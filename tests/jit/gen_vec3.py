"""Vector nests of vec3's shapes with random sizes, for genprog.py (jit/random).

The shapes vector.c (vec3) handles besides VecGen's: a lane loop of any trip
count (its last step stores 1 to 15 lanes: the words after them are read
and put back), outputs at an offset with sentinels on both sides, the
16-tap loop of a broadcast operand contiguous in the inner loop (VMACN:
matmul and dense_t with K around 16 and 32), an index offset read from an
array inside the nest (a uniform overflow guard, a bail-out in the vector
copy), a 1-channel conv written channel-first (vectorised over output x),
arrays one element short, and (vec4a) dense layers and trip counts for
emit.c's hardware loops and fused loads (hw_trips). Every output array is
printed whole. Own
random stream ("vec3<seed>"), so the rest of a program is what it was
without it.
"""
import random

from gen_kernels import kernel_calls

SOURCES = {
    "v3_dense_t": [
        "def v3_dense_t(x, n, wt, m, acc, off):",
        "    for o in range(m):",
        "        a = 0",
        "        for i in range(n):",
        "            a += x[i] * wt[i * m + o]",
        "        acc[o + off] = a",
    ],
    "v3_matmul": [
        "def v3_matmul(a, b, c, M, N, K):",
        "    for i in range(M):",
        "        for j in range(N):",
        "            acc = 0",
        "            for k in range(K):",
        "                acc += a[i * K + k] * b[k * N + j]",
        "            c[i * N + j] = acc",
    ],
    "v3_dense": [
        "def v3_dense(x, w, y, n_in, n_out):",
        "    for o in range(n_out):",
        "        acc = 0",
        "        for i in range(n_in):",
        "            acc += x[i] * w[o * n_in + i]",
        "        y[o] = acc",
    ],
    "v3_read": [
        "def v3_read(x, n, wt, m, acc, sh):",
        "    for o in range(m):",
        "        a = 0",
        "        for i in range(n):",
        "            a += x[i] * wt[sh[0] + i * m + o]",
        "        acc[o] = a",
    ],
    "v3_conv_chw": [
        "def v3_conv_chw(x, w, out, H, W, F):",
        "    for f in range(F):",
        "        for oy in range(H - 2):",
        "            for ox in range(W - 2):",
        "                acc = 0",
        "                for ky in range(3):",
        "                    for kx in range(3):",
        "                        acc += x[(oy + ky) * W + ox + kx] * w[f * 9 + ky * 3 + kx]",
        "                out[(f * (H - 2) + oy) * (W - 2) + ox] = acc",
    ],
    "v3_conv_hwc": [
        "def v3_conv_hwc(inp, wts, out, H, W, C, F):",
        "    for oy in range(H - 2):",
        "        for ox in range(W - 2):",
        "            for f in range(F):",
        "                acc = 0",
        "                for ky in range(3):",
        "                    for kx in range(3):",
        "                        base = ((oy + ky) * W + (ox + kx)) * C",
        "                        for ch in range(C):",
        "                            acc += inp[base + ch] * wts[((ky * 3 + kx) * C + ch) * F + f]",
        "                out[(oy * (W - 2) + ox) * F + f] = acc",
    ],
}


class Vec3Gen:
    def __init__(self, seed):
        self.r = random.Random("vec3%d" % seed)
        self.names = []
        self.count = 0

    def p(self, x):
        return self.r.random() < x

    # (gen_vec4.Vec4Gen shares all but the kernels and their shapes)
    SOURCES = SOURCES
    PREFIX = "V3_"

    def kernels(self):
        """The kernels this program uses (none in about half the programs)."""
        if not self.p(0.5):
            return []
        self.names = self.r.sample(sorted(self.SOURCES), self.r.choice([1, 2, 2, 3]))
        self.chosen()
        return self.names

    def chosen(self):
        """Random choices made for the whole program once its kernels are known."""

    def source_of(self, name):
        return self.SOURCES[name]

    def source(self):
        lines = []
        for name in self.names:
            lines += self.source_of(name) + [""]
        return lines

    def size(self, big=40):
        r = self.r
        return r.choice([1, 2, 3, 4, 5, 7, 8, 12, 15, 16, 17, 31, 32, 33, r.randint(1, big)])

    def hw_trips(self):
        """A trip count for emit.c's hardware loops: 0 to 3 and around the
        minimums (iterations after the first: 2, or 3 with fused lanes), in
        16s (the 16-lane and 16-tap loops) or alone, or large."""
        r = self.r
        return r.choice([0, 1, 2, 3, 4, 5, r.choice([2, 3, 4, 5]) * 16 + r.choice([-1, 0, 1]), 16, 17,
                         r.randint(0, 300), r.randint(600, 1200)])

    def arr(self, tc, n, sentinel=None):
        r = self.r
        if sentinel is None and self.p(0.07) and n > 0:
            n -= 1          # one short: IndexError at the same element both ways
        self.count += 1
        name = "%s%d" % (self.PREFIX, self.count)
        if tc == "b":
            if self.p(0.15):
                expr = "[127 if i %% %d else -128 for i in range(%d)]" % (r.randint(2, 4), n)
            else:
                expr = "[(i * %d + %d) %% 256 - 128 for i in range(%d)]" % (r.choice([1, 3, 37, 101]), r.randint(0, 255), n)
        else:
            expr = "[%d] * %d" % (sentinel if sentinel is not None else 0, n)
        return name, "%s = array('%s', %s)" % (name, tc, expr)

    def call(self, k):
        """Kernel k called with random shapes: (declarations, the call, the outputs)."""
        decl, outs = [], []

        def a(tc, n, out=False, sentinel=None):
            name, text = self.arr(tc, n, sentinel)
            decl.append(text)
            if out:
                outs.append(name)
            return name

        return decl, "%s(%s)" % (k, ", ".join(self.args(k, a))), outs

    def args(self, k, a):
        """The arguments of a call of kernel k; a(typecode, length, out, sentinel) declares an array."""
        r = self.r
        if k == "v3_dense_t":
            n, m, off = self.size(), self.size(), r.choice([0, 0, 1, 3])
            args = [a("b", n), str(n), a("b", n * m), str(m), a("i", m + off + r.choice([0, 1, 5]), True, -7), str(off)]
        elif k == "v3_matmul":
            M, N, K = self.size(12), self.size(), r.choice([15, 16, 17, 31, 32, 33, 48, self.size(), self.hw_trips()])
            args = [a("b", M * K), a("b", K * N), a("i", M * N + r.choice([0, 2]), True, -5), str(M), str(N), str(K)]
        elif k == "v3_dense":
            n, m = self.hw_trips(), self.size(12)
            args = [a("b", n), a("b", n * m), a("i", m + 1, True, -3), str(n), str(m)]
        elif k == "v3_read":
            n, m, base = self.size(), self.size(), r.choice([0, 1, 5])
            sh = "array('h', [%d])" % base
            args = [a("b", n), str(n), a("b", base + n * m), str(m), a("i", m + 2, True, -9), sh]
        elif k == "v3_conv_chw":
            H, W, F = r.randint(3, 9), r.randint(3, 24), r.randint(1, 4)
            args = [a("b", H * W), a("b", 9 * F), a("i", F * (H - 2) * (W - 2) + 1, True, 3), str(H), str(W), str(F)]
        else:
            H, W, F = r.randint(3, 6), r.randint(3, 6), self.size(20)
            C = r.choice([r.randint(1, 4), r.randint(1, 4), 5, 8, 16, 17])
            args = [a("b", H * W * C), a("b", 9 * C * F), a("i", (H - 2) * (W - 2) * F + 2, True, 1), str(H), str(W),
                    str(C), str(F)]
        return args

    def calls(self):
        """Statements of the main part: each kernel called with 1 to 3 random shapes."""
        return kernel_calls(self.r, self.names, self.call)
