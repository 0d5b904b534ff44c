#!/usr/bin/env python3
"""The match statement's compile-time errors against CPython: for each
program below, p4jit must fail with the SyntaxError CPython's compile()
raises, with its message, line and column (p4jit prints "line L, column C";
CPython's offset is the same 1-based column). Programs that are valid (match
and case as ordinary names) must run and print what CPython prints.

usage: match_errors.py P4JIT
"""
import os
import re
import subprocess
import sys
import tempfile

HEAD = "x = 1\nclass C:\n    pass\n"

ERRORS = [
    "match x:\n    case a:\n        pass\n    case 1:\n        pass\n",
    "match x:\n    case _:\n        pass\n    case 1:\n        pass\n",
    "match x:\n    case (a | b):\n        pass\n    case 1:\n        pass\n",
    "match x:\n    case _ as y:\n        pass\n    case 2:\n        pass\n",
    "match x:\n    case a | 1:\n        pass\n",
    "match x:\n    case 1 | _ | 2:\n        pass\n",
    "match x:\n    case [a, a]:\n        pass\n",
    "match x:\n    case {'k': a, **a}:\n        pass\n",
    "match x:\n    case C(a, b=[c, a]):\n        pass\n",
    "match x:\n    case [a, *a]:\n        pass\n",
    "match x:\n    case [a] as a:\n        pass\n",
    "match x:\n    case (1 | 2) as a | a:\n        pass\n",
    "match x:\n    case [a] | b:\n        pass\n",
    "match x:\n    case [a, 1] | [1, b]:\n        pass\n",
    "match x:\n    case (1, a) | (2, a, c):\n        pass\n",
    "match x:\n    case {1: a, 1: b}:\n        pass\n",
    "match x:\n    case {'k': a, 'k': b}:\n        pass\n",
    "match x:\n    case C(a=1, a=2):\n        pass\n",
    "match x:\n    case C(1, a=2, 3):\n        pass\n",
    "match x:\n    case [*a, *b]:\n        pass\n",
    "match x:\n    case 1 + 2:\n        pass\n",
    "match x:\n    case 1j + 2j:\n        pass\n",
    "match x:\n    case f'x':\n        pass\n",
    "match x:\n    case 1 as _:\n        pass\n",
    "match x:\n    case -a:\n        pass\n",
    "match x:\n    case {**_}:\n        pass\n",
    "match x:\n    case {a.b: 1, f(): 2}:\n        pass\n",
    "match x:\n    case *a:\n        pass\n",
    "def f(x):\n    match x:\n        case [y]:\n            pass\n        case y:\n            pass\n        case z:\n            pass\n",
    "match x:\n    case 1:\n        pass\n    case x if x:\n        pass\n    case q:\n        pass\n    case 2:\n        pass\n",
]

VALID = [
    "match = 1\ncase = 2\nprint(match, case)\n",
    "def match(*a):\n    return a\nprint(match(1, 2))\nmatch(3)\n",
    "match = {'case': 1}\nprint(match['case'])\nmatch: int = 5\nprint(match)\n",
    "class case:\n    match = 3\nprint(case.match)\n",
    "match x:\n    case y if y > 5:\n        print('big')\n    case y:\n        print('small', y)\n",
    "match [x, 2]:\n    case [1, *rest] if rest:\n        print(rest)\n",
    "match -x, 'a' 'b':\n    case (-1, 'ab'):\n        print('signed')\n    case _:\n        print('other')\n",
]


def cpython_error(src):
    try:
        compile(src, "t.py", "exec")
    except SyntaxError as e:
        return e.msg, e.lineno, e.offset
    return None


def main():
    p4jit = os.path.abspath(sys.argv[1])
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "t.py")
        for body in ERRORS:
            src = HEAD + body
            want = cpython_error(src)
            assert want, "CPython compiles:\n" + src
            with open(path, "w") as f:
                f.write(src)
            got = subprocess.run([p4jit, "run", path], capture_output=True, text=True, timeout=30)
            m = re.search(r'line (\d+), column (\d+)\n.*\n.*\n(\w+): (.*)\n$', got.stderr)
            have = (m.group(4), int(m.group(1)), int(m.group(2))) if m and m.group(3) == "SyntaxError" else None
            if got.returncode != 1 or have != want:
                failures += 1
                print("FAIL:\n%s  CPython: %s\n  p4jit:   %s\n%s" % (src, want, have, got.stderr))
        for body in VALID:
            src = HEAD + body
            with open(path, "w") as f:
                f.write(src)
            want = subprocess.run([sys.executable, path], capture_output=True, text=True, timeout=30)
            got = subprocess.run([p4jit, "run", path], capture_output=True, text=True, timeout=30)
            if (got.returncode, got.stdout) != (want.returncode, want.stdout):
                failures += 1
                print("FAIL:\n%s  CPython: %r\n  p4jit:   %r %s" % (src, want.stdout, got.stdout, got.stderr))
    print("%d of %d programs differ" % (failures, len(ERRORS) + len(VALID)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
