#!/usr/bin/env python3
"""The runtime's memory on the device: peak stack depth against the stack the
ESP-IDF example reserves for its P4JIT task, and the heap figures.

Runs each program in the RV32 firmware on p4sim with the example's memory
settings (object heap, value-stack slots, code buffer from
examples/esp-idf/sdkconfig.defaults). p4sim records the lowest and highest
values the program gives sp (p4sim --stats, "peak stack"); the firmware
counts malloc (p4jit-stats: peak heap; the JIT report: the most heap one
compile used). Four runs per program:
  - from source with the JIT off (the source compiler's recursion),
  - from source with every function compiled at its first call (jit=eager),
  - from a .p4b file (no source compiler) interpreted and with jit=eager.
The example's task stack (CONFIG_P4JIT_EXAMPLE_TASK_STACK_SIZE in
examples/esp-idf/sdkconfig.defaults) must hold the largest of these plus
HEADROOM bytes for what ESP-IDF adds on a task's stack and the firmware
does not have: the exception frame of an interrupt, the FPU/PIE/hardware-loop
save areas, TLS, and a deeper libc/VFS under printf and fopen
(docs/espidf.md). Prints the tables docs/espidf.md quotes; only the stack
has a budget to fail (the heap depends on the application's own use).
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

HEADROOM = 4096


def measure(p4sim, firmware, settings, args):
    r = subprocess.run([p4sim, "--stats", firmware, "run", "-X", "pie=rev3", "--stats", "--jit-report"]
                       + settings + args, capture_output=True, text=True, timeout=900)
    out = r.stdout + r.stderr
    stack = re.search(r"^peak stack\s+(\d+) bytes", out, re.M)
    heap = re.search(r"^p4jit-stats: peak heap (\d+) bytes", out, re.M)
    if r.returncode != 0 or not stack or not heap:
        sys.exit(f"memory_budget: {' '.join(args)}: exit status {r.returncode}, no figures:\n{out[-1500:]}")
    comp = re.search(r"at most (\d+) bytes of heap to compile", out)
    code = re.search(r"; (\d+) of \d+ bytes of code used", out)
    return (int(stack.group(1)), int(heap.group(1)), int(comp.group(1)) if comp else 0,
            int(code.group(1)) if code else 0)


def setting(text, name):
    m = re.search(rf"^{name}=(\d+)$", text, re.M)
    if not m:
        sys.exit(f"memory_budget: the example's sdkconfig.defaults sets no {name}")
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
    reserved = setting(text, "CONFIG_P4JIT_EXAMPLE_TASK_STACK_SIZE")
    settings = ["-m", str(setting(text, "CONFIG_P4JIT_HEAP_SIZE")),
                "--stack", str(setting(text, "CONFIG_P4JIT_STACK_SLOTS")),
                "-X", f"jit-code={setting(text, 'CONFIG_P4JIT_CODE_BUFFER_SIZE')}"]
    kinds = [".py, interpreted", ".py, jit=eager", ".p4b, interpreted", ".p4b, jit=eager"]
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        for prog in a.programs:
            name = os.path.splitext(os.path.basename(prog))[0]
            p4b = os.path.join(tmp, name + ".p4b")
            subprocess.run([a.p4jit, "compile", prog, "-o", p4b], check=True, timeout=120)
            rows[name] = [measure(a.p4sim, a.firmware, settings, ["-X", "jit=off", prog]),
                          measure(a.p4sim, a.firmware, settings, ["-X", "jit=eager", prog]),
                          measure(a.p4sim, a.firmware, settings, ["-X", "jit=off", p4b]),
                          measure(a.p4sim, a.firmware, settings, ["-X", "jit=eager", p4b])]
    print("settings: " + " ".join(settings))
    for title, k in (("peak stack (bytes)", 0), ("peak heap (bytes)", 1)):
        print(f"{title:<20}" + "".join(f"{x:>19}" for x in kinds))
        for name, row in rows.items():
            print(f"{name:<20}" + "".join(f"{r[k]:>19}" for r in row))
    print(f"{'JIT (jit=eager, .py)':<20}{'code bytes':>19}{'heap to compile':>19}")
    for name, row in rows.items():
        print(f"{name:<20}{row[1][3]:>19}{row[1][2]:>19}")
    worst, worst_what = max((max(r[0] for r in row), name) for name, row in rows.items())
    need = worst + HEADROOM
    print(f"peak stack {worst} bytes ({worst_what}) + {HEADROOM} headroom = {need}; the example reserves {reserved}")
    if need > reserved:
        print(f"FAIL: raise CONFIG_P4JIT_EXAMPLE_TASK_STACK_SIZE to at least {need} (and docs/espidf.md)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
