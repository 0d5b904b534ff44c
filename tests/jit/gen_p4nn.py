"""The p4nn layer library's kernels with random shapes, for genprog.py.

P4nnGen copies kernels of lib/p4nn/p4nn.py into a generated program, as the
library has them today (their source is read from the file, so a change to a
kernel is tested by the next run), and calls each with random shapes: sizes
1, odd, multiples of 16 and not, channels from 1 to 40, and now and then an
array one element too short (IndexError at the same element, compiled or
not) or a requantize multiplier that overflows int32 (OverflowError). Every
output array is printed. genprog.py runs the program interpreted and with
the JIT (PIE on) under p4sim, and the outputs must be the same.

It has its own random stream ("p4nn<seed>"), so the rest of a program is
what it was without it.
"""
import ast
import os
import random

from gen_kernels import kernel_calls

LIBRARY = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                       "lib", "p4nn", "p4nn.py")

# kernel name -> how its arguments are made (see P4nnGen.call)
KERNELS = ["conv3x3_s1_row", "conv3x3_s2_row", "conv1x1_s1_row", "conv1x1_s2_row", "dw3x3_row",
           "dw1x1_row", "dense_acc", "dense_t_acc", "maxpool2_rows32", "max_rows32", "pool_requantize",
           "requantize", "add_bias", "relu8", "pad_copy", "maxpool2", "avgpool2", "sum_rows", "argmax",
           "pixels_to_int8", "transpose8", "max_add_rows32", "shift_narrow", "pool_pairs8",
           "conv3x3_c1_pairs", "conv3x3_tap_pairs", "max4_add_pool", "max4_pool", "add3_rows32",
           "add_to32", "max_into8", "shift32_16", "mul_shift16", "narrow16_8"]

_SOURCES = None


def kernel_sources():
    """{name: source text} of the library's kernels (read once)."""
    global _SOURCES
    if _SOURCES is None:
        with open(LIBRARY) as f:
            text = f.read()
        tree = ast.parse(text)
        # filled first, published whole: genprog's threads may ask at once
        sources = {}
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name in KERNELS:
                sources[node.name] = ast.get_source_segment(text, node)
        missing = [k for k in KERNELS if k not in sources]
        if missing:
            raise SystemExit("gen_p4nn: lib/p4nn/p4nn.py has no kernel %s" % ", ".join(missing))
        _SOURCES = sources
    return _SOURCES


