#!/usr/bin/env python3
"""Random typed numeric programs for the JIT: interpreter against JIT.

Each seed gives one program in P4JIT's language subset (docs/language.md):
many functions over ints, floats and arrays (loops of every shape, branches,
int and float arithmetic, array loads and stores, calls between the
functions, bounded recursion), and a main part that calls each function with
a few argument combinations under try/except and prints the results and the
arrays. The program runs in the RV32 firmware under p4sim twice, with
`-X jit=off` and `-X jit=eager`; stdout, stderr and the exit status must be
byte-for-byte identical (both are P4JIT, so floats must match exactly: no
CPython oracle here). The eager run also asks for `--jit-report`, from which
the fraction of generated functions the JIT compiled is counted.

About 80% of the programs also get one to three functions of the shape
vector.c runs on PIE's lanes (VecGen below: an int8 multiply-accumulate nest
under a counted lane loop, stored into array('i')), or near misses it must
leave scalar, called on arrays sized from the arguments: exactly fitting, one
too short, longer, reached by negative indices. A comment before each names
its kind ("# vectorisable: vec", "# near miss: coef2", ...).

About half the programs also get a wide loop (66 to 90 ints and floats
carried around one loop, with a rotation making one long cycle of moves) and
some a recursive function called at depths around the recursion limit, where
compiled code must raise RecursionError exactly where the interpreter does
(StressGen below). At the end, `run` states what the JIT run exercised: the
calls of compiled functions from the main parts, the loops on PIE lanes and
the stress functions compiled.

Some constructs the JIT refuses (lists, print, try, int ** 3, float //, an
int variable compared with a float, array('I') reads, ...) appear rarely:
those functions stay interpreted and must still give the same output.

Usage:
  genprog.py gen SEED [-o FILE]          print (or write) one program
  genprog.py run --p4jit P4JIT [--seeds A:B] [--min-compiled F] [--minimise]
                 [--out DIR] [--firmware ELF]
        run every seed in [A, B), compare; on a mismatch write the program
        (and with --minimise a reduced one) to DIR and fail at the end
  genprog.py check --p4jit P4JIT FILE    run one file both ways, show a diff
  genprog.py minimise --p4jit P4JIT FILE [-o OUT]
        delete functions, calls and statements while the mismatch persists,
        then shrink parenthesised expressions
Common options: --firmware ELF (a build without its own firmware), --opts
'...' for both runs (e.g. --opts='--gc-stress'), --jit-opts '...' for the JIT
run instead of -X jit=eager (e.g. '-X jit=auto -X jit-code=6K'); run -j N
runs N programs at a time, --allow-known-bugs generates the KNOWN_BUGS
constructs too (to check a fix). The CTest jit/random is
  genprog.py run --p4jit P4JIT --seeds 0:250 --jobs 2 --min-compiled 0.6

KNOWN_BUGS below lists JIT bugs found by this generator and not fixed yet:
the generator avoids each construct while its flag is in the set, so the
test passes until the JIT is fixed and the flag removed (none today).
"""
import argparse
import concurrent.futures
import difflib
import os
import random
import re
import subprocess
import sys
import tempfile
import time

import gen_p4nn
import gen_vec3                                 # vec3's vector nests (tails, 16-tap loops)
import gen_vec4                                 # vec4b's conv/dense nests, shapes as arguments
import gen_elem16                               # vec6b's int8/int16 multiplies, shifts, requantize
import gen_vec6                                 # vec6a's row pairs (dense rows of 384+)
import gen_vec7                                 # vec7's scalar tails and few-trip loops (rows of 0 to 40)
import gen_vec8                                 # vec8's dense nests versioned on the row length
import gen_vec9                                 # vec9's 16-tap loops with fused broadcast lanes
import gen_vec11                                # vec11's int16 dot products (esp.vmulas.s16.xacc)
import gen_vec12                                # vec12's conv nests copied for 16 taps (run-time channels)
import gen_vec16                                # vec16's conv columns and channels as one run of taps
import gen_vec13                                # vec13's vector loops entered once per output position
import gen_vec14                                # vec14's matmuls on a packed panel of b
from gen_deopt import DeoptGen, count_deopts   # values crossing 2**31 in compiled loops
from gen_objects import ObjGen                  # methods and closures, their guards failing
from gen_obj import MethGen                     # methods calling methods, classes patched between calls
from gen_mutate import MutGen                   # callees changing list items, globals, attributes under compiled callers
from gen_rel6 import Rel6Gen                    # narrowing stores, unsigned bytes, keyword calls, kinds changing, jit=auto's profit

# Constructs avoided because the JIT gets them wrong today (see tests/jit/found/).
# Remove a flag once the bug is fixed: the generator then produces it again.
KNOWN_BUGS = set()
# Found and fixed (regression tests tests/jit/regress_*.py): "global-store"
# (no fence.i after rewriting code), "range-step-zero" (TypeError instead of
# ValueError), "math-inf" (sin/cos/tan of an infinity did not raise),
# "dead-params" (7 parameters, some unused: two moved to one register in the
# prologue), "acc-after-loop" (acc read after the lane loop: vector.c
# vectorised it anyway; with an outer loop build.c's read_var recursed for ever),
# "int-of-float" (int(x) of a float beyond int32: the firmware's truncf gave
# wrong longs; its check now deoptimises, tests/jit/deopt/int_of_float.py).

TIMEOUT = 120
JIT_OPTS = ["-X", "jit=eager"]   # the JIT run's options (--jit-opts)
RUN_OPTS = []                    # both runs' options (--opts), e.g. a small heap
COST_CAP = 4000          # estimated statements per call of a generated function
COST_CAP_REC = 8         # callees of a recursive function must be this cheap

INT_TCS = "bBhHi"          # array typecodes whose elements compiled code reads as int
ARR_RANGES = {"b": (-128, 127), "B": (0, 255), "h": (-32768, 32767), "H": (0, 65535),
              "i": (-2**31, 2**31 - 1), "I": (0, 2**31 - 1), "Y": (0, 255)}
FLOAT_CONSTS = ["0.5", "1.5", "-2.25", "3.0", "0.1", "0.001", "100.0", "-7.75", "2.0",
                "0.0", "1e30", "-0.0", "12.5", "0.333", "1e-20", "65536.0"]


def int_const(r):
    x = r.random()
    if x < 0.55:
        return str(r.randint(-5, 20))
    if x < 0.85:
        return str(r.choice([31, 100, 255, 256, 1000, 4095, 65535, 65536, 99991, 46340, 46341, 12345]))
    if x < 0.93:
        return str(r.randint(-100000, 100000))
    return r.choice(["2147483647", "(-2147483648)", "1073741824", "(-1)", "0x7FFF", "0b1011"])


class Fn:
    def __init__(self, idx):
        self.idx = idx
        self.name = "f%d" % idx
        self.params = []         # (name, type)
        self.ret = "int"
        self.lines = []
        self.leaf = True         # no loops, no calls
        self.rec = False         # self-recursive: params[0] is the depth
        self.double = False      # recursive with two calls (exponential: small depths only)
        self.cost = 0            # estimated statements executed by one call (callees included)
        self.ndefaults = 0


class Ctx:
    """Variables visible at the current point of a function: name -> type.
    Types: int, float, and arr:TC for arrays (TC one of bBhHiIfY, Y = bytearray)."""

    def __init__(self):
        self.scopes = [{}]
        self.readonly = set()    # loop counters
        self.loop_depth = 0
        self.in_loop_body = 0
        self.mult = 1            # product of the enclosing loops' trip counts (an estimate)
        self.loopvars = []       # (loop counter, the array whose len() bounds it, or None)

    def vars(self, t=None):
        out = []
        for s in self.scopes:
            for n, ty in s.items():
                if t is None or ty == t:
                    out.append(n)
        return out

    def arrays(self, pred=lambda tc: True):
        return [n for s in self.scopes for n, ty in s.items() if ty.startswith("arr:") and pred(ty[4:])]

    def typeof(self, n):
        for s in self.scopes:
            if n in s:
                return s[n]
        return None

    def define(self, n, t):
        self.scopes[-1][n] = t


