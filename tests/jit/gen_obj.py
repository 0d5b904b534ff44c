"""Random class hierarchies whose methods call methods, for genprog.py
(jit/random): numeric methods reading and writing attributes in loops and
calling other methods of self and of a second instance (`self.m(x)`,
`o.m(x)`), a subclass overriding some of them and calling the base class's
through super() or the class, and main parts that change what a compiled
method call assumes between calls: an instance attribute shadowing a
method, a method replaced on the class, deleted, a subclass instance passed
where the base's was. Strings and tuples travel alongside (attributes
holding a str, a tuple returned and unpacked, compared and indexed) so that
functions mixing them with numbers are exercised too. The interpreter is the
oracle (genprog compares the two runs byte for byte). Own random stream:
the rest of a generated program is what it was without it."""
from gen_objbase import ObjGenBase, run_generated
from gen_objops import OpsGen


class MethGen(ObjGenBase):
    INTS = [0, 1, 2, 3, -1, 7]
    SPAN = 40
    FLOATS = ["0.5", "1.25", "-0.75", "2.0", "0.125"]

    def __init__(self, seed):
        super().__init__("methods", seed)
        self.seed = seed

    def hierarchy(self, k):
        r = self.r
        base, sub = "Base%d" % k, "Sub%d" % k
        kinds = [r.choice(["int", "int", "float"]) for _ in range(3)]
        attrs = ["v%d" % j for j in range(3)]
        L = ["class %s:" % base, "    tag = %r" % r.choice(["a", "bb", "ccc"]),
             "    def __init__(self, %s):" % ", ".join(attrs)]
        L += ["        self.%s = %s" % (a, a) for a in attrs]
        L.append("        self.name = %r" % r.choice(["x", "yy", "zzz"]))
        L.append("        self.buf = [%s]" % ", ".join(self.num(r.choice(kinds)) for _ in range(r.randint(1, 5))))
        reads = ["self.%s" % a for a in attrs] + ["x"]
        # leaf methods: one expression
        L += ["", "    def f(self, x):", "        return %s" % self.expr(reads)]
        L += ["", "    def g(self, x):", "        if %s < %s:" % (r.choice(reads), r.choice(reads)),
              "            return %s" % self.expr(reads), "        return %s" % self.expr(reads)]
        L += ["", "    def h(self, o, x):", "        return %s + o.f(x)" % self.expr(reads)]
        # a looping method calling the others
        L += ["", "    def run(self, o, n):", "        t = %s" % self.num(r.choice(["int", "float"])),
              "        for i in range(n):"]
        calls = ["self.f(i)", "self.g(t)", "self.h(o, i)", "o.g(i)", "self.f(t)"]
        for _ in range(r.randint(1, 3)):
            c = r.choice(calls)
            if self.p(0.4):
                L.append("            self.%s = %s" % (r.choice(attrs), self.expr(reads[:3] + ["i", c])))
            else:
                L.append("            t = t + %s" % c)
        L.append("        return t")
        # a list attribute read and written by index
        L += ["", "    def mix(self, n):", "        b = self.buf", "        s = 0",
              "        for i in range(n):",
              "            b[i %% len(b)] = b[(i + %d) %% len(b)] %s %s" % (r.randint(0, 3), r.choice(["+", "-"]),
                                                                           r.choice(["i", "1", "self.f(i)"])),
              "            s = s + self.buf[-1]", "        return s"]
        # strs compared and measured
        L += ["", "    def kind(self, w, x):", "        if self.name == w:", "            return x + len(w)",
              "        if self.name %s %r:" % (r.choice(["<", ">=", "!="]), r.choice(["x", "yy", "q"])),
              "            return %s" % self.expr(reads), "        return x - len(self.name)"]
        # strings and tuples alongside numbers
        L += ["", "    def pair(self, x):", "        return (self.%s + x, self.name)" % attrs[0],
              "", "    def label(self, x):", "        a, s = self.pair(x)",
              "        if s == %r or len(s) > 2:" % r.choice(["x", "yy"]),
              "            return s[0] + str(a)", "        return s + self.tag", ""]
        # objects as values (docs/jit.md, "Objects as values"): instances
        # made and kept across calls (the previous one still used), methods
        # of an instance read from an attribute, an interpreted helper (a
        # dict: the JIT refuses it) called from compiled code
        L = ["def helper%d(a, b):" % k, "    d = {'k': a}", "    return d['k'] * 2 + b", ""] + L
        L += ["    def spawn(self, x):", "        return %s(%s)" % (base, ", ".join(
                  ["self.%s + x" % attrs[0]] + ["self.%s" % a for a in attrs[1:]]))]
        L += ["", "    def walk(self, n):", "        p = self.spawn(%s)" % self.num("int"), "        q = p",
              "        t = %s" % self.num("int"), "        for i in range(n):", "            q = p",
              "            p = %s" % r.choice(["q.spawn(i)", "%s(i, q.%s, %s)" % (base, attrs[1], self.num(kinds[2]))]),
              "            t = t + p.f(i) + q.g(i)",
              "            helper%d(i, t)" % k if self.p(0.5) else "            t = t - helper%d(i, 1)" % k,
              "        return t"]
        L += ["", "    def via(self, n):", "        t = %s" % self.num("int"), "        for i in range(n):",
              "            t = t + self.peer.%s" % r.choice(["f(i)", "g(t)", "h(self, i)"]),
              "        return t", ""]
        # the subclass overrides some methods
        L += ["class %s(%s):" % (sub, base)]
        if self.p(0.5):
            L += ["    def f(self, x):", "        return super().f(x) + %s" % self.num("int"), ""]
        else:
            L += ["    def f(self, x):", "        return %s.f(self, x) * 2" % base, ""]
        if self.p(0.5):
            L += ["    def g(self, x):", "        return self.f(x) - %s" % self.expr(reads), ""]
        L += ["    def extra(self, n):", "        s = 0", "        for i in range(n):",
              "            s = s + self.g(i) + self.f(%s)" % self.num("int"), "        return s", ""]
        self.lines += L
        # the main part
        b0, b1, s0 = "b%d_0" % k, "b%d_1" % k, "s%d_0" % k
        for o, cl in ((b0, base), (b1, base), (s0, sub)):
            self.main.append(["%s = %s(%s)" % (o, cl, ", ".join(self.num(kd) for kd in kinds))])
        objs = [b0, b1, s0]
        self.main.append(["%s.peer = %s" % (o, r.choice(objs)) for o in objs])
        for c in range(r.randint(3, 7)):
            o, o2 = r.choice(objs), r.choice(objs)
            change = r.choice(["none", "none", "none", "shadow", "patch", "delpatch", "type", "str", "buf", "buf",
                               "peer"])
            stmts = {
                "none": [],
                "shadow": ["%s.f = lambda x: %s" % (o, self.num("int"))],
                "patch": ["%s.g = lambda self, x: x * %s" % (base, self.num("int"))],
                "delpatch": ["try:", "    del %s.f" % o, "except AttributeError:", "    pass"],
                "type": ["%s.%s = %s" % (o, r.choice(attrs), self.num(r.choice(["int", "float"])))],
                "peer": ["%s.peer = %s" % (o, o2)],
                "str": ["%s.name = %r" % (o, r.choice(["x", "yy", "q", "é", 7]))],
                "buf": [r.choice(["%s.buf[0] = 1.5" % o, "%s.buf[-1] = 'q'" % o, "%s.buf = [2, 3]" % o,
                                  "%s.buf = []" % o, "%s.buf.append(4)" % o, "%s.buf = [[1]]" % o])],
            }[change]
            n = r.choice([0, 1, 3, 12])
            call = r.choice(["%s.run(%s, %d)" % (o, o2, n), "%s.label(%s)" % (o, self.num("int")),
                             "%s.mix(%d)" % (o, n), "%s.mix(%d)" % (o, n),
                             "%s.kind(%r, %s)" % (o, r.choice(["x", "yy", "zzz", "é"]), self.num("int")),
                             "%s.extra(%d)" % (s0, n), "%s.h(%s, %s)" % (o, o2, self.num("int")),
                             "%s.walk(%d)" % (o, n), "%s.via(%d)" % (o, n)])
            self.main.append(stmts + [
                "try:",
                "    print('%s', %d, %s)" % (base, c, call),
                "except Exception as e:",
                "    print('%s', %d, type(e).__name__, e)" % (base, c),
                "print(%s)" % ", ".join("%s.%s" % (ob, at) for ob in objs for at in attrs + ["buf"])])

    def generate(self, rate=0.25):
        """(source lines, main statements) of one or two class hierarchies,
        in about `rate` of the programs (genprog's jit/random: a small share
        of its time; `run` below gives these programs their own test)."""
        if self.r.random() < rate:
            for k in range(self.r.choice([1, 1, 2])):
                self.hierarchy(k)
        return self.lines, self.main

    def program(self):
        src, main = self.generate(rate=1.0)
        osrc, omain = [], []
        if self.seed % 2 == 0:  # special methods and super() chains (gen_objops.py), in half the programs
            osrc, omain = OpsGen(self.seed).generate()
        return "\n".join(["# gen_obj seed"] + src + osrc + [l for st in main + omain for l in st]) + "\n"


def run(argv):
    """jit/random-obj: programs of classes alone, interpreter against JIT in
    p4sim (genprog's runner), byte for byte."""
    return run_generated("gen_obj.py run", lambda seed: MethGen(seed).program(), argv, gc_stress_option=True)


if __name__ == "__main__":  # python3 gen_obj.py SEED (a sample) | run --p4jit P4JIT [--seeds A:B]
    import sys
    if sys.argv[1:2] == ["run"]:
        sys.exit(run(sys.argv[2:]))
    print(MethGen(int(sys.argv[1]) if len(sys.argv) > 1 else 0).program(), end="")
