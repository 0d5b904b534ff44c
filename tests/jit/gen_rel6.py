#!/usr/bin/env python3
"""Random programs for what the JIT learnt lately and random testing had
seldom reached, for genprog.py (jit/random) and alone (jit/random-rel6):

  - narrowing stores: int32 elements into array('h'), int16 into
    array('b') or bytearray (PIE's esp.vunzip), raw, clamped by bounds that
    prove the range, bounds off by one, swapped, one-sided, by arguments,
    or narrowed by a shift or a mask (OverflowError in some lane when the
    range is not proved);
  - unsigned bytes (array('B'), bytearray) in `u >> s`, `u - 128`,
    products with int8 weights, stored narrower or wider, and a zero-point
    dot product;
  - keyword calls from compiled callers (build_call.c do_call_kw: bound
    when compiling to a positional call, defaults as constants): keyword
    orders, defaults left, keyword-only callees, a callee rebound to a
    function whose parameters are named otherwise, __defaults__ replaced;
  - one kernel called with its arguments' kinds changing from call to call
    (every array typecode the JIT takes, bytearray, lists, bools, floats);
  - the profit estimate (profit.c, -X jit=auto): a loop making objects
    compiled once the estimated trips reach 4000, its loop-free callees
    waiting meanwhile, calls of growing trip counts.

The interpreter is the oracle: genprog's runner compares `-X jit=off` with
the JIT run byte for byte. Alone, each program's JIT run takes its options
from the seed: -X jit=eager, -X jit=auto, -X pie=off, the other silicon
revision (-X pie=rev1). Own random stream ("rel6<seed>"): the rest of a genprog program
is what it was without it.

Usage:
  gen_rel6.py SEED                                   print one program
  gen_rel6.py run --p4jit P4JIT [--seeds A:B] [--jobs N] [--firmware ELF] [--out DIR]
"""
import random

# typecode: (lo, hi) of the elements; Y is a bytearray
RANGES = {"b": (-128, 127), "B": (0, 255), "Y": (0, 255), "h": (-32768, 32767), "H": (0, 65535),
          "i": (-2**31, 2**31 - 1), "I": (0, 2**31 - 1)}
# the narrowing stores: (source typecode, stored typecode)
NARROW = [("i", "h"), ("h", "b"), ("h", "b"), ("i", "b"), ("h", "Y"), ("i", "H"), ("h", "B")]
# what a run of the JIT may be given (run alone; genprog's runs keep theirs)
JIT_MODES = [["-X", "jit=eager"], ["-X", "jit=auto"], ["-X", "jit=eager", "-X", "pie=off"],
             ["-X", "jit=eager", "-X", "pie=rev1"]]


