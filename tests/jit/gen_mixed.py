#!/usr/bin/env python3
"""Random programs mixing numeric functions the JIT compiles with the
language around them, checked three ways: CPython against the host
interpreter, the host interpreter against the firmware's (p4sim, -X
jit=off), and that against compiled code (p4sim, -X jit=eager).

What the other generators do not combine (genprog.py: typed numeric code
alone; gen_lang.py: the language without the JIT):
  - kernels (int loops, floor division and modulo by values that reach 0,
    list and array reads and stores that run off the end in the last
    iteration, exact float code, recursion) called from methods, closures,
    generators, lambdas, sorted(key=...), map, filter and comprehensions,
    and from other compiled functions;
  - exceptions raised in compiled code or in an interpreted callee of it
    (`raise` in a checker), caught around the call with except/else/finally,
    with what ran before the exception (list stores, the log) printed;
  - ints near 2**31 (results that must become big ints, intermediate
    overflows that come back into range, INT_MIN // -1) and floats at the
    edges (nan, inf, -0.0: their repr, comparisons, int() and floor of them);
  - recursion past the limit (RecursionError caught, never a crash) and
    recursion just inside it.

Floats stay exact: the values are halves and quarters of small numbers,
inf and nan, added, subtracted, negated, halved and doubled a few times, so
binary32 (docs/language.md, deviation 1) and CPython's binary64 print the
same. A program whose CPython output still holds a float binary32 would
print otherwise is compared with CPython only on the lines it printed
exactly (counted as "inexact"); its interpreter and JIT runs in full. RecursionError is printed by name only
(deviation 4: the depths differ).

Usage:
  gen_mixed.py gen SEED                       print one program
  gen_mixed.py run --p4jit P4JIT [--seeds A:B] [--jobs N] [--host-only]
                   [--firmware ELF] [--out DIR]
        every seed's program four ways; a mismatch is written to DIR
        (default .) as mixed_SEED.py and fails the run
"""
import argparse
import concurrent.futures
import os
import random
import re
import struct
import subprocess
import sys
import tempfile
import time

INT_EDGES = [0, 1, -1, 2, 3, -3, 7, 100, -100, 46340, 46341, 65535, 65536, 1073741824,
             2147483647, -2147483648, 2147483646, -2147483647, 2147483648, -2147483649]
SMALL = [0, 1, -1, 2, 3, 5, -4, 7, 10]
FLOAT_EDGES = ["0.0", "-0.0", "0.5", "-1.5", "2.25", "3.0", "-0.25", "1024.0", "100.5",
               "INF", "-INF", "NAN"]
FLOAT_STEPS = ["0.5", "1.5", "0.25", "2.0", "-3.0", "-0.75"]

PRELUDE = '''\
import math
from array import array

INF = float('inf')
NAN = float('nan')


def said(e):
    if isinstance(e, RecursionError):
        return 'RecursionError'      # the depth differs from CPython's (deviation 4)
    return type(e).__name__ + ':' + str(e)


def guard(f):
    try:
        return f()
    except Exception as e:
        return said(e)

'''


class Kernel:
    def __init__(self, name, kind, params):
        self.name, self.kind, self.params = name, kind, params


