#!/usr/bin/env python3
"""Differential test of deoptimisation: a program's output, exit status and
traceback with the JIT (in the firmware, under QEMU or p4sim) must equal the
interpreter's (-X jit=off, same firmware), byte for byte.

  check.py --p4jit P4JIT --on qemu|p4sim [--stress 0,1,3] [--expect REGEX]... [--opts=OPTS] PROGRAM

Each --stress N runs the JIT with -X jit-deopt-stress=N (every Nth guard
executed deoptimises; 0: only real failures). The interpreter is the oracle,
not a fixed expected output, so the test stays valid when ints of any size
arrive (the deoptimised frames then compute long results instead of raising
OverflowError). --expect: a regular expression one line of the plain (N=0)
run's --jit-report must match (deoptimisation counts, a retired function);
a stress run must report at least one deoptimisation.
"""
import argparse
import re
import subprocess
import sys

DEOPTS = re.compile(r"deoptimised (\d+) times")


FIRMWARE = []


def run(p4jit, on, prog, opts):
    cmd = [p4jit, "run", "--on", on] + FIRMWARE + opts + [prog]
    p = subprocess.run(cmd, capture_output=True, timeout=300)
    return p.returncode, p.stdout, p.stderr


def split_report(err):
    k = err.find(b"JIT report (")
    if k < 0:
        return err, []
    return err[:k], err[k:].decode("utf-8", "replace").splitlines()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--p4jit", required=True)
    ap.add_argument("--on", required=True, choices=["qemu", "p4sim"])
    ap.add_argument("--firmware", help="the firmware image (default: the build's)")
    ap.add_argument("--opts", default="", help="more options for both runs, e.g. --gc-stress")
    ap.add_argument("--stress", default="0")
    ap.add_argument("--expect", action="append", default=[])
    ap.add_argument("prog")
    args = ap.parse_args()
    if args.firmware:
        FIRMWARE.extend(["--firmware", args.firmware])
    FIRMWARE.extend(args.opts.split())
    ref = run(args.p4jit, args.on, args.prog, ["-X", "jit=off"])
    if ref[0] not in (0, 1):
        print("the interpreter itself failed (status %s):\n%s" % (ref[0], ref[2].decode(errors="replace")))
        return 1
    ok = True
    for n in [int(x) for x in args.stress.split(",")]:
        opts = ["-X", "jit=eager", "--jit-report"] + (["-X", "jit-deopt-stress=%d" % n] if n else [])
        rc, out, err = run(args.p4jit, args.on, args.prog, opts)
        err, report = split_report(err)
        deopts = sum(int(m.group(1)) for line in report for m in [DEOPTS.search(line)] if m)
        same = (rc, out, err) == ref
        print("stress %d: %s, %d deoptimisations" % (n, "same as the interpreter" if same else "DIFFERENT", deopts))
        if not same:
            ok = False
            print("  status: interpreter %s, JIT %s" % (ref[0], rc))
            for name, a, b in (("stdout", ref[1], out), ("stderr", ref[2], err)):
                if a != b:
                    al, bl = a.decode(errors="replace").splitlines(), b.decode(errors="replace").splitlines()
                    for i in range(max(len(al), len(bl))):
                        x = al[i] if i < len(al) else "<none>"
                        y = bl[i] if i < len(bl) else "<none>"
                        if x != y:
                            print("  %s line %d:\n    interpreter: %s\n    JIT:         %s" % (name, i + 1, x, y))
                            break
        if n and not deopts:
            print("  FAIL: -X jit-deopt-stress=%d made no deoptimisation" % n)
            ok = False
        if n == 0:
            for rx in args.expect:
                if not any(re.search(rx, line) for line in report):
                    print("  FAIL: no --jit-report line matches %r" % rx)
                    ok = False
        if not ok:
            print("\n".join(report))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
