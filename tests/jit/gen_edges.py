#!/usr/bin/env python3
"""Random programs whose compiled functions see their arguments change kind
from call to call, checked as gen_mixed.py checks its programs (CPython, the
host interpreter, p4sim -X jit=off, p4sim -X jit=eager).

What gen_mixed.py does not make:
  - one function called with a random sequence of argument kinds: small
    ints, bools, ints near 2**31 and 2**63 and beyond 64 bits, exact floats,
    -0.0, inf and nan (a new specialisation, a deoptimisation, an argument
    the JIT declines, then the compiled one again);
  - arrays of every typecode but 'l' and 'L' (32-bit here: deviation 30)
    read and stored in loops, stores out of the typecode's range
    (OverflowError) and past the end;
  - bools mixed with ints and floats (True & True is a bool, True + True an
    int, ~True -2) and returned through compiled code;
  - objects whose numeric attributes a loop reads and writes, changing type
    between calls, and methods that raise through compiled frames;
  - a global number that compiled code baked in, assigned between calls;
  - p4.jit_mode switched between calls at the module level (only where the
    run offers the mode: CPython and the host refuse with ValueError, which
    the program ignores, so every run prints the same).

Usage:
  gen_edges.py gen SEED
  gen_edges.py run --p4jit P4JIT [--seeds A:B] [--jobs N] [--host-only] [--firmware ELF] [--out DIR]
"""
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_mixed  # noqa: E402  (the prelude, the four-way check and the campaign runner)

INTS = [0, 1, -1, 2, 3, -7, 100, 127, 128, 255, 256, -129, 32767, 32768, 65535, 65536, 46341,
        2**31 - 1, -2**31, 2**31 - 2, -2**31 + 1, 2**30]
BIG = [2**31, -2**31 - 1, 2**32 - 1, 2**32, 2**62, 2**63 - 1, -2**63, 2**63, 2**64 - 1, 2**64, -2**64, 10**20]
BOOLS = ["True", "False"]
FLOATS = ["0.0", "-0.0", "0.5", "-1.5", "2.25", "3.0", "-0.25", "1024.0", "INF", "-INF", "NAN"]
TYPECODES = "bBhHifbBhHifIqQd"   # the first six compiled
MODES = ["'off'", "'scalar'", "'pie'"]

PRELUDE = gen_mixed.PRELUDE + '''\
try:
    import p4
except ImportError:
    p4 = None


def switch(mode):
    # the modes a run offers differ (CPython and the host: 'off' only)
    if p4 is not None:
        try:
            p4.jit_mode(mode)
        except ValueError:
            pass


def truth(v):
    # a sort key that rounding (binary32 against binary64) rarely changes
    return bool(v[0] if type(v) is tuple else v)


def kinds(*vs):
    return [type(v).__name__ for v in vs]

'''