class MixGen:
    def __init__(self, seed):
        self.r = random.Random("mixed%d" % seed)
        self.out = [PRELUDE]
        self.kernels = []
        self.n = 0

    def p(self, x):
        return self.r.random() < x

    def fresh(self, prefix):
        self.n += 1
        return "%s%d" % (prefix, self.n)

    def emit(self, ind, line):
        self.out.append("    " * ind + line)

    # ---- values --------------------------------------------------------------------
    def int_arg(self):
        return str(self.r.choice(INT_EDGES if self.p(0.5) else SMALL))

    def float_arg(self):
        return self.r.choice(FLOAT_EDGES)

    def arg_for(self, kind):
        return self.float_arg() if kind == "float" else self.int_arg()

    def int_list(self):
        return "[%s]" % ", ".join(str(self.r.choice(SMALL + INT_EDGES[:12])) for _ in range(self.r.randint(1, 6)))

    # ---- expressions -------------------------------------------------------------------
    def iexpr(self, names, d=2):
        r = self.r
        if d == 0 or self.p(0.3):
            return r.choice(names + [str(r.choice(INT_EDGES + SMALL))])
        x = r.random()
        a, b = self.iexpr(names, d - 1), self.iexpr(names, d - 1)
        if x < 0.5:
            return "(%s %s %s)" % (a, r.choice(["+", "-", "*", "+", "-", "&", "|", "^"]), b)
        if x < 0.6:
            return "(%s %s (%s))" % (a, r.choice(["//", "%"]), b)       # ZeroDivisionError sometimes
        if x < 0.7:
            return "(%s %s %d)" % (a, r.choice([">>", "<<"]), r.choice([0, 1, 3, 16, 31]))
        if x < 0.8:
            return "%s(%s)" % (r.choice(["-", "abs", "~"]), a)
        if x < 0.9:
            return "%s(%s, %s)" % (r.choice(["min", "max"]), a, b)
        return "(%s if %s %s %s else %s)" % (a, a, r.choice(["<", "==", ">="]), b, b)

    def fexpr(self, names, d=2):
        """Exact in binary32: sums of halves and quarters, a few doublings
        and halvings, nan and inf."""
        r = self.r
        if d == 0 or self.p(0.3):
            return r.choice(names + FLOAT_STEPS)
        a = self.fexpr(names, d - 1)
        x = r.random()
        if x < 0.45:
            return "(%s %s %s)" % (a, r.choice(["+", "-"]), self.fexpr(names, d - 1))
        if x < 0.6:
            return "(%s %s)" % (a, r.choice(["* 2.0", "* 0.5", "* -1.0", "/ 2.0", "/ -4.0"]))
        if x < 0.75:
            return "%s(%s)" % (r.choice(["-", "abs"]), a)
        if x < 0.9:
            return "%s(%s, %s)" % (r.choice(["min", "max"]), a, self.fexpr(names, d - 1))
        return "(%s if %s %s %s else %s)" % (a, a, r.choice(["<", "==", ">=", "!="]), r.choice(names),
                                            self.fexpr(names, d - 1))

    # ---- kernels: what the JIT compiles ------------------------------------------------------
    def kernel(self):
        kind = self.r.choice(["iloop", "iloop", "idiv", "index", "store", "arr", "floop", "fedge",
                              "rec", "over", "raiser", "caller"])
        if kind == "caller" and not [k for k in self.kernels if k.params == ["int", "int"]]:
            kind = "over"
        name = self.fresh("k")
        getattr(self, "k_" + kind)(name)
        self.emit(0, "")

    def add(self, name, kind, params):
        self.kernels.append(Kernel(name, kind, params))

    def k_iloop(self, name):
        r = self.r
        self.emit(0, "def %s(a, b):" % name)
        self.emit(1, "s = %s" % r.choice(["0", "a", "b", "1"]))
        self.emit(1, "for i in range(%s):" % r.choice(["%d" % r.randint(0, 12), "b & 7", "a % 5"]))
        self.emit(2, "s = %s" % self.iexpr(["s", "a", "b", "i"]))
        if self.p(0.4):
            self.emit(2, "if s > %s:" % r.choice(["2147483647", "1000", "a"]))
            self.emit(3, r.choice(["s = s - %s" % self.iexpr(["a", "b", "i"], 1), "break", "s = s >> 1"]))
        self.emit(1, "return %s" % r.choice(["s", "s + a", "s - b", "s * 2"]))
        self.add(name, "int", ["int", "int"])

    def k_idiv(self, name):
        r = self.r
        self.emit(0, "def %s(a, b):" % name)
        self.emit(1, "s = a")
        self.emit(1, "for i in range(%d):" % r.randint(1, 8))
        self.emit(2, "s = s %s (b - i%s)" % (r.choice(["//", "%"]), r.choice(["", " * 2", " - 1"])))  # b == i: by zero
        self.emit(2, "s = s + %s" % self.iexpr(["a", "i"], 1))
        self.emit(1, "return s")
        self.add(name, "int", ["int", "int"])

    def k_index(self, name):
        r = self.r
        self.emit(0, "def %s(xs, k):" % name)
        self.emit(1, "s = 0")
        self.emit(1, "for i in range(len(xs)):")
        self.emit(2, "s = s + xs[%s] * %s" % (r.choice(["i + k", "i - k", "k - i", "(i + 1) % (k | 1)", "-i - k"]),
                                              r.choice(["1", "i", "k", "2147483647"])))
        self.emit(1, "return s")
        self.add(name, "index", ["list", "int"])

    def k_store(self, name):
        r = self.r
        self.emit(0, "def %s(xs, k):" % name)
        self.emit(1, "for i in range(%s):" % r.choice(["len(xs)", "len(xs) + 1", "k"]))
        self.emit(2, "xs[%s] = %s" % (r.choice(["i", "i + k", "-1 - i"]), self.iexpr(["i", "k", "xs[i]"], 1)))
        self.emit(1, "return xs[0]")
        self.add(name, "store", ["list", "int"])

    def k_arr(self, name):
        r = self.r
        tc = r.choice("bhi")
        self.emit(0, "def %s(a, b):" % name)
        self.emit(1, "xs = array('%s', [0] * %d)" % (tc, r.randint(1, 6)))
        self.emit(1, "t = 0")
        self.emit(1, "for i in range(len(xs)):")
        self.emit(2, "xs[i] = %s" % self.iexpr(["a", "b", "i"], 2))   # OverflowError beyond the typecode
        self.emit(2, "t = t + xs[i]")
        self.emit(1, "return t")
        self.add(name, "int", ["int", "int"])

    def k_floop(self, name):
        r = self.r
        self.emit(0, "def %s(x, y):" % name)
        self.emit(1, "acc = x")
        self.emit(1, "for i in range(%d):" % r.randint(0, 10))
        self.emit(2, "acc = %s" % self.fexpr(["acc", "y"], 2).replace("* 2.0", "+ 1.0").replace("/ -4.0", "- 0.5")
                  .replace("* 0.5", "+ 0.25").replace("/ 2.0", "- 1.0"))    # no scaling in the loop: it would not stay exact
        if self.p(0.5):
            self.emit(2, "if acc %s %s:" % (r.choice([">", "<=", "!="]), r.choice(["y", "100.0", "-50.5"])))
            self.emit(3, r.choice(["acc = y - 0.5", "break", "acc = -acc"]))
        self.emit(1, "return %s" % r.choice(["acc", "acc * 2.0", "acc - y", "acc + float(%d)" % r.randint(-3, 3)]))
        self.add(name, "float", ["float", "float"])

    def k_fedge(self, name):
        r = self.r
        self.emit(0, "def %s(x, y):" % name)
        e = r.choice(["x / y", "math.floor(x)", "int(x) + 1", "math.sqrt(x)", "math.ceil(y) - 1",
                      "(x < y) + (x == y) * 2 + (x != y) * 4", "x - x", "x * 0.0", "math.trunc(x)",
                      "x / (y - y)", "abs(x) % 2.0", "x // 2.0", "round(x)",
                      self.fexpr(["x", "y"], 3)])
        self.emit(1, "return %s" % e)
        self.add(name, "fedge", ["float", "float"])

    def k_rec(self, name):
        r = self.r
        self.emit(0, "def %s(n, k):" % name)
        self.emit(1, "if n <= 0:")
        self.emit(2, "return k")
        self.emit(1, "return %s" % r.choice(["%s(n - 1, k + n %% 7) + 1" % name, "%s(n - 1, k) * 2 - k" % name,
                                             "n + %s(n - %d, k)" % (name, r.randint(1, 3)),
                                             "%s(n - 1, (k + n) %% 1000)" % name]))
        self.add(name, "rec", ["int", "int"])

    def k_over(self, name):
        self.emit(0, "def %s(a, b):" % name)
        self.emit(1, "return %s" % self.r.choice(["a + b", "a * b", "a - b", "-a + b", "(a + b) - b",
                                                  "a * b // (b | 1)", "a // b", "a % b", "(a << 1) >> 1",
                                                  "abs(a) - b", "a * a - b * b", "~a ^ b"]))
        self.add(name, "int", ["int", "int"])

    def k_raiser(self, name):
        r = self.r
        lim = r.choice(["100", "2147483647", "0", "-5"])
        self.emit(0, "def %s_check(x):" % name)
        self.emit(1, "if x > %s:" % lim)
        self.emit(2, "raise %s('%s too big')" % (r.choice(["ValueError", "OverflowError", "KeyError"]), name))
        self.emit(1, "return x + 1")
        self.emit(0, "")
        self.emit(0, "def %s(a, b):" % name)
        self.emit(1, "s = b")
        self.emit(1, "for i in range(%d):" % r.randint(1, 6))
        self.emit(2, "s = %s_check(s + a * i)" % name)
        self.emit(1, "return s")
        self.add(name, "int", ["int", "int"])

    def k_caller(self, name):
        """A compiled function calling another: the callee's exception or
        big result goes through it."""
        r = self.r
        callee = r.choice([k for k in self.kernels if k.params == ["int", "int"]]).name
        self.emit(0, "def %s(a, b):" % name)
        self.emit(1, "t = 0")
        self.emit(1, "for i in range(%d):" % r.randint(1, 4))
        self.emit(2, "t = t + %s(a + i, b)" % callee)
        self.emit(1, "return t")
        self.add(name, "int", ["int", "int"])

    # ---- contexts: where the kernels are called from ----------------------------------------
    def call(self, k, first=None):
        """A call of kernel k, its first argument `first` (else random)."""
        args = []
        for i, t in enumerate(k.params):
            if i == 0 and first is not None:
                args.append(first)
            elif t == "list":
                args.append(self.int_list())
            elif k.kind == "rec" and i == 0:
                args.append(str(self.r.choice([0, 3, 50, 300, 2000, 100000])))
            elif t == "int" and i == 1 and k.kind in ("index", "store"):
                args.append(self.count_arg())
            else:
                args.append(self.arg_for(t))
        return "%s(%s)" % (k.name, ", ".join(args))

    def count_arg(self):
        """A list kernel's second argument: also a range() bound, which takes
        32-bit ints only (docs/language.md, deviation 26)."""
        return str(self.r.choice([0, 1, -1, 2, 5]))

    def second_arg(self, k):
        return self.count_arg() if k.kind in ("index", "store") else self.arg_for(k.params[1])

    def vals(self, k):
        if k.params[0] == "list":
            return "[%s]" % ", ".join(self.int_list() for _ in range(self.r.randint(1, 4)))
        return "[%s]" % ", ".join(self.arg_for(k.params[0]) for _ in range(self.r.randint(1, 6)))

    def scalar_kernel(self, kinds=None):
        ks = [k for k in self.kernels if k.params[0] != "list" and (kinds is None or k.kind in kinds)]
        return self.r.choice(ks) if ks else None

    def context(self):
        r = self.r
        how = r.choice(["direct", "method", "closure", "generator", "sorted", "map", "filter", "trylog",
                        "nested_try", "comprehension", "lambda", "rec_deep", "list_after"])
        tag = self.fresh("c")
        getattr(self, "c_" + how)(tag)

    def c_direct(self, tag):
        for _ in range(self.r.randint(1, 4)):
            k = self.r.choice(self.kernels)
            self.emit(0, "print(%r, guard(lambda: %s))" % (tag, self.call(k)))

    def c_method(self, tag):
        k = self.scalar_kernel()
        if not k:
            return self.c_direct(tag)
        cls = "Box" + tag
        self.emit(0, "class %s:" % cls)
        self.emit(1, "def __init__(self, v):")
        self.emit(2, "self.v = v")
        self.emit(1, "def m(self, w):")
        self.emit(2, "return %s(self.v, w)" % k.name)
        self.emit(1, "def total(self, n):")
        self.emit(2, "s = 0")
        self.emit(2, "for i in range(n):")
        self.emit(3, "s = s + (self.m(%s) %s)" % ("i" if k.params[1] == "int" else "0.5",
                                                    "> 0" if k.params[1] == "float" or k.kind == "fedge" else "& 1023"))
        self.emit(2, "return s")
        for _ in range(self.r.randint(1, 3)):
            b = "%s(%s)" % (cls, self.arg_for(k.params[0]))
            self.emit(0, "print(%r, guard(lambda: %s.m(%s)), guard(lambda: %s.total(%d)))"
                      % (tag, b, self.arg_for(k.params[1]), b, self.r.randint(0, 5)))

    def c_closure(self, tag):
        k = self.scalar_kernel()
        if not k:
            return self.c_direct(tag)
        self.emit(0, "def make_%s(c):" % tag)
        self.emit(1, "def inner(z):")
        self.emit(2, "return %s(z, c)" % k.name)
        self.emit(1, "return inner")
        self.emit(0, "f_%s = make_%s(%s)" % (tag, tag, self.arg_for(k.params[1])))
        self.emit(0, "print(%r, [guard(lambda: f_%s(v)) for v in %s])" % (tag, tag, self.vals(k)))

    def c_generator(self, tag):
        k = self.r.choice(self.kernels)
        self.emit(0, "def gen_%s(vs, c):" % tag)
        self.emit(1, "for v in vs:")
        self.emit(2, "yield %s(v, c)" % k.name)
        self.emit(2, "yield -1" if self.p(0.3) else "pass")
        self.emit(0, "out_%s = []" % tag)
        self.emit(0, "try:")
        self.emit(1, "for r in gen_%s(%s, %s):" % (tag, self.vals(k), self.second_arg(k)))
        self.emit(2, "out_%s.append(r)" % tag)
        self.emit(0, "except Exception as e:")
        self.emit(1, "out_%s.append(said(e))" % tag)
        self.emit(0, "print(%r, out_%s)" % (tag, tag))

    def c_sorted(self, tag):
        k = self.scalar_kernel(("int",))   # float keys with nan: the order depends on the sort's comparisons
        if not k:
            return self.c_direct(tag)
        self.emit(0, "print(%r, guard(lambda: sorted(%s, key=lambda z: %s(z, %s)%s)))"
                  % (tag, self.vals(k), k.name, self.int_arg(), ", reverse=True" if self.p(0.3) else ""))

    def c_map(self, tag):
        k = self.scalar_kernel()
        if not k:
            return self.c_direct(tag)
        if self.p(0.5):
            self.emit(0, "print(%r, guard(lambda: list(map(%s, %s, %s))))" % (tag, k.name, self.vals(k), self.vals(k)))
        else:
            self.emit(0, "print(%r, guard(lambda: list(map(lambda z: %s(z, %s), %s))))"
                      % (tag, k.name, self.arg_for(k.params[1]), self.vals(k)))

    def c_filter(self, tag):
        k = self.scalar_kernel(("int",))
        if not k:
            return self.c_direct(tag)
        self.emit(0, "print(%r, guard(lambda: list(filter(lambda z: %s(z, %s) %% 3, %s))))"
                  % (tag, k.name, self.int_arg(), self.vals(k)))

    def c_trylog(self, tag):
        k = self.r.choice(self.kernels)
        self.emit(0, "log_%s = []" % tag)
        self.emit(0, "for v in %s:" % self.vals(k))
        self.emit(1, "try:")
        self.emit(2, "log_%s.append(%s)" % (tag, self.call(k, "v")))
        self.emit(1, "except ZeroDivisionError:")
        self.emit(2, "log_%s.append('Z')" % tag)
        self.emit(1, "except (LookupError, OverflowError, ValueError) as e:")
        self.emit(2, "log_%s.append(said(e))" % tag)
        self.emit(1, "except Exception as e:")
        self.emit(2, "log_%s.append('other ' + said(e))" % tag)
        if self.p(0.5):
            self.emit(1, "else:")
            self.emit(2, "log_%s.append('ok')" % tag)
        self.emit(1, "finally:")
        self.emit(2, "log_%s.append('f')" % tag)
        self.emit(0, "print(%r, log_%s)" % (tag, tag))

    def c_nested_try(self, tag):
        k = self.r.choice(self.kernels)
        self.emit(0, "def wrap_%s(v):" % tag)
        self.emit(1, "log = []")
        self.emit(1, "try:")
        self.emit(2, "try:")
        self.emit(3, "log.append(%s)" % self.call(k, "v"))
        self.emit(2, "finally:")
        self.emit(3, "log.append('fin')")
        self.emit(1, "except ArithmeticError as e:")
        self.emit(2, "log.append('arith:' + said(e))")
        self.emit(1, "except LookupError as e:")
        self.emit(2, "log.append('lookup:' + said(e))")
        self.emit(1, "except Exception as e:")
        self.emit(2, "log.append(said(e))")
        self.emit(1, "return log")
        self.emit(0, "print(%r, [wrap_%s(v) for v in %s])" % (tag, tag, self.vals(k)))

    def c_comprehension(self, tag):
        k = self.scalar_kernel()
        if not k:
            return self.c_direct(tag)
        self.emit(0, "print(%r, guard(lambda: [%s for v in %s if v == v]))" % (tag, self.call(k, "v"), self.vals(k)))

    def c_lambda(self, tag):
        k = self.scalar_kernel()
        if not k:
            return self.c_direct(tag)
        self.emit(0, "h_%s = lambda u, w=%s: %s(u, w) if u == u else -1" % (tag, self.arg_for(k.params[1]), k.name))
        self.emit(0, "print(%r, [guard(lambda: h_%s(v)) for v in %s])" % (tag, tag, self.vals(k)))

    def c_rec_deep(self, tag):
        recs = [k for k in self.kernels if k.kind == "rec"]
        if not recs:
            return self.c_direct(tag)
        k = self.r.choice(recs)
        depth = self.r.choice([500, 2000, 100000])
        # through a method and a closure too: the limit counts those frames
        self.emit(0, "def via_%s(n):" % tag)
        self.emit(1, "return %s(n, 1)" % k.name)
        self.emit(0, "print(%r, guard(lambda: via_%s(%d)), guard(lambda: %s(%d, 0)))"
                  % (tag, tag, depth, k.name, self.r.choice([10, 200, 300])))
        self.emit(0, "print(%r, guard(lambda: %s(%d, 3)))" % (tag, k.name, self.r.choice([3, 40, 300])))
        # a compiled method recursing on self, called from the module's own
        # try (no interpreted frame between)
        self.emit(0, "class Rec%s:" % tag)
        self.emit(1, "def walk(self, n, k):")
        self.emit(2, "if n <= 0:")
        self.emit(3, "return k")
        self.emit(2, "return self.walk(n - 1, k) + %s" % self.r.choice(["1", "n % 3", "%s(1, k)" % k.name]))
        self.emit(0, "try:")
        self.emit(1, "print(%r, Rec%s().walk(%d, 2))" % (tag, tag, self.r.choice([50, 400, 1200, 100000])))
        self.emit(0, "except RecursionError:")
        self.emit(1, "print(%r, 'RecursionError')" % tag)

    def c_list_after(self, tag):
        """The stores a kernel made before its exception stay made."""
        ks = [k for k in self.kernels if k.kind in ("store", "index")]
        if not ks:
            return self.c_direct(tag)
        k = self.r.choice(ks)
        self.emit(0, "xs_%s = %s" % (tag, self.int_list()))
        self.emit(0, "print(%r, guard(lambda: %s(xs_%s, %s)), xs_%s)"
                  % (tag, k.name, tag, self.r.choice([0, 1, -1, 2, 7]), tag))

    def program(self):
        for _ in range(self.r.randint(4, 9)):
            self.kernel()
        for _ in range(self.r.randint(6, 14)):
            self.context()
        return "\n".join(self.out) + "\n"


