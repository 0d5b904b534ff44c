#!/usr/bin/env python3
"""Differential test of ints of any size: random expressions against CPython.

    long_random.py P4JIT [--seed N] [--count N] [P4JIT RUN OPTIONS...]

Generates --count random int expressions whose operands sit near 2**31,
2**32, 2**63, 2**64 or have up to a few hundred digits, evaluates each with
CPython in this process (eval), writes one program printing them all, runs it
once under `p4jit run` and compares line by line. An expression CPython
rejects (ZeroDivisionError, negative shift count, pow without inverse) is
wrapped in try/except and the exception's class name must match. The first
differing lines are reported with their expressions.
"""
import argparse
import os
import random
import subprocess
import sys
import tempfile

EDGE_EXPONENTS = [15, 16, 31, 32, 33, 47, 53, 62, 63, 64, 65, 96, 127, 128]
MAX_RESULT_BITS = 4000


def operand(rng):
    kind = rng.random()
    if kind < 0.45:  # near a power of two, either sign
        v = 2 ** rng.choice(EDGE_EXPONENTS) + rng.randint(-3, 3)
    elif kind < 0.6:
        v = rng.randint(-300, 300)
    elif kind < 0.75:  # a random 32- to 128-bit value
        v = rng.getrandbits(rng.choice([31, 32, 33, 63, 64, 65, 100, 128]))
    elif kind < 0.9:  # a few hundred digits
        v = rng.getrandbits(rng.randint(200, 1000))
    else:  # masks
        v = (1 << rng.choice([8, 16, 31, 32, 63, 64])) - 1
    if rng.random() < 0.45:
        v = -v
    return v


def literal(v):
    # literals in every base the lexer takes (hex, binary, octal, decimal, with underscores)
    style = hash(v) % 5
    sign, m = ("-", -v) if v < 0 else ("", v)
    if style == 1:
        text = hex(m)
    elif style == 2 and m.bit_length() <= 130:
        text = bin(m)
    elif style == 3:
        text = oct(m)
    elif style == 4:
        text = format(m, "_d")
    else:
        text = str(m)
    return "(" + sign + text + ")"


BINARY = ["+", "-", "*", "//", "%", "&", "|", "^", "<", "<=", "==", "!=", ">", ">="]


def expr(rng, depth):
    if depth == 0 or rng.random() < 0.3:
        return literal(operand(rng))
    r = rng.random()
    a = expr(rng, depth - 1)
    if r < 0.6:
        return "(%s %s %s)" % (a, rng.choice(BINARY), expr(rng, depth - 1))
    if r < 0.65:
        return "(%s %s %d)" % (a, rng.choice(["<<", ">>"]), rng.choice([0, 1, 15, 16, 31, 32, 33, 63, 64, 65, 100, 200, -1]))
    if r < 0.7:
        return "(%s ** %d)" % (a, rng.randint(0, 6))
    if r < 0.78:
        return rng.choice(["(-%s)", "(~%s)", "abs(%s)", "(+%s)"]) % a
    if r < 0.88:
        return "pow(%s, %s, %s)" % (a, rng.choice([literal(rng.randint(-3, 200)), literal(2 ** rng.randint(31, 70) + 1)]),
                                    expr(rng, depth - 1))
    if r < 0.92:  # exact comparison with a float (powers of two are exact in binary32)
        return "(%s %s %s)" % (a, rng.choice(["<", "==", ">="]), rng.choice(["2.0 ** 31", "-2.0 ** 63", "2.0 ** 64", "0.5", "2.0 ** 100", "-1.5"]))
    if r < 0.95:
        return "hash(%s)" % a
    if r < 0.98:
        return "int(str(%s)) - %s" % (a, a)
    return "(%s).bit_length()" % a


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("p4jit")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=600)
    args, run_opts = ap.parse_known_args()
    rng = random.Random(args.seed)
    lines, expected, exprs = [], [], []
    while len(exprs) < args.count:
        e = expr(rng, rng.randint(1, 3))
        if rng.random() < 0.05:  # a tuple: only at the top
            e = "divmod(%s, %s)" % (e, expr(rng, rng.randint(0, 2)))
        try:
            v = eval(e)
        except (ZeroDivisionError, ValueError) as exc:
            lines.append("try:\n    print(%s)\nexcept %s:\n    print(%r)" % (e, type(exc).__name__, type(exc).__name__))
            expected.append(type(exc).__name__)
            exprs.append(e)
            continue
        except (OverflowError, TypeError):  # TypeError: a divmod() tuple as an operand
            continue
        if isinstance(v, int) and v.bit_length() > MAX_RESULT_BITS:
            continue
        if isinstance(v, tuple) and any(x.bit_length() > MAX_RESULT_BITS for x in v):
            continue
        lines.append("print(%s)" % e)
        expected.append(str(v))
        exprs.append(e)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "long_random_%d.py" % args.seed)
        with open(path, "w") as f:
            f.write("\n".join(lines) + "\n")
        p = subprocess.run([args.p4jit, "run"] + run_opts + [path], capture_output=True, text=True, timeout=300)
    got = p.stdout.splitlines()
    bad = [i for i in range(len(expected)) if i >= len(got) or got[i] != expected[i]]
    if p.returncode != 0 or bad or len(got) != len(expected):
        print("FAIL: exit %d, %d of %d expressions differ" % (p.returncode, len(bad), len(expected)))
        for i in bad[:5]:
            print("  %s\n    CPython: %s\n    p4jit:   %s" % (exprs[i], expected[i], got[i] if i < len(got) else "(missing)"))
        print(p.stderr[-2000:])
        return 1
    print("ok: %d random int expressions (seed %d) equal CPython's" % (len(expected), args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
