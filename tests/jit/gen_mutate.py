"""Random programs where a callee changes what its compiled caller read,
between two reads, for genprog.py (jit/random) and alone (jit/random-mutate):
the items of a list argument become floats, ints, None or other rows; a
module global is assigned; an instance attribute changes type or goes. The
callee is reached directly, through a compiled function in between, as a
method, or as a special method (`box[i] = v`, `box + k`); it is interpreted
(a `global` statement, a store of None) or compiled (a store of another
number type into a list the caller checks). Compiled code must see every
change (docs/jit.md, "Code dropped while running", and build_int.h
guard_list_params). The interpreter is the oracle (genprog compares the two
runs byte for byte). Own random stream: the rest of a generated program is
what it was without it."""
from gen_objbase import ObjGenBase, run_generated

# What a mutator does, and the kind of argument it takes.
MUTATIONS = {
    "floats": ("lst", ["for i in range(len(lst)):", "    lst[i] = lst[i] + 0.5"]),
    "ints": ("lst", ["for i in range(len(lst)):", "    lst[i] = int(lst[i]) * 2"]),
    "one_float": ("lst", ["lst[len(lst) - 1] = 2.25"]),
    "none": ("lst", ["lst[0] = None"]),
    "row": ("rows", ["rows[0] = [0.5, 1.5, 2.5]"]),
    "row_items": ("rows", ["r = rows[len(rows) - 1]", "for i in range(len(r)):", "    r[i] = r[i] * 0.5"]),
    "global": ("lst", ["global MG%(g)d", "MG%(g)d = MG%(g)d + %(k)s"]),
    "global_float": ("lst", ["global MG%(g)d", "MG%(g)d = MG%(g)d * 0.5"]),
    "rebind": ("lst", ["global mhelper", "mhelper = mhelper_b if mhelper is mhelper_a else mhelper_a"]),
    "attr_type": ("obj", ["obj.a = obj.a + 0.25"]),
    "attr_del": ("obj", ["del obj.a", "obj.a = 7"]),
    "attr_list": ("obj", ["obj.items[0] = obj.items[0] * 1.5"]),
}


