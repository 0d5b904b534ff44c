"""int.to_bytes / int.from_bytes and the classes of iterators, for gen_lang.py
(against CPython).

One section: random ints (the edges of 8, 16, 32, 64 bits and beyond, -2**k,
a few hundred bits) to random lengths (0 included) in both byte orders,
signed or not, by position or keyword; their round trip through from_bytes;
from_bytes of random bytes given as bytes, bytearray, a list, a generator or
a memoryview, through int, bool and a subclass of int; and type() and
isinstance() of dict views and iterators. P4JIT gave b'' for a nonzero int
to length 0, refused all but bytes/bytearray/list/tuple in from_bytes, had no
bool/subclass from_bytes, and refused type({}.keys()) (tests/programs/
int_bytes_forms.py, builtin_classes_iter_io.py).

Own random stream ("intbytes<seed>"), so a seed's other sections stay what
they were before this one was added.
"""
import random

SOURCES = ["bytes(B)", "bytearray(B)", "list(B)", "(x for x in B)", "memoryview(bytes(B))", "tuple(B)"]
CLASSES = ["int", "bool", "Sub"]
ITERABLES = ["{}.keys()", "{1: 2}.values()", "{1: 2}.items()", "iter([1])", "iter((1,))", "iter(range(2))",
             "iter('ab')", "iter(b'ab')", "iter({1})", "map(abs, [1])", "filter(None, [0])", "zip([1], [2])",
             "enumerate('a')", "reversed((1, 2))", "reversed([1])", "iter({1: 2}.items())"]


class IntBytesGen:
    def __init__(self, seed):
        self.r = random.Random("intbytes%d" % seed)

    def value(self):
        r = self.r
        k = r.random()
        if k < 0.5:
            bits = r.choice([0, 1, 7, 8, 15, 16, 31, 32, 63, 64, 65, 100])
            return r.choice([2 ** bits, 2 ** bits - 1, -(2 ** bits), -(2 ** bits) - 1, -(2 ** bits) + 1])
        if k < 0.9:
            return r.randint(-2 ** r.randint(1, 140), 2 ** r.randint(1, 140))
        return r.randint(-3, 3)

    def section(self, g):
        r = self.r
        name = g.uid("intbytes")
        g.emit(0, "def %s():" % name)
        g.emit(1, "class Sub(int):")
        g.emit(2, "pass")
        for _ in range(r.randint(6, 14)):
            v = self.value()
            n = r.choice([0, 1, 2, 3, 4, 8, 9, 16, max(0, (abs(v).bit_length() + 7) // 8 + r.randint(-1, 1))])
            order = r.choice(["'big'", "'little'"])
            signed = r.choice(["", ", signed=True", ", signed=False"])
            if r.random() < 0.3:
                call = "(%d).to_bytes(length=%d, byteorder=%s%s)" % (v, n, order, signed)
            else:
                call = "(%d).to_bytes(%d, %s%s)" % (v, n, order, signed)
            g.emit(1, "print(%r, guard(lambda: %s))" % (call[:50], call))
            back = "int.from_bytes(%s, %s%s)" % (call, order, signed)
            g.emit(1, "print(guard(lambda: %s))" % back)
        for _ in range(r.randint(2, 6)):
            data = [r.randrange(256) for _ in range(r.randint(0, 12))]
            src = r.choice(SOURCES).replace("B", repr(data))
            cls = r.choice(CLASSES)
            signed = r.choice(["", ", signed=True"])
            e = "%s.from_bytes(%s, %s%s)" % (cls, src, r.choice(["'big'", "'little'"]), signed)
            g.emit(1, "print(%r, guard(lambda: (lambda x: (type(x).__name__, x))(%s)))" % (e[:50], e))
        for it in r.sample(ITERABLES, r.randint(2, 5)):
            g.emit(1, "t = type(%s)" % it)
            g.emit(1, "print(t.__name__, isinstance(%s, t), t is type(%s))" % (it, it))
        g.emit(0, "show(%r, %s)" % (name, name))
