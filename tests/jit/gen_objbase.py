"""What the object generators share (gen_objects.py: classes and closures
with guards failing; gen_obj.py: class hierarchies calling methods): each
its own random stream, named by a prefix and the seed, and the same small
numbers and expressions over attribute reads."""
import random


class ObjGenBase:
    INTS = [0, 1, 2, 3, -1]   # with one random int in [-SPAN, SPAN] among them
    SPAN = 50
    FLOATS = ["0.5", "1.25", "-0.75", "2.0", "0.125", "3.5"]

    def __init__(self, stream, seed):
        self.r = random.Random("%s%d" % (stream, seed))
        self.lines = []
        self.main = []

    def p(self, x):
        return self.r.random() < x

    def num(self, kind):
        r = self.r
        if kind == "int":
            return str(r.choice(self.INTS + [r.randint(-self.SPAN, self.SPAN)]))
        return r.choice(self.FLOATS)

    def expr(self, reads):
        """A small expression over the names in reads and constants; a
        product only by a constant (no int squared again and again)."""
        r = self.r
        a = r.choice(reads)
        if self.p(0.3):
            return a
        op = r.choice(["+", "-", "*"])
        b = self.num("int") if op == "*" else r.choice(reads + [self.num(r.choice(["int", "float"]))])
        return "(%s %s %s)" % (a, op, b)


def run_generated(prog, program_of, argv, gc_stress_option=False):
    """A generator's own CTest (jit/random-obj, jit/random-mutate): the
    programs program_of(seed) gives, interpreter against JIT in p4sim
    (genprog's runner), byte for byte; fails on a mismatch, a program that
    does not compile, or nothing compiled at all."""
    import argparse
    import genprog
    ap = argparse.ArgumentParser(prog=prog)
    ap.add_argument("--p4jit", required=True)
    ap.add_argument("--firmware")
    ap.add_argument("--seeds", default="0:20")
    if gc_stress_option:
        ap.add_argument("--gc-stress", action="store_true", help="both runs collect at every allocation")
    a = ap.parse_args(argv)
    if getattr(a, "gc_stress", False):  # the objects compiled code holds must be roots (docs/jit.md)
        genprog.RUN_OPTS = genprog.RUN_OPTS + ["--gc-stress"]
    lo, hi = (int(x) for x in a.seeds.split(":"))
    fails, compiled, seen = [], 0, 0
    for seed in range(lo, hi):
        src = program_of(seed)
        try:  # a generator bug is a failure, not two runs failing alike
            compile(src, "%s seed %d" % (prog, seed), "exec")
        except SyntaxError as e:
            fails.append(seed)
            print("seed %d: the generated program does not compile: %s" % (seed, e))
            continue
        same, off, jit, report = genprog.check_file_text(a.p4jit, a.firmware, src)
        for line in report:
            m = genprog.REPORT_LINE.match(line)
            if m:
                seen += 1
                compiled += m.group(2) == "compiled"
        if not same:
            fails.append(seed)
            print("seed %d: MISMATCH\n%s\n%s" % (seed, src, genprog.show_diff(off, jit)))
    print("%d programs, %d of %d specialisations compiled, %d mismatches" % (hi - lo, compiled, seen, len(fails)))
    return 1 if fails or compiled == 0 else 0
