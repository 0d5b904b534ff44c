#!/usr/bin/env python3
"""p4.jit_mode: the interpreter, the scalar JIT and the JIT with PIE in one
run (tests/p4nn/modes/switch.py), against CPython's lib/python/p4.py.

    run.py P4JIT [--on p4sim]

On p4sim (started with PIE) every mode is offered and runs: the kernel's sum
is the same in each, and its cycles show the code that ran - PIE's below a
quarter of the scalar JIT's, also after switching back from scalar (the
scalar code is not kept for PIE), and the scalar JIT's again after PIE (PIE
code never runs once PIE is switched off). A compiled function that switches
raises RuntimeError. Started with -X pie=off only off and scalar are offered;
on the host and under CPython only off (compiled code does not run there)."""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
PROG = os.path.join(HERE, "switch.py")
failures = []


def check(ok, what):
    print(("ok: " if ok else "FAIL: ") + what)
    if not ok:
        failures.append(what)


def run(cmd, env=None):
    r = subprocess.run(cmd + [PROG], capture_output=True, text=True, timeout=600, env=env)
    if r.returncode:
        print(r.stdout + r.stderr)
    return r.returncode, r.stdout


def parse(out):
    ran = [(m, got, int(c), int(s)) for m, got, c, s in re.findall(r"^ran (\w+) (\w+) (\d+) (-?\d+)$", out, re.M)]
    return re.search(r"^modes (.*) start (\w+)$", out, re.M), ran


def main():
    p4jit = os.path.abspath(sys.argv[1])
    on = sys.argv[2:]
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "lib", "python"))
    st, want = run([sys.executable], env)
    modes, ran = parse(want)
    check(st == 0 and modes and modes.group(1) == "off" and [r[0] for r in ran] == ["off"],
          "CPython offers only off")
    oracle = ran[0][3] if ran else None
    if not on:
        st, out = run([p4jit, "run"])
        modes, ran = parse(out)
        check(st == 0 and modes and modes.group(1) == "off" and [r[0] for r in ran] == ["off"]
              and "refused scalar JIT mode 'scalar' is not available" in out, "the host offers only off")
        check(all(r[3] == oracle for r in ran), "the host's sum is CPython's")
    else:
        st, out = run([p4jit, "run"] + on)
        modes, ran = parse(out)
        check(st == 0 and modes and modes.groups() == ("off scalar pie", "pie"), "p4sim with PIE offers every mode")
        check([r[0] for r in ran] == ["pie", "scalar", "pie", "off", "scalar"] and all(r[0] == r[1] for r in ran),
              "each mode switched to: %s" % [r[:2] for r in ran])
        check(all(r[3] == oracle for r in ran), "the same sum in every mode, CPython's (%s)" % [r[3] for r in ran])
        if len(ran) == 5:
            pie1, scalar1, pie2, off, scalar2 = [r[2] for r in ran]
            check(pie1 * 4 < scalar1 and pie2 * 4 < scalar1, "PIE's cycles %d, %d below a quarter of the scalar JIT's %d"
                  % (pie1, pie2, scalar1))
            check(scalar2 > 4 * pie2 and scalar1 > 4 * pie1, "after PIE the scalar JIT runs scalar code (%d, %d)"
                  % (scalar1, scalar2))
            check(off > 10 * scalar2, "off interprets (%d cycles)" % off)
        check("inside RuntimeError cannot switch the JIT mode while compiled code runs" in out
              and "after scalar" in out, "a compiled function cannot switch")
        st, out = run([p4jit, "run"] + on + ["-X", "pie=off"])
        modes, ran = parse(out)
        check(st == 0 and modes and modes.groups() == ("off scalar", "scalar")
              and [r[0] for r in ran] == ["scalar", "off", "scalar"] and "refused pie" in out,
              "started without PIE: off and scalar")
        check(all(r[3] == oracle for r in ran), "its sums are CPython's")
    print("%d failed" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
