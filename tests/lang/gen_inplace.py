"""Augmented assignments through aliases, for gen_lang.py (against CPython).

One section: `x OP= y` inside a small function on every mutable and
immutable built-in container (list, bytearray, array of several typecodes,
deque, set, dict, tuple, str, bytes, int, float) and on instances whose
classes define random subsets of the in-place, forward and reflected
methods (some returning NotImplemented, some a new object, some self).
The right operand is another container, a count (negative, a long, an
instance with __index__), the left operand itself, or a wrong type. What is
printed: whether the result is the object passed in (an in-place method
mutates it: every alias must see it), the alias's contents, the exception's
name, and the order in which the methods were called. P4JIT made a new
object for array += array, array *= n and bytearray *= n, the alias keeping
the old contents (tests/programs/array_inplace_ops.py).

Own random stream ("inplace<seed>"), so a seed's other sections stay what
they were before this one was added.
"""
import random

LEFT = ["[1, 2]", "[]", "bytearray(b'ab')", "bytearray()", "array('b', [1, -2, 3])", "array('h', [-32768, 32767])",
        "array('i', [7])", "array('f', [0.5, -1.25])", "array('B')", "deque([1, 2])", "deque([], 3)", "{1, 2}",
        "frozenset({3})", "{'a': 1}", "(1, 2)", "'ab'", "b'xy'", "5", "-3", "2.5", "Cnt(3)", "Cnt('s')"]
MUTABLE = ("[", "bytearray", "array", "deque", "{", "Cnt")    # the left operands whose identity is kept
RIGHT = LEFT + ["2", "0", "-1", "3", "Ix(2)", "Ix(-1)", "Ix(0)", "2 ** 70", "-(2 ** 40)", "-(2 ** 70)", "True", "None", "SELF",
                "[9]", "(7,)", "b'z'", "array('b', [4])", "array('h', [5])", "{'b': 2}", "{2, 3}", "range(2)", "'cd'"]
OPS = ["+", "*", "-", "|", "&", "^", "@", "%", "//", "<<"]
METHODS = {"+": ("__iadd__", "__add__", "__radd__"), "*": ("__imul__", "__mul__", "__rmul__"),
           "-": ("__isub__", "__sub__", "__rsub__"), "|": ("__ior__", "__or__", "__ror__"),
           "@": ("__imatmul__", "__matmul__", "__rmatmul__"), "%": ("__imod__", "__mod__", "__rmod__")}


def unfit(op, left, right):
    """A result CPython would take too long or too much memory to make, or a
    float beyond binary32's exact range (docs/language.md deviation 1)."""
    return (op == "<<" and "**" in right) or (left == "2.5" and "**" in right)


class InplaceGen:
    def __init__(self, seed):
        self.r = random.Random("inplace%d" % seed)

    def cnt_class(self, g):
        r = self.r
        g.emit(1, "class Cnt:")
        g.emit(2, "def __init__(self, v): self.v = v")
        g.emit(2, "def __repr__(self): return 'Cnt(%r)' % (self.v,)")
        for op, names in METHODS.items():
            for name in names:
                if r.random() < 0.45:
                    g.emit(2, "def %s(self, o):" % name)
                    g.emit(3, "LOG.append(%r)" % name)
                    g.emit(3, "if %s: return NotImplemented" % r.choice(
                        ["False", "False", "isinstance(o, int)", "isinstance(o, Cnt)", "o is None"]))
                    if name.startswith("__i") and r.random() < 0.6:
                        g.emit(3, "self.v = (self.v, %r, o)" % op)
                        g.emit(3, "return self")
                    elif r.random() < 0.1:
                        g.emit(3, "return None")
                    else:
                        g.emit(3, "return Cnt((self.v, %r, o))" % name)

    def section(self, g):
        r = self.r
        name = g.uid("inplace")
        g.emit(0, "def %s():" % name)
        g.emit(1, "from array import array")
        g.emit(1, "from collections import deque")
        g.emit(1, "global LOG")
        g.emit(1, "LOG = []")
        g.emit(1, "class Ix:")
        g.emit(2, "def __init__(self, n): self.n = n")
        g.emit(2, "def __index__(self): return self.n")
        g.emit(2, "def __repr__(self): return 'Ix(%d)' % self.n")
        self.cnt_class(g)
        g.emit(1, "def shown(v):")        # sets print in an order of their own
        g.emit(2, "return sorted(v, key=repr) if isinstance(v, (set, frozenset)) else v")
        for k in range(r.randint(6, 14)):
            op = r.choice(OPS)
            left, right = r.choice(LEFT), r.choice(RIGHT)
            if unfit(op, left, right):
                right = "2"
            f = "op%d" % k
            g.emit(1, "def %s(x):" % f)
            g.emit(2, "x %s= %s" % (op, "x" if right == "SELF" else right))
            g.emit(2, "return x")
            g.emit(1, "a = %s" % left)
            g.emit(1, "keep = [a]")
            same = "%s(a) is keep[0]" % f if left.startswith(MUTABLE) else "%s(a) is None" % f   # (immutables: identity unspecified)
            g.emit(1, "print(%r, guard(lambda: (%s, shown(%s(a)))), shown(keep[0]), LOG)"
                   % ("%s %s= %s" % (left, op, right), same, f))
            g.emit(1, "LOG.clear()")
        g.emit(0, "show(%r, %s)" % (name, name))
