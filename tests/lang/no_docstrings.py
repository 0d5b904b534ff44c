#!/usr/bin/env python3
"""`p4jit compile --no-docstrings` against `python3 -OO`, and without the
option against plain `python3` (branch lang15): a module's, a function's, a
class's, a method's and a property's __doc__, through a .p4b file.

usage: no_docstrings.py P4JIT
"""
import os
import subprocess
import sys
import tempfile

PROGRAM = '''"""The module."""


def f():
    """A function."""
    return 1


class C:
    "A class."

    def m(self):
        'A method.'

    @property
    def p(self):
        "A property."
        return 2


class D(C):
    pass


print(repr(__doc__), f.__doc__, C.__doc__, C.m.__doc__, C.p.__doc__, D.__doc__, f(), C().p)
'''


def main():
    p4jit = os.path.abspath(sys.argv[1])
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "prog.py")
        with open(src, "w") as fh:
            fh.write(PROGRAM)
        for opts, py_opts in (([], []), (["--no-docstrings"], ["-OO"])):
            image = os.path.join(tmp, "prog.p4b")
            subprocess.run([p4jit, "compile", src, "-o", image] + opts, check=True, timeout=60)
            got = subprocess.run([p4jit, "run", image], capture_output=True, text=True, timeout=60)
            want = subprocess.run([sys.executable] + py_opts + [src], capture_output=True, text=True, timeout=60)
            if got.returncode != 0 or got.stdout != want.stdout:
                print("FAIL: compile %s: %r %r, CPython %s: %r" % (opts, got.stdout, got.stderr, py_opts, want.stdout))
                failures += 1
    print("no_docstrings: %d failure(s)" % failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
