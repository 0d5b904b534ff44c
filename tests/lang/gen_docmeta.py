"""Docstrings, metaclass instance/subclass checks and math's exact functions,
for gen_lang.py (against CPython; branch lang15).

One section: functions and classes whose first statement is, at random, a
docstring (plain, implicitly concatenated, with escapes, on the def's line),
an f-string or a bytes literal (no docstring), or a docstring after another
statement (none either), then __doc__ of each, of a subclass, an instance
and a method; a metaclass whose __instancecheck__/__subclasscheck__ answer
by a random rule, asked through isinstance/issubclass with classes and
tuples; math.isqrt of random ints of any size, math.prod of random ints,
math.fsum of random multiples of 1/8 (exact in float32 as in doubles) and
as_integer_ratio of such floats.

Own random stream ("docmeta<seed>"), so a seed's other sections stay what
they were before this one was added.
"""
import random

DOCS = ['"""One line."""', "'single'", '"a" "b" \'c\'', r'"tab\there\u00e9"', '"""Two\n    lines."""', "''"]
NOT_DOCS = ['f"{1}"', 'b"bytes"', "x = 1\n    'after'"]
RULES = ["obj == 3", "isinstance(obj, str)", "obj is None", "bool(obj)", "False"]
SUBRULES = ["sub is int", "sub.__name__.startswith('S')", "True", "sub in (bool, float)"]
VALUES = ["3", "4", "'s'", "None", "0", "[]", "2.5", "True"]
CLASSES = ["int", "str", "bool", "float", "list", "S1", "T1"]


class DocMetaGen:
    def __init__(self, seed):
        self.r = random.Random("docmeta%d" % seed)

    def body_start(self, g, ind):
        r = self.r
        if r.random() < 0.65:
            g.emit(ind, r.choice(DOCS))
        elif r.random() < 0.7:
            for line in r.choice(NOT_DOCS).split("\n    "):
                g.emit(ind, line)

    def docs(self, g):
        r = self.r
        for k in range(r.randint(1, 3)):
            g.emit(1, "def f%d(a=1):" % k)
            self.body_start(g, 2)
            g.emit(2, "return a")
            g.emit(1, "print('f%d', repr(f%d.__doc__), f%d())" % (k, k, k))
        if r.random() < 0.5:
            g.emit(1, "def one(): %s; return 2" % r.choice(DOCS[:4]))
            g.emit(1, "print(repr(one.__doc__), one())")
        g.emit(1, "class C:")
        self.body_start(g, 2)
        g.emit(2, "def m(self):")
        self.body_start(g, 3)
        g.emit(3, "return 0")
        g.emit(1, "class D(C):")
        self.body_start(g, 2)
        g.emit(2, "pass")
        g.emit(1, "print(repr(C.__doc__), repr(D.__doc__), repr(C().__doc__), repr(D().m.__doc__))")
        g.emit(1, "print('__doc__' in D.__dict__, repr(type('E', (C,), {}).__doc__))")

    def meta(self, g):
        r = self.r
        g.emit(1, "class M(type):")
        g.emit(2, "def __instancecheck__(cls, obj):")
        g.emit(3, "return %s" % r.choice(RULES))
        if r.random() < 0.7:
            g.emit(2, "def __subclasscheck__(cls, sub):")
            g.emit(3, "return %s" % r.choice(SUBRULES))
        g.emit(1, "class S1(metaclass=M): pass")
        g.emit(1, "class T1(S1): pass")
        for _ in range(r.randint(3, 8)):
            v, c = r.choice(VALUES), r.choice(["S1", "T1", "(S1, str)", "(int, T1)"])
            g.emit(1, "print(%r, guard(lambda: isinstance(%s, %s)))" % (v + " " + c, v, c))
        for _ in range(r.randint(2, 6)):
            s, c = r.choice(CLASSES), r.choice(["S1", "T1", "(S1, str)"])
            g.emit(1, "print(%r, guard(lambda: issubclass(%s, %s)))" % (s + " " + c, s, c))

    def maths(self, g):
        r = self.r
        g.emit(1, "import math")
        for _ in range(r.randint(2, 5)):
            n = r.choice([r.randint(0, 2 ** 31), r.randint(0, 2 ** r.randint(32, 300)), r.randint(-3, 3)])
            g.emit(1, "print(guard(lambda: math.isqrt(%d)))" % n)
        ints = [r.randint(-50, 50) for _ in range(r.randint(0, 12))]
        g.emit(1, "print(math.prod(%r), math.prod(%r, start=%d))" % (ints, ints[:3], r.randint(-3, 3)))
        eighths = [r.randint(-4000, 4000) / 8 for _ in range(r.randint(0, 10))]
        g.emit(1, "print(math.fsum(%r), [x.as_integer_ratio() for x in %r])" % (eighths, eighths[:4]))

    def section(self, g):
        name = g.uid("docmeta")
        g.emit(0, "def %s():" % name)
        for part in self.r.sample([self.docs, self.meta, self.maths], self.r.randint(1, 3)):
            part(g)
        g.emit(0, "show(%r, %s)" % (name, name))
