"""Random int8 and int16 elementwise loops with multiplies and shifts, for genprog.py (jit/random).

vec6b's forms of elementwise.c: products of elements and uniforms
(esp.vmul.s8/s16, the iteration given to the scalar loop when a product
leaves the lane), right shifts by a uniform count (0 to past the lane width,
now and then negative: ValueError), the rounding shift of a requantize
`(v + (1 << (s - 1))) >> s`, fused multiply-shifts `(x * y + r) >> s`, clamps, and the per-channel requantize of an HWC
tensor (a multiplier array indexed by the channel, the channel loop inside).
Sizes are arguments, 1 to 40 and a few large; arrays exactly long enough,
one short or longer; the output now and then one of the inputs. Own random
stream ("elem16<seed>"), so the rest of a program is what it was without it.

vec10's forms: demoting stores (int32 elements stored into an int16 array,
int16 into int8; clamped or not, so values past the narrower range raise
OverflowError in some lane) and unsigned bytes (array('B') or bytearray)
shifted right or less 128, stored into int8.
"""
import random

from gen_kernels import kernel_calls


class Elem16Gen:
    def __init__(self, seed):
        self.r = random.Random("elem16%d" % seed)
        self.names, self.src, self.tcs, self.kinds = [], {}, {}, {}
        self.out_tcs = {}  # vec10: the stored array's typecode where it differs
        self.count = 0

    def p(self, x):
        return self.r.random() < x

    def elem(self, offs):
        o = self.r.choice(offs)
        name = self.r.choice("ab")
        return "%s[i%s]" % (name, "" if o == 0 else " + %d" % o if o > 0 else " - %d" % -o)

    def expr(self, depth, offs):
        r = self.r
        if depth == 0 or r.random() < 0.25:
            y = r.random()
            if y < 0.75:
                return self.elem(offs)
            if y < 0.9:
                return "k"
            return str(r.choice([0, 1, -1, 2, 3, 100, -7]))
        op = r.choice(["*", "*", "*", ">>", ">>", "round", "fused", "+", "-", "max", "min"])
        u = self.expr(depth - 1, offs)
        if op == "fused":    # a multiply-shift (elementwise.c fuses it: one esp.vmul by SAR)
            v = self.expr(depth - 1, offs)
            return r.choice(["((%s * %s) >> s)", "((%s * %s + (1 << (s - 1))) >> s)", "((%s * %s + k) >> s)"]) % (u, v)
        if op == ">>":
            return "(%s >> s)" % u
        if op == "round":
            return "((%s + (1 << (s - 1))) >> s)" % u
        v = self.expr(depth - 1, offs)
        if op in ("max", "min"):
            return "%s(%s, %s)" % (op, u, v)
        return "(%s %s %s)" % (u, op, v)

    def kernels(self):
        """The kernels of this program (none in about half the programs)."""
        r = self.r
        if not self.p(0.5):
            return []
        for k in range(r.choice([1, 1, 2])):
            name = "e6_k%d" % k
            tc = r.choice("bhh")
            self.tcs[name] = tc
            if self.p(0.3):
                self.vec10_kernel(name)
            elif self.p(0.3):
                self.kinds[name] = "channels"
                self.src[name] = [
                    "def %s(a, m, c, n, F, s, lo, hi):" % name,
                    "    # per-channel requantize of n positions x F channels (HWC), %s" % tc,
                    "    for p in range(n):",
                    "        o = p * F",
                    "        for f in range(F):",
                    "            c[o + f] = min(max((a[o + f] * m[f] + (1 << (s - 1))) >> s, lo), hi)",
                    "    return n"]
            else:
                self.kinds[name] = "loop"
                offs = [0, 0, 0, 1, r.randint(-1, 4)]
                e = self.expr(r.choice([1, 2, 2, 3]), offs)
                if self.p(0.4):
                    e = "min(max(%s, lo), hi)" % e
                start = r.choice(["", "", "", "1, ", "(-1), "])
                oc = r.choice(["", "", "", " + 1"])
                self.src[name] = [
                    "def %s(a, b, c, n, k, s, lo, hi):" % name,
                    "    # %s" % tc,
                    "    for i in range(%sn):" % start,
                    "        c[i%s] = %s" % (oc, e),
                    "    return n"]
            self.names.append(name)
        return self.names

    def vec10_kernel(self, name):
        """A demoting store (int32 into int16, int16 into int8) or unsigned bytes into int8."""
        r = self.r
        start = r.choice(["", "", "1, ", "(-1), "])
        if self.p(0.5):
            self.kinds[name] = "demote"
            self.tcs[name], self.out_tcs[name] = r.choice([("i", "h"), ("h", "b"), ("h", "b")])
            e = self.expr(r.choice([0, 1, 2]), [0, 0, 1, 2])
            if self.p(0.5):
                e = r.choice(["min(max(%s, lo), hi)", "max(min(%s, hi), lo)", "max(-128, min(127, %s))",
                              "min(%s, hi)"]) % e
        else:
            self.kinds[name] = "unsigned"
            self.tcs[name], self.out_tcs[name] = r.choice(["B", "Y"]), "b"
            o = r.choice(["", "", " + 1", " + 3"])
            e = r.choice(["(a[i%s] >> s)", "(a[i%s] - 128)", "max(a[i%s] - 128, k)", "((a[i%s] >> s) + k)",
                          "min(max(a[i%s] - 128, lo), hi)", "a[i%s]"]) % o
        self.src[name] = [
            "def %s(a, b, c, n, k, s, lo, hi):" % name,
            "    # %s into %s" % (self.tcs[name], self.out_tcs[name]),
            "    for i in range(%sn):" % start,
            "        c[i] = %s" % e,
            "    return n"]

    def source(self):
        lines = []
        for name in self.names:
            lines += self.src[name] + [""]
        return lines

    def size(self):
        r = self.r
        return r.choice([0, 1, 2, 7, 8, 9, 15, 16, 17, 31, 32, 33, r.randint(1, 40), r.randint(1, 40),
                         r.choice([64, 100, 257])])

    def arr(self, tc, n, decl):
        r = self.r
        x = r.random()
        n = max(n - 1, 0) if x < 0.07 else n + r.choice([0, 0, 1, 3, 17])
        self.count += 1
        name = "E6_%d" % self.count
        span = 256 if tc == "b" else 65536 if tc == "h" else 1 << 21
        if tc in "BY":   # unsigned bytes: array('B') or a bytearray
            expr = "[(i * %d + %d) %% 256 for i in range(%d)]" % (r.choice([1, 37, 101]), r.randint(0, 255), n)
            decl.append("%s = %s" % (name, "bytearray(%s)" % expr if tc == "Y" else "array('B', %s)" % expr))
            return name
        y = r.random()
        if y < 0.45:     # small: products and sums stay in the lanes
            expr = "[(i * %d + %d) %% 23 - 11 for i in range(%d)]" % (r.choice([1, 3, 7]), r.randint(0, 22), n)
        elif y < 0.8:    # the whole range
            expr = "[(i * %d + %d) %% %d - %d for i in range(%d)]" % (r.choice([1, 37, 101, 7919]), r.randint(0, 255),
                                                                      span, span // 2, n)
        else:            # the extremes
            expr = "[%d if i %% %d else %d for i in range(%d)]" % (span // 2 - 1, r.randint(2, 5), -span // 2, n)
        decl.append("%s = array('%s', %s)" % (name, tc, expr))
        return name

    def call(self, k):
        r = self.r
        tc, decl = self.tcs[k], []
        s = r.choice([0, 1, 2, 3, 4, 7, 8, 12, 15, 16, 20, -1])
        lo, hi = r.choice([(-128, 127), (0, 127), (-20, 30), (-32768, 32767), (5, -5), (-300, 300)])
        if k in self.out_tcs:
            n = self.size()
            a, b = self.arr(tc, n + 4, decl), self.arr(tc, n + 4, decl)
            c = self.arr(self.out_tcs[k], n + 1, decl)
            kk = r.choice([0, 1, -1, 3, 100, -128, 127, 300])
            lo, hi = r.choice([(-128, 127), (0, 127), (-20, 30), (-32768, 32767), (-300, 300)])
            args = [a, b, c, str(n), "(%d)" % kk, "(%d)" % r.choice([0, 1, 2, 3, 7, 8, 12, -1]), "(%d)" % lo, str(hi)]
            return decl, "%s(%s)" % (k, ", ".join(args)), [c]
        if self.kinds[k] == "channels":
            n, F = r.choice([0, 1, 2, 3, 5, self.size()]), self.size()
            a = self.arr(tc, n * F, decl)
            m = self.arr(tc, F, decl)
            c = a if self.p(0.15) else self.arr(tc, n * F, decl)
            args = [a, m, c, str(n), str(F), str(max(s, 1)), str(lo), str(hi)]
        else:
            n = self.size()
            a, b = self.arr(tc, n + 4, decl), self.arr(tc, n + 4, decl)
            c = r.choice([a, b]) if self.p(0.2) else self.arr(tc, n + 1, decl)
            kk = r.choice([0, 1, -1, 2, 3, 5, 100, -128, 127, 300])
            args = [a, b, c, str(n), "(%d)" % kk, "(%d)" % s, "(%d)" % lo, str(hi)]
        return decl, "%s(%s)" % (k, ", ".join(args)), [c]

    def calls(self):
        """Statements of the main part: each kernel called with 1 to 3 random shapes."""
        return kernel_calls(self.r, self.names, self.call)