def generate(seed):
    return MixGen(seed).program()


# ---- checking ----------------------------------------------------------------------------

FLOAT_TOKEN = re.compile(r"(?<![\w.'])-?(?:\d+\.\d*(?:e[-+]?\d+)?|\d+e[-+]?\d+)(?![\w.])")


def f32(v):
    return struct.unpack("f", struct.pack("f", v))[0]


def binary32_prints_alike(v):
    """Whether P4JIT (binary32, shortest repr) prints the float CPython printed
    as v the same: v is a binary32 value and no shorter decimal reads back to it."""
    try:
        if f32(v) != v:
            return False
    except OverflowError:
        return False
    digits = len(re.sub(r"e.*|[-.]", "", repr(v)).lstrip("0")) or 1
    return all(f32(float("%.*e" % (p - 1, v))) != v for p in range(1, digits))


def exact_output(text):
    return all(binary32_prints_alike(float(t)) for t in FLOAT_TOKEN.findall(text))


def run(cmd, timeout=120):
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=timeout)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return "timeout", b"", b""


def exact_lines_alike(want, got):
    """An inexact program's output against CPython's: the same number of
    lines, and each line CPython printed exactly (every float in it as
    binary32 prints it) the same."""
    w, g = want.decode().splitlines(), got.decode(errors="replace").splitlines()
    return len(w) == len(g) and all(a == b or not exact_output(a) for a, b in zip(w, g))


