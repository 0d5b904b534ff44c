#!/usr/bin/env python3
"""Random loop shapes for the JIT, each program checked against CPython
(fuzz5, issue 12: silent wrong results).

What the other generators rarely make: loops whose counters and
accumulators are read after the loop was left in every way there is, the
shape sr.c once got wrong (tests/jit/loop_step_exit.py):
  - while loops with several exits (break, return, the condition), the
    counter stepped before or after each exit, before each `continue`,
    by a constant, a negative or a run-time step;
  - for loops over range() with run-time start, stop and step (negative
    too, 0 to 2 trips often), their variable read after the loop (also
    when the loop made no trip: the value from before), for/else and
    while/else;
  - nests of two or three loops with early exits from the inner one
    (break, return, a flag that breaks the outer one);
  - array reads and stores in those loops: array('b'/'h'/'i') and lists,
    indices that run one past the end in the last trip (IndexError),
    stores out of the typecode's range (OverflowError), sums that leave
    int32 (big ints), the output array also an input;
  - an interpreted callee appending to or popping from an array or list
    the compiled loop reads and stores;
  - a for loop's variable assigned in its body (the next trip takes
    range's value), a range's or while loop's bound (n, m) lowered in it;
  - each function called several times, its arrays changed between calls,
    and with other argument types (respecialisation);
  - on their own random stream (VECTOR below), 1 to 3 of the vectorisers'
    loops among such exits: dot products and dense rows whose counter and
    sum are read after them, dense rows in a while loop left early,
    elementwise clamps repeated with the output fed back as an input (or
    the output an input from the start), matmuls of 24 or 25 rows (the
    packed panel) left early; int8 or int16, shapes 0 to 70, arrays one
    short, extreme values (sums past int32);
  - on a third stream (NEST below, fuzz6), matmul and conv nests as users
    write them: several loop orders, sizes as arguments or globals changed
    between calls, counters from elsewhere than 0 (negative too), b
    replaced, resized or assigned a slice in the nest, arrays short, of
    another typecode, aliased, changed or replaced between calls.
Ints only, so CPython's output is the oracle, byte for byte.

The check: CPython against the host interpreter (-X jit=off), and against
compiled code on p4sim with -X jit=eager -X ir-verify=on, PIE rev3 and
(every other seed) rev1; the verifier must find no fault in the final IR
(a report after an earlier pass is a value left for a later pass to move,
docs/jit.md "Checking the IR", and is ignored).

Usage:
  gen_loops.py gen SEED
  gen_loops.py run --p4jit P4JIT [--seeds A:B] [--jobs N] [--host-only] [--firmware ELF] [--out DIR]
(gen_mixed.py's runner: a mismatch is written to DIR as loops_SEED.py)
"""
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_mixed import diff, main, run  # noqa: E402  (the runner and its helpers)

PRELUDE = '''\
from array import array


def guard(f):
    try:
        return f()
    except Exception as e:
        return type(e).__name__ + ':' + str(e)


def grow(a):
    if len(a) < 100:
        a.append(len(a) % 100)


def shrink(a):
    if len(a):
        a.pop()


def splice(a):
    a[0:2] = a[1:4]

'''

SMALL = [0, 1, 2, 3, -1, -2, 5, 7, 16, 17, 31, 40]
BIG = [2**30, 2**31 - 1, -2**31, 46341, 65536, 100000]
TYPES = {"b": (-128, 127), "h": (-32768, 32767), "i": (-2**31, 2**31 - 1), "l": (-2**40, 2**40)}  # "l": a list


