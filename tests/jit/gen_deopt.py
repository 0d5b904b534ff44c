"""Random functions whose int values cross 2**31 inside compiled loops, for
genprog.py (jit/random): at an add, a multiply, a shift, an accumulator, a
counter stepping past the edge, in nested loops, with floats, live loop
iterators and a partial store into an array at the moment the value
crosses. With 32-bit ints the interpreter raises OverflowError there;
compiled code deoptimises (docs/jit.md, "Deoptimisation") and the
interpreter re-runs the instruction, so the two runs must print the same,
byte for byte, and the JIT run's --jit-report counts the deoptimisations
(count_deopts). When ints of any size arrive, the interpreter computes the
long result instead and the comparison still holds. Own random stream: the
rest of a generated program is what it was without it."""
import random
import re

EDGE = 2**31


class DeoptFn:
    def __init__(self, idx):
        self.idx = idx
        self.name = "f%d" % idx
        self.lines = []
        self.calls = []       # argument lists for the main part
        self.array = None     # the module-level array('i') it stores into


class DeoptGen:
    KINDS = ["acc", "mul", "shift", "counter", "nested", "neg", "square"]

    def __init__(self, seed, avoid=()):
        self.r = random.Random("deopt%d" % seed)
        self.avoid = avoid  # genprog's KNOWN_BUGS

    def p(self, x):
        return self.r.random() < x

    def near_edge(self):
        """A start value: small, or near either edge of int32."""
        r = self.r
        c = r.random()
        if c < 0.3:
            return r.randint(-100, 100)
        d = r.choice([1, 7, 100, 5000, 2**20, 2**28])
        return EDGE - d if c < 0.7 else -EDGE + d

    def function(self, idx):
        r = self.r
        f = DeoptFn(idx)
        kind = r.choice(self.KINDS)
        step = r.choice([1, 1, 1, 2, 3, -1])
        rng = "range(n)" if step == 1 else ("range(0, n, %d)" % step if step > 0 else "range(n, 0, -1)")
        store = self.p(0.6)
        L = ["# values crossing 2**31 (%s, step %d%s)" % (kind, step, ", a partial store" if store else ""),
             "def %s(n, x, a):" % f.name,
             "    s = %d" % self.near_edge(),
             "    g = %s" % r.choice(["0.5", "-1.25", "3.0"]),
             "    t = %d" % r.randint(-9, 9),
             "    for i in %s:" % rng]
        body = {
            "acc": ["        s += i * x + %d" % r.randint(-50, 50)],
            "mul": ["        s = s * %d + i" % r.choice([2, 3, 5, -2])],
            "shift": ["        s = s + (x << (i %% %d))" % r.choice([8, 16, 31, 32])],
            "counter": ["        s = s + x"],
            "nested": ["        for j in range(0, %d, %d):" % (r.randint(2, 12), r.choice([1, 2, 3])),
                       "            s = s + i * j * x"],
            "neg": ["        s = -s - x"],
            "square": ["        s = s + (i + x) ** 2"],
        }[kind]
        L += body
        L.append("        g = g * 0.5 + i")
        L.append("        t = t + i %% %d" % r.choice([3, 7]))
        if store:
            f.array = "DA%d" % idx
            L.append("        a[i %% len(a)] = (s %% 1000) * %d + t" % r.choice([1, 3, 1000]))
        if "int-of-float" in self.avoid:  # its check does not deoptimise yet: the JIT refuses it
            L.append("    return s - t + (1 if g > 0.0 else 0)")
        else:
            L.append("    return s + int(g) - t")
        f.lines = L
        for _ in range(r.choice([1, 2, 3])):
            n = r.choice([0, 1, 5, 30, 100, r.randint(0, 200)])
            x = r.choice([r.randint(-10, 10), r.randint(-1000, 1000), r.randint(-2**20, 2**20),
                          r.randint(2**29, 2**31 - 1), -r.randint(2**29, 2**31 - 1)])
            f.calls.append([str(n), str(x)])
        return f

    def functions(self, first_idx):
        out = []
        for _ in range(self.r.choice([0, 1, 1, 2])):
            out.append(self.function(first_idx + len(out)))
        return out

    @staticmethod
    def arrays(f):
        """Module-level statements before the calls: the array each stores into."""
        return ["%s = array('i', [%s])" % (f.array or "DA%d" % f.idx, ", ".join(str(k * 3) for k in range(7)))]

    @staticmethod
    def calls(f):
        arr = f.array or "DA%d" % f.idx
        out = [DeoptGen.arrays(f)]
        for call_no, args in enumerate(f.calls):
            out.append(["try:",
                        "    print('%s', %d, %s(%s, %s))" % (f.name, call_no, f.name, ", ".join(args), arr),
                        "except Exception as e:",
                        "    print('%s', %d, type(e).__name__, e)" % (f.name, call_no),
                        "print(list(%s))" % arr])
        return out


DEOPTS = re.compile(r"deoptimised (\d+) times")


def count_deopts(report):
    """Deoptimisations in a --jit-report (its lines)."""
    return sum(int(m.group(1)) for line in report for m in [DEOPTS.search(line)] if m)
