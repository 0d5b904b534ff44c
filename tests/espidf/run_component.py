#!/usr/bin/env python3
"""Runs the ESP-IDF component's test ELFs (tests/espidf/component) in p4sim.

The stubs play the configuration's chip: its silicon revision, CPU clock and
whether the heap has executable memory. Checks, for each program:
  - component.elf: the program's output is CPython's; --stats reports the
    clock-tree frequency; with executable memory the JIT runs compiled code,
    and PIE loops use the encoding chosen from the chip revision (the same
    ELF on a p4sim of the other revision must trap at the first PIE
    instruction, so the choice is the one that matters);
  - component-memprot.elf (memory protection on): one line saying the JIT is
    off, then the program runs interpreted with the same output.
"""
import argparse
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def run(cmd, env=None):
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=600, env=env)
    return r.returncode, r.stdout, r.stderr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--p4sim", required=True)
    ap.add_argument("--elf-dir", required=True)
    ap.add_argument("--rev", type=int, required=True, help="chip revision the stubs report (e.g. 101, 301)")
    ap.add_argument("--mhz", type=int, required=True)
    ap.add_argument("programs", nargs="+")
    a = ap.parse_args()
    enc = 3 if a.rev >= 300 else 1
    # (lib/p4nn for CPython: the component has the library frozen)
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "lib", "python") + ":" + os.path.join(ROOT, "lib", "p4nn"))
    failures = []

    def check(cond, what):
        if not cond:
            failures.append(what)

    for prog in a.programs:
        rc, expected, err = run([sys.executable, prog], env)
        check(rc == 0, f"{prog}: CPython failed: {err}")
        exp_lines = expected.splitlines()
        elf = os.path.join(a.elf_dir, "component.elf")
        # semihosting carries stderr on the console: the program's lines come
        # first, then the stats and the report
        rc, out, err = run([a.p4sim, "--rev", str(enc), elf, "run", "-X", "jit=eager", "--stats",
                            "--jit-report", prog])
        lines = (out + err).splitlines()
        check(rc == 0, f"{prog}: exit status {rc}: {(out + err)[-2000:]}")
        check(lines[:len(exp_lines)] == exp_lines, f"{prog}: output differs from CPython")
        rest = "\n".join(lines[len(exp_lines):])
        check(f" hz {a.mhz * 1000000} " in rest, f"{prog}: --stats does not give the clock tree's {a.mhz} MHz")
        check("JIT report (compiled code runs here" in rest, f"{prog}: no compiled code ran:\n{rest}")
        vector = "PIE lanes" in rest
        if "vector" in os.path.basename(prog):
            check(vector, f"{prog}: no loop on PIE lanes:\n{rest}")
        if vector:
            other = 1 if enc == 3 else 3
            rc, out, err = run([a.p4sim, "--rev", str(other), elf, "run", "-X", "jit=eager", prog])
            check(rc != 0 and "illegal" in (out + err).lower(),
                  f"{prog}: the rev {enc} encoding also ran on a rev {other} p4sim (rc {rc})")
        rc, out, err = run([a.p4sim, "--rev", str(enc), os.path.join(a.elf_dir, "component-memprot.elf"),
                            "run", "--jit-report", prog])
        lines = (out + err).splitlines()
        off = [l for l in lines if "JIT off" in l]
        check(rc == 0, f"{prog} (memprot): exit status {rc}")
        check(len(off) == 1 and "no executable memory" in off[0] and lines[0] == off[0],
              f"{prog} (memprot): expected one 'JIT off' line first, got {off}")
        check([l for l in lines if l not in off] == exp_lines, f"{prog} (memprot): output differs from CPython")
        print(f"{os.path.basename(prog)}: rev {a.rev} -> PIE encoding {enc}, {a.mhz} MHz: ok")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
