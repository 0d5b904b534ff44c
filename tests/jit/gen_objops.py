"""Random classes with special methods and super() chains, for gen_obj.py
(jit/random-obj): a vector-like class whose operators (+ - * and a
reflected and an in-place form, == <, [i], [i] = v, len) compiled loops use
on parameters and on the objects the operators make, a subclass whose
methods and operators call the base's through zero-argument super(), and
main parts that patch, add and delete special methods and super()'s
targets between calls, change an attribute's type, and pass an operand of
another type (the errors printed). The interpreter is the oracle. Own
random stream ("objops"): the other parts of a program are what they were
without it."""
from gen_objbase import ObjGenBase


class OpsGen(ObjGenBase):
    def __init__(self, seed):
        super().__init__("objops", seed)

    def classes(self, k):
        r = self.r
        V, W = "V%d" % k, "W%d" % k
        kx, ky = r.choice(["int", "float"]), r.choice(["int", "int", "float"])
        L = ["class %s:" % V, "    def __init__(self, x, y):", "        self.x = x", "        self.y = y", ""]
        if self.p(0.5):  # NotImplemented for other operands: a TypeError
            L += ["    def __add__(self, o):", "        if not isinstance(o, %s):" % V, "            return NotImplemented",
                  "        return %s(self.x + o.x, self.y + o.y)" % V, ""]
        else:
            L += ["    def __add__(self, o):", "        return %s(self.x + o.x, self.y - o.y)" % V, ""]
        L += ["    def __sub__(self, o):", "        return %s(self.x - o.x, self.y - o.y)" % V, "",
              "    def __mul__(self, k):", "        return %s(self.x * k, self.y * %s)" % (V, r.choice(["k", "k + 1"])), "",
              "    def __rmul__(self, k):", "        return %s(k - self.x, self.y * k)" % V, "",
              "    def __eq__(self, o):", "        return isinstance(o, %s) and self.x == o.x" % V, "",
              "    def __lt__(self, o):", "        return self.x %s self.y < o.x + o.y" % r.choice(["+", "-"]), "",
              "    def __len__(self):", "        return %d" % r.randint(0, 3), "",
              "    def __getitem__(self, i):", "        return self.x if i == 0 else self.y", "",
              "    def __setitem__(self, i, v):", "        if i == 0:", "            self.x = v", "        else:",
              "            self.y = v", "",
              "    def norm(self, i):", "        return self.x * %s + self.y + i" % self.num("int"), ""]
        L += ["class %s(%s):" % (W, V),
              "    def __add__(self, o):", "        return super().__add__(o) * %s" % self.num("int"), "",
              "    def norm(self, i):", "        return super().norm(i) %s %s" % (r.choice(["+", "-"]), self.num("int")),
              ""]
        if self.p(0.5):  # a third level: super() up the chain
            L += ["class T%d(%s):" % (k, W), "    def norm(self, i):",
                  "        return super().norm(i + 1) * 2", ""]
        else:
            L += ["class T%d(%s):" % (k, W), "    pass", ""]
        stmts = ["acc = acc + a", "acc = acc - b", "acc = a * %s + acc" % r.choice(["i", "2"]),
                 "acc += b", "acc = %s * acc" % self.num("int"), "t = t + acc[i % 2]",
                 "acc[i %% 2] = t %% %d" % r.randint(2, 9), "t = t + len(acc)", "t = t + a.norm(i)",
                 "t = t + acc.norm(t % 5)", "t = t + (1 if a < acc else 2)", "t = t - (3 if acc == b else 0)"]
        body = [r.choice(stmts) for _ in range(r.randint(2, 5))]
        L += ["def ops%d(a, b, n):" % k, "    acc = a - b", "    t = %s" % self.num("int"),
              "    for i in range(n):"] + ["        " + s for s in body] + ["    return t, acc[0], acc[1]", ""]
        self.lines += L
        objs = ["%s(%s, %s)" % (c, self.num(kx), self.num(ky)) for c in (V, W, "T%d" % k)]
        for c in range(r.randint(3, 6)):
            change = r.choice(["none", "none", "patch", "patchsub", "delsub", "addmid", "type", "other"])
            pre = {
                "none": [],
                "patch": ["%s.__add__ = lambda self, o: %s(self.x * 2, o.y)" % (V, V)],
                "patchsub": ["%s.norm = lambda self, i: i - self.y" % V],
                "delsub": ["try:", "    del %s.__add__" % W, "except AttributeError:", "    pass"],
                "addmid": ["%s.norm = lambda self, i: i * 3" % W],
                "type": ["g%d = %s" % (k, r.choice(objs)), "g%d.x = %s" % (k, self.num("float"))],
                "other": [],
            }[change]
            a, b = r.choice(objs), r.choice(objs)
            if change == "type":
                a = "g%d" % k
            if change == "other":
                b = self.num("int")
            self.main.append(pre + ["try:", "    print('ops%d', %d, ops%d(%s, %s, %d))" % (k, c, k, a, b, r.choice([0, 1, 3, 9])),
                                    "except Exception as e:", "    print('ops%d', %d, type(e).__name__)" % (k, c)])

    def generate(self):
        for k in range(self.r.choice([1, 1, 2])):
            self.classes(k)
        return self.lines, self.main
