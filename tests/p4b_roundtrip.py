#!/usr/bin/env python3
"""Every corpus program, compiled to .p4b and run from the file, prints the
same as when run from source (tracebacks aside, which lack source lines)."""
import argparse
import glob
import os
import subprocess
import sys
import tempfile


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--p4jit", required=True)
    ap.add_argument("dir")
    args = ap.parse_args()
    failures = 0
    programs = sorted(glob.glob(os.path.join(args.dir, "*.py")))
    with tempfile.TemporaryDirectory() as tmp:
        for prog in programs:
            name = os.path.splitext(os.path.basename(prog))[0]
            image = os.path.join(tmp, name + ".p4b")
            c = subprocess.run([args.p4jit, "compile", prog, "-o", image], capture_output=True)
            if c.returncode != 0:
                print("FAIL: compile", name, c.stderr.decode())
                failures += 1
                continue
            src = subprocess.run([args.p4jit, "run", os.path.basename(prog)], cwd=args.dir,
                                 capture_output=True, timeout=120)
            bc = subprocess.run([args.p4jit, "run", image], cwd=args.dir, capture_output=True, timeout=120)
            if (src.returncode, src.stdout) != (bc.returncode, bc.stdout):
                print("FAIL: %s: .p4b run differs from source run" % name)
                failures += 1
    print("%d passed, %d failed" % (len(programs) - failures, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
