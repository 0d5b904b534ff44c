#!/usr/bin/env python3
"""The runtime's peak stack depth against the stack the ESP-IDF example
reserves for its P4JIT task.

Runs each program in the RV32 firmware on p4sim, which records the lowest
and highest values the program gives sp (p4sim --stats, "peak stack"):
  - from source with the JIT off (the source compiler's recursion),
  - from source with every function compiled at its first call (jit=eager),
  - from a .p4b file (no source compiler) interpreted and with jit=eager.
The example's task stack (CONFIG_P4JIT_EXAMPLE_TASK_STACK_SIZE in
examples/esp-idf/sdkconfig.defaults) must hold the largest of these plus
HEADROOM bytes for what ESP-IDF adds on a task's stack and the firmware
does not have: the exception frame of an interrupt, the FPU/PIE/hardware-loop
save areas, TLS, and a deeper libc/VFS under printf and fopen
(docs/espidf.md). Prints the table docs/espidf.md quotes.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

HEADROOM = 4096


def peak(p4sim, firmware, args):
    r = subprocess.run([p4sim, "--stats", firmware, "run", "-X", "pie=rev3"] + args,
                       capture_output=True, text=True, timeout=900)
    m = re.search(r"^peak stack\s+(\d+) bytes", r.stderr, re.M)
    if r.returncode != 0 or not m:
        sys.exit(f"stack_budget: {' '.join(args)}: exit status {r.returncode}, no peak stack:\n{r.stderr[-1500:]}")
    return int(m.group(1))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--p4sim", required=True)
    ap.add_argument("--firmware", required=True)
    ap.add_argument("--p4jit", required=True, help="host p4jit, to compile .p4b files")
    ap.add_argument("--sdkconfig", required=True, help="the example's sdkconfig.defaults")
    ap.add_argument("programs", nargs="+")
    a = ap.parse_args()
    text = open(a.sdkconfig).read()
    m = re.search(r"^CONFIG_P4JIT_EXAMPLE_TASK_STACK_SIZE=(\d+)$", text, re.M)
    if not m:
        sys.exit(f"stack_budget: {a.sdkconfig} sets no CONFIG_P4JIT_EXAMPLE_TASK_STACK_SIZE")
    reserved = int(m.group(1))
    worst, worst_what = 0, ""
    print(f"{'program':<12} {'.py, interpreted':>17} {'.py, jit=eager':>15} {'.p4b, interpreted':>18} "
          f"{'.p4b, jit=eager':>16}")
    with tempfile.TemporaryDirectory() as tmp:
        for prog in a.programs:
            name = os.path.splitext(os.path.basename(prog))[0]
            p4b = os.path.join(tmp, name + ".p4b")
            subprocess.run([a.p4jit, "compile", prog, "-o", p4b], check=True, timeout=120)
            row = [peak(a.p4sim, a.firmware, ["-X", "jit=off", prog]),
                   peak(a.p4sim, a.firmware, ["-X", "jit=eager", prog]),
                   peak(a.p4sim, a.firmware, ["-X", "jit=off", p4b]),
                   peak(a.p4sim, a.firmware, ["-X", "jit=eager", p4b])]
            print(f"{name:<12} {row[0]:>17} {row[1]:>15} {row[2]:>18} {row[3]:>16}")
            if max(row) > worst:
                worst, worst_what = max(row), name
    need = worst + HEADROOM
    print(f"peak {worst} bytes ({worst_what}) + {HEADROOM} headroom = {need}; the example reserves {reserved}")
    if need > reserved:
        print(f"FAIL: raise CONFIG_P4JIT_EXAMPLE_TASK_STACK_SIZE to at least {need} (and docs/espidf.md)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