class LoopGen:
    def __init__(self, seed):
        self.r = random.Random("loops%d" % seed)
        self.out = [PRELUDE]
        self.funcs = []      # (name, how many array parameters)
        self.rv = random.Random("loops-vector%d" % seed)
        self.ro = random.Random("loops-assign%d" % seed)
        self.vfuncs = []     # (name, VECTOR's kind)
        self.rn = random.Random("loops-nest%d" % seed)
        self.nfuncs = []     # (name, NEST's kind)
        self.n = 0
        self.ind = 0

    def p(self, x):
        return self.r.random() < x

    def fresh(self, prefix):
        self.n += 1
        return "%s%d" % (prefix, self.n)

    def emit(self, line):
        self.out.append("    " * self.ind + line)

    # ---- expressions over the ints in scope ------------------------------------------------
    def atom(self, names):
        r = self.r
        return r.choice(names) if names and self.p(0.75) else str(r.choice(SMALL if self.p(0.85) else BIG))

    def expr(self, names, d=2):
        r = self.r
        if d == 0 or self.p(0.35):
            return self.atom(names)
        a, b = self.expr(names, d - 1), self.expr(names, d - 1)
        x = r.random()
        if x < 0.6:
            return "(%s %s %s)" % (a, r.choice("+-*+-&|^"), b)
        if x < 0.7:
            return "(%s %s %d)" % (a, r.choice([">>", "<<"]), r.choice([1, 2, 7, 15]))
        if x < 0.8:
            return "(%s %% %d)" % (a, r.choice([2, 3, 5, 16]))
        if x < 0.9:
            return "%s(%s, %s)" % (r.choice(["min", "max"]), a, b)
        return "(-%s)" % a

    def cond(self, names):
        return "%s %s %s" % (self.expr(names, 1), self.r.choice(["<", "<=", "==", "!=", ">", ">="]),
                             self.expr(names, 1))

    # ---- statements ----------------------------------------------------------------------
    def exit_stmt(self, names, loop, depth):
        """One early way out of the innermost loop: break, continue (the
        counter stepped first, so the loop ends), return, or a flag."""
        r = self.r
        k = r.random()
        self.emit("if %s:" % self.cond(names))
        self.ind += 1
        if k < 0.4:
            self.emit("break")
        elif k < 0.6 and loop["kind"].startswith("while"):
            self.step(loop)
            self.emit("continue")
        elif k < 0.6:
            self.emit("continue")
        elif k < 0.8:
            self.emit("return %s" % self.expr(names, 1))
        else:
            self.emit("flag = %s" % self.expr(names, 1))
            self.emit("break")
        self.ind -= 1

    def step(self, loop):
        self.emit("%s %s= %s" % (loop["var"], "+" if loop["up"] else "-", loop["step"]))

    def body(self, names, loop, depth):
        r = self.r
        stepped = not loop["kind"].startswith("while")
        for _ in range(r.randint(1, 4)):
            x = r.random()
            if not stepped and x < 0.25:
                self.step(loop)
                stepped = True
            elif x < 0.5:
                v = r.choice(loop["accs"])
                # (of the counters and parameters only: sums grow, products of sums would explode)
                self.emit("%s %s= %s" % (v, r.choice("+-^"), self.expr(loop["ints"], 2)))
            elif x < 0.65 and self.arrays:
                self.array_stmt(names, loop)
            elif x < 0.8 and depth < 3:
                self.loop(names, depth + 1)
            else:
                self.exit_stmt(names, loop, depth)
        if not stepped:
            self.step(loop)
        # (their own stream: the rest of the program is what it was without them)
        if not loop["kind"].startswith("while") and self.ro.random() < 0.15:
            # a for loop's variable assigned: the next trip takes range's value
            self.emit("%s += %s" % (loop["var"], self.ro.choice(["1", "2", "k", "-3"])))
        if self.ro.random() < 0.1:
            # range() was evaluated once; a while loop's bound (n, m, n + m) comes nearer
            self.emit("%s -= 1" % self.ro.choice(["n", "m"]))
        if self.arrays and self.ro.random() < 0.1:
            # an interpreted callee resizing an array the compiled loop reads
            self.emit("%s(%s)" % (self.ro.choice(["grow", "shrink"]), self.ro.choice(self.arrays)))
        if self.p(0.3):
            self.exit_stmt(names, loop, depth)

    def array_stmt(self, names, loop):
        r = self.r
        a = r.choice(self.arrays)
        v = loop["var"]
        idx = r.choice([v, v + " + 1", v + " - 1", "len(%s) - 1 - %s" % (a, v), "%s %% max(len(%s), 1)" % (v, a)])
        if r.random() < 0.6 or a == "xs":
            self.emit("%s += %s[%s]" % (r.choice(loop["accs"]), a, idx))
        else:
            self.emit("%s[%s] = %s" % (a, idx, self.expr(names + ["%s[%s]" % (r.choice(self.arrays), v)], 1)))

    def loop(self, names, depth):
        r = self.r
        var = self.fresh("i")
        acc = self.fresh("s")
        self.emit("%s = %s" % (acc, self.atom(names)))
        names = names + [acc]
        kind = r.choice(["while", "while", "for", "for", "forelse", "whileelse", "whiletrue"])
        up = self.p(0.7)
        step = r.choice(["1", "1", "2", "3", "st"])
        loop = {"var": var, "kind": kind, "up": up, "step": step, "accs": [acc] + self.accs,
                "ints": self.ints + [var]}
        if kind == "for" or kind == "forelse":
            # range() takes 32-bit ints (docs/language.md, deviation 26): no sums
            lo, hi = r.choice(self.ints + ["1", "-2", "5"]), r.choice(["n", "m", "n - 1", "m + 1", "0", "1", "2"])
            self.emit("%s = %s" % (var, self.atom(names)))          # what a loop of no trip leaves
            if up:
                self.emit("for %s in range(%s, %s, %s):" % (var, "0" if self.p(0.5) else lo, hi, step))
            else:
                self.emit("for %s in range(%s, %s, -%s):" % (var, hi, "0" if self.p(0.5) else "-1", step))
        else:
            self.emit("%s = %s" % (var, r.choice(["0", "n", "m", "1", "-1", "k"])))
            bound = r.choice(["n", "m", "n + m", "2", "k"])
            test = "%s < %s" % (var, bound) if up else "%s > -(%s)" % (var, bound)
            self.emit("while %s:" % ("True" if kind == "whiletrue" else test))
            if kind == "whiletrue":
                self.ind += 1
                self.emit("if not (%s):" % test)
                self.emit("    break")
                self.ind -= 1
        self.ind += 1
        self.ints.append(var)
        self.body(names + [var], loop, depth)
        self.ints.remove(var)
        self.ind -= 1
        if kind in ("forelse", "whileelse"):
            self.emit("else:")
            self.emit("    %s += %s" % (acc, self.expr(names + [var], 1)))
        self.accs.append(acc)
        self.after.append(var)
        self.emit("t = (t * 3 + %s + %s) %% 1000003" % (var, acc))    # read after the loop, however it was left

    def function(self):
        r = self.r
        name = self.fresh("f")
        self.arrays = r.choice([[], ["xs"], ["xs", "ys"], ["xs", "ys"]])
        params = ["n", "m", "k"] + self.arrays
        self.emit("def %s(%s):" % (name, ", ".join(params)))
        self.ind = 1
        self.accs, self.after, self.ints = [], [], ["n", "m", "k", "st"]
        self.emit("st = k % 3 + 1")          # a run-time step, never 0
        self.emit("flag = 0")
        self.emit("t = 0")
        for _ in range(r.randint(1, 2)):
            self.loop(["n", "m", "k", "st"], 1)
        self.emit("return t * 7 + flag")
        self.ind = 0
        self.emit("")
        self.funcs.append((name, len(self.arrays)))

    def array_arg(self, tc, n):
        lo, hi = TYPES[tc]
        vals = [self.r.choice([0, 1, -1, 3, lo, hi, self.r.randint(lo, hi)]) for _ in range(n)]
        if tc == "l":
            return "%r" % vals
        return "array(%r, %r)" % (tc, vals)

    def calls(self, name, narr):
        r = self.r
        for _ in range(r.randint(2, 5)):
            n, m = r.choice([0, 1, 2, 3, 5, 8, 17, 33]), r.choice([0, 1, 2, 3, 4, 7])
            k = r.choice([0, 1, 2, 3, 4, 5, -1, -3, 9])
            args = [str(n), str(m), str(k)]
            arrs = []
            for j in range(narr):
                a = self.fresh("a")
                tc = r.choice("bhil")
                size = max(0, n + r.choice([0, 0, 1, 2, 4, -1]))
                self.emit("%s = %s" % (a, self.array_arg(tc, size)))
                arrs.append(a)
            if narr == 2 and self.p(0.2):
                arrs[1] = arrs[0]                   # the output is an input
            self.emit("print(%r, %s, guard(lambda: %s(%s)))" % (name, ", ".join(args), name, ", ".join(args + arrs)))
            for a in dict.fromkeys(arrs):
                self.emit("print(list(%s))" % a)
                if self.p(0.3):
                    self.emit("if len(%s): %s[0] = %s" % (a, a, r.choice([1, -1, 5])))   # changed between calls
                    self.emit("print(guard(lambda: %s(%s)))" % (name, ", ".join(args + arrs)))

    # ---- the vectorisers' loops inside such control flow -----------------------------------
    def vector_function(self):
        """One of VECTOR's kernels, its constants and exits chosen here; on
        their own random stream, so the functions above are what they were
        without them."""
        r = self.rv
        kind = r.choice(sorted(VECTOR))
        name = self.fresh("v")
        text = VECTOR[kind][0].format(
            name=name, bias=r.choice(["0", "0", "k", "-k", "2147483000"]), sh=r.choice(["0", "1", "3"]),
            op=r.choice(["+", "-", "*"]), lo=r.choice(["-128", "-100", "-32768", "0"]),
            hi=r.choice(["127", "100", "32767", "255"]),
            leave=r.choice(["break", "return r, t", "continue"]), cmp=r.choice(["<", ">", "=="]),
            # an offset into xs: negative reaches from its end (the first lanes), k from the arguments
            off=r.choice(["", "", "", " - 1", " - 16", " + k", " - k"]))
        self.out.extend(text.splitlines() + [""])
        self.vfuncs.append((name, kind))

    def vector_calls(self, name, kind):
        r = self.rv
        sizes = VECTOR[kind][1]
        for _ in range(r.randint(2, 4)):
            n = r.choice([0, 1, 2, 3, 4, 7, 8, 15, 16, 17, 31, 32, 33, 40, r.randint(0, 70)])
            m = r.choice([0, 1, 2, 3, 5, 24, 25])
            k = r.choice([0, 1, 2, 3, 5, -1, -7, 200, 5000])
            tc = r.choice("bh")
            lo, hi = TYPES[tc]
            arrs = []
            for what, size in zip(("xs", "ys", "out"), sizes(n, m, k)):
                size = max(0, size - (r.random() < 0.15))       # one short: IndexError in the last lane
                etc = "i" if what == "out" and kind != "ew" else tc
                if r.random() < 0.2:
                    vals = "[%d] * %d" % (r.choice([lo, hi]), size)   # extreme: sums past int32
                else:
                    vals = "[(j * %d + %d) %% %d - %d for j in range(%d)]" % (
                        r.choice([7, 13, 31]), r.randint(0, 9), min(hi, 251), min(hi, 251) // 2, size)
                a = self.fresh("a")
                self.emit("%s = array(%r, %s)" % (a, etc, vals))
                arrs.append(a)
            if kind == "ew" and r.random() < 0.3:
                arrs[2] = arrs[r.randint(0, 1)]                      # the output is an input
            args = "%d, %d, %d, %s" % (n, m, k, ", ".join(arrs))
            self.emit("print(%r, %r, guard(lambda: %s(%s)))" % (name, args, name, args))
            for a in dict.fromkeys(arrs):
                self.emit("print(sum(%s), %s[-3:])" % (a, a))

    # ---- matmul and conv nests as users write them (fuzz6) ----------------------------------
    def nest_function(self):
        """One of NEST's nests, its loop order, exits and the code between
        its loops chosen here; on its own random stream."""
        r = self.rn
        # (the vectorised ones more often: mm_jik, mm_ikj and conv_flat stay scalar)
        kind = r.choice(sorted(NEST) + ["mm_ijk", "mm_while", "mm_rowptr", "conv"] * 2)
        name = self.fresh("w")
        between = r.choice([
            "", "", "", "t += c[i * N]", "t += c[i * N + N - 1]",
            "if c[i * N] {cmp} {thr}:\n            {leave}".format(
                cmp=r.choice(["<", ">", "=="]), thr=r.choice(["0", "100", "-100"]),
                leave=r.choice(["break", "return t"] + ["continue"] * (kind != "mm_while"))),   # (i stepped after)
            "if i == {at}:\n            b = a".format(at=r.choice(["0", "1", "M - 2"])),
            "if i == 1:\n            grow(b)", "if i == 2:\n            splice(b)", "N -= (i == 2)", "K -= (i == 1)",
            "M -= 1"])       # (mm_while: the outer loop's bound lowered in it, regress_entry_bound.py)
        if kind.startswith("conv"):
            between = r.choice(["", "", "t += c[oy]", "if c[oy] {cmp} 0:\n            {leave}".format(
                cmp=r.choice(["<", ">"]), leave=r.choice(["break", "return t"]))])
        sizes = "H, C, F" if kind.startswith("conv") else "M, N, K"
        head = "def {name}(a, b, c, %s, i0, j0, k0):\n    %s = {sizes}\n    t = 0\n" % (sizes, sizes)
        text = (head + NEST[kind] + "\n    return t").format(name=name, bias=r.choice(["0"] * 6 + ["k0", "2147483000", "-2147483000"]),
                                 between=between,
                                 sizes=r.choice([sizes] * 2 + ["MG, NG, KG"]))
        self.out.extend(text.splitlines() + [""])
        self.nfuncs.append((name, kind))

    def nest_array(self, tc, size, extreme):
        r = self.rn
        lo, hi = TYPES[tc]
        if extreme:
            return "array(%r, [%d] * %d)" % (tc, r.choice([lo, hi]), size)
        return "array(%r, [(j * %d + %d) %% %d - %d for j in range(%d)])" % (
            tc, r.choice([7, 13, 29, 31]), r.randint(0, 9), min(hi, 251), min(hi, 251) // 2, size)

    def nest_calls(self, name, kind):
        """Shapes on both sides of the panels' and the check-free copy's
        conditions (24 rows, 16 lanes, 16 taps), starts elsewhere than 0
        (negative too: Python's indices from the end), arrays short, of
        other typecodes, aliased, changed or replaced between calls, sizes
        in globals changed between calls."""
        r = self.rn
        conv = kind.startswith("conv")
        for call in range(r.randint(2, 4)):
            if conv:
                M, N, K = r.choice([3, 4, 5, 6, 7]), r.choice([1, 2, 3, 4, 8, 16, 17]), r.choice([15, 16, 17, 32, 33])
                sizes = (M * M * N, 9 * N * K, (M - 2) * (M - 2) * K)       # src, weights, dst: H, C, F
            else:
                M, N, K = (r.choice([0, 1, 2, 23, 24, 25, 30]), r.choice([0, 1, 15, 16, 17, 32, 33, 48]),
                           r.choice([0, 1, 15, 16, 17, 24, 32]))
                sizes = (M * K, K * N, M * N)
            if r.random() < 0.4:
                # the counters from elsewhere than 0, negative too
                i0, j0, k0 = (r.choice([0, 0, 1, -1, 3]), r.choice([0, 0, 1, -1, 16, -16]), r.choice([0, 0, 1, -1, 16]))
            else:
                i0 = j0 = k0 = 0
            arrs = []
            for what, size in zip(("a", "b", "c"), sizes):
                short = r.choice([0] * 30 + [1, 16])
                tc = "i" if what == "c" else "b"
                if r.random() < 0.05:
                    tc = r.choice("bhi")            # another typecode than the one the nest was compiled for
                v = "n" + what                      # (the same names each call: the heap is small)
                self.emit("%s = %s" % (v, self.nest_array(tc, max(0, size - short), r.random() < 0.15)))
                arrs.append(v)
            x = r.random()
            if x < 0.1:
                arrs[1] = arrs[0]                   # a and b the same array
            elif x < 0.15:
                arrs[2] = arrs[r.randint(0, 1)]     # the output an input
            self.emit("MG, NG, KG = %d, %d, %d" % (M, N, K))
            args = "%s, %d, %d, %d, %d, %d, %d" % (", ".join(arrs), M, N, K, i0, j0, k0)
            self.emit("print(%r, %r, guard(lambda: %s(%s)))" % (name, args, name, args))
            for v in dict.fromkeys(arrs):
                self.emit("print(len(%s), sum(%s), %s[:3], %s[-3:])" % (v, v, v, v))
            y = r.random()
            if y < 0.2:
                # the same call again with b changed, resized or replaced
                change = r.choice(["if len({b}): {b}[0] = {b}[-1] // 2 + 1", "{b}.append(5)",
                                   "{b} = {b}[:]", "{b}[1:3] = {b}[0:1]", "MG += 1"])
                self.emit(change.format(b=arrs[1]))
                args = "%s, %d, %d, %d, %d, %d, %d" % (", ".join(arrs), M, N, K, i0, j0, k0)
                self.emit("print(guard(lambda: %s(%s)), sum(%s))" % (name, args, arrs[2]))
            self.emit("del na, nb, nc")

    def program(self):
        for _ in range(self.r.randint(4, 8)):
            self.function()
        for name, narr in self.funcs:
            self.calls(name, narr)
        for _ in range(self.rv.randint(1, 3)):
            self.vector_function()
        for name, kind in self.vfuncs:
            self.vector_calls(name, kind)
        for _ in range(self.rn.randint(1, 2)):
            self.nest_function()
        for name, kind in self.nfuncs:
            self.nest_calls(name, kind)
        return "\n".join(self.out) + "\n"


# The vectorisers' loops (dot products, dense rows, elementwise stores,
# matmul's 16-tap loop on a packed panel) with counters and sums read after
# them, exits beside them, run-time shapes: (source, the arrays' sizes for
# n, m, k). xs and ys are int8 or int16 arrays, out int32 (ew: like xs).
VECTOR = {
    "dot": ("""\
def {name}(n, m, k, xs, ys, out):
    s = {bias}
    c = k
    for c in range(n):
        s += xs[c{off}] * ys[c]
    out[0] = s >> {sh}
    return s, c""", lambda n, m, k: (n, n, 1)),
    "dense": ("""\
def {name}(n, m, k, xs, ys, out):
    r = 0
    t = 0
    while r < m:
        s = {bias}
        for c in range(n):
            s += xs[c{off}] * ys[r * n + c]
        out[r] = s >> {sh}
        r += 1
        if s {cmp} k:
            {leave}
        t += s
    return r, t""", lambda n, m, k: (n, n * m, m)),
    "ew": ("""\
def {name}(n, m, k, xs, ys, out):
    for rep in range(min(m, 3)):
        for i in range(n):
            v = (xs[i{off}] {op} ys[i]) >> {sh}
            out[i] = min(max(v, {lo}), {hi})
        xs, ys = ys, out
    return m""", lambda n, m, k: (n, n, n)),
    "mm": ("""\
def {name}(n, m, k, xs, ys, out):
    d = 12 + k % 8
    r = -1
    t = 0
    for r in range(m):
        for q in range(n):
            s = 0
            for p in range(d):
                s += xs[r * d + p] * ys[p * n + q]
            out[r * n + q] = s
        t += out[r * n]
        if t {cmp} k:
            {leave}
    return r, t""", lambda n, m, k: (m * (12 + k % 8), n * (12 + k % 8), m * n)),
}


# fuzz6: the nests vec17 (vector_panel.c's check-free copy), vec18 (a conv's
# whole packed panel, the fused taps) and vec19 (vector_entry.c's hoisted
# VCFG and bail-out flags) change, written as users write them: sizes as
# arguments (or globals, MG, NG, KG), several loop orders, counters starting
# at i0, j0, k0, code between the loops from nest_function ({between}: an
# exit, b replaced, resized or assigned a slice, a size lowered). a and b
# int8, c int32 (other typecodes now and then). The bodies; nest_function
# adds the head (def, the sizes, t = 0) and `return t`.
NEST = {
    "mm_ijk": """\
    for i in range(i0, M):
        for j in range(j0, N):
            acc = {bias}
            for k in range(k0, K):
                acc += a[i * K + k] * b[k * N + j]
            c[i * N + j] = acc
        {between}""",
    "mm_while": """\
    i = i0
    while i < M:
        j = j0
        while j < N:
            acc = {bias}
            k = k0
            while k < K:
                acc += b[k * N + j] * a[i * K + k]
                k += 1
            c[i * N + j] = acc
            j += 1
        {between}
        i += 1""",
    "mm_ikj": """\
    for i in range(i0, M):
        for k in range(k0, K):
            x = a[i * K + k]
            for j in range(j0, N):
                c[i * N + j] += x * b[k * N + j]
        {between}""",
    "mm_rowptr": """\
    for i in range(i0, M):
        ra = i * K
        rc = i * N
        for j in range(j0, N):
            acc = {bias}
            p = j
            for k in range(k0, K):
                acc += a[ra + k] * b[k * N + p]
            c[rc + j] = acc
        {between}""",
    "conv": """\
    for oy in range(H - 2):
        for ox in range(i0, H - 2):
            for f in range(j0, F):
                acc = {bias}
                for ky in range(3):
                    for kx in range(3):
                        base = ((oy + ky) * H + (ox + kx)) * C
                        wbase = (ky * 3 + kx) * C * F + f
                        for ch in range(k0, C):
                            acc += a[base + ch] * b[wbase + ch * F]
                c[(oy * (H - 2) + ox) * F + f] = acc
        {between}""",
    "conv_flat": """\
    W = H
    for oy in range(H - 2):
        for ox in range(W - 2):
            o = (oy * (W - 2) + ox) * F
            for f in range(j0, F):
                acc = {bias}
                for tap in range(9):
                    ky = tap // 3
                    kx = tap - ky * 3
                    for ch in range(C):
                        acc += a[((oy + ky) * W + ox + kx) * C + ch] * b[(tap * C + ch) * F + f]
                c[o + f] = acc""",
}

# the same nest with the two outer loops swapped (lanes over i: not on PIE lanes)
NEST["mm_jik"] = NEST["mm_ijk"].replace("    for i in range(i0, M):\n        for j in range(j0, N):",
                                        "    for j in range(j0, N):\n        for i in range(i0, M):").replace(
                                        "{between}", "t += c[j]")


def generate(seed):
    return LoopGen(seed).program()


# ---- checking ----------------------------------------------------------------------------

def verified(result):
    """result without the verifier's notes after passes before the last, and
    the faults it found in the final IR (after ir_schedule)."""
    keep, faults = [], []
    for line in result[2].splitlines(keepends=True):
        if line.startswith(b"ir-verify: "):
            if b", after ir_schedule: " in line:
                faults.append(line.decode(errors="replace").rstrip())
            continue
        keep.append(line)
    return (result[0], result[1], b"".join(keep)), faults


def check(p4jit, firmware, path, host_only):
    """(verdict, detail) for the program at path (loops_SEED.py)."""
    seed = int(re.search(r"(\d+)\.py$", path).group(1))
    want = run([sys.executable, path], 60)
    if want[0] != 0:
        return "cpython-failed", want[2].decode(errors="replace")[-800:]
    sim = [p4jit, "run", "--on", "p4sim"] + (["--firmware", firmware] if firmware else [])
    rev = "rev1" if seed % 2 else "rev3"
    runs = [("host", [p4jit, "run", "-X", "jit=off", path]),
            ("p4sim-" + rev, sim + ["-X", "jit=eager", "-X", "ir-verify=on", "-X", "pie=" + rev, path])]
    if host_only:
        runs = runs[:1]
    for what, cmd in runs:
        got, faults = verified(run(cmd))
        if faults:
            return what + "-ir-verify", "\n".join(faults[:10])
        if got[:2] != want[:2] or got[2]:
            return what, diff(want, got)
    return "ok", ""


if __name__ == "__main__":
    sys.exit(main(generate, "loops", check))