def check(p4jit, firmware, path, host_only):
    """(verdict, detail): verdict one of ok, inexact (CPython compared on
    the lines it printed exactly), or a mismatch's name."""
    want = run([sys.executable, path], 60)
    host = run([p4jit, "run", path])
    verdict = "ok"
    if want[0] != 0:
        return "cpython-failed", want[2].decode(errors="replace")[-800:]
    if not exact_output(want[1].decode()):
        verdict = "inexact"
        if host[0] != want[0] or not exact_lines_alike(want[1], host[1]):
            return "cpython-vs-host", diff(want, host)
    elif host[:2] != want[:2]:
        return "cpython-vs-host", diff(want, host)
    if host[0] not in (0, 1):
        return "host-crash", diff(want, host)
    if host_only:
        return verdict, ""
    import genprog
    same, off, jit, _ = genprog.check_file(p4jit, firmware, path)
    if off[0] == "timeout":
        return "p4sim-timeout", ""
    if off[:2] != host[:2]:
        return "host-vs-p4sim", diff(host, off)
    if not same:
        return "interp-vs-jit", diff(off, jit)
    return verdict, ""


def diff(a, b):
    import difflib
    out = ["status %s vs %s" % (a[0], b[0])]
    for s in (1, 2):
        out += list(difflib.unified_diff(a[s].decode(errors="replace").splitlines(),
                                         b[s].decode(errors="replace").splitlines(), lineterm="", n=1))[:40]
    return "\n".join(out)