class Gen:
    def __init__(self, seed, nfuncs=None, avoid=None):
        self.r = random.Random(seed)
        self.seed = seed
        self.avoid = KNOWN_BUGS if avoid is None else avoid
        self.nfuncs = nfuncs or self.r.randint(30, 45)
        self.funcs = []
        self.counter = 0
        self.nglobals_i = self.r.randint(1, 3)
        self.nglobals_f = self.r.randint(0, 2)
        self.refused = 0

    # ---- helpers -----------------------------------------------------------------
    def fresh(self, prefix):
        self.counter += 1
        return "%s%d" % (prefix, self.counter)

    def p(self, x):
        return self.r.random() < x

    def rare(self):
        """A construct the JIT refuses, about once per 8 functions."""
        return self.r.random() < 0.012

    # ---- expressions ---------------------------------------------------------------
    def int_leaf(self, c):
        r = self.r
        opts = c.vars("int")
        x = r.random()
        if opts and x < 0.6:
            return r.choice(opts)
        if x < 0.7 and self.nglobals_i:
            return "G%d" % r.randrange(self.nglobals_i)
        arrs = c.arrays(lambda tc: tc in INT_TCS or tc == "Y")
        if arrs and x < 0.8:
            return "len(%s)" % r.choice(arrs)
        return int_const(r)

    def index(self, c, a):
        r = self.r
        x = r.random()
        ints = c.vars("int")
        own = [i for i, arr in c.loopvars if arr == a]
        if own and x < 0.5:
            # the loop counter over range(len(a)): bounds checks the JIT may remove
            i = r.choice(own)
            return r.choice([i, i, "-%s - 1" % i, "%s - 1" % i, "len(%s) - 1 - %s" % (a, i), "%s + 1" % i])
        if c.loopvars and x < 0.6:
            i = r.choice(c.loopvars)[0]
            return r.choice(["%s %% len(%s)" % (i, a), i, "-%s" % i])
        if x < 0.45:
            return "(%s) %% len(%s)" % (self.int_expr(c, 1), a)
        if x < 0.6:
            return "-1"
        if x < 0.7:
            return "-(%s %% len(%s)) - 1" % (self.int_expr(c, 1), a)
        if x < 0.8:
            return "0"
        if x < 0.9 and ints:
            return "%s & 7" % r.choice(ints)      # may be out of range: IndexError
        return self.int_expr(c, 1)                # anything: IndexError sometimes

    def int_expr(self, c, d=2):
        r = self.r
        if d <= 0 or self.p(0.25):
            return self.int_leaf(c)
        x = r.random()
        if x < 0.42:
            op = r.choice(["+", "-", "*", "&", "|", "^", "+", "-", "&"])
            return "(%s %s %s)" % (self.int_expr(c, d - 1), op, self.int_expr(c, d - 1))
        if x < 0.5:
            op = r.choice(["//", "%"])
            b = self.int_expr(c, d - 1)
            if self.p(0.85):
                b = "(%s | 1)" % b
            return "(%s %s %s)" % (self.int_expr(c, d - 1), op, b)
        if x < 0.56:
            op = r.choice(["<<", ">>"])
            k = self.int_expr(c, d - 1)
            y = r.random()
            if y < 0.8:
                k = "(%s & %d)" % (k, 15 if op == "<<" else 31)
            elif y < 0.9:
                k = str(r.choice([0, 1, 5, 31, 32, 40]))
            return "(%s %s %s)" % (self.int_expr(c, d - 1), op, k)
        if x < 0.6:
            if c.loopvars and self.p(0.4):
                i = r.choice(c.loopvars)[0]
                return "(%s %s %s)" % (i, r.choice(["*", "+", "-"]), r.choice(
                    ["99999999", "2147483000", "(-2147483000)", "300000000", "46341", "2"]))
            return "%s(%s)" % (r.choice(["-", "~", "+"]), self.int_expr(c, d - 1))
        arrs = c.arrays(lambda tc: tc in INT_TCS or tc == "Y")
        if x < 0.7 and arrs:
            a = r.choice(arrs)
            return "%s[%s]" % (a, self.index(c, a))
        if x < 0.74 and c.arrays(lambda tc: tc == "I") and self.rare():
            a = r.choice(c.arrays(lambda tc: tc == "I"))
            self.refused += 1
            return "%s[%s]" % (a, self.index(c, a))      # refused: array('I') read
        if x < 0.78:
            return "abs(%s)" % self.int_expr(c, d - 1)
        if x < 0.82:
            return "%s(%s, %s)" % (r.choice(["min", "max"]), self.int_expr(c, d - 1), self.int_expr(c, d - 1))
        if x < 0.86 and "int-of-float" not in self.avoid:
            f = self.float_expr(c, d - 1)
            return r.choice(["int(%s)", "math.floor(%s)", "math.ceil(%s)"]) % f
        if x < 0.87 and c.vars("bool"):
            b = r.choice(c.vars("bool"))
            return r.choice(["int(%s)", "(%s + 0)", "(%%s * %s)" % self.int_leaf(c), "(-%s)"]) % b
        if x < 0.89:
            return "int(%s)" % self.cond(c, d - 1)
        if x < 0.92:
            return "(%s if %s else %s)" % (self.int_expr(c, d - 1), self.cond(c, d - 1), self.int_expr(c, d - 1))
        if x < 0.94:
            return "(%s ** 2)" % self.int_expr(c, d - 1)
        if x < 0.945 and self.rare():
            self.refused += 1
            return "(%s ** 3)" % self.int_expr(c, 0)          # refused: ** 3
        if x < 0.95 and self.rare():
            self.refused += 1
            return "len([%s, %s])" % (self.int_expr(c, 0), self.int_expr(c, 0))   # refused: list
        call = self.call_expr(c, "int", d)
        if call:
            return call
        return self.int_leaf(c)

    def float_leaf(self, c):
        r = self.r
        opts = c.vars("float")
        x = r.random()
        if opts and x < 0.6:
            return r.choice(opts)
        if x < 0.68 and self.nglobals_f:
            return "H%d" % r.randrange(self.nglobals_f)
        farrs = c.arrays(lambda tc: tc == "f")
        if farrs and x < 0.78:
            a = r.choice(farrs)
            return "%s[%s]" % (a, self.index(c, a))
        if x < 0.85:
            return "float(%s)" % self.int_leaf(c)
        return r.choice(FLOAT_CONSTS)

    def float_expr(self, c, d=2):
        r = self.r
        if d <= 0 or self.p(0.25):
            return self.float_leaf(c)
        x = r.random()
        if x < 0.45:
            op = r.choice(["+", "-", "*", "+", "*"])
            b = self.float_expr(c, d - 1) if self.p(0.75) else self.int_expr(c, d - 1)
            a = self.float_expr(c, d - 1)
            if self.p(0.5):
                a, b = b, a
            return "(%s %s %s)" % (a, op, b)
        if x < 0.55:
            b = self.float_expr(c, d - 1) if self.p(0.7) else self.int_expr(c, d - 1)
            if self.p(0.6):
                b = r.choice(["3.0", "0.5", "7", "1.25", "-4.0", "(abs(%s) + 1.0)" % b])
            a = self.float_expr(c, d - 1) if self.p(0.8) else self.int_expr(c, d - 1)
            return "(%s / %s)" % (a, b)
        if x < 0.58:
            return "(%s / %s)" % (self.int_expr(c, d - 1), "(%s | 1)" % self.int_expr(c, d - 1))
        if x < 0.62:
            return "-(%s)" % self.float_expr(c, d - 1)
        if x < 0.66:
            return "abs(%s)" % self.float_expr(c, d - 1)
        if x < 0.7:
            return "%s(%s, %s)" % (r.choice(["min", "max"]), self.float_expr(c, d - 1), self.float_expr(c, d - 1))
        if x < 0.76:
            fn = r.choice(["sqrt", "sqrt", "exp", "sin", "cos", "tan", "atan"])
            a = self.float_expr(c, d - 1) if self.p(0.8) else "float(%s)" % self.int_expr(c, d - 1)
            if fn == "sqrt" and self.p(0.8):
                a = "abs(%s)" % a
            if fn == "exp" and self.p(0.7):
                a = "min(%s, 20.0)" % self.float_expr(c, d - 1)
            if fn in ("sin", "cos", "tan") and "math-inf" in self.avoid:
                a = "max(min(%s, 1e6), -1e6)" % a
            return "math.%s(%s)" % (fn, a)
        if x < 0.8:
            return "(%s ** 2)" % self.float_expr(c, d - 1)
        if x < 0.84:
            return "(%s if %s else %s)" % (self.float_expr(c, d - 1), self.cond(c, d - 1), self.float_expr(c, d - 1))
        if x < 0.86:
            return "float(%s)" % self.int_expr(c, d - 1)
        if x < 0.87 and self.rare():
            self.refused += 1
            return "(%s %s 1.5)" % (self.float_expr(c, d - 1), r.choice(["//", "%"]))   # refused: float // %
        if x < 0.875 and self.rare():
            self.refused += 1
            return "min(%s, %s)" % (self.float_expr(c, d - 1), self.int_expr(c, 0))   # refused: mixed min
        call = self.call_expr(c, "float", d)
        if call:
            return call
        return self.float_leaf(c)

    def bool_expr(self, c, d=1):
        """A value that is always a bool: comparisons, not, and/or of bools, bool variables."""
        r = self.r
        ops = ["<", "<=", "==", "!=", ">", ">="]
        x = r.random()
        bvars = c.vars("bool")
        if bvars and x < 0.3:
            return r.choice(bvars)
        if x < 0.6 or d <= 0:
            return "(%s %s %s)" % (self.int_expr(c, 1), r.choice(ops), self.int_expr(c, 1))
        if x < 0.7:
            return "(%s %s %s)" % (self.float_expr(c, 1), r.choice(ops), self.float_expr(c, 1))
        if x < 0.8:
            return "(not %s)" % self.bool_expr(c, d - 1)
        return "(%s %s %s)" % (self.bool_expr(c, d - 1), r.choice(["and", "or", "&", "|", "^", "=="]),
                               self.bool_expr(c, d - 1))

    def cond(self, c, d=2):
        r = self.r
        x = r.random()
        ops = ["<", "<=", "==", "!=", ">", ">="]
        if c.vars("bool") and self.p(0.15):
            return self.bool_expr(c, d)
        if x < 0.4:
            return "(%s %s %s)" % (self.int_expr(c, d - 1), r.choice(ops), self.int_expr(c, d - 1))
        if x < 0.6:
            b = self.float_expr(c, d - 1) if self.p(0.7) else r.choice(["0", "1", "-3", "100", "16777216"])
            return "(%s %s %s)" % (self.float_expr(c, d - 1), r.choice(ops), b)
        if x < 0.65 and c.vars("int") and self.rare():
            self.refused += 1
            return "(%s < %s)" % (r.choice(c.vars("int")), self.float_expr(c, 0))   # refused: int var vs float
        if x < 0.72 and d > 0:
            return "(%s %s %s)" % (self.cond(c, d - 1), r.choice(["and", "or"]), self.cond(c, d - 1))
        if x < 0.77 and d > 0:
            return "(not %s)" % self.cond(c, d - 1)
        if x < 0.83:
            return "(%s %s %s %s %s)" % (self.int_expr(c, 0), r.choice(ops[:2]), self.int_expr(c, d - 1),
                                         r.choice(ops[:2]), self.int_expr(c, 0))
        if x < 0.92:
            return "(%s & %d)" % (self.int_expr(c, d - 1), r.choice([1, 2, 4, 8, 3]))
        return self.float_expr(c, d - 1)

    def args_for(self, c, callee, d):
        out = []
        for k, (_, t) in enumerate(callee.params):
            if k == 0 and callee.rec:
                out.append("(%s) & 7" % self.int_expr(c, 0))
            elif t == "int":
                out.append(self.int_expr(c, max(d - 1, 0)))
            elif t == "float":
                out.append(self.float_expr(c, max(d - 1, 0)))
            else:
                arrs = c.arrays(lambda tc: tc == t[4:])
                if not arrs:
                    return None
                out.append(self.r.choice(arrs))
        return out

    def call_expr(self, c, ret, d):
        cap = COST_CAP_REC if self.cur.rec else COST_CAP
        cands = [f for f in self.funcs if f.ret == ret and self.cur.cost + c.mult * (f.cost + 1) <= cap]
        if not cands or self.cur_calls >= 5:
            return None
        f = self.r.choice(cands)
        args = self.args_for(c, f, d)
        if args is None:
            return None
        self.cur_calls += 1
        self.cur.leaf = False
        self.cur.cost += c.mult * (f.cost + 1)
        return "%s(%s)" % (f.name, ", ".join(args))

    # ---- statements ----------------------------------------------------------------
    def emit(self, out, ind, s):
        out.append("    " * ind + s)

    def assign_int(self, c, out, ind):
        r = self.r
        e = self.int_expr(c, r.randint(1, 3))
        x = r.random()
        if x < 0.35:
            e = "(%s) & %s" % (e, r.choice(["0xFFFF", "0xFFFFF", "1023", "0x7FFFFFFF"]))
        elif x < 0.5:
            e = "(%s) %% %s" % (e, r.choice(["9973", "1000003", "256", "(-77)"]))
        return e

    GROWTH = re.compile(r"\*|<<")

    def bound_growth(self, c, out, ind, v, e):
        """Keeps a loop-carried int from growing without bound: `v *= v` or
        `v += v << k` in a loop doubles v's width each trip, and a few dozen
        trips make numbers of millions of bits that take CPython and the
        interpreter minutes. The mask keeps 48 bits, so values still cross
        2**31 and exercise long ints and the JIT's overflow deoptimisation.
        It draws no random numbers, so the rest of the program is unchanged."""
        if c.loop_depth > 0 and self.GROWTH.search(e):
            self.emit(out, ind, "%s &= 0xFFFFFFFFFFFF" % v)

    def stmt(self, c, out, ind, budget):
        r = self.r
        self.cur.cost += c.mult
        x = r.random()
        ivars = [v for v in c.vars("int") if v not in c.readonly]
        fvars = [v for v in c.vars("float") if v not in c.readonly]
        nest_ok = c.loop_depth < 3 and budget > 1
        bvars = [v for v in c.vars("bool") if v not in c.readonly]
        if x < 0.03:
            n = self.fresh("b")
            self.emit(out, ind, "%s = %s" % (n, self.bool_expr(c)))
            c.define(n, "bool")
            return 1
        if x < 0.04 and bvars:
            self.emit(out, ind, "%s = %s" % (r.choice(bvars), self.bool_expr(c)))
            return 1
        if x < 0.14:
            n = self.fresh("v")
            if self.p(0.6):
                self.emit(out, ind, "%s = %s" % (n, self.assign_int(c, out, ind)))
                c.define(n, "int")
            else:
                self.emit(out, ind, "%s = %s" % (n, self.float_expr(c, r.randint(1, 3))))
                c.define(n, "float")
            return 1
        if x < 0.32 and (ivars or fvars):
            if ivars and (not fvars or self.p(0.6)):
                v = r.choice(ivars)
                y = r.random()
                if y < 0.3:
                    e = self.assign_int(c, out, ind)
                    self.emit(out, ind, "%s = %s" % (v, e))
                    self.bound_growth(c, out, ind, v, e)
                elif y < 0.75:
                    op = r.choice(["+=", "-=", "^=", "|=", "&=", "+="])
                    e = self.int_expr(c, 2)
                    self.emit(out, ind, "%s %s %s" % (v, op, e))
                    if self.p(0.5):
                        self.emit(out, ind, "%s &= %s" % (v, r.choice(["0xFFFFF", "0x3FFF"])))
                    else:
                        self.bound_growth(c, out, ind, v, e)
                else:
                    op = r.choice(["*=", "//=", "%=", "<<=", ">>="])
                    e = self.int_expr(c, 1)
                    if op in ("//=", "%=") and self.p(0.85):
                        e = "(%s | 1)" % e
                    if op in ("<<=", ">>=") and self.p(0.9):
                        e = "(%s & 7)" % e
                    self.emit(out, ind, "%s %s %s" % (v, op, e))
                    self.bound_growth(c, out, ind, v, op + e)
            else:
                v = r.choice(fvars)
                op = r.choice(["=", "+=", "-=", "*=", "/=", "+="])
                e = self.float_expr(c, 2)
                if op == "/=" and self.p(0.7):
                    e = r.choice(["2.0", "3", "(abs(%s) + 0.5)" % e])
                self.emit(out, ind, "%s %s %s" % (v, op, e))
            return 1
        if x < 0.42:
            arrs = c.arrays(lambda tc: tc != "I")
            if arrs:
                a = r.choice(arrs)
                tc = c.typeof(a)[4:]
                idx = self.index(c, a)
                if tc == "f":
                    e = self.float_expr(c, 2) if self.p(0.8) else self.int_expr(c, 1)
                else:
                    e = self.int_expr(c, 2)
                    lo, hi = ARR_RANGES[tc]
                    y = r.random()
                    if y < 0.7:
                        e = "(%s) %% %d" % (e, hi + 1) if lo == 0 else "(%s) & %d" % (e, min(hi, 0x7FFFFFFF) >> 1)
                    elif y < 0.8 and lo < 0:
                        e = "(%s) %% %d - %d" % (e, hi, hi // 2)
                op = "="
                if self.p(0.25):
                    op = r.choice(["+=", "-="] if tc != "f" else ["+=", "*=", "-="])
                    if tc != "f":
                        e = r.choice(["1", "3", "(-2)", "100"])
                self.emit(out, ind, "%s[%s] %s %s" % (a, idx, op, e))
                return 1
        if x < 0.55 and nest_ok:
            return self.if_stmt(c, out, ind, budget)
        if x < 0.72 and nest_ok:
            return self.for_stmt(c, out, ind, budget)
        if x < 0.8 and nest_ok:
            return self.while_stmt(c, out, ind, budget)
        if x < 0.85 and c.in_loop_body:
            kw = r.choice(["break", "continue"])
            self.emit(out, ind, "if %s:" % self.cond(c, 1))
            self.emit(out, ind + 1, kw)
            return 1
        if x < 0.88:
            self.emit(out, ind, "if %s:" % self.cond(c, 1))
            self.emit(out, ind + 1, "return %s" % self.ret_expr(c))
            return 1
        if x < 0.91 and len(ivars) >= 2:
            a, b = r.sample(ivars, 2)
            self.emit(out, ind, "%s, %s = %s, %s" % (a, b, b, a))
            return 1
        if x < 0.93 and len(fvars) >= 2:
            a, b = r.sample(fvars, 2)
            self.emit(out, ind, "%s, %s = %s + 1.0, %s" % (a, b, b, a))
            return 1
        if x < 0.95:
            e = self.call_expr(c, r.choice(["int", "float"]), 2)
            if e:
                self.emit(out, ind, e)
                return 1
        if x < 0.96 and self.rare():
            self.refused += 1
            kind = r.randrange(4)
            if kind == 0:
                self.emit(out, ind, "print('trace', %s)" % self.int_expr(c, 1))
            elif kind == 1:
                n = self.fresh("v")
                self.emit(out, ind, "try:")
                self.emit(out, ind + 1, "%s = %s" % (n, self.int_expr(c, 2)))
                self.emit(out, ind, "except ArithmeticError:")
                self.emit(out, ind + 1, "%s = -1" % n)
                c.define(n, "int")
            elif kind == 2 and ivars and c.in_loop_body and "alloc" not in self.avoid:
                n = self.fresh("v")
                self.emit(out, ind, "%s = len(bytearray(%s))" % (n, r.randint(0, 9)))   # refused: allocation in a loop
                c.define(n, "int")
            elif kind == 2 and ivars:
                v = r.choice(ivars)
                self.emit(out, ind, "%s = sum([%s, %s, 1])" % (v, v, self.int_expr(c, 1)))
            else:
                n = self.fresh("v")
                self.emit(out, ind, "%s = len(str(%s))" % (n, self.int_expr(c, 1)))
                c.define(n, "int")
            return 1
        n = self.fresh("v")
        self.emit(out, ind, "%s = %s" % (n, self.assign_int(c, out, ind)))
        c.define(n, "int")
        return 1

    def block(self, c, out, ind, budget, scope=True):
        if scope:
            c.scopes.append({})
        used = 0
        n = self.r.randint(1, max(1, min(budget, 4)))
        start = len(out)
        for _ in range(n):
            if used >= budget:
                break
            used += self.stmt(c, out, ind, budget - used)
        if len(out) == start:
            self.emit(out, ind, "pass")
        if scope:
            c.scopes.pop()
        return max(used, 1)

    def if_stmt(self, c, out, ind, budget):
        r = self.r
        self.emit(out, ind, "if %s:" % self.cond(c))
        used = self.block(c, out, ind + 1, budget // 2)
        while self.p(0.3):
            self.emit(out, ind, "elif %s:" % self.cond(c))
            used += self.block(c, out, ind + 1, 2)
        if self.p(0.5):
            self.emit(out, ind, "else:")
            used += self.block(c, out, ind + 1, 2)
        return used + 1

    def loop_body(self, c, out, ind, budget, trips):
        c.loop_depth += 1
        c.in_loop_body += 1
        old = c.mult
        c.mult *= trips
        used = self.block(c, out, ind, budget, scope=False)
        c.mult = old
        c.in_loop_body -= 1
        c.loop_depth -= 1
        return used

    def for_stmt(self, c, out, ind, budget):
        r = self.r
        self.cur.leaf = False
        i = self.fresh("i")
        bound = 24 if c.loop_depth == 0 else 10 if c.loop_depth == 1 else 5
        arrs = c.arrays(lambda tc: tc != "I")
        x = r.random()
        over = None
        c.scopes.append({})
        if x < 0.2 and arrs:
            a = r.choice(arrs)
            tc = c.typeof(a)[4:]
            self.emit(out, ind, "for %s in %s:" % (i, a))
            c.define(i, "float" if tc == "f" else "int")
        else:
            if c.loopvars and self.p(0.3):
                # triangular loops: the inner counter starts at the outer one (+ k)
                o = r.choice(c.loopvars)[0]
                k = r.choice([0, 1, 1, 2])
                end = r.choice(["%s + %d" % (o, bound), "min(%s + %d, %d)" % (o, bound, r.randint(5, 14))])
                rng = "range(%s + %d, %s)" % (o, k, end) if k else "range(%s, %s)" % (o, end)
                x = 0.99     # trips: bound
            elif x < 0.35:
                rng = "range(%d)" % r.randint(0, bound)
            elif x < 0.5 and arrs:
                over = r.choice(arrs)
                rng = "range(len(%s))" % over
            elif x < 0.65:
                rng = "range((%s) & %d)" % (self.int_expr(c, 1), bound if bound in (24,) else 7)
            elif x < 0.8:
                lo = r.randint(-10, 10)
                rng = "range(%d, %d, %d)" % (lo, lo + r.randint(-20, 30), r.choice([1, 2, 3, 5, -1, -2, -3, 7]))
            elif x < 0.85:
                # counters next to the int32 limits: the increment must not wrap
                rng = r.choice(["range(2147483640, 2147483647)", "range(2147483600, 2147483647, 9)",
                                "range(2147483647, 2147483630, -4)", "range(-2147483648, -2147483644)",
                                "range(-2147483640, -2147483648, -3)", "range(2147483645, %s)" % "2147483647",
                                "range(%d, 2147483647, 1073741823)" % r.randint(-5, 5),
                                "range(0, -2147483648, -1073741824)"])
            elif x < 0.93:
                lo = "(%s) %% 16" % self.int_expr(c, 1)
                step = r.choice(["2", "3", "-1", "-4", "(%s) %% 5 + 1" % self.int_expr(c, 0)])
                hi = r.choice(["(-8)", "20", "%s + 9" % lo])
                rng = "range(%s, %s, %s)" % (lo, hi, step)
            else:
                ints = c.vars("int")
                step = r.choice(ints) if ints else "0"
                if "range-step-zero" in self.avoid:
                    step = "(%s | 1)" % step
                rng = "range(0, 12, %s)" % step    # step 0 raises ValueError; a negative one runs 0 times
            self.emit(out, ind, "for %s in %s:" % (i, rng))
            c.define(i, "int")
        c.readonly.add(i)
        c.loopvars.append((i, over))
        trips = int(re.search(r"\d+", rng).group()) if x >= 0.2 and x < 0.35 else bound
        if x < 0.2 and arrs:
            trips = 9
        if x >= 0.8 and x < 0.85:
            trips = 10
        used = self.loop_body(c, out, ind + 1, budget - 1, max(trips, 1))
        c.loopvars.pop()
        c.scopes.pop()
        if self.p(0.08):
            self.emit(out, ind, "else:")
            self.block(c, out, ind + 1, 1)
        return used + 1

    def while_stmt(self, c, out, ind, budget):
        r = self.r
        self.cur.leaf = False
        w = self.fresh("w")
        bound = 20 if c.loop_depth == 0 else 8 if c.loop_depth == 1 else 4
        c.scopes.append({})
        x = r.random()
        if x < 0.4:
            self.emit(out, ind, "%s = (%s) & %d" % (w, self.int_expr(c, 1), 31 if bound > 8 else 7))
            self.emit(out, ind, "while %s > 0:" % w)
            self.emit(out, ind + 1, "%s -= %d" % (w, r.choice([1, 1, 2, 3])))
        elif x < 0.6:
            self.emit(out, ind, "%s = (%s) & 0xFFFFF" % (w, self.int_expr(c, 1)))
            self.emit(out, ind, "while %s:" % w)
            self.emit(out, ind + 1, "%s = %s >> %d" % (w, w, r.choice([1, 2, 3]) + (c.loop_depth > 0)))
        elif x < 0.8:
            self.emit(out, ind, "%s = %d" % (w, r.randint(-5, 3)))
            self.emit(out, ind, "while True:")
            self.emit(out, ind + 1, "%s += 1" % w)
            self.emit(out, ind + 1, "if %s >= %d:" % (w, bound))
            self.emit(out, ind + 2, "break")
        else:
            self.emit(out, ind, "%s = 0" % w)
            self.emit(out, ind, "while %s < %d and %s:" % (w, bound, self.cond(c, 1)))
            self.emit(out, ind + 1, "%s += 1" % w)
        c.define(w, "int")
        c.readonly.add(w)
        used = self.loop_body(c, out, ind + 1, budget - 1, bound)
        c.scopes.pop()
        if self.p(0.08):
            self.emit(out, ind, "else:")
            self.block(c, out, ind + 1, 1)
        return used + 1

    def ret_expr(self, c):
        if self.cur.ret == "int":
            return self.int_expr(c, 2)
        return self.float_expr(c, 2)

    # ---- functions -----------------------------------------------------------------
    def param_type(self):
        x = self.r.random()
        if x < 0.45:
            return "int"
        if x < 0.75:
            return "float"
        if x < 0.98 or "I" in self.avoid:
            return "arr:" + self.r.choice("bBhHiiffY")
        return "arr:I"

    def function(self, idx):
        r = self.r
        f = Fn(idx)
        self.cur = f
        self.cur_calls = 0
        f.ret = "int" if self.p(0.6) else "float"
        c = Ctx()
        out = []
        if self.p(0.1) and idx > 0:
            # bounded self-recursion: params[0] is the depth
            f.rec = True
            f.leaf = False
            f.params.append(("n", "int"))
            for k in range(r.randint(1, 2)):
                f.params.append(("p%d" % k, r.choice(["int", "float"])))
            for pn, pt in f.params:
                c.define(pn, pt)
            c.readonly.add("n")
            self.emit(out, 1, "if n <= 0:")
            self.emit(out, 2, "return %s" % self.ret_expr(c))
            for _ in range(r.randint(0, 2)):
                self.stmt_noloop(c, out)
            args = ["n - %d" % r.choice([1, 1, 2])]
            for pn, pt in f.params[1:]:
                a = self.int_expr(c, 1) if pt == "int" else self.float_expr(c, 1)
                if self.GROWTH.search(a):
                    # see bound_growth: p0 * p0 per level (a float parameter may be passed an int)
                    a = ("(%s) & 0xFFFFFFFFFFFF" if pt == "int" else "float(%s)") % a
                args.append(a)
            call = "%s(%s)" % (f.name, ", ".join(args))
            if self.p(0.4):
                f.double = True
                args2 = ["n - 2"] + args[1:]
                call = "(%s %s %s(%s))" % (call, r.choice(["+", "-"]), f.name, ", ".join(args2))
            if f.ret == "int":
                e = "(%s %s %s) & 0xFFFFFF" % (call, r.choice(["+", "^", "-"]), self.int_expr(c, 1))
            else:
                e = "%s * %s + %s" % (call, r.choice(["0.5", "1.0", "-0.75"]), self.float_expr(c, 1))
            self.emit(out, 1, "return %s" % e)
            f.cost = 1000 * (f.cost + 1)     # callers must not multiply it further
        else:
            for k in range(r.randint(0, 4)):
                f.params.append(("p%d" % k, self.param_type()))
            if self.p(0.1) and self.param_type() == "int":
                f.params.append(("d%d" % len(f.params), "int=3"))
            for pn, pt in f.params:
                c.define(pn, pt.split("=")[0])
            # a zeroed bytearray the function fills (compiled since the JIT allocates)
            while "alloc" not in self.avoid and self.p(0.15):
                n = self.fresh("y")
                x = r.random()
                size = (str(r.randint(0, 16)) if x < 0.5 else "(%s) & 15" % self.int_expr(c, 1) if x < 0.95
                         else self.int_expr(c, 1))          # negative: ValueError
                self.emit(out, 1, "%s = bytearray(%s)" % (n, size))
                c.define(n, "arr:Y")
            # accumulators
            acc = self.fresh("v")
            if f.ret == "int":
                self.emit(out, 1, "%s = %s" % (acc, int_const(r) if self.p(0.5) else self.int_expr(c, 1)))
                c.define(acc, "int")
            else:
                self.emit(out, 1, "%s = %s" % (acc, r.choice(FLOAT_CONSTS) if self.p(0.5) else self.float_expr(c, 1)))
                c.define(acc, "float")
            budget = r.randint(3, 10)
            used = 0
            while used < budget:
                used += self.stmt(c, out, 1, budget - used)
            self.emit(out, 1, "return %s" % self.ret_expr(c))
        f.ndefaults = sum(1 for _, pt in f.params if "=" in pt)
        f.lines = ["def %s(%s):" % (f.name, ", ".join(pn + ("=3" if "=" in pt else "") for pn, pt in f.params))] + out
        f.params = [(pn, pt.split("=")[0]) for pn, pt in f.params]
        self.cur = None
        return f

    def stmt_noloop(self, c, out):
        n = self.fresh("v")
        if self.p(0.6):
            self.emit(out, 1, "%s = %s" % (n, self.assign_int(c, out, 1)))
            c.define(n, "int")
        else:
            self.emit(out, 1, "%s = %s" % (n, self.float_expr(c, 2)))
            c.define(n, "float")

    # ---- the program ------------------------------------------------------------------
    def array_literal(self, tc):
        r = self.r
        n = r.randint(1, 9)
        if tc == "f":
            vals = [r.choice(FLOAT_CONSTS + ["%d.25" % r.randint(-50, 50)]) for _ in range(n)]
            return "array('f', [%s])" % ", ".join(vals)
        lo, hi = ARR_RANGES[tc]
        vals = []
        for _ in range(n):
            if self.p(0.15):
                vals.append(str(r.choice([lo, hi])))
            else:
                vals.append(str(r.randint(max(lo, -300), min(hi, 300))))
        if tc == "Y":
            return "bytearray([%s])" % ", ".join(vals)
        return "array('%s', [%s])" % (tc, ", ".join(vals))

    def arg_value(self, t, depth=False, single=False):
        r = self.r
        if depth:
            if single and self.p(0.1) and "deep-recursion" not in self.avoid:
                return str(r.choice([900, 2500]))           # RecursionError (single recursion only)
            return str(r.randint(-1, 9))
        if t == "int":
            x = r.random()
            if x < 0.6:
                return str(r.randint(-20, 40))
            if x < 0.9:
                return int_const(r)
            return r.choice(["True", "False", "2147483647", "(-2147483648)", "0"])
        if t == "float":
            x = r.random()
            if x < 0.5:
                return "%d.%d" % (r.randint(-20, 20), r.choice([0, 5, 25, 125, 1]))
            if x < 0.9:
                return r.choice(FLOAT_CONSTS)
            return r.choice(["1e38", "-1e38", "float('inf')", "float('nan')", "3"])
        return None

    def program(self):
        r = self.r
        lines = ["# genprog seed %d" % self.seed, "from array import array", "import math", ""]
        for k in range(self.nglobals_i):
            lines.append("G%d = %s" % (k, int_const(r)))
        for k in range(self.nglobals_f):
            lines.append("H%d = %s" % (k, r.choice(FLOAT_CONSTS)))
        lines.append("")
        for i in range(self.nfuncs):
            f = self.function(i)
            self.funcs.append(f)
            lines += f.lines
            lines.append("")
        # vectorisable nests (their own random stream: the rest is unchanged)
        vg = VecGen(self.seed, self.avoid)
        self.vec_funcs = []
        if vg.p(0.8):
            for k in range(vg.r.choice([1, 2, 2, 3])):
                self.vec_funcs.append(vg.function(self.nfuncs + k))
        for vf in self.vec_funcs:
            lines += ["%s = %d" % cv for cv in vf.consts]
            lines += vf.lines
            lines.append("")
        # elementwise and requantize loops (their own random stream as well)
        eg = EwGen(self.seed)
        self.ew_funcs = eg.functions(self.nfuncs + len(self.vec_funcs))
        for ef in self.ew_funcs:
            lines += ef.lines
        # the p4nn library's kernels with random shapes (gen_p4nn.py, its own random stream)
        nn = gen_p4nn.P4nnGen(self.seed)
        self.nn_funcs = nn.kernels()
        lines += nn.source()
        v3 = gen_vec3.Vec3Gen(self.seed)
        self.nn_funcs = self.nn_funcs + v3.kernels()
        lines += v3.source()
        v4 = gen_vec4.Vec4Gen(self.seed)
        self.nn_funcs = self.nn_funcs + v4.kernels()
        lines += v4.source()
        e6 = gen_elem16.Elem16Gen(self.seed)
        self.nn_funcs = self.nn_funcs + e6.kernels()
        lines += e6.source()
        v6 = gen_vec6.Vec6Gen(self.seed)
        self.nn_funcs = self.nn_funcs + v6.kernels()
        lines += v6.source()
        v7 = gen_vec7.Vec7Gen(self.seed)
        self.nn_funcs = self.nn_funcs + v7.kernels()
        lines += v7.source()
        v8 = gen_vec8.Vec8Gen(self.seed)
        self.nn_funcs = self.nn_funcs + v8.kernels()
        lines += v8.source()
        v9 = gen_vec9.Vec9Gen(self.seed)
        self.nn_funcs = self.nn_funcs + v9.kernels()
        lines += v9.source()
        v11 = gen_vec11.Vec11Gen(self.seed)
        self.nn_funcs = self.nn_funcs + v11.kernels()
        lines += v11.source()
        v12 = gen_vec12.Vec12Gen(self.seed)
        self.nn_funcs = self.nn_funcs + v12.kernels()
        lines += v12.source()
        v13 = gen_vec13.Vec13Gen(self.seed)
        self.nn_funcs = self.nn_funcs + v13.kernels()
        lines += v13.source()
        v14 = gen_vec14.Vec14Gen(self.seed)
        self.nn_funcs = self.nn_funcs + v14.kernels()
        lines += v14.source()
        v16 = gen_vec16.Vec16Gen(self.seed)
        self.nn_funcs = self.nn_funcs + v16.kernels()
        lines += v16.source()
        # wide loops and recursion at the limit (their own random stream too)
        self.stress_funcs = StressGen(self.seed).functions(self.nfuncs + len(self.vec_funcs))
        for sf in self.stress_funcs:
            lines += sf.lines
            lines.append("")
        self.deopt_funcs = DeoptGen(self.seed, self.avoid).functions(self.nfuncs + len(self.vec_funcs) + len(self.stress_funcs))
        for df in self.deopt_funcs:
            lines += df.lines + [""]
        obj_lines, obj_main = ObjGen(self.seed).generate()
        meth_lines, meth_main = MethGen(self.seed).generate()
        mut_lines, mut_main = MutGen(self.seed).generate()
        rel6_lines, rel6_main = Rel6Gen(self.seed).generate(rate=0.2)
        lines += obj_lines + meth_lines + mut_lines + rel6_lines
        # arrays: a few of every typecode in use
        used_tcs = sorted({t[4:] for f in self.funcs for _, t in f.params if t.startswith("arr:")})
        arrays = {}
        for tc in used_tcs:
            arrays[tc] = []
            for k in range(2):
                name = "A%s%d" % (tc if tc.islower() else tc + tc, k)
                arrays[tc].append(name)
                lines.append("%s = %s" % (name, self.array_literal(tc)))
        lines.append("")
        main = []
        for f in self.funcs:
            for call_no in range(r.choice([1, 2, 2, 3])):
                args = []
                used_arrs = []
                for k, (_, t) in enumerate(f.params):
                    if t.startswith("arr:"):
                        tc = t[4:]
                        if call_no == 2 and tc in "bBhHi" and self.p(0.3):
                            alt = [x for x in "bBhHi" if x in arrays and x != tc]
                            tc = r.choice(alt) if alt else tc    # another specialisation
                        a = r.choice(arrays[tc])
                        args.append(a)
                        if a not in used_arrs:
                            used_arrs.append(a)
                    else:
                        tt = t
                        if call_no == 2 and t in ("int", "float") and self.p(0.3):
                            tt = "float" if t == "int" else "int"   # another specialisation
                        args.append(self.arg_value(tt, depth=(k == 0 and f.rec), single=not f.double))
                if f.ndefaults and self.p(0.5):
                    args.pop()
                stmt = ["try:",
                        "    print('%s', %d, %s(%s))" % (f.name, call_no, f.name, ", ".join(args)),
                        "except Exception as e:",
                        "    print('%s', %d, type(e).__name__, e)" % (f.name, call_no)]
                if used_arrs:
                    stmt.append("print(%s)" % ", ".join("list(%s)" % a for a in used_arrs))
                main.append(stmt)
            if self.p(0.04) and self.nglobals_i and "global-store" not in self.avoid:
                main.append(["G%d = %s" % (r.randrange(self.nglobals_i), int_const(r))])
        for vf in self.vec_funcs:
            main += vg.calls(vf)
        for ef in self.ew_funcs:
            main += eg.calls(ef)
        for sf in self.stress_funcs:
            main += StressGen.calls(sf)
        for df in self.deopt_funcs:
            main += DeoptGen.calls(df)
        main += obj_main + meth_main + mut_main + rel6_main
        main += nn.calls() + v3.calls() + v4.calls() + e6.calls() + v6.calls() + v7.calls() + v8.calls() + v9.calls() + v11.calls() + v12.calls() + v13.calls() + v14.calls()
        for stmt in main:
            lines += stmt
        if self.p(0.3):
            # uncaught at the end: the traceback is compared too
            f = r.choice(self.funcs)
            args = []
            for k, (_, t) in enumerate(f.params):
                if t.startswith("arr:"):
                    args.append(r.choice(arrays[t[4:]]))
                else:
                    args.append(self.arg_value(t, depth=(k == 0 and f.rec), single=not f.double))
            lines.append("print('end', %s(%s))" % (f.name, ", ".join(args)))
        return "\n".join(lines) + "\n"


# ---- vectorisable loop nests -------------------------------------------------------
#
# vector.c runs int8 multiply-accumulate nests on PIE's lanes (-X pie=rev3, the
# default of `p4jit run --on p4sim`): a counted `for j in range(lo, hi)` whose
# body sets acc = 0, runs inner counted loops doing acc += x * y with x, y
# elements of array('b') (one contiguous in j, the other contiguous or the same
# for every j), and stores c[... + j] = acc into an array('i') last. VecGen makes
# functions of that shape (and near misses vector.c must leave scalar), with
# their own module constants, arrays sized from the call's arguments (exactly
# fitting, one too short, longer, negative indices that wrap) and calls. It has
# its own random stream, so the rest of the program is what it was without it.
# Also: uniform reads of the stored array, directly or through a parameter d
# that is the stored array at some calls and another 'i' array at others (the
# alias rule), and dot products `acc += a[i + x] * b[y + i]` (vector.c's
# reductions on XACC), alone or in a loop storing each sum.

VEC_NEAR_MISSES = ["store_b", "branch_j", "coef2", "second_store", "acc_float", "typecode"]
DOT_NEAR_MISSES = ["dot_coef2", "dot_store"]
VEC_INT32 = 2**31


class VecUnknown(Exception):
    """The generator cannot tell an index range (the call raises first)."""


class VecFnSpec:
    def __init__(self, idx):
        self.idx = idx
        self.name = "f%d" % idx
        self.consts = []         # (name, value) module constants
        self.params = []         # (name, role): roles n, p, q, s, and arr:a, arr:b, arr:c, arr:d
        self.lines = []
        self.kind = "vec"
        self.loops = {}          # counter -> (lo expr, hi expr)
        self.uniforms = []       # (name, expr), in order of definition
        self.accesses = []       # (array param, index expr, [enclosing counters])
        self.acodes = {}         # array param -> typecode


class VecGen:
    def __init__(self, seed, avoid=()):
        self.r = random.Random("vec%d" % seed)
        self.avoid = avoid

    def p(self, x):
        return self.r.random() < x

    # ---- expressions --------------------------------------------------------------
    def term(self, var, coef):
        """coef * var as text: coef an int or a name."""
        r = self.r
        if coef == 1:
            return "+", var
        if isinstance(coef, int):
            a = "%s * %d" % (var, abs(coef)) if self.p(0.7) else "%d * %s" % (abs(coef), var)
            return ("-" if coef < 0 else "+"), a
        return "+", ("%s * %s" % (var, coef) if self.p(0.7) else "%s * %s" % (coef, var))

    def affine(self, terms, offset):
        """terms: (var, coef); offset: int or text. Shuffled into one sum."""
        r = self.r
        parts = [self.term(v, c) for v, c in terms]
        if isinstance(offset, int):
            if offset:
                parts.append(("-" if offset < 0 else "+", str(abs(offset))))
        elif offset:
            parts.append(("+", offset))
        r.shuffle(parts)
        if not parts:
            return "0"
        out = ("-" if parts[0][0] == "-" else "") + parts[0][1]
        for sign, t in parts[1:]:
            out += " %s %s" % (sign, t)
        return out

    def coef(self, f, allow_names):
        r = self.r
        x = r.random()
        if x < 0.45 or not allow_names:
            return r.choice([1, 1, 2, 3, 4, 5, 7, 8, -1, -2, 0])
        return r.choice(allow_names)

    # ---- a dot product ---------------------------------------------------------------
    def dot_function(self, idx):
        r = self.r
        f = VecFnSpec(idx)
        f.kind = "dot" if self.p(0.75) else r.choice(DOT_NEAR_MISSES)
        same_array = self.p(0.1)
        stored = self.p(0.5) or f.kind == "dot_store"
        plist = [("a", "arr:a"), ("n", "n"), ("p", "p"), ("q", "q"), ("s", "s")]
        if not same_array:
            plist.append(("b", "arr:b"))
        if stored:
            plist.append(("c", "arr:c"))
        r.shuffle(plist)
        f.params = plist
        f.acodes = {"a": "b", "b": "b", "c": "i", "d": "i"}
        body = []
        emit = lambda ind, t: body.append("    " * ind + t)
        ind = 1
        outer = []
        if stored:
            O = r.choice(["q", "q + 1", "3", "s"])
            emit(ind, "for o in range(%s):" % O)
            f.loops["o"] = ("0", O)
            outer = ["o"]
            ind += 1
        emit(ind, "acc = %s" % r.choice(["0", "0", "0", "p", "s", "-s"]))
        x = r.random()
        if x < 0.4:
            lo, hi = "0", "n"
        elif x < 0.55:
            lo, hi = str(r.randint(1, 3)), "n"
        elif x < 0.7:
            name = "N%d_%d" % (idx, len(f.consts))
            f.consts.append((name, r.choice([r.randint(1, 40), 64, 100])))
            lo, hi = "0", name
        else:
            lo, hi = "p", "p + n"
        emit(ind, "for i in range(%s):" % (hi if lo == "0" else "%s, %s" % (lo, hi)))
        f.loops["i"] = (lo, hi)
        arrs = ["a", "a"] if same_array else ["a", "b"]
        ops = []
        for w, arr in enumerate(arrs):
            terms = [("i", 2 if f.kind == "dot_coef2" and w == 1 else 1)]
            if outer and self.p(0.7):
                terms.append(("o", r.choice(["n", "q", 1, 16, 3])))
            y = r.random()
            off = 0 if y < 0.4 else r.randint(-5, 8) if y < 0.7 else r.choice(["p", "q", "s"])
            e = self.affine(terms, off)
            f.accesses.append((arr, e, outer + ["i"]))
            ops.append("%s[%s]" % (arr, e))
        r.shuffle(ops)
        emit(ind + 1, r.choice(["acc += %s * %s", "acc = acc + %s * %s"]) % tuple(ops))
        if f.kind == "dot_store" and stored:
            emit(ind + 1, "c[o] = acc")
            f.accesses.append(("c", "o", outer))
        if stored:
            ce = self.affine([("o", 1)], r.choice([0, 0, 1, "q"]))
            emit(ind, "c[%s] = acc" % ce)
            f.accesses.append(("c", ce, outer))
            emit(1, "return %s" % r.choice(["0", "n"]))
        else:
            emit(1, "return acc")
        f.lines = ["# %s: %s" % ("vectorisable" if f.kind == "dot" else "near miss", f.kind),
                   "def %s(%s):" % (f.name, ", ".join(n for n, _ in f.params))] + body
        return f

    # ---- a function -----------------------------------------------------------------
    def function(self, idx):
        r = self.r
        if self.p(0.25):
            return self.dot_function(idx)
        f = VecFnSpec(idx)
        if self.p(0.3):
            f.kind = r.choice([k for k in VEC_NEAR_MISSES if k != "acc_float" or "acc-after-loop" not in self.avoid])
        miss = f.kind
        P = "f%d" % idx
        # parameters: the arrays and four ints, in some order
        names = {"a": "a", "b": "b", "c": "c", "n": "n", "p": "p", "q": "q", "s": "s"}
        same_array = self.p(0.1)
        plist = [("a", "arr:a"), ("c", "arr:c"), ("n", "n"), ("p", "p"), ("q", "q"), ("s", "s")]
        if not same_array:
            plist.append(("b", "arr:b"))
        second = self.p(0.25)            # d: the stored array again at some calls
        if second:
            plist.append(("d", "arr:d"))
        r.shuffle(plist)
        f.params = plist
        f.acodes = {"a": "b", "b": "b", "c": "i", "d": "i"}
        if miss == "store_b":
            f.acodes["c"] = "b"
        if miss == "typecode":
            f.acodes[r.choice(["a", "b"] if not same_array else ["a"])] = r.choice("hB")
        body = []
        emit = lambda ind, s: body.append("    " * ind + s)

        def const(prefix, lo, hi):
            name = "%s%d_%d" % (prefix, idx, len(f.consts))
            f.consts.append((name, r.randint(lo, hi)))
            return name

        # uniform values, before the loops
        avail = []                       # names usable as index offsets / coefficients

        def uniform_def(ind, where):
            x = r.random()
            u = "u%d" % len(f.uniforms)
            if x < 0.3:
                e = "p + s"                       # a checked add
            elif x < 0.5:
                e = "q * 3 + 1"
            elif x < 0.75:
                arr = r.choice(["a", "b"] if not same_array else ["a"])
                e = "%s[%s] & %d" % (arr, r.choice(["q", "q - 1", "p", "0", "s"]), r.choice([3, 7, 1]))   # a uniform read
            elif x < 0.82:
                e = "n - q"
            elif x < 0.9 and miss not in ("store_b",):
                arr = "d" if second and self.p(0.6) else "c"   # the stored array, maybe by another name
                at = r.choice(["0", "q", "p", "n - 1"])
                e = "%s[%s] & %d" % (arr, at, r.choice([3, 7]))
                f.accesses.append((arr, at, []))
            else:
                e = "%s + %s" % (r.choice(["p", "q", "n"]), r.choice(["p", "s", "q", "1"]))
            emit(ind, "%s = %s" % (u, e))
            f.uniforms.append((u, e))
            avail.append(u)

        ind = 1
        if self.p(0.25):
            uniform_def(ind, "pre")
        if miss == "acc_float" and self.p(0.6):
            emit(ind, "acc = 0")
        outer = []
        if self.p(0.25):
            R = r.choice(["1", "2", "3", "q", const("R", 1, 3)])
            emit(ind, "for r in range(%s):" % R)
            f.loops["r"] = ("0", R)
            outer = ["r"]
            ind += 1
        # the lane loop
        x = r.random()
        if x < 0.3:
            lo, hi = "0", "n"
        elif x < 0.45:
            lo, hi = str(r.randint(1, 5)), "n"
        elif x < 0.65:
            lo, hi = "0", const("N", 8, 40)
        elif x < 0.75:
            lo, hi = str(r.randint(1, 6)), const("N", 9, 40)
        elif x < 0.9:
            lo, hi = "p", "p + n"
        else:
            lo, hi = "p", "n"
        emit(ind, "for j in range(%s):" % (hi if lo == "0" else "%s, %s" % (lo, hi)))
        f.loops["j"] = (lo, hi)
        ind += 1
        if self.p(0.2):
            uniform_def(ind, "body")
        emit(ind, "acc = 0")
        if miss == "second_store" and self.p(0.5):
            e = r.choice(["j", "j + 1", "q"])
            emit(ind, "c[%s] = 0" % e)
            f.accesses.append(("c", e, outer + ["j"]))
        if miss == "branch_j" and self.p(0.4):
            emit(ind, "if j == %s:" % r.choice(["q", "p", "3", "n - 1"]))
            emit(ind + 1, "continue")
        if miss == "branch_j" and self.p(0.3):
            emit(ind, "if (j & %d) == 0:" % r.choice([1, 3]))
            emit(ind + 1, "acc = %s" % r.choice(["0", "1", "q"]))
            miss = "done"
        both = self.p(0.25)
        arrs = ["a", "a"] if same_array else ["a", "b"]
        r.shuffle(arrs)
        nnests = r.choice([1, 1, 1, 1, 1, 2, 2, 2, 3])
        kn = 0
        for nest in range(nnests):
            if nest and self.p(0.3):
                emit(ind, "acc = 0")               # the accumulator restarted
            if nest and self.p(0.25):
                uniform_def(ind, "mid")
            nind = ind
            if miss == "branch_j" and nest == nnests - 1:
                emit(nind, "if %s:" % r.choice(["(j & 1) == 0", "j > q", "j < n - 2"]))
                nind += 1
                miss = "done"
            depth = r.choice([1, 1, 1, 2, 2, 3])
            nest_avail = len(avail)
            counters = []
            for _ in range(depth):
                kn += 1
                k = "k%d" % kn
                y = r.random()
                if y < 0.05:
                    b = "0"
                elif y < 0.15:
                    b = "1"
                elif y < 0.55:
                    b = str(r.randint(2, 5 if depth < 3 else 3))
                elif y < 0.75:
                    b = "q"
                elif y < 0.9:
                    b = const("K", 1, 6 if depth < 3 else 3)
                else:
                    b = "q + 1"
                klo = "1" if self.p(0.1) and b not in ("0", "1") else "0"
                emit(nind, "for %s in range(%s):" % (k, b if klo == "0" else "%s, %s" % (klo, b)))
                f.loops[k] = (klo, b)
                counters.append(k)
                nind += 1
                if self.p(0.08):
                    uniform_def(nind, "inner")
            encl = outer + ["j"] + counters
            names_ok = ["n", "s", "q"] + [u for u in avail] + [c for c, _ in f.consts if c[0] in "NK"][:2]
            macs = 2 if self.p(0.15) else 1
            for _m in range(macs):
                ops = []
                for w, arr in enumerate(arrs):
                    contiguous = w == 0 or both
                    terms = []
                    if contiguous:
                        terms.append(("j", 2 if miss == "coef2" else 1))
                    for k in counters + outer:
                        if self.p(0.85):
                            terms.append((k, self.coef(f, names_ok)))
                    y = r.random()
                    if y < 0.3:
                        off = 0
                    elif y < 0.6:
                        off = r.randint(-6, 8)
                    elif y < 0.75 and avail:
                        off = r.choice(avail)
                    elif y < 0.85 and outer:
                        off = "r * %s" % r.choice(["n", "q", "4", "s"])
                    else:
                        off = r.choice(["p", "q", "s"])
                    e = self.affine(terms, off)
                    if contiguous and miss == "coef2" and self.p(0.3):
                        e = e.replace("j * 2", "j + j", 1).replace("2 * j", "j + j", 1)
                    f.accesses.append((arr, e, encl))
                    ops.append("%s[%s]" % (arr, e))
                if miss == "coef2":
                    miss = "done"
                r.shuffle(ops)
                emit(nind, r.choice(["acc += %s * %s", "acc += %s * %s", "acc = acc + %s * %s"]) % tuple(ops))
            del avail[nest_avail:]        # defined in this nest's loops: maybe never
        if self.p(0.1):
            uniform_def(ind, "late")
        y = r.random()
        if y < 0.4:
            off = 0
        elif y < 0.55:
            off = r.randint(1, 4)
        elif y < 0.7 and avail:
            off = r.choice(avail)
        elif y < 0.9 and outer:
            off = "r * %s" % ("n" if hi.startswith("p") or self.p(0.5) else hi)
        else:
            off = r.choice(["p", "q", "s", -1, -3])
        ce = self.affine([("j", 1)], off)
        val = "acc"
        if miss == "store_b" and self.p(0.5):
            val = r.choice(["(acc >> 8) & 63", "acc % 100"])
        emit(ind, "c[%s] = %s" % (ce, val))
        f.accesses.append(("c", ce, outer + ["j"]))
        if miss == "second_store" and not any(l.strip().startswith("c[") and "= 0" in l for l in body):
            e = r.choice(["0", "q", "j - 1"])
            emit(ind, "c[%s] = acc" % e)
            f.accesses.append(("c", e, outer + ["j"]))
        ind = 1
        if miss == "acc_float":
            emit(ind, "return float(acc) * %s" % r.choice(["0.5", "1.0", "-0.25"]))
        else:
            emit(ind, "return %s" % r.choice(["0", "len(c)", "n", "q"]))
        if "dead-params" in self.avoid:
            text = "\n".join(body)
            f.params = [(pn, role) for pn, role in f.params if re.search(r"\b%s\b" % pn, text)]
        f.lines = ["# %s: %s" % ("vectorisable" if f.kind == "vec" else "near miss", f.kind),
                   "def %s(%s):" % (f.name, ", ".join(n for n, _ in f.params))] + body
        return f

    # ---- calls ----------------------------------------------------------------------
    def arg(self, role, f):
        r = self.r
        if role == "n":
            return r.choice([0, 1, 7, 8, 9, 15, 16, 17, 20, 24, 31, 32, 33, 40, 47, r.randint(0, 40), r.randint(0, 40)])
        if role == "p":
            if self.p(0.03):
                return r.choice([2147483647, -2147483648])
            return r.randint(-4, 6)
        if role == "q":
            return r.choice([0, 1, 2, 2, 3, 3, 4])
        return r.choice([0, 1, r.randint(2, 12), r.randint(2, 12), 16])

    def evaluate(self, f, env):
        """Needed lengths of the arrays a, b, c for these arguments: the largest
        index + 1 or minus the smallest (negative) index, or None if unknown."""
        consts = dict(f.consts)
        scope = dict(consts)
        scope.update(env)

        def ev(e):
            v = eval(e, {}, scope)
            if not -VEC_INT32 <= v < VEC_INT32:
                raise VecUnknown
            return v

        try:
            for u, e in f.uniforms:
                scope[u] = ev(e)
            ranges = {k: (ev(lo), ev(hi)) for k, (lo, hi) in f.loops.items()}
        except (VecUnknown, IndexError, ZeroDivisionError):
            return None
        need = {"a": 0, "b": 0, "c": 0, "d": 0}
        for arr, e, encl in f.accesses:
            if any(ranges[k][0] >= ranges[k][1] for k in encl):
                continue
            # affine: its extremes at the corners of the counters' ranges
            corners = [{}]
            for k in encl:
                lo, hi = ranges[k]
                corners = [dict(c, **{k: v}) for c in corners for v in (lo, hi - 1)]
            for cvals in corners:
                s2 = dict(scope)
                s2.update(cvals)
                try:
                    v = eval(e, {}, s2)
                except (IndexError, ZeroDivisionError):
                    return None
                need[arr] = max(need[arr], v + 1 if v >= 0 else -v)
        return need

    def pattern(self, tc):
        """An array's contents for any length: (text for length %d, element function)."""
        r = self.r
        x = r.random()
        if tc == "i":
            v = r.choice([0, 0, -1, 7])
            return "array('i', [%d] * %%d)" % v, lambda i: v
        lo, hi = ARR_RANGES[tc]
        if x < 0.45:
            m, a = r.choice([1, 3, 5, 7, 13, 37, 101]), r.randint(0, 255)
            if tc == "B":
                return "array('B', [(i * %d + %d) %%%% 256 for i in range(%%d)])" % (m, a), lambda i: (i * m + a) % 256
            if tc == "h":
                return ("array('h', [(i * %d + %d) %%%% 301 - 150 for i in range(%%d)])" % (m, a),
                        lambda i: (i * m + a) % 301 - 150)
            return "array('b', [(i * %d + %d) %%%% 256 - 128 for i in range(%%d)])" % (m, a), lambda i: (i * m + a) % 256 - 128
        if x < 0.6:
            v = r.choice([lo, hi]) if tc == "b" else r.choice([0, 127, 255 if tc == "B" else -128])
            return "array('%s', [%d] * %%d)" % (tc, v), lambda i: v
        if x < 0.8:
            k = r.randint(2, 4)
            hv, lv = (127, -128) if tc != "B" else (255, 0)
            return ("array('%s', [%d if i %%%% %d else %d for i in range(%%d)])" % (tc, hv, k, lv),
                    lambda i: hv if i % k else lv)
        m = r.choice([1, 2, 3])
        return "array('%s', [(i * %d) %%%% 7 - %d for i in range(%%d)])" % (tc, m, 0 if tc == "B" else 3), \
            lambda i: (i * m) % 7 - (0 if tc == "B" else 3)

    def calls(self, f):
        r = self.r
        out = []
        for call_no in range(r.choice([1, 2, 2, 3])):
            env = {role: self.arg(role, f) for _, role in f.params if not role.startswith("arr:")}
            # arrays, for the uniform reads: lengths first guessed, then sized
            pats = {a: self.pattern(f.acodes[a]) for a in "abcd"}
            need = None
            lens = {"a": 40, "b": 40, "c": 40, "d": 40}
            alias = self.p(0.6)          # d is c at this call
            for _ in range(3):
                env2 = dict(env, **{a: [pats[a][1](i) for i in range(lens[a])] for a in "abcd"})
                need = self.evaluate(f, env2)
                if need is None:
                    break
                if alias:
                    need["c"] = max(need["c"], need["d"])
                lens = {a: min(max(need[a], 1), 4000) for a in "abcd"}
            short = self.p(0.3)
            victim = r.choice("abc")
            decl = []
            args = []
            for pn, role in f.params:
                if not role.startswith("arr:"):
                    args.append(str(env[role]) if env[role] >= 0 else "(%d)" % env[role])
                    continue
                a = role[4:]
                if a == "d" and alias:
                    args.append("VC%d" % f.idx)
                    continue
                if need is None:
                    n = r.randint(0, 120)
                else:
                    n = need[a]
                    if short and a == victim:
                        n = max(n - 1, 0) if self.p(0.7) else r.randint(0, n)
                    elif self.p(0.4):
                        n += r.choice([1, 2, 15, 16, r.randint(1, 40)])
                n = min(n, 4000)
                name = "V%s%d" % (a.upper(), f.idx)
                decl.append("%s = %s" % (name, pats[a][0] % n))
                args.append(name)
            cname = "VC%d" % f.idx
            stmt = decl + ["try:",
                           "    print('%s', %d, %s(%s))" % (f.name, call_no, f.name, ", ".join(args)),
                           "except Exception as e:",
                           "    print('%s', %d, type(e).__name__, e)" % (f.name, call_no)]
            if any(role == "arr:c" for _, role in f.params):
                stmt.append("print(list(%s))" % cname)
            out.append(stmt)
        return out


# ---- elementwise and requantize loops -----------------------------------------------
#
# elementwise.c runs `for i in range(...): c[i + o] = EXPR` on PIE's lanes when
# EXPR is made of elements a[i + o], b[i + o] and uniforms with + - min max, all
# of one typecode ('b' 16 lanes, 'h' 8, 'i' 4). EwGen writes such loops (and
# the requantize step of an int8 network, ((y[i] >> p) * m + (1 << (s - 1))) >> s
# clamped and stored into array('b')), and calls them with trip counts around
# the lane counts, arrays exactly long enough, one short or longer, the output
# array the same as an input, another typecode for the output, uniforms out of
# the element's range, sums that leave it. Its own random stream: the rest of
# the program is what it was without it.

class EwFn:
    def __init__(self, idx, kind):
        self.idx, self.kind = idx, kind
        self.name = "e%d" % idx
        self.tc = "b"
        self.lines = []


class EwGen:
    def __init__(self, seed):
        self.r = random.Random("ew%d" % seed)

    def p(self, x):
        return self.r.random() < x

    def functions(self, base):
        if not self.p(0.7):
            return []
        return [self.function(base + k) for k in range(self.r.choice([1, 1, 2]))]

    def expr(self, depth, offs):
        r = self.r
        x = r.random()
        if depth == 0 or x < 0.3:
            y = r.random()
            if y < 0.4:
                o = r.choice(offs)
                return "a[i%s]" % ("" if o == 0 else " + %d" % o if o > 0 else " - %d" % -o)
            if y < 0.7:
                o = r.choice(offs)
                return "b[i%s]" % ("" if o == 0 else " + %d" % o if o > 0 else " - %d" % -o)
            if y < 0.85:
                return "k"
            return str(r.choice([0, 1, -1, 3, 100, -100]))
        u, v = self.expr(depth - 1, offs), self.expr(depth - 1, offs)
        op = r.choice(["+", "-", "max", "min", "max", "min"])
        if op in "+-":
            return "(%s %s %s)" % (u, op, v)
        return "%s(%s, %s)" % (op, u, v)

    def function(self, idx):
        r = self.r
        if self.p(0.25):
            f = EwFn(idx, "requantize")
            pre = r.choice([0, 0, 1, 3])
            f.lines = ["# elementwise: requantize",
                       "def %s(y, c, n, m, s, lo, hi):" % f.name,
                       "    for i in range(n):",
                       "        v = ((y[i] >> %d) * m + (1 << (s - 1))) >> s" % pre,
                       "        c[i] = min(max(v, lo), hi)",
                       "    return n"]
            return f
        f = EwFn(idx, "elementwise")
        f.tc = r.choice("bbbhi")
        offs = [0, 0, 0, 0, 1, 2, r.randint(-2, 5)]
        e = self.expr(r.choice([1, 2, 2, 3]), offs)
        if self.p(0.3):
            e = "min(max(%s, lo), hi)" % e if self.p(0.5) else "max(min(%s, hi), lo)" % e
        start = r.choice(["", "", "", "1, ", "2, ", "(-2), "])
        oc = r.choice(["", "", "", "", " + 1", " - 1"])
        f.lines = ["# elementwise: %s" % f.tc,
                   "def %s(a, b, c, n, k, lo, hi):" % f.name,
                   "    for i in range(%sn):" % start,
                   "        c[i%s] = %s" % (oc, e),
                   "    return n"]
        return f

    def pattern(self, tc, n):
        r = self.r
        lo, hi = ARR_RANGES[tc]
        x = r.random()
        if x < 0.4:     # small values: sums stay in range
            m, a = r.choice([1, 3, 7, 13]), r.randint(0, 60)
            return "array('%s', [(i * %d + %d) %% 61 - 30 for i in range(%d)])" % (tc, m, a, n)
        if x < 0.7:     # the whole range
            m, a = r.choice([1, 5, 37, 101]), r.randint(0, 255)
            span = 256 if tc == "b" else 65536 if tc == "h" else 2000000000
            return "array('%s', [(i * %d + %d) %% %d - %d for i in range(%d)])" % (tc, m, a, span, span // 2, n)
        if x < 0.85:    # the extremes
            k = r.randint(2, 5)
            return "array('%s', [%d if i %% %d else %d for i in range(%d)])" % (tc, hi, k, lo, n)
        v = r.choice([lo, hi, 0, -1])
        return "array('%s', [%d] * %d)" % (tc, v, n)

    def calls(self, f):
        r = self.r
        out = []
        for call_no in range(r.choice([1, 2, 2, 3])):
            n = r.choice([0, 1, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 40, 47, 64, r.randint(0, 70)])
            decl, names = [], {}

            def length():
                x = r.random()
                return n + 3 if x < 0.6 else max(n + 2, 0) if x < 0.8 else max(n - 1, 0) if x < 0.9 else n + r.randint(0, 20)

            if f.kind == "requantize":
                names["y"] = "QY%d" % f.idx
                decl.append("%s = %s" % (names["y"], self.pattern("i", length())))
                names["c"] = "QC%d" % f.idx
                decl.append("%s = array('b', [0] * %d)" % (names["c"], length()))
                m = r.choice([1, 1, 3, 77, 1000, r.randint(1, 5000), 2147483647])
                sh = r.choice([1, 2, 7, 8, 12, 16, r.randint(1, 31)])
                lo, hi = r.choice([(0, 127), (-128, 127), (0, 127), (-128, 127), (-200, 200)])
                args = [names["y"], names["c"], str(n), str(m), str(sh), str(lo), str(hi)]
            else:
                tcs = {"a": f.tc, "b": f.tc, "c": f.tc}
                if self.p(0.15):
                    tcs[r.choice("abc")] = r.choice("bhi")    # another specialisation: mixed typecodes
                for a in "ab":
                    names[a] = "E%s%d" % (a.upper(), f.idx)
                    decl.append("%s = %s" % (names[a], self.pattern(tcs[a], length())))
                if self.p(0.2) and tcs["c"] == tcs["a"]:
                    names["c"] = names["a"]                  # the output is an input
                else:
                    names["c"] = "EC%d" % f.idx
                    decl.append("%s = array('%s', [0] * %d)" % (names["c"], tcs["c"], length()))
                k = r.choice([0, 1, -1, 5, -30, 100, -128, 127, 200, -300])
                lo, hi = r.choice([(-128, 127), (0, 127), (-20, 30), (5, -5), (0, 0), (-300, 300), (128, 129)])
                args = [names["a"], names["b"], names["c"], str(n), "(%d)" % k, "(%d)" % lo, str(hi)]
            stmt = decl + ["try:",
                           "    print('%s', %d, %s(%s))" % (f.name, call_no, f.name, ", ".join(args)),
                           "except Exception as e:",
                           "    print('%s', %d, type(e).__name__, e)" % (f.name, call_no),
                           "print(list(%s))" % names["c"]]
            out.append(stmt)
        return out


def generate(seed, nfuncs=None, avoid=None):
    return Gen(seed, nfuncs, avoid).program()


# ---- stress shapes: wide loops and recursion at the limit ----------------------------
#
# Two shapes the statement generator above rarely reaches (issue 17). A wide
# loop carries 66 to 90 values around its back edge, ints and floats mixed, so
# the phi moves of one edge outnumber the registers (and, before the fix,
# the emitter's 64 moves per edge); a rotation `t = v0; v0 = v1; ...` makes
# one long cycle of moves, a branch on the counter a second edge. Recursion
# functions are called at depths around the recursion limit (1000 by
# default): below it, at it and past it, where compiled code must raise
# RecursionError at exactly the interpreter's depth. StressGen has its own
# random stream, so the rest of the program is what it was without it.

class StressFn:
    def __init__(self, idx, kind):
        self.idx = idx
        self.name = "f%d" % idx
        self.kind = kind
        self.lines = []
        self.calls = []       # argument lists for the main part


class StressGen:
    def __init__(self, seed):
        self.r = random.Random("stress%d" % seed)

    def p(self, x):
        return self.r.random() < x

    def wide(self, idx):
        r = self.r
        f = StressFn(idx, "wide")
        ni = r.randint(20, 60)
        nf = r.randint(66, 90) - ni
        if self.p(0.3):
            ni, nf = r.randint(66, 80), r.randint(0, 6)      # nearly all ints
        elif self.p(0.2):
            ni, nf = r.randint(0, 4), r.randint(66, 80)      # nearly all floats
        iv = ["i%d" % k for k in range(ni)]
        fv = ["g%d" % k for k in range(nf)]
        L = ["# wide loop: %d ints and %d floats carried around the loop" % (ni, nf),
             "def %s(n, x, y):" % f.name]
        for k, v in enumerate(iv):
            L.append("    %s = x + %d" % (v, r.randint(-50, 50)) if self.p(0.5) else "    %s = %d" % (v, k * 7 - 3))
        for k, v in enumerate(fv):
            L.append("    %s = y * %s" % (v, r.choice(["0.5", "0.25", "1.5", "-0.75"])) if self.p(0.5)
                     else "    %s = %d.5" % (v, k - 10))
        L.append("    for k in range(n):")
        for k, v in enumerate(iv):
            other = iv[r.randrange(ni)]
            L.append("        %s = (%s * %d + %s + k) %% %d" % (v, v, r.randint(1, 5), other, r.choice([997, 10007, 65521])))
        for k, v in enumerate(fv):
            other = fv[r.randrange(nf)]
            L.append("        %s = %s * 0.5 + %s * 0.25 + %s" % (v, v, other, r.choice(["1.0", "0.5", "-2.0", "0.125"])))
        if ni > 2 and self.p(0.6):          # a rotation: one long cycle of moves
            L.append("        t = %s" % iv[0])
            for a, b in zip(iv, iv[1:]):
                L.append("        %s = %s" % (a, b))
            L.append("        %s = t" % iv[-1])
        if ni and self.p(0.5):              # a second edge into the header
            L.append("        if k %% %d == 1:" % r.randint(2, 4))
            for v in r.sample(iv, min(ni, r.randint(1, 8))):
                L.append("            %s = %s + 1" % (v, v))
            L.append("            continue")
            if nf:
                L.append("        %s = %s - 1.0" % (fv[0], fv[0]))
        terms = ["%s * %d" % (v, k % 13 + 1) for k, v in enumerate(iv)] or ["0"]
        L.append("    s = " + " + ".join(terms))
        for v in fv:
            L.append("    s = s + int(%s * 8.0)" % v)
        L.append("    return s")
        f.lines = L
        for _ in range(r.choice([1, 2, 3])):
            f.calls.append([str(r.choice([0, 1, 2, 3, 7, r.randint(0, 40)])), str(r.randint(-100, 100)),
                            r.choice(["0.5", "1.5", "-2.0", "3.25"])])
        return f

    def recursive(self, idx):
        r = self.r
        f = StressFn(idx, "rec")
        if self.p(0.5):
            f.lines = ["# recursion at the limit",
                       "def %s(n, d):" % f.name,
                       "    if n <= 0:",
                       "        return d",
                       "    return %s(n - 1, d + %d) + 1" % (f.name, r.randint(1, 3))]
        else:
            f.lines = ["# recursion at the limit (floats)",
                       "def %s(n, d):" % f.name,
                       "    if n <= 0:",
                       "        return d * 1.0",
                       "    return %s(n - 1, d) + 0.5" % f.name]
        # around the default recursion limit (1000): below, at and past it
        for depth in r.sample([900, 990, 995, 996, 997, 998, 999, 1000, 1001, 1005, 2000], 5):
            f.calls.append([str(depth), str(r.randint(0, 9))])
        return f

    def functions(self, first_idx):
        out = []
        if self.p(0.5):
            out.append(self.wide(first_idx + len(out)))
        if self.p(0.4):
            out.append(self.recursive(first_idx + len(out)))
        return out

    @staticmethod
    def calls(f):
        out = []
        for call_no, args in enumerate(f.calls):
            out.append(["try:",
                        "    print('%s', %d, %s(%s))" % (f.name, call_no, f.name, ", ".join(args)),
                        "except Exception as e:",
                        "    print('%s', %d, type(e).__name__, e)" % (f.name, call_no)])
        return out


def generate(seed, nfuncs=None, avoid=None):
    return Gen(seed, nfuncs, avoid).program()


# ---- running -----------------------------------------------------------------------

REPORT_LINE = re.compile(r"^  (\w+): (compiled|not compiled) ")


def run_p4jit(p4jit, firmware, path, mode):
    cmd = [p4jit, "run", "--on", "p4sim"]
    if firmware:
        cmd += ["--firmware", firmware]
    cmd += RUN_OPTS
    if mode == "off":
        cmd += ["-X", "jit=off"]
    else:
        cmd += JIT_OPTS + ["--jit-report"]
    cmd.append(path)
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired as e:
        return "timeout", e.stdout or b"", e.stderr or b""


def split_report(out):
    """The eager run's stderr without the JIT report, and the report's lines."""
    k = out.rfind(b"\nJIT report (")
    if k < 0 and out.startswith(b"JIT report ("):
        k = -1
    elif k < 0:
        return out, []
    return out[:k + 1], out[k + 1:].decode("utf-8", "replace").splitlines()


def check_file(p4jit, firmware, path):
    """Runs both ways. Returns (same, off_result, jit_result, report_lines)."""
    off = run_p4jit(p4jit, firmware, path, "off")
    if off[0] == "timeout":  # no oracle: the caller counts it as skipped
        return False, off, off, []
    jit = run_p4jit(p4jit, firmware, path, "eager")
    jerr, report = split_report(jit[2])  # the report is on stderr, the firmware's second console
    jit = (jit[0], jit[1], jerr)
    return off == jit, off, jit, report


def count_compiled(report):
    """(generated functions compiled in some specialisation, generated functions seen,
    specialisations compiled, specialisations)."""
    funcs, specs_c, specs = {}, 0, 0
    for line in report:
        m = REPORT_LINE.match(line)
        if not m or not re.fullmatch(r"f\d+", m.group(1)):
            continue
        ok = m.group(2) == "compiled"
        specs += 1
        specs_c += ok
        funcs[m.group(1)] = funcs.get(m.group(1), False) or ok
    return sum(funcs.values()), len(funcs), specs_c, specs


CALL_LINE = re.compile(rb"^(f\d+) \d+ ", re.M)


def exercised(jit_out, report, stress):
    """What the JIT run exercised: (calls of compiled functions from the main
    part, loops put on PIE lanes, stress functions compiled). Each output line
    `fN CALL_NO ...` is one call from the main part."""
    compiled = set()
    lanes = 0
    for line in report:
        m = REPORT_LINE.match(line)
        if m and m.group(2) == "compiled":
            compiled.add(m.group(1))
            lanes += " PIE lanes" in line
    calls = sum(1 for m in CALL_LINE.finditer(jit_out) if m.group(1).decode() in compiled)
    return calls, lanes, sum(1 for f in stress if f.name in compiled)


def describe(res):
    code, out, err = res
    return "status %s\n--- stdout ---\n%s--- stderr ---\n%s" % (
        code, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"))


def show_diff(off, jit, limit=60):
    lines = []
    if off[0] != jit[0]:
        lines.append("exit status: interpreter %s, JIT %s" % (off[0], jit[0]))
    for name, a, b in (("stdout", off[1], jit[1]), ("stderr", off[2], jit[2])):
        if a != b:
            d = list(difflib.unified_diff(a.decode("utf-8", "replace").splitlines(),
                                          b.decode("utf-8", "replace").splitlines(),
                                          "interpreter " + name, "jit " + name, lineterm="", n=1))
            lines += d[:limit]
            if len(d) > limit:
                lines.append("... (%d more diff lines)" % (len(d) - limit))
    return "\n".join(lines)


# ---- minimising -------------------------------------------------------------------

CLAUSE = re.compile(r"\s*(elif\b|else\s*:|except\b|finally\s*:)")
BAD_SIGNS = (b"SyntaxError", b"NameError", b"UnboundLocalError")


def indent_of(line):
    return len(line) - len(line.lstrip(" "))


def block_end(lines, i):
    """End (exclusive) of the line i's own block: i and the deeper lines after it."""
    ind = indent_of(lines[i])
    j = i + 1
    while j < len(lines) and (not lines[j].strip() or indent_of(lines[j]) > ind):
        j += 1
    return j


def stmt_end(lines, i):
    """End of the whole statement starting at i, with its elif/else/except/finally clauses."""
    ind = indent_of(lines[i])
    j = block_end(lines, i)
    while j < len(lines) and indent_of(lines[j]) == ind and CLAUSE.match(lines[j]):
        j = block_end(lines, j)
    return j


def apply(lines, kind, i, j):
    if kind == "del":
        return lines[:i] + lines[j:]
    # unwrap: keep the first clause's body, one level less indented
    body_end = block_end(lines, i)
    ind = indent_of(lines[i + 1]) - indent_of(lines[i])
    body = [l[ind:] if l.strip() else l for l in lines[i + 1:body_end]]
    return lines[:i] + body + lines[j:]


def still_fails(p4jit, firmware, lines, bad_ok):
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as t:
        t.write("\n".join(lines) + "\n")
        path = t.name
    try:
        same, off, jit, _ = check_file(p4jit, firmware, path)
    finally:
        os.unlink(path)
    if same:
        return False
    if not bad_ok and any(s in off[1] + off[2] + jit[1] + jit[2] for s in BAD_SIGNS):
        return False
    return True


def top_units(lines):
    """Top-level statements as (start, end) line ranges."""
    units, i = [], 0
    while i < len(lines):
        j = stmt_end(lines, i)
        units.append((i, j))
        i = j
    return units


def ddmin(items, fails):
    """Smallest sublist of items (1-minimal, Zeller's ddmin) for which fails() holds."""
    n = 2
    while len(items) >= 2:
        size = max(len(items) // n, 1)
        chunks = [items[k:k + size] for k in range(0, len(items), size)]
        for k in range(len(chunks)):
            rest = [x for c in chunks[:k] + chunks[k + 1:] for x in c]
            if fails(rest):
                items = rest
                n = max(n - 1, 2)
                break
        else:
            if n >= len(items):
                break
            n = min(n * 2, len(items))
    return items


def minimise(p4jit, firmware, source, log=None):
    lines = [l for l in source.splitlines() if l.strip()]
    same, off, jit, _ = check_file_text(p4jit, firmware, "\n".join(lines) + "\n")
    if same:
        return source
    bad_ok = any(s in off[1] + off[2] + jit[1] + jit[2] for s in BAD_SIGNS)

    def test(cand):
        return still_fails(p4jit, firmware, cand, bad_ok)

    # 1. top-level statements (functions, globals, arrays, calls in main) by ddmin,
    #    the imports always kept
    units = top_units(lines)
    keep = [u for u in units if re.match(r"(from|import) ", lines[u[0]])]
    rest = [u for u in units if u not in keep]

    def build(us):
        return [l for a, b in sorted(keep + us) for l in lines[a:b]]

    rest = ddmin(rest, lambda us: test(build(us)))
    lines = build(rest)
    if log:
        log("  minimise: %d lines after the top level" % len(lines))
    # 2. statements, bottom-up so earlier line numbers stay valid; until nothing changes
    changed = True
    while changed:
        changed = False
        i = len(lines) - 1
        while i >= 0:
            l = lines[i]
            if l.strip() and not re.match(r"(from|import) ", l):
                edits = [("del", i, block_end(lines, i) if CLAUSE.match(l) else stmt_end(lines, i))]
                if re.match(r"\s*(if|for|while|try)\b", l) and block_end(lines, i) > i + 1:
                    edits.append(("unwrap", i, stmt_end(lines, i)))
                for kind, a, b in edits:
                    cand = apply(lines, kind, a, b)
                    if test(cand):
                        lines = cand
                        changed = True
                        if log:
                            log("  minimise: %d lines" % len(lines))
                        break
            i = min(i, len(lines)) - 1
        # 3. expressions: a parenthesised group becomes one of its inner groups or 1
        for i in range(len(lines)):
            k = 0
            while k < len(lines[i]):
                if lines[i][k] == "(":
                    e = match_paren(lines[i], k)
                    inner = [lines[i][a:b + 1] for a, b in child_groups(lines[i], k, e)]
                    for repl in inner + ["1"]:
                        cand = lines[:i] + [lines[i][:k] + repl + lines[i][e + 1:]] + lines[i + 1:]
                        if repl != lines[i][k:e + 1] and test(cand):
                            lines = cand
                            changed = True
                            if log:
                                log("  minimise: %s" % lines[i].strip())
                            break
                k += 1
    return "\n".join(lines) + "\n"


def match_paren(s, k):
    depth = 0
    for j in range(k, len(s)):
        depth += {"(": 1, ")": -1}.get(s[j], 0)
        if depth == 0:
            return j
    return len(s) - 1


def child_groups(s, k, e):
    """The parenthesised groups directly inside s[k..e] (not after a name: no calls)."""
    out, j = [], k + 1
    while j < e:
        if s[j] == "(" and not (s[j - 1].isalnum() or s[j - 1] == "_"):
            m = match_paren(s, j)
            out.append((j, m))
            j = m + 1
        else:
            j += 1
    return out


def check_file_text(p4jit, firmware, text):
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as t:
        t.write(text)
        path = t.name
    try:
        return check_file(p4jit, firmware, path)
    finally:
        os.unlink(path)


# ---- commands ----------------------------------------------------------------------

def parse_seeds(s):
    a, _, b = s.partition(":")
    return range(int(a), int(b)) if b else range(int(a), int(a) + 1)


def cmd_run(args):
    seeds = parse_seeds(args.seeds)
    os.makedirs(args.out, exist_ok=True)
    t0 = time.time()
    fails, timeouts = [], []
    tot_fc = tot_f = tot_sc = tot_s = 0
    tot_calls = tot_lanes = tot_stress_c = tot_stress = tot_deopts = 0
    nfuncs = 0
    lines_out = 0
    with tempfile.TemporaryDirectory() as tmp:
        def one(seed):
            g = Gen(seed, args.funcs, set() if args.allow_known_bugs else None)
            src = g.program()
            path = os.path.join(tmp, "gen%d.py" % seed)
            with open(path, "w") as fh:
                fh.write(src)
            nf = len(g.funcs) + len(g.vec_funcs) + len(g.ew_funcs) + len(g.stress_funcs) + len(g.deopt_funcs) + len(g.nn_funcs)
            return (seed, src, nf, g.stress_funcs) + check_file(args.p4jit, args.firmware, path)

        pool = concurrent.futures.ThreadPoolExecutor(max(args.jobs, 1))
        for seed, src, nf, stress, same, off, jit, report in pool.map(one, seeds):
            nfuncs += nf
            c, l, sc = exercised(jit[1], report, stress)
            tot_calls += c
            tot_lanes += l
            tot_stress_c += sc
            tot_stress += len(stress)
            tot_deopts += count_deopts(report)
            fc, f, sc, s = count_compiled(report)
            tot_fc += fc
            tot_f += f
            tot_sc += sc
            tot_s += s
            lines_out += off[1].count(b"\n")
            if args.verbose:
                print("seed %d: %s, %d/%d functions compiled, status %s, %d output lines"
                      % (seed, "ok" if same else "MISMATCH", fc, f, off[0], off[1].count(b"\n")))
            if off[0] == "timeout":
                # no oracle: with ints of any size a generated loop can run far
                # longer than it did when 2**31 stopped it with OverflowError
                timeouts.append(seed)
                print("seed %d: skipped, the interpreter did not finish in %d s" % (seed, TIMEOUT))
                continue
            if off[0] not in (0, 1):
                # the interpreter itself must never crash
                same = False
            if not same:
                out = os.path.join(args.out, "mismatch-%d.py" % seed)
                with open(out, "w") as fh:
                    fh.write(src)
                print("seed %d: MISMATCH (program in %s; reduce it with: %s minimise --p4jit %s%s %s)"
                      % (seed, out, sys.argv[0], args.p4jit,
                         " --firmware " + args.firmware if args.firmware else "", out))
                print(show_diff(off, jit))
                if args.minimise:
                    small = minimise(args.p4jit, args.firmware, src, (lambda m: print(m, flush=True)) if args.verbose else None)
                    mout = os.path.join(args.out, "mismatch-%d.min.py" % seed)
                    with open(mout, "w") as fh:
                        fh.write(small)
                    print("seed %d: minimised to %d lines in %s" % (seed, small.count("\n"), mout))
                    _, o2, j2, _ = check_file_text(args.p4jit, args.firmware, small)
                    print(show_diff(o2, j2))
                fails.append(seed)
                if args.max_failures and len(fails) >= args.max_failures:
                    break
        pool.shutdown(cancel_futures=True)
    dt = time.time() - t0
    n = len(seeds)
    frac = tot_fc / tot_f if tot_f else 0.0
    print("%d programs, %d functions, %d output lines in %.1f s (%.0f programs/min, %.0f functions/min)"
          % (n, nfuncs, lines_out, dt, n * 60 / dt, nfuncs * 60 / dt))
    print("compiled: %d of %d generated functions (%.1f%%), %d of %d specialisations (%.1f%%)"
          % (tot_fc, tot_f, 100 * frac, tot_sc, tot_s, 100 * tot_sc / max(tot_s, 1)))
    print("exercised: %d calls of compiled functions from the programs' main parts, %d loops on PIE lanes, "
          "%d of %d wide-loop and recursion-at-the-limit functions compiled (JIT options: %s)"
          % (tot_calls, tot_lanes, tot_stress_c, tot_stress, " ".join(RUN_OPTS + JIT_OPTS)))
    print("deoptimisations: %d (gen_deopt.py's values crossing 2**31, and others)" % tot_deopts)
    print("known bugs avoided: %s" % ("none (--allow-known-bugs)" if args.allow_known_bugs
                                       else ", ".join(sorted(KNOWN_BUGS)) or "none"))
    ok = True
    if fails:
        print("FAIL: %d mismatching seeds: %s" % (len(fails), " ".join(map(str, fails))))
        ok = False
    if timeouts:
        print("skipped (interpreter past %d s): %s" % (TIMEOUT, " ".join(map(str, timeouts))))
    if len(timeouts) * 10 > n:  # a loaded machine slows QEMU: 6 of 250 seen at load 4 on 2 cores
        print("FAIL: more than 10% of the programs ran past the time limit")
        ok = False
    if frac < args.min_compiled:
        print("FAIL: compiled fraction %.3f below %.3f" % (frac, args.min_compiled))
        ok = False
    return 0 if ok else 1


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("gen")
    g.add_argument("seed", type=int)
    g.add_argument("--funcs", type=int)
    g.add_argument("-o")
    for name in ("run", "check", "minimise"):
        s = sub.add_parser(name)
        s.add_argument("--p4jit", required=True)
        s.add_argument("--firmware")
        s.add_argument("--opts", help="options of both runs, e.g. '-m 32K'")
        s.add_argument("--jit-opts", help="options of the JIT run (default: -X jit=eager), "
                       "e.g. '-X jit=auto -X jit-specs=1 -X jit-code=8K'")
        if name == "run":
            s.add_argument("--seeds", default="0:10")
            s.add_argument("--funcs", type=int)
            s.add_argument("--min-compiled", type=float, default=0.0)
            s.add_argument("--minimise", action="store_true")
            s.add_argument("--allow-known-bugs", action="store_true",
                           help="generate the KNOWN_BUGS constructs too (to check a fix)")
            s.add_argument("--out", default=".")
            s.add_argument("--max-failures", type=int, default=0)
            s.add_argument("-v", "--verbose", action="store_true")
            s.add_argument("-j", "--jobs", type=int, default=1, help="programs run at the same time")
        else:
            s.add_argument("file")
            s.add_argument("-o")
    args = ap.parse_args()
    if getattr(args, "jit_opts", None):
        JIT_OPTS[:] = args.jit_opts.split()
    if getattr(args, "opts", None):
        RUN_OPTS[:] = args.opts.split()
    if args.cmd == "gen":
        src = generate(args.seed, args.funcs)
        if args.o:
            with open(args.o, "w") as fh:
                fh.write(src)
        else:
            sys.stdout.write(src)
        return 0
    if args.cmd == "run":
        return cmd_run(args)
    with open(args.file) as fh:
        src = fh.read()
    if args.cmd == "check":
        same, off, jit, report = check_file(args.p4jit, args.firmware, args.file)
        fc, f, sc, s = count_compiled(report)
        print("%s; %d of %d functions compiled" % ("same" if same else "MISMATCH", fc, f))
        if not same:
            print(show_diff(off, jit))
        return 0 if same else 1
    small = minimise(args.p4jit, args.firmware, src, lambda m: print(m, flush=True))
    if args.o:
        with open(args.o, "w") as fh:
            fh.write(small)
    else:
        sys.stdout.write(small)
    return 0


if __name__ == "__main__":
    sys.exit(main())
