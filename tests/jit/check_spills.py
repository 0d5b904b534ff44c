#!/usr/bin/env python3
"""Checks that PIE does not make a function's scalar code spill.

Usage: check_spills.py P4JIT PROGRAM.py SLACK NAME...
Each named function's compiled body (`p4jit dis --jit`) may access the
stack (sp-relative loads and stores) with -X pie=rev3 at most SLACK more
times than with -X pie=off: the vector path adds a few values of its own,
but its values must not crowd the scalar code they are dead in (rega.c,
lifetime holes; dense_t_acc: 120 against 69, before 150 against 76).
"""
import re
import subprocess
import sys


def stack_accesses(p4jit, program, pie):
    out = subprocess.run([p4jit, "dis", "--jit", "-X", "pie=" + pie, program], check=True,
                         capture_output=True, text=True).stdout
    parts = re.split(r"^function (\w+): ", out, flags=re.M)
    counts = {}
    for i in range(1, len(parts) - 1, 2):
        body = parts[i + 1].split("; body", 1)
        if len(body) == 2:
            counts[parts[i]] = len(re.findall(r"\(sp\)", body[1]))
    return counts


def main():
    p4jit, program, slack, names = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
    on, off = stack_accesses(p4jit, program, "rev3"), stack_accesses(p4jit, program, "off")
    bad = 0
    for name in names:
        if name not in on or name not in off:
            print("%s: not compiled" % name)
            bad += 1
            continue
        print("%s: %d stack accesses with PIE, %d without" % (name, on[name], off[name]))
        if on[name] > off[name] + slack:
            print("%s: PIE adds %d stack accesses (at most %d expected)" % (name, on[name] - off[name], slack))
            bad += 1
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
