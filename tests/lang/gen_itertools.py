#!/usr/bin/env python3
"""Random pipelines of itertools, operator and bisect (lib/std, branch
stdlib1) against CPython: each program builds chains of two to five
iterator stages over small random data (ints with repeats, strings,
tuples), takes a bounded slice and prints it, with the stage errors
CPython raises (negative r, bad islice arguments). Stages that keep
state across calls (tee, groupby's groups) are consumed in random orders.

  gen_itertools.py gen SEED | run P4JIT [--seeds A:B] [--jobs N] [-- RUN-OPTIONS]
"""
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cpython_oracle

SOURCES = ["[3, 1, 4, 1, 5, 9, 2, 6, 5, 3]", "'mississippi'", "range(7)", "[]", "[(1, 'a'), (1, 'b'), (2, 'c')]",
           "'aaabccdd'", "[0, 0, 1, 1, 1, 0]", "(x * x % 7 for x in range(9))", "iter([2, 2, 2])"]
# stages on an iterable named by %s; each keeps the output finite when the input is
STAGES = [
    "accumulate(%s)", "accumulate(%s, initial=100) if False else accumulate(%s)",
    "chain(%s, 'xy')", "chain.from_iterable([%s, [7]])", "compress(%s, cycle([1, 0, 1]))",
    "dropwhile(lambda v: v != v, %s)", "takewhile(lambda v: v != 9, %s)", "filterfalse(None, %s)",
    "(k for k, g in groupby(%s))", "(len(list(g)) for k, g in groupby(%s))", "islice(%s, 1, None, 2)",
    "islice(%s, 4)", "islice(%s, 2, 6)", "pairwise(%s)", "zip_longest(%s, 'ab', fillvalue='-')",
    "starmap(lambda *a: a, zip(%s))", "combinations(list(%s)[:5], 2)", "permutations(list(%s)[:4], 2)",
    "combinations_with_replacement(list(%s)[:3], 2)", "product(list(%s)[:3], repeat=2)",
    "zip(%s, count(10, 5))", "map(operator.itemgetter(0), zip(%s, repeat(1)))",
    "sorted(%s, key=str)", "tee(%s, 2)[1]", "reversed(list(%s))",
    # stdlib2 (itertools in C): the other argument forms
    "accumulate(%s, max)", "accumulate(%s, lambda a, b: (a, b), initial=0)", "filterfalse(lambda v: v == 1, %s)",
    "islice(%s, None)", "islice(%s, 0, None, 3)", "islice(%s, 3, 1)", "islice(%s, 1, 100, 4)",
    "starmap(operator.add, zip(%s, %s))", "zip_longest(%s)", "chain.from_iterable(pairwise(%s))",
    "islice(cycle(%s), 7)", "compress(%s, count())", "takewhile(bool, %s)", "dropwhile(bool, %s)",
    "product(list(%s)[:4], 'ab')", "chain.from_iterable(repeat(list(%s), 2))", "zip(*tee(%s, 3))",
    "(x for t in tee(%s, 3) for x in t)", "(k for k, g in groupby(%s, key=str))",
    "chain.from_iterable(g for k, g in groupby(%s))", "combinations(list(%s)[:5], 3)",
    "permutations(list(%s)[:3])", "combinations_with_replacement(list(%s)[:3], 3)",
]
ERRORS = ["islice(%s, -2)", "islice(%s, 1.5)", "islice(%s, 1, 2, 'x')", "combinations(%s, 'r')",
          "permutations(%s, 'r')", "accumulate(%s, foo=1)", "product(%s, repeat='x')", "tee(%s, 'x')",
          "islice(%s, -1)", "islice(%s, 1, 2, 0)", "combinations(%s, -1)", "permutations(%s, -2)",
          "product(%s, repeat=-1)", "tee(%s, -1)", "islice(%s, 'a')", "repeat(%s, 'x')"]


def make(seed):
    r = random.Random("itertools%d" % seed)
    lines = ["from itertools import *", "import operator, bisect", ""]
    for case in range(12):
        expr = r.choice(SOURCES)
        for _ in range(r.randint(2, 5)):
            stage = r.choice(STAGES)
            expr = stage.replace("%s", expr, 1).replace("%s", expr)
        lines.append("try:")
        lines.append("    print(%d, list(islice(%s, 25)))" % (case, expr))
        lines.append("except Exception as e:")
        lines.append("    print(%d, type(e).__name__, e)" % case)
    for case in range(3):
        lines.append("try:")
        lines.append("    print('err', list(%s))" % r.choice(ERRORS).replace("%s", r.choice(SOURCES)))
        lines.append("except Exception as e:")
        lines.append("    print('err', type(e).__name__, e)")
    data = sorted(r.randint(0, 20) for _ in range(r.randint(0, 12)))
    lines.append("a = %r" % data)
    for _ in range(4):
        x = r.randint(-1, 21)
        lines.append("print(bisect.bisect_left(a, %d), bisect.bisect_right(a, %d), bisect.bisect(a, %d, %d))"
                     % (x, x, x, r.randint(0, 3)))
    lines.append("b = []")
    lines.append("for v in %r: bisect.insort(b, v)" % [r.randint(0, 9) for _ in range(8)])
    lines.append("print(b, list(accumulate(b, operator.mul)), list(groupby(b, key=lambda v: v // 3))[0][0] if b else None)")
    lines.append("t1, t2, t3 = tee(%s, 3)" % r.choice(SOURCES))
    order = [r.choice("123") for _ in range(10)]
    lines.append("print([next(t, None) for t in [%s]])" % ", ".join("t" + c for c in order))
    lines.append("gs = [(k, g) for k, g in groupby(%s)]" % r.choice(SOURCES))
    lines.append("print([(k, list(g)) for k, g in gs])")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(cpython_oracle.main(__doc__, make, range(0, 30), "gen_itertools"))