class Rel6Gen:
    def __init__(self, seed):
        self.r = random.Random("rel6%d" % seed)
        self.seed = seed
        self.lines, self.main = [], []
        self.count = 0

    def p(self, x):
        return self.r.random() < x

    def fresh(self, prefix):
        self.count += 1
        return "%s%d" % (prefix, self.count)

    # ---- arrays ---------------------------------------------------------------------
    def array(self, tc, n, decl, extreme=None):
        """A new array of typecode tc (Y: bytearray), n long, declared in decl."""
        r = self.r
        name = self.fresh("R6A")
        lo, hi = RANGES[tc]
        span = hi - lo + 1
        y = r.random() if extreme is None else extreme
        if y < 0.35:    # small values: every narrowing fits
            expr = "[(i * %d + %d) %% 23 %s for i in range(%d)]" % (r.choice([1, 3, 7]), r.randint(0, 22),
                                                                  "- 11" if lo < 0 else "", n)
        elif y < 0.75:  # the whole range
            expr = "[(i * %d + %d) %% %d + %d for i in range(%d)]" % (r.choice([1, 37, 101, 7919, 65521]),
                                                                      r.randint(0, 255), span, lo, n)
        else:           # the edges of the narrower typecodes and its own
            edges = [v for v in (-2**31, -32769, -32768, -129, -128, -1, 0, 1, 127, 128, 255, 256, 32767, 32768,
                                 65535, 65536, 2**31 - 1) if lo <= v <= hi]
            expr = "[%s[(i * %d) %% %d] for i in range(%d)]" % (edges, r.choice([1, 3, 5]), len(edges), n)
        decl.append("%s = %s" % (name, "bytearray(%s)" % expr if tc == "Y" else "array('%s', %s)" % (tc, expr)))
        return name

    def size(self):
        return self.r.choice([0, 1, 3, 7, 8, 15, 16, 17, 31, 32, 33, 47, 64, self.r.randint(1, 70)])

    # ---- narrowing stores -------------------------------------------------------------
    def clamp(self, e, out):
        """e clamped: the stored typecode's bounds, off by one, swapped, one side, arguments."""
        r = self.r
        lo, hi = RANGES[out]
        L, H = r.choice([(lo, hi), (lo, hi), (lo - 1, hi), (lo, hi + 1), (lo + 1, hi - 1), (hi, lo), (-128, 127),
                         (0, 127), (-32768, 32767), (0, 255)])
        forms = ["min(max(%s, %d), %d)" % (e, L, H), "max(min(%s, %d), %d)" % (e, H, L),
                 "max(%d, min(%d, %s))" % (L, H, e), "min(%d, max(%s, %d))" % (H, e, L),
                 "min(max(%s, lo), hi)" % e, "max(%s, %d)" % (e, L), "min(%s, %d)" % (e, H)]
        return r.choice(forms)

    def narrow_expr(self, src, out):
        r = self.r
        x = r.choice(["a[i]", "a[i]", "a[i + 1]", "(a[i] + a[i + 1])", "(a[i] - a[i + 1])", "(a[i] * k)",
                      "(-a[i])", "abs(a[i])", "((a[i] * k + (1 << (s - 1))) >> s)", "(a[i] >> s)"])
        y = r.random()
        if y < 0.45:
            return self.clamp(x, out)
        if y < 0.6:  # a shift or a mask that proves the range, or nearly
            sh = {"h": [7, 8, 9], "i": [8, 15, 16, 17, 23, 24, 25]}[src]
            return r.choice(["(%s >> %d)" % (x, r.choice(sh)), "(%s & %s)" % (x, r.choice(["0x7F", "0xFF", "0x7FFF",
                                                                                         "0xFFFF", "127", "255"])),
                             "(%s %% %d)" % (x, r.choice([128, 127, 256, 32768]))])
        if y < 0.7:
            return self.clamp(self.clamp(x, out), out)
        return x

    def narrow_kernel(self):
        r = self.r
        name = self.fresh("r6_narrow")
        src, out = r.choice(NARROW)
        start = r.choice(["", "", "", "1, ", "(-1), "])
        e = self.narrow_expr(src, out)
        body = ["    for i in range(%sn):" % start]
        if self.p(0.2):  # through a local, with a conditional clamp
            lo, hi = RANGES[out]
            body += ["        v = %s" % e, "        if v > %d:" % r.choice([hi, hi + 1, hi - 1]),
                     "            v = %d" % hi, "        elif v < %d:" % r.choice([lo, lo - 1, lo + 1]),
                     "            v = %d" % lo, "        c[i] = v"]
        else:
            body.append("        c[i] = %s" % e)
        self.lines += ["def %s(a, c, n, k, s, lo, hi):" % name, "    # %s into %s" % (src, out)] + body + \
                      ["    return n", ""]
        for call_no in range(r.choice([1, 2, 3])):
            decl = []
            n = self.size()
            a = self.array(src, n + r.choice([1, 1, 2, 5]), decl)
            c = self.array(out, n + r.choice([0, 0, 0, 3]) - (1 if self.p(0.07) else 0), decl, 0.0)
            lo, hi = r.choice([RANGES[out], (-128, 127), (0, 127), (-20, 30), (-300, 300), (5, -5)])
            args = [a, c, str(n), "(%d)" % r.choice([0, 1, -1, 2, 3, 100, -128, 127, 300]),
                    "(%d)" % r.choice([0, 1, 2, 3, 7, 8, 15, 16]), "(%d)" % lo, "(%d)" % hi]
            self.call(decl, name, call_no, args, [c])

    # ---- unsigned bytes -----------------------------------------------------------------
    def unsigned_kernel(self):
        r = self.r
        name = self.fresh("r6_u8")
        tc, out = r.choice("BY"), r.choice(["b", "b", "h", "i", "B", "Y"])
        u = r.choice(["a[i]", "a[i]", "a[i + 1]"])
        e = r.choice(["(%(u)s >> s)", "(%(u)s - 128)", "((%(u)s - 128) >> s)", "((%(u)s >> s) - 128)",
                      "(%(u)s - w[i])", "((%(u)s - 128) * w[i])", "(%(u)s * w[i] >> s)", "(%(u)s - k)",
                      "(%(u)s + w[i])", "((%(u)s ^ 128) - 128)", "((%(u)s >> %(c)d) - %(z)d)",
                      "(%(u)s - %(z)d)"]) % {"u": u, "c": r.choice([0, 1, 4, 7, 8]),
                                             "z": r.choice([128, 127, 0, 255, 256])}
        if self.p(0.4):
            e = self.clamp(e, out)
        if self.p(0.3):  # a zero-point dot product
            self.lines += ["def %s(a, w, c, n, k, s, lo, hi):" % name, "    # %s dot int8" % tc, "    acc = k",
                           "    for i in range(n):", "        acc += (%s - %d) * w[i]" % (u, r.choice([128, 0, 127])),
                           "    c[0] = acc", "    return acc", ""]
            out = "i"
        else:
            self.lines += ["def %s(a, w, c, n, k, s, lo, hi):" % name, "    # %s into %s" % (tc, out),
                           "    for i in range(%sn):" % r.choice(["", "", "1, "]), "        c[i] = %s" % e,
                           "    return n", ""]
        for call_no in range(r.choice([1, 2, 3])):
            decl = []
            n = self.size()
            a = self.array(tc, n + 2, decl)
            w = self.array("b", n + r.choice([0, 0, 2]), decl)
            c = self.array(out, max(n, 1) + r.choice([0, 0, 2]), decl, 0.0)
            lo, hi = r.choice([RANGES[out] if out not in "iI" else (-1000, 1000), (-128, 127), (0, 127), (-20, 30)])
            args = [a, w, c, str(n), "(%d)" % r.choice([0, 1, -1, 128, 300]),
                    "(%d)" % r.choice([0, 1, 2, 4, 7, 8, 9, 31, 32, -1]), "(%d)" % lo, "(%d)" % hi]
            self.call(decl, name, call_no, args, [c])

    # ---- keyword calls ----------------------------------------------------------------
    def kw_part(self):
        r = self.r
        callee = self.fresh("r6_kwf")
        alt = callee + "_alt"
        params = ["a", "b", "c", "d"][:r.choice([2, 3, 4])]
        defaults = [r.choice(["2", "0.5", "True", "(-3)", "7"]) for _ in params]
        nreq = r.choice([0, 1, 1, 2])
        sig = ", ".join(p if k < nreq else "%s=%s" % (p, defaults[k]) for k, p in enumerate(params))
        kwonly = self.p(0.1)
        body = " + ".join("%s * %d" % (p, k + 1) for k, p in enumerate(params))
        self.lines += ["def %s(%s%s):" % (callee, sig, ", *, e=1" if kwonly else ""),
                       "    return %s%s" % (body, " + e" if kwonly else ""), ""]
        # a function the name may be rebound to: the same parameters in another order
        perm = params[:]
        r.shuffle(perm)
        self.lines += ["def %s(%s):" % (alt, ", ".join("%s=%d" % (p, k + 10) for k, p in enumerate(perm))),
                       "    return %s" % " - ".join(perm), ""]

        def kwcall(i):
            """A call of the callee with some arguments by keyword."""
            npos = r.randint(0, len(params))
            given = params[:npos]
            rest = [p for p in params[npos:] if self.p(0.7) or params.index(p) < nreq]
            r.shuffle(rest)
            vals = [r.choice([i, i, "x", "1", "0.25", "False", "(%s * 2)" % i]) for _ in params]
            parts = [vals[k] for k in range(npos)] + ["%s=%s" % (p, vals[params.index(p)]) for p in rest]
            if self.p(0.04):
                parts.append(r.choice(["z=1", "%s=3" % params[0]]) if npos else "z=1")   # TypeError: the caller stays interpreted
            if kwonly and self.p(0.5):
                parts.append("e=%s" % i)
            return "%s(%s)" % (callee, ", ".join(parts))

        caller = self.fresh("r6_kwc")
        loop = self.p(0.7)
        L = ["def %s(n, x):" % caller, "    t = 0"]
        if loop:
            L += ["    for i in range(n):"] + ["        t = t + %s" % kwcall("i") for _ in range(r.randint(1, 3))]
        else:
            L += ["    t = t + %s" % kwcall("n") for _ in range(r.randint(1, 3))]
        L.append("    return t")
        self.lines += L + [""]
        for call_no in range(r.randint(2, 4)):
            pre = []
            if call_no and self.p(0.2):
                if self.p(0.5):
                    pre.append("%s = %s" % (callee, alt))
                else:  # (P4JIT's functions may not take it: AttributeError, alike in both runs)
                    pre += ["try:", "    %s.__defaults__ = (%s)" % (callee, "".join(
                        [r.choice(["1", "0.5", "4"]) + ", "] * (len(params) - nreq))), "except AttributeError:", "    pass"]
            self.call(pre, caller, call_no, [str(r.choice([0, 1, 3, 10])), r.choice(["2", "0.5", "True", "(-7)"])], [])

    # ---- argument kinds changing --------------------------------------------------------
    def kinds_part(self):
        r = self.r
        name = self.fresh("r6_kinds")
        e = r.choice(["a[i] * k", "a[i] + k", "a[i] - a[i + 1] * k", "(a[i] >> 1) if k else a[i]",
                      "max(a[i], k)", "a[i] * a[i]"])
        store = self.p(0.5)
        L = ["def %s(a, c, n, k):" % name, "    t = 0", "    for i in range(n):", "        v = %s" % e]
        L += ["        c[i] = v"] if store else []
        L += ["        t = t + v", "    return t"]
        self.lines += L + [""]
        for call_no in range(r.randint(3, 6)):
            decl = []
            n = r.choice([0, 1, 5, 16, 17, 33])
            kind = r.choice("bBhHiIfY") if self.p(0.8) else r.choice(["list_i", "list_f"])
            if kind == "f":
                a = self.fresh("R6F")
                decl.append("%s = array('f', [i * 0.5 - 3 for i in range(%d)])" % (a, n + 1))
            elif kind.startswith("list"):
                a = self.fresh("R6L")
                decl.append("%s = [%s for i in range(%d)]" % (a, "i - 4" if kind == "list_i" else "i * 0.25", n + 1))
            else:
                a = self.array(kind, n + 1, decl)
            ckind = r.choice([kind if kind in "bBhHiIY" else "i", "i", "h", "b", "Y"])
            c = self.array(ckind, n, decl, 0.0) if store else a
            k = r.choice(["2", "(-1)", "0", "True", "False", "0.5", "3", "2147483647", "(-2147483648)"])
            self.call(decl, name, call_no, [a, c, str(n), k], [c] if store else [])

    # ---- the profit estimate (-X jit=auto) --------------------------------------------
    def profit_part(self):
        r = self.r
        cls, helper, loopf = self.fresh("R6P"), self.fresh("r6_help"), self.fresh("r6_objs")
        self.lines += ["class %s:" % cls, "    def __init__(self, v, k):", "        self.v = v",
                       "        self.k = k", "    def val(self):", "        return self.v * self.k + %d" % r.randint(-3, 3),
                       "", "def %s(x, y):" % helper,
                       "    return %s" % r.choice(["x * y + 1", "x - y", "(x + y) % 7", "x * 2 if x > y else y"]), ""]
        loop = r.choice(["range(n)", "range(1, n)", "range(len(lst))", "lst"])
        inner = self.p(0.3)
        L = ["def %s(n, k, lst):" % loopf, "    s = 0", "    for i in %s:" % loop]
        ind = "        "
        if inner:
            L.append(ind + "for j in range(k if k > 0 else 1):")
            ind += "    "
        L += [ind + "p = %s(i, k)" % cls, ind + "s = s + p.val() + %s(i, k)" % helper]
        if self.p(0.3):
            L.append(ind + "s = s %% %d" % r.choice([1000003, 65536, 97]))
        L.append("    return s")
        self.lines += L + [""]
        total = 0
        for call_no in range(r.randint(3, 6)):
            n = r.choice([10, 100, 500, 1000, 2000, 3999, 4000, 4001])
            if total > 12000:
                n = r.choice([0, 1, 10])
            total += n
            pre = []
            if self.p(0.2):
                pre.append("%s.val = lambda self: self.v - self.k" % cls)
            lst = "list(range(%d))" % n
            self.call(pre, loopf, call_no, [str(n), str(r.choice([1, 2, -1, 3])), lst], [])
            if self.p(0.5):
                self.call([], helper, call_no, [str(r.randint(-5, 5)), str(r.randint(-5, 5))], [])

    # ---- the whole -------------------------------------------------------------------
    def call(self, decl, name, call_no, args, outs):
        stmt = decl + ["try:", "    print('%s', %d, %s(%s))" % (name, call_no, name, ", ".join(args)),
                       "except Exception as e:", "    print('%s', %d, type(e).__name__, e)" % (name, call_no)]
        stmt += ["print(list(%s))" % o for o in outs]
        self.main.append(stmt)

    def generate(self, rate=0.3):
        """(source lines, main statements) in about `rate` of the programs."""
        r = self.r
        if r.random() >= rate:
            return [], []
        parts = [self.narrow_kernel, self.narrow_kernel, self.unsigned_kernel, self.unsigned_kernel,
                 self.kw_part, self.kinds_part, self.profit_part]
        for _ in range(r.randint(2, 5)):
            r.choice(parts)()
        return self.lines, self.main

    def program(self):
        src, main = self.generate(rate=1.0)
        return "\n".join(["# gen_rel6 seed %d" % self.seed, "from array import array", ""] + src +
                         [l for st in main for l in st]) + "\n"