class EdgeGen(gen_mixed.MixGen):
    def __init__(self, seed):
        super().__init__(seed)
        self.r = random.Random("edges%d" % seed)
        self.out = [PRELUDE]
        self.funcs = []     # names of f(a, b)
        self.arrfuncs = []  # (name, typecode)
        self.objfuncs = []  # (class, the function walking a list of its instances)

    # ---- values ------------------------------------------------------------------------
    def value(self, kind=None):
        kind = kind or self.r.choice(["int", "int", "small", "bool", "float"])
        if kind == "bool":
            return self.r.choice(BOOLS)
        if kind == "float":
            return self.r.choice(FLOATS)
        if kind == "small":
            return str(self.r.randint(-5, 9))
        if kind == "big":   # beyond 32 bits: the JIT declines it, or a guard deoptimises
            return str(self.r.choice(BIG))
        return str(self.r.choice(INTS))

    def expr(self, names, d=2):
        """Valid for ints, bools and floats alike, except where an operation
        raises (a float's & or <<: TypeError, by zero, nan to int): those
        are what the checked code must raise as the interpreter does."""
        r = self.r
        if d == 0 or self.p(0.25):
            return r.choice(names) if self.p(0.75) else self.value(r.choice(["small", "bool", "float"]))
        a, b = self.expr(names, d - 1), self.expr(names, d - 1)
        x = r.random()
        if x < 0.4:
            return "(%s %s %s)" % (a, r.choice(["+", "-", "*", "+", "-"]), b)
        if x < 0.5:
            return "(%s %s %s)" % (a, r.choice(["&", "|", "^"]), b)
        if x < 0.57:
            return "(%s %s (%s))" % (a, r.choice(["//", "%"]), b)
        if x < 0.62:
            return "(%s %s %d)" % (a, r.choice([">>", "<<"]), r.choice([0, 1, 3, 31, 33, 63]))
        if x < 0.72:
            return "%s(%s)" % (r.choice(["-", "abs", "~", "+", "int", "bool", "float"]), a)
        if x < 0.8:
            return "%s(%s, %s)" % (r.choice(["min", "max"]), a, b)
        if x < 0.9:
            return "(%s %s %s)" % (a, r.choice(["<", "<=", "==", "!=", ">", ">="]), b)
        return "(%s if %s else %s)" % (a, r.choice([b, "%s > %s" % (a, b), "not %s" % b]), b)

    # ---- functions the JIT compiles -------------------------------------------------
    def f_scalar(self):
        name = self.fresh("f")
        r = self.r
        self.emit(0, "def %s(a, b):" % name)
        self.emit(1, "s = %s" % r.choice(["a", "b", "0", "False", "a - a"]))
        loop = self.p(0.7)
        if loop:
            self.emit(1, "for i in range(%d):" % r.randint(1, 6))
        ind = 2 if loop else 1
        names = ["s", "a", "b"] + (["i"] if loop else [])
        self.emit(ind, "s = %s" % self.expr(names))
        if self.p(0.4):
            self.emit(ind, "if %s:" % self.expr(names, 1))
            self.emit(ind + 1, r.choice(["s = %s" % self.expr(names, 1), "break" if loop else "s = -s",
                                         "return s"]))
        if self.p(0.3):
            self.emit(ind, "s = s * SCALE")   # a global the code bakes in
        self.emit(1, "return %s" % r.choice(["s", "(s, kinds(s))", "s == s", "(s, a)"]))
        self.emit(0, "")
        self.funcs.append(name)

    def f_array(self):
        name = self.fresh("arr")
        r = self.r
        tc = r.choice(TYPECODES)
        flt = tc in "fd"
        self.emit(0, "def %s(xs, v, k):" % name)
        self.emit(1, "t = %s" % ("0.0" if flt and self.p(0.5) else "0"))
        self.emit(1, "for i in range(%s):" % r.choice(["len(xs)", "len(xs)", "k", "len(xs) + 1"]))
        store = r.choice(["v", "v + i", "v - i", "i - v", "v * 2", "-v", "xs[i] + v", "v if i & 1 else i",
                          "xs[i - 1] + 1", "i == v", "v // 2"])
        self.emit(2, "xs[%s] = %s" % (r.choice(["i", "i", "-1 - i", "i // 2"]), store))
        self.emit(2, "t = t + xs[i]%s" % r.choice(["", " * 2", " - i"]))
        self.emit(1, "return t, xs[0]")
        self.emit(0, "")
        self.arrfuncs.append((name, tc))

    def f_object(self):
        cls = self.fresh("Obj")
        r = self.r
        self.emit(0, "class %s:" % cls)
        self.emit(1, "def __init__(self, x, y):")
        self.emit(2, "self.x = x")
        self.emit(2, "self.y = y")
        self.emit(1, "def bump(self, k):")
        self.emit(2, "for i in range(k):")
        self.emit(3, "self.x = %s" % self.expr(["self.x", "self.y", "i"], 1))
        if self.p(0.5):
            self.emit(3, "if self.x == self.y:")
            self.emit(4, "raise ValueError('met at %d' % i)")
        self.emit(2, "return self.x")
        self.emit(1, "def total(self):")
        self.emit(2, "return %s" % self.expr(["self.x", "self.y"], 2))
        self.emit(0, "")
        name = self.fresh("walk")
        self.emit(0, "def %s(o, k):" % name)
        self.emit(1, "t = 0")
        self.emit(1, "for i in range(%d):" % r.randint(1, 3))
        self.emit(2, "t = t + o.bump(k) %s o.total()" % r.choice(["+", "-", "*"]))
        self.emit(1, "return t")
        self.emit(0, "")
        self.objfuncs.append((cls, name))

    # ---- calls ----------------------------------------------------------------------
    def kind_sequence(self):
        """Argument kinds for successive calls: a few of one kind (it gets
        compiled), then others (new specialisations, deoptimisations)."""
        r = self.r
        first = r.choice(["small", "int", "bool", "float"])
        seq = [first] * r.randint(1, 3)
        for _ in range(r.randint(1, 4)):
            seq.append(r.choice(["small", "int", "bool", "float", "big", first, first]))
        return seq

    def call_scalar(self):
        f = self.r.choice(self.funcs)
        seq = self.kind_sequence()
        other = self.r.choice(["small", "int", "bool", "float", "big"])
        args = ["(%s, %s)" % (self.value(k), self.value(self.r.choice([k, other]))) for k in seq]
        how = self.r.choice(["loop", "loop", "gen", "map", "sorted"])
        if how == "loop":
            self.emit(0, "for a, b in [%s]:" % ", ".join(args))
            self.emit(1, "print(%r, guard(lambda: %s(a, b)))" % (f, f))
        elif how == "gen":
            g = self.fresh("g")
            self.emit(0, "def %s(pairs):" % g)
            self.emit(1, "for a, b in pairs:")
            self.emit(2, "yield %s(a, b)" % f)
            self.emit(0, "out = []")
            self.emit(0, "try:")
            self.emit(1, "for v in %s([%s]):" % (g, ", ".join(args)))
            self.emit(2, "out.append(v)")
            self.emit(0, "except Exception as e:")
            self.emit(1, "out.append(said(e))")
            self.emit(0, "print(%r, out)" % g)
        elif how == "map":
            self.emit(0, "print(%r, guard(lambda: list(map(%s, %s, %s))))"
                      % (f, f, "[%s]" % ", ".join(a.split(", ")[0][1:] for a in args),
                         "[%s]" % ", ".join(a.split(", ")[1][:-1] for a in args)))
        else:
            self.emit(0, "print(%r, guard(lambda: sorted([%s], key=lambda p: truth(%s(*p)))))"
                      % (f, ", ".join(args), f))

    def call_array(self):
        name, tc = self.r.choice(self.arrfuncs)
        r = self.r
        n = r.randint(1, 5)
        init = ", ".join(self.value("float" if tc in "fd" else "small") if tc in "fd" else str(r.randint(0, 9))
                         for _ in range(n))
        v = self.value(r.choice(["small", "int", "bool", "float"] if tc in "fd" else
                                ["small", "small", "int", "int", "bool", "float", "big"]))
        self.emit(0, "xs = array('%s', [%s])" % (tc, init))
        self.emit(0, "print(%r, %r, guard(lambda: %s(xs, %s, %d)), xs.tolist())"
                  % (name, tc, name, v, r.randint(0, n + 1)))

    def call_object(self):
        cls, walk = self.r.choice(self.objfuncs)
        kind = self.r.choice(["small", "int", "bool", "float", "big"])
        objs = ", ".join("%s(%s, %s)" % (cls, self.value(kind), self.value(self.r.choice([kind, "small"])))
                         for _ in range(self.r.randint(1, 3)))
        self.emit(0, "for o in [%s]:" % objs)
        self.emit(1, "print(%r, guard(lambda: %s(o, %d)), o.x, o.y)" % (walk, walk, self.r.randint(0, 4)))

    def step(self):
        r = self.r
        x = r.random()
        if x < 0.45:
            self.call_scalar()
        elif x < 0.7:
            self.call_array()
        elif x < 0.85:
            self.call_object()
        elif x < 0.93:
            self.emit(0, "SCALE = %s" % self.value(r.choice(["small", "int", "bool", "float"])))
        else:
            self.emit(0, "switch(%s)" % r.choice(MODES))

    def program(self):
        self.emit(0, "SCALE = %s" % self.value("small"))
        self.emit(0, "")
        for _ in range(self.r.randint(2, 4)):
            self.f_scalar()
        for _ in range(self.r.randint(1, 3)):
            self.f_array()
        self.f_object()
        for _ in range(self.r.randint(10, 22)):
            self.step()
        return "\n".join(self.out) + "\n"


def generate(seed):
    return EdgeGen(seed).program()


if __name__ == "__main__":
    sys.exit(gen_mixed.main(generate, "edges"))
