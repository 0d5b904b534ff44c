"""Random classes and closures for genprog.py (jit/random): methods whose
loops read and write int and float attributes of self (and of a second
instance), and closures reading their cells and writing them through
nonlocal, which the JIT compiles with guards (docs/jit.md, "Methods and
closures"). Between calls the main part changes what the guards check: an
attribute changes type, is deleted and stored again (another place in the
dict), gets a value near 2**31, becomes None; a closure's cell changes
type. The interpreter is the oracle (genprog compares the two runs byte for
byte). Own random stream: the rest of a generated program is what it was
without it."""
from gen_objbase import ObjGenBase


class ObjGen(ObjGenBase):
    def __init__(self, seed):
        super().__init__("objects", seed)

    def klass(self, k):
        r = self.r
        name = "Obj%d" % k
        nattr = r.randint(2, 4)
        kinds = [r.choice(["int", "float"]) for _ in range(nattr)]
        attrs = ["a%d" % j for j in range(nattr)]
        order = list(range(nattr))
        r.shuffle(order)
        L = ["class %s:" % name, "    def __init__(self, %s):" % ", ".join(attrs)]
        L += ["        self.%s = %s" % (attrs[j], attrs[j]) for j in order]
        L += ["", "    def step(self, n, x):", "        t = %s" % self.num("int")]
        reads = ["self.%s" % a for a in attrs] + ["i", "x", "t"]
        L.append("        for i in range(n):")
        for _ in range(r.randint(1, 4)):
            j = r.randrange(nattr)
            if self.p(0.3):
                L.append("            if %s < %s:" % (r.choice(reads), r.choice(reads)))
                L.append("                self.%s = %s" % (attrs[j], self.expr(reads)))
            else:
                L.append("            self.%s = %s" % (attrs[j], self.expr(reads)))
        L.append("            t = t + %s" % r.choice(["1", "i", "(i & 3)"]))
        L.append("        return %s" % self.expr([x for x in reads if x != "i"]))  # i: unbound after no iteration
        L += ["", "    def peek(self, other):",
              "        return %s" % " + ".join("self.%s * other.%s" % (a, a) for a in attrs[:2]), ""]
        self.lines += L
        # the main part: instances, calls, and what changes the guards
        objs = ["o%d_%d" % (k, m) for m in range(2)]
        for o in objs:
            self.main.append(["%s = %s(%s)" % (o, name, ", ".join(self.num(kd) for kd in kinds))])
        for c in range(r.randint(3, 7)):
            o = r.choice(objs)
            a = r.choice(attrs)
            change = r.choice(["none", "none", "type", "del", "big", "none_", "extra"])
            stmts = {
                "none": [],
                "type": ["%s.%s = %s" % (o, a, self.num(r.choice(["int", "float"])))],
                "del": ["del %s.%s" % (o, a), "%s.%s = %s" % (o, a, self.num(r.choice(["int", "float"])))],
                "big": ["%s.%s = %d" % (o, a, 2**31 - r.randint(1, 100))],
                "none_": ["%s.%s = None" % (o, a)],  # TypeError at any operation
                "extra": ["%s.z%d = %d" % (o, c, c)],
            }[change]
            n = r.choice([0, 1, 3, 10, 25])
            self.main.append(stmts + [
                "try:",
                "    print('%s', %d, %s.step(%d, %s), %s.peek(%s))" % (name, c, o, n, self.num(r.choice(["int", "float"])),
                                                               o, r.choice(objs)),
                "except Exception as e:",
                "    print('%s', %d, type(e).__name__, e)" % (name, c),
                "print(%s)" % ", ".join("%s.%s" % (ob, at) for ob in objs for at in attrs)])

    def closure(self, k):
        r = self.r
        name = "mk%d" % k
        write = self.p(0.6)
        L = ["def %s(p, q):" % name, "    s = %s" % self.num(r.choice(["int", "float"])),
             "    def inner(n, x):"]
        if write:
            L.append("        nonlocal s")
        L += ["        u = 0", "        for i in range(n):"]
        reads = ["p", "q", "s", "i", "x", "u"]
        L.append("            u = %s" % self.expr(reads))
        if write:
            L.append("            s = %s" % self.expr(reads))
        L += ["        return u + s", "    def reset(v):", "        nonlocal s", "        s = v",
              "    return inner, reset", ""]
        self.lines += L
        f = "cl%d" % k
        self.main.append(["%s, %s_reset = %s(%s, %s)" % (f, f, name, self.num("int"), self.num(r.choice(["int", "float"])))])
        for c in range(r.randint(2, 5)):
            stmts = []
            if self.p(0.3):
                stmts.append("%s_reset(%s)" % (f, self.num(r.choice(["int", "float"]))))
            self.main.append(stmts + [
                "try:",
                "    print('%s', %d, %s(%d, %s))" % (f, c, f, r.choice([0, 1, 5, 20]), self.num("int")),
                "except Exception as e:",
                "    print('%s', %d, type(e).__name__, e)" % (f, c)])

    def generate(self):
        """(source lines, main statements) of zero to two classes and closures."""
        for k in range(self.r.choice([0, 1, 1, 2])):
            self.klass(k)
        for k in range(self.r.choice([0, 1, 1, 2])):
            self.closure(k)
        return self.lines, self.main


if __name__ == "__main__":  # a sample: python3 gen_objects.py SEED
    import sys
    src, main = ObjGen(int(sys.argv[1]) if len(sys.argv) > 1 else 0).generate()
    print("\n".join(src + [l for st in main for l in st]))