class MutGen(ObjGenBase):
    NGLOBALS = 3

    def __init__(self, seed):
        super().__init__("mutate", seed)
        self.seed = seed
        self.nmut = 0

    def mutator(self, kind):
        """A function doing mutation kind: (its name, its argument kind)."""
        arg, body = MUTATIONS[kind]
        name = "mut%d_%s" % (self.nmut, kind)
        self.nmut += 1
        fill = {"g": self.r.randrange(self.NGLOBALS), "k": self.num("int")}
        self.hot = "MG%d" % fill["g"] if "%(g)" in "".join(body) else "mhelper()" if kind == "rebind" else None
        self.lines += ["def %s(%s):" % (name, arg)] + ["    " + (l % fill if "%(" in l else l) for l in body] + [""]
        return name, arg

    def route(self, mut, arg, k):
        """How the caller reaches the mutator: (source of a call on `x`, lines
        to add before the caller)."""
        r = self.r
        how = r.choice(["direct", "direct", "middle", "method", "setitem", "add"])
        if how == "middle":  # compiled, reads nothing: it must leave too
            mid = "mmid%d" % k
            return "%s(x)" % mid, ["def %s(x):" % mid, "    %s(x)" % mut, "    return 1", ""]
        if how == "method":
            cls = "MVia%d" % k
            return "%s().go(x)" % cls, ["class %s:" % cls, "    def go(self, x):", "        %s(x)" % mut,
                                        "        return 2", ""]
        if how == "setitem":
            cls = "MSet%d" % k
            return "%s(x)" % cls, ["class %s:" % cls, "    def __init__(self, x):", "        self.x = x",
                                   "    def __setitem__(self, i, v):", "        %s(self.x)" % mut, ""], "box"
        if how == "add":
            cls = "MAdd%d" % k
            return "%s(x)" % cls, ["class %s:" % cls, "    def __init__(self, x):", "        self.x = x",
                                   "    def __add__(self, v):", "        %s(self.x)" % mut, "        return v", ""], "add"
        return "%s(x)" % mut, []

    def reads(self, arg):
        """Expressions reading what the mutator may change (the global it
        assigns most often)."""
        g = ["MG%d" % i for i in range(self.NGLOBALS)] + ["mhelper()"] + ([self.hot] * 4 if self.hot else [])
        if arg == "lst":
            return ["lst[0]", "lst[len(lst) - 1]", "lst[i]"] + g
        if arg == "rows":
            return ["rows[0][0]", "rows[len(rows) - 1][1]", "rows[i][0]"] + g
        return ["obj.a", "obj.items[0]", "obj.items[i]"] + g

    def caller(self, k):
        r = self.r
        kind = r.choice(sorted(MUTATIONS))
        mut, arg = self.mutator(kind)
        routed = self.route(mut, arg, k)
        call, pre = routed[0], routed[1]
        self.lines += pre
        box = routed[2] if len(routed) > 2 else None
        if box == "box":
            invoke = ["    b = %s" % call.replace("(x)", "(%s)" % arg), "    b[0] = 1"]
        elif box == "add":
            invoke = ["    t = t + (%s + 1)" % call.replace("(x)", "(%s)" % arg)]
        else:
            invoke = ["    t = t + %s" % call.replace("(x)", "(%s)" % arg)] if "mmid" in call or "go(" in call else \
                     ["    %s" % call.replace("(x)", "(%s)" % arg)]
        reads = self.reads(arg)
        name = "muse%d" % k
        loop = self.p(0.4)
        L = ["def %s(%s, n):" % (name, arg), "    t = 0", "    i = n % 2"]
        L.append("    s = %s" % r.choice(reads))
        if loop:
            L += ["    for i in range(n):", "        s = s + %s" % r.choice(reads),
                  "        if i == %d:" % r.randint(0, 2)] + ["        " + l for l in invoke]
            L.append("    i = 0")
        else:
            L += invoke
        L.append("    u = %s" % r.choice(reads))
        L.append("    return s + u + t")
        self.lines += L + [""]
        for c in range(r.randint(2, 4)):
            if arg == "lst":
                val = "[%s]" % ", ".join(self.num(r.choice(["int", "int", "float"])) for _ in range(3))
                if self.p(0.5):  # one kind throughout: a list the JIT takes
                    kd = r.choice(["int", "float"])
                    val = "[%s]" % ", ".join(self.num(kd) for _ in range(3))
            elif arg == "rows":
                kd = r.choice(["int", "float"])
                val = "[%s]" % ", ".join("[%s]" % ", ".join(self.num(kd) for _ in range(3)) for _ in range(3))
            else:
                kd = r.choice(["int", "float"])
                val = "MObj(%s, [%s])" % (self.num(kd), ", ".join(self.num(kd) for _ in range(3)))
            stmts = []
            if self.p(0.15):  # assigned at the top level: all compiled code is dropped
                stmts.append("MG%d = %s" % (r.randrange(self.NGLOBALS), self.num(r.choice(["int", "float"]))))
            self.main.append(stmts + [
                "v = %s" % val,
                "try:",
                "    print('%s', %d, %s(v, %d))" % (name, c, name, r.randint(0, 3)),
                "except Exception as e:",
                "    print('%s', %d, type(e).__name__, e)" % (name, c),
                "print(%s)" % ("v.a, v.items" if arg == "obj" else "v"),
                "print(%s, mhelper())" % ", ".join("MG%d" % g for g in range(self.NGLOBALS))])

    def generate(self, rate=0.25):
        """(source lines, main statements) of a few callers and their
        mutators, in about `rate` of the programs."""
        if self.r.random() >= rate:
            return [], []
        self.lines += ["%s = %s" % ("MG%d" % g, self.num(self.r.choice(["int", "float"]))) for g in range(self.NGLOBALS)]
        self.lines += ["def mhelper_a():", "    return 1", "", "def mhelper_b():", "    return 2.5", "",
                       "mhelper = mhelper_a", "",
                       "class MObj:", "    def __init__(self, a, items):", "        self.a = a",
                       "        self.items = items", ""]
        for k in range(self.r.randint(2, 5)):
            self.caller(k)
        return self.lines, self.main

    def program(self):
        src, main = self.generate(rate=1.0)
        return "\n".join(["# gen_mutate seed %d" % self.seed] + src + [l for st in main for l in st]) + "\n"


def run(argv):
    """jit/random-mutate: programs of callers and mutators alone, interpreter
    against JIT in p4sim (genprog's runner), byte for byte."""
    return run_generated("gen_mutate.py run", lambda seed: MutGen(seed).program(), argv)


if __name__ == "__main__":  # python3 gen_mutate.py SEED (a sample) | run --p4jit P4JIT [--seeds A:B]
    import sys
    if sys.argv[1:2] == ["run"]:
        sys.exit(run(sys.argv[2:]))
    print(MutGen(int(sys.argv[1]) if len(sys.argv) > 1 else 0).program(), end="")
