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
