#!/usr/bin/env python3
"""Random programs of several modules whose compiled functions read globals
(their own module's, another module's as `m.NAME`, the main program's) that
are then assigned in every way a program can: from inside the module
(`global X`), from outside (`m.X = v`, setattr, `m.__dict__[...]`, exec in
the module's namespace), by a counter in a module no compiled code reads,
and names a module gets from outside only (no slot of its own). Compiled
code builds those values in (docs/jit.md, "Policy"); after each assignment
the next call must see the new value. Checked as gen_mixed.py checks its
programs (CPython, the host interpreter, p4sim -X jit=off, p4sim -X
jit=eager).

Usage:
  gen_modglobals.py gen SEED
  gen_modglobals.py run --p4jit P4JIT [--seeds A:B] [--jobs N] [--host-only] [--firmware ELF] [--out DIR]
"""
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_mixed  # noqa: E402  (the four-way check and the campaign runner)

INTS = [0, 1, -1, 2, 3, -5, 7, 100, 127, -128, 1000, 46341, 65536, 2**30, 2**31 - 1, -2**31]
FLOATS = ["0.5", "-1.5", "2.25", "3.0", "-0.25"]
BINOPS = ["+", "-", "*", "^", "&", "|"]


SMALL = [0, 1, -1, 2, 3, -5, 7, 100]


def value(rnd, floats):
    """A number for a global: in a module with floats only small ints and
    exact halves and quarters (binary32 and CPython's binary64 then print
    the same: deviation 1), elsewhere ints up to the edges of 32 bits."""
    if floats:
        return rnd.choice(FLOATS) if rnd.random() < 0.4 else str(rnd.choice(SMALL))
    return str(rnd.choice(INTS))


def module_source(rnd, k, names, imports, floats):
    """Module k: globals A, B (numbers), OP (a function), CNT (a counter)."""
    lines = ["from array import array"]
    lines += ["import %s" % names[j] for j in imports]
    lines += ["", "A = %s" % value(rnd, floats[k]), "B = %s" % value(rnd, floats[k]), "CNT = 0", "",
              "", "def _add(x, y):", "    return x + y", "", "",
              "def _mul(x, y):", "    return x * y", "", "", "OP = _add", "", ""]
    other = names[rnd.choice(imports)] if imports else None
    term = rnd.choice(["a[i] %s A" % rnd.choice(BINOPS), "OP(a[i], A)", "a[i] * A + B"])
    # (another module's A, only where both have the same kind of numbers)
    cross = " + %s.A" % other if other and floats[names.index(other)] == floats[k] and rnd.random() < 0.7 else ""
    lines += ["def kern(a, n):",
              "    t = 0",
              "    for i in range(n):",
              "        t += %s%s" % (term, cross),
              "    return t", "", "",
              "def scale(a, n):",
              "    for i in range(n):",
              "        a[i] = (a[i] * A + 3) % 1000",
              "", "",
              "def set_a(v):", "    global A", "    A = v", "", "",
              "def set_op(mul):", "    global OP", "    OP = _mul if mul else _add", "", "",
              "def tick():", "    global CNT", "    CNT += 1", ""]
    return "\n".join(lines) + "\n"


def generate(seed):
    rnd = random.Random(seed)
    n = rnd.randint(1, 3)
    names = ["gmod%d_%d" % (seed, k) for k in range(n)]
    files = {}
    main = ["import sys", "from array import array"]
    main += ["import %s" % m for m in names]
    main += ["", "G = %s" % value(rnd, False), "", "",
             "def main_kern(n):",
             "    t = 0",
             "    for i in range(n):",
             "        t += i * G",
             "    return t", "", "",
             "def show(x):",
             "    print(x if type(x) is not float else repr(x))", "", "",
             "def call(f, *args):",
             "    try:",
             "        show(f(*args))",
             "    except Exception as e:",
             "        print(type(e).__name__)", "", "",
             "arr = array('i', [(i * 7) % 23 - 11 for i in range(40)])",
             "lst = [(i * 5) % 17 - 8 for i in range(40)]", ""]
    extra = set()
    floats = [rnd.random() < 0.4 for m in names]
    for k, m in enumerate(names):
        files[m + ".py"] = module_source(rnd, k, names, list(range(k)), floats)
    for step in range(rnd.randint(12, 30)):
        k = rnd.randrange(n)
        m = names[k]
        r = rnd.random()
        if r < 0.3:
            seq = rnd.choice(["arr", "lst"])
            main.append("call(%s.kern, %s, %d)" % (m, seq, rnd.randint(0, 40)))
        elif r < 0.35:
            main.append("call(%s.scale, arr, %d); show(sum(arr))" % (m, rnd.randint(0, 40)))
        elif r < 0.4:
            main.append("show(main_kern(%d))" % rnd.randint(0, 50))
        elif r < 0.45:
            main.append("G = %s" % value(rnd, False))
        elif r < 0.5:
            main.append("%s.A = %s" % (m, value(rnd, floats[k])))
        elif r < 0.55:
            main.append("%s.set_a(%s)" % (m, value(rnd, floats[k])))
        elif r < 0.6:
            main.append("setattr(%s, 'B', %s)" % (m, value(rnd, floats[k])))
        elif r < 0.65:
            main.append("%s.__dict__['A'] = %s" % (m, value(rnd, floats[k])))
        elif r < 0.7:
            main.append("exec('A = %s', %s.__dict__)" % (value(rnd, floats[k]), m))
        elif r < 0.75:
            main.append("%s.set_op(%s)" % (m, rnd.choice(["True", "False"])))
        elif r < 0.85:
            main.append("%s.tick(); %s.tick()" % (m, m))
        elif r < 0.9:
            main.append("show(%s.CNT)" % m)
        else:
            # a name the module has no slot for, read through the module
            fn = "uses_new_%d" % step
            main += ["%s.NEW%d = %s" % (m, step, value(rnd, False)),
                     "", "", "def %s(n):" % fn, "    t = 0", "    for i in range(n):",
                     "        t += i + %s.NEW%d" % (m, step), "    return t", "", "",
                     "show(%s(5))" % fn,
                     "%s.NEW%d = %s" % (m, step, value(rnd, False)),
                     "show(%s(5))" % fn]
            extra.add(step)
    files_main = {"%s_main.py" % ("gmod%d" % seed): "\n".join(main) + "\n"}
    files_main.update(files)
    return files_main


if __name__ == "__main__":
    sys.exit(gen_mixed.main(generate, "modglobals"))