class P4nnGen:
    def __init__(self, seed):
        self.r = random.Random("p4nn%d" % seed)
        self.names = []
        self.count = 0

    def p(self, x):
        return self.r.random() < x

    def kernels(self):
        """The kernels this program uses (none in about half the programs)."""
        if not self.p(0.5):
            return []
        self.names = self.r.sample(KERNELS, self.r.choice([1, 2, 2, 3]))
        return self.names

    def source(self):
        lines = []
        src = kernel_sources()
        for name in self.names:
            lines.append("# p4nn kernel: %s" % name)
            lines += src[name].split("\n")
            lines.append("")
        return lines

    # ---- shapes and arrays ----

    def dim(self, big=24):
        """A size: 1, odd, a multiple of 16 or not."""
        r = self.r
        return r.choice([1, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, r.randint(1, big)])

    def arr(self, tc, n, kind="any"):
        """An array literal of n elements of typecode tc; one too short now and then."""
        r = self.r
        if self.p(0.06) and n > 0:
            n -= 1
        self.count += 1
        name = "N%d" % self.count
        if tc in "bB" and kind == "any":
            m, a = r.choice([1, 3, 37, 101]), r.randint(0, 255)
            lo = -128 if tc == "b" else 0
            if self.p(0.15):        # the extremes
                expr = "[%d if i %% %d else %d for i in range(%d)]" % (lo + 255, r.randint(2, 4), lo, n)
            else:
                expr = "[(i * i * %d + i * %d + %d) %% 256 + %d for i in range(%d)]" % (r.choice([0, 7, 13]), m, a, lo, n)
        elif tc == "i" and kind == "acc":
            # accumulators: mostly what an int8 layer makes, some wide
            span = r.choice([1 << 10, 1 << 16, 1 << 20, 1 << 24])
            m, a = r.choice([7, 389, 7919]), r.randint(0, span)
            expr = "[(i * %d + %d) %% %d - %d for i in range(%d)]" % (m, a, 2 * span, span, n)
        elif tc == "h" and kind == "mult":
            # the int16 route's multipliers: powers of two up to 2**14
            expr = "[1 << ((i * %d + %d) %% 15) for i in range(%d)]" % (r.choice([1, 3, 7]), r.randint(0, 14), n)
        elif tc == "h" and kind != "zero":
            # int16 values: mostly int8's range (narrow16_8 raises past it), some wide
            span = r.choice([1 << 7, 1 << 7, 1 << 12, 1 << 15])
            m, a = r.choice([7, 389, 7919]), r.randint(0, span)
            expr = "[(i * %d + %d) %% %d - %d for i in range(%d)]" % (m, a, 2 * span, span, n)
        else:
            expr = "[0] * %d" % n
        return name, "%s = array('%s', %s)" % (name, tc, expr)

    def qparams(self, F):
        """requantize's interleaved bias, pre, mult, shift per channel."""
        r = self.r
        vals = []
        for _ in range(F):
            shift = r.choice([1, 8, 15, 20, 24, 31, r.randint(1, 31)])
            mult = r.choice([0, 1, 77, 1000, r.randint(1, 1 << 15)])
            if self.p(0.03):
                mult = 2147483647               # overflows: OverflowError both ways
            vals += [r.randint(-5000, 5000), r.choice([0, 0, 1, 3]), mult, shift]
        self.count += 1
        name = "NQ%d" % self.count
        return name, "%s = array('i', %r)" % (name, vals)

    # ---- calls ----

    def call(self, k):
        """(declarations, call text, arrays to print) of one call of kernel k."""
        r = self.r
        d = self.dim
        decl, args, outs = [], [], []

        def a(tc, n, kind="any", out=False):
            name, text = self.arr(tc, n, kind)
            decl.append(text)
            if out:
                outs.append(name)
            return name

        if k in ("conv3x3_s1_row", "conv3x3_s2_row", "conv1x1_s1_row", "conv1x1_s2_row"):
            K = 3 if k.startswith("conv3") else 1
            S = 2 if k.endswith("s2_row") else 1
            C, F, OW = d(9), d(20), d(12)
            W = (OW - 1) * S + K
            rows = K + r.choice([0, 0, 1, 2])
            oy = rows - K
            wt = a("b", K * K * C * F)
            args = [a("b", rows * W * C), str(oy * W * C), str(W * C), str(C), wt, str(F), str(OW),
                    a("i", OW * F, "zero", True)]
        elif k in ("dw3x3_row", "dw1x1_row"):
            K = 3 if k == "dw3x3_row" else 1
            S = r.choice([1, 2])
            C, OW = d(33), d(12)
            W = (OW - 1) * S + K
            args = [a("b", K * W * C), "0", str(W * C), str(C), a("b", K * K * C), str(S), str(OW),
                    a("i", OW * C, "zero", True)]
        elif k in ("dense_acc", "dense_t_acc"):
            n, m = d(40), d(20)
            args = [a("b", n), str(n), a("b", n * m), str(m), a("i", m, "zero", True)]
        elif k == "maxpool2_rows32":
            OW, F = d(12), d(20)
            args = [a("i", OW * F, "acc"), a("i", OW * F, "acc"), str(OW), str(F),
                    a("i", (OW // 2) * F, "zero", True)]
        elif k == "max_rows32":
            n = d(70)
            args = [a("i", n, "acc", True), a("i", n, "acc"), str(n)]
        elif k in ("pool_requantize", "requantize"):
            F = d(20)
            n = d(12)
            lo = r.choice(["0", "(-128)"])
            off = r.choice([0, 0, 3])
            q, qtext = self.qparams(F)
            decl.append(qtext)
            if k == "pool_requantize":
                args = [a("i", n * F, "acc"), str(n), str(F), q, lo, a("b", off + (n // 2) * F, "zero", True), str(off)]
            else:
                args = [a("i", n * F, "acc"), str(n), str(F), q, lo, a("b", off + n * F, "zero", True), str(off)]
        elif k == "max_add_rows32":
            n = d(70)
            args = [a("i", n, "acc", True), a("i", n, "acc"), a("i", n, "acc"), str(n)]
        elif k == "shift_narrow":
            n = d(70)
            off = r.choice([0, 0, 3])
            args = [a("i", n, "acc"), str(n), str(r.choice([0, 1, 7, 12, 20, 31, 33, r.randint(0, 40)])),
                    r.choice(["0", "(-128)", "(-3)"]), a("b", off + n, "zero", True), str(off)]
        elif k in ("conv3x3_c1_pairs", "conv3x3_tap_pairs"):
            OW, RP, F = d(12) + 1, r.choice([1, 1, 2, 3]), d(20)
            C = 1 if k == "conv3x3_c1_pairs" else d(12)
            base = r.choice([0, 0, 5])
            rows = 2 * RP if k == "conv3x3_tap_pairs" else 2 * RP + 2
            taps = 3 * C if k == "conv3x3_tap_pairs" else 9 * C
            inp = a("b", base + rows * (OW + 2) * C)
            out = a("i", 4 * RP * (OW // 2) * F, "zero", True)
            if k == "conv3x3_c1_pairs":
                args = [inp, str(base), a("b", taps * F), str(F), str(OW), str(RP), out]
            else:
                args = [inp, str(base), str(C), a("b", taps * F), str(F), str(OW), str(RP), out]
        elif k in ("max4_add_pool", "max4_pool"):
            n = d(40)
            args = [a("i", 4 * n, "acc"), str(n)] + ([a("i", n, "acc")] if k == "max4_add_pool" else []) + \
                [a("i", n, "zero", True)]
        elif k == "add3_rows32":
            n = d(70)
            args = [a("i", n, "acc", True), a("i", n, "acc"), a("i", n, "acc"), str(n)]
        elif k == "add_to32":
            n = d(70)
            args = [a("i", n, "acc"), a("i", n, "acc"), a("i", n, "zero", True), str(n)]
        elif k == "max_into8":
            n = d(70)
            off = r.choice([0, 0, 3])
            args = [a("b", off + n, "any", True), str(off), a("b", n), str(n)]
        elif k == "shift32_16":
            n = d(70)
            args = [a("i", n, "acc"), str(r.choice([0, 3, 8, 9, 12, 20, r.randint(0, 31)])), str(n),
                    a("h", n, "zero", True)]
        elif k == "mul_shift16":
            n = d(70)
            args = [a("h", n, "any", True), a("h", n, "mult"), str(r.choice([0, 1, 5, 14, 15, 20, r.randint(0, 31)])),
                    r.choice(["0", "(-128)", "(-3)"]), str(n)]
        elif k == "narrow16_8":
            n = d(70)
            off = r.choice([0, 0, 3])
            args = [a("h", n), str(n), a("b", off + n, "zero", True), str(off)]
        elif k == "pool_pairs8":
            OW, F = d(12), d(20)
            off = r.choice([0, 0, 2])
            args = [a("b", OW * F), str(OW), str(F), a("b", off + (OW // 2) * F, "zero", True), str(off)]
        elif k == "add_bias":
            n, F = d(12), d(20)
            args = [a("i", n * F, "acc"), str(n), str(F), a("i", F, "acc"), r.choice(["0", "1"]),
                    a("i", n * F, "zero", True), "0"]
        elif k == "relu8":
            n = d(70)
            args = [a(r.choice("bi"), n, "acc" if self.p(0.3) else "any", True), str(n)]
        elif k == "pad_copy":
            H, W, C, pad = d(9), d(9), d(9), r.choice([1, 1, 2])
            args = [a("b", H * W * C), str(H), str(W), str(C), str(pad),
                    a("b", (H + 2 * pad) * (W + 2 * pad) * C, "zero", True)]
        elif k in ("maxpool2", "avgpool2"):
            H, W, C = d(9) + 1, d(9) + 1, d(20)
            args = [a("b", H * W * C), str(H), str(W), str(C), a("b", (H // 2) * (W // 2) * C, "zero", True)]
        elif k == "sum_rows":
            n, C = d(12), d(40)
            args = [a("i", n * C, "acc"), str(n), str(C), a("i", C, "zero", True)]
        elif k == "argmax":
            n = d(40)
            args = [a(r.choice("bi"), n, r.choice(["any", "acc"])), str(n)]
        elif k == "pixels_to_int8":
            n = d(70)
            off = r.choice([0, 0, 5])
            args = [a("B", off + n), str(off), str(n), a("b", n, "zero", True)]
        elif k == "transpose8":
            R, N = d(20), d(20)
            args = [a("b", R * N), str(R), str(N), a("b", R * N, "zero", True)]
        else:
            raise ValueError(k)
        return decl, "%s(%s)" % (k, ", ".join(args)), outs

    def calls(self):
        """Statements of the main part: each kernel called with 1 to 3 random shapes."""
        return kernel_calls(self.r, self.names, self.call)