def jit_mode(seed):
    return JIT_MODES[seed % len(JIT_MODES)]


def run(argv):
    """jit/random-rel6: these programs alone, interpreter against JIT in
    p4sim, the JIT's options changing with the seed (JIT_MODES)."""
    import argparse
    import concurrent.futures
    import os
    import genprog
    ap = argparse.ArgumentParser(prog="gen_rel6.py run")
    ap.add_argument("--p4jit", required=True)
    ap.add_argument("--firmware")
    ap.add_argument("--seeds", default="0:20")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--out", default=".")
    a = ap.parse_args(argv)
    lo, hi = (int(x) for x in a.seeds.split(":"))

    def one(seed):
        src = Rel6Gen(seed).program()
        try:  # a generator bug is a failure of its own, not two runs failing alike
            compile(src, "gen_rel6 seed %d" % seed, "exec")
        except SyntaxError as e:
            bad = (str(e), b"", b"")
            return seed, src, bad, ("generator", b"", b""), []
        return (seed, src) + check(a.p4jit, a.firmware, src, jit_mode(seed))

    def check(p4jit, firmware, src, mode):
        import tempfile
        with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as t:
            t.write(src)
        try:
            off = genprog.run_p4jit(p4jit, firmware, t.name, "off")
            jit = run_mode(p4jit, firmware, t.name, mode)
        finally:
            os.unlink(t.name)
        jerr, report = genprog.split_report(jit[2])
        return off, (jit[0], jit[1], jerr), report

    def run_mode(p4jit, firmware, path, mode):
        """genprog.run_p4jit's JIT run with this seed's options (its
        JIT_OPTS are shared by the threads: not changed here)."""
        import subprocess
        cmd = [p4jit, "run", "--on", "p4sim"] + (["--firmware", firmware] if firmware else []) + mode + \
            ["--jit-report", path]
        try:
            p = subprocess.run(cmd, capture_output=True, timeout=genprog.TIMEOUT)
            return p.returncode, p.stdout, p.stderr
        except subprocess.TimeoutExpired as e:
            return "timeout", e.stdout or b"", e.stderr or b""

    fails, compiled, seen = [], 0, 0
    with concurrent.futures.ThreadPoolExecutor(max(a.jobs, 1)) as pool:
        for n, (seed, src, off, jit, report) in enumerate(pool.map(one, range(lo, hi))):
            if n % 200 == 199:  # long campaigns: how far they got
                print("%d programs run (up to seed %d), %d mismatches" % (n + 1, seed, len(fails)), flush=True)
            for line in report:
                m = genprog.REPORT_LINE.match(line)
                if m:
                    seen += 1
                    compiled += m.group(2) == "compiled"
            if off != jit or off[0] not in (0, 1):
                fails.append(seed)
                path = os.path.join(a.out, "rel6-mismatch-%d.py" % seed)
                with open(path, "w") as fh:
                    fh.write(src)
                print("seed %d (%s): MISMATCH, program in %s\n%s" % (seed, " ".join(jit_mode(seed)), path,
                                                                     genprog.show_diff(off, jit)), flush=True)
    print("%d programs, %d of %d specialisations compiled, %d mismatches%s"
          % (hi - lo, compiled, seen, len(fails), ": " + " ".join(map(str, fails)) if fails else ""))
    return 1 if fails or compiled == 0 else 0


if __name__ == "__main__":
    import sys
    if sys.argv[1:2] == ["run"]:
        sys.exit(run(sys.argv[2:]))
    print(Rel6Gen(int(sys.argv[1]) if len(sys.argv) > 1 else 0).program(), end="")
