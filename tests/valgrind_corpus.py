#!/usr/bin/env python3
"""A sample of the corpus under valgrind memcheck: no invalid access, no
definite leak (valgrind is slow, so not every program)."""
import argparse
import glob
import os
import subprocess
import sys

SAMPLE_EVERY = 6  # one program in six


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--p4jit", required=True)
    ap.add_argument("dir")
    args = ap.parse_args()
    runner = os.path.join(os.path.dirname(os.path.abspath(__file__)), "run_program.py")
    wrap = "valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite"
    programs = sorted(glob.glob(os.path.join(args.dir, "*.py")))[::SAMPLE_EVERY]
    failures = 0
    for prog in programs:
        r = subprocess.run([sys.executable, runner, "--p4jit", args.p4jit, "--wrap", wrap, prog],
                           capture_output=True, text=True)
        if r.returncode != 0:
            failures += 1
            print(r.stdout, r.stderr)
    print("%d passed, %d failed" % (len(programs) - failures, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
