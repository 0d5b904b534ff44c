#!/usr/bin/env python3
"""The JIT's final IR obeys single assignment (src/jit/verify.c).

Runs each program with -X jit=eager -X ir-verify=on on the host (with PIE
rev3 code, so the vectorisers run) and fails when the verifier reports a
fault in the IR the emitter is given (after the last pass, `ir_schedule`): an
operand read where it may not have been computed, i.e. a register nothing
wrote. Faults after earlier passes are counted as notes: some passes leave
values for a later one to move (the vectorisers' constants, read in blocks
they do not dominate until licm hoists them: docs/jit.md, "Checking the IR").

  check_ir_verify.py --p4jit P4JIT [--seeds A:B] [program.py ...]

--seeds A:B adds genprog.py's random programs A to B-1.
"""
import argparse
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def faults(p4jit, path):
    r = subprocess.run([p4jit, "run", "-X", "jit=eager", "-X", "pie=rev3", "-X", "ir-verify=on", path],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=300)
    lines = [l for l in r.stderr.splitlines() if l.startswith("ir-verify: ")]
    final = [l for l in lines if ", after ir_schedule: " in l]
    return final, len(lines) - len(final)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--p4jit", required=True)
    ap.add_argument("--seeds", default="")
    ap.add_argument("programs", nargs="*")
    a = ap.parse_args()
    programs = list(a.programs)
    tmp = tempfile.TemporaryDirectory()
    if a.seeds:
        lo, hi = (int(x) for x in a.seeds.split(":"))
        for s in range(lo, hi):
            src = subprocess.run([sys.executable, os.path.join(HERE, "genprog.py"), "gen", str(s)],
                                 stdout=subprocess.PIPE, text=True, check=True).stdout
            path = os.path.join(tmp.name, "genprog_%d.py" % s)
            with open(path, "w") as f:
                f.write(src)
            programs.append(path)
    bad = transient = 0
    for path in programs:
        final, early = faults(a.p4jit, path)
        transient += early
        for l in final:
            print("%s: %s" % (os.path.basename(path), l))
        bad += len(final)
    print("%d programs: %d faults in the final IR, %d after earlier passes (left for a later pass)"
          % (len(programs), bad, transient))
    if not programs:
        print("no programs")
        return 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