def main(generate=generate, name="mixed", check_program=None):
    """The command line of this generator, or of another (gen_edges.py)
    that makes its programs with `generate` and names them NAME_SEED.py;
    check_program (gen_loops.py) in place of check."""
    ap = argparse.ArgumentParser(description=sys.modules[generate.__module__].__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("gen")
    g.add_argument("seed", type=int)
    r = sub.add_parser("run")
    r.add_argument("--p4jit", required=True)
    r.add_argument("--firmware")
    r.add_argument("--seeds", default="0:10")
    r.add_argument("--jobs", type=int, default=1)
    r.add_argument("--host-only", action="store_true", help="CPython against the host interpreter only")
    r.add_argument("--out", default=".")
    a = ap.parse_args()
    if a.cmd == "gen":
        src = generate(a.seed)
        for name_, text in (src.items() if isinstance(src, dict) else [(None, src)]):
            sys.stdout.write(text if name_ is None else "# ---- %s\n%s" % (name_, text))
        return 0
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    lo, hi = (int(x) for x in a.seeds.split(":"))
    t0 = time.time()
    counts, bad = {}, []
    with tempfile.TemporaryDirectory() as tmp:
        def one(seed):
            # a program, or {file name: source} for a program of several
            # modules (the first the main one)
            src = generate(seed)
            files = src if isinstance(src, dict) else {"%s_%d.py" % (name, seed): src}
            for f, text in files.items():
                with open(os.path.join(tmp, f), "w") as fh:
                    fh.write(text)
            path = os.path.join(tmp, next(iter(files)))
            return (seed, files) + (check_program or check)(a.p4jit, a.firmware, path, a.host_only)

        with concurrent.futures.ThreadPoolExecutor(max(a.jobs, 1)) as ex:
            for seed, src, verdict, detail in ex.map(one, range(lo, hi)):
                counts[verdict] = counts.get(verdict, 0) + 1
                if verdict in ("ok", "inexact"):
                    continue
                bad.append(seed)
                for f, text in src.items():
                    out = os.path.join(a.out, f)
                    with open(out, "w") as fh:
                        fh.write(text)
                out = os.path.join(a.out, next(iter(src)))
                print("seed %d: %s (program in %s)\n%s" % (seed, verdict, out, detail), flush=True)
    print("%d programs in %.0f s: %s" % (hi - lo, time.time() - t0,
                                        ", ".join("%d %s" % (n, v) for v, n in sorted(counts.items()))))
    return 1 if bad or not counts.get("ok") else 0


if __name__ == "__main__":
    sys.exit(main())
