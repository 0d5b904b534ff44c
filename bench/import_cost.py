#!/usr/bin/env python3
"""What importing each module of lib/std costs on the firmware under p4sim.

    bench/import_cost.py --p4jit build/cli/p4jit [NAME...]

Runs `p4jit run --on p4sim --stats` on a program that is `import NAME` and on
one that is `pass`, and prints a Markdown table of the differences: retired
instructions and modelled cycles of the import, and the extra peak heap
(the firmware's malloc accounting, src/port/rv32/heap_rv32.c), and in another
run the bytes of objects the import leaves alive (p4.heap_live). The modules are
the ones frozen into the runtime (lib/std, scripts/freeze_lib.py)."""
import argparse
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIB = os.path.join(ROOT, "lib", "std")

FIGURES = {
    "instret": re.compile(r"p4jit-stats: instret (\d+)"),
    "cycles": re.compile(r"p4jit-stats: instret \d+ cycles (\d+)"),
    "heap": re.compile(r"p4jit-stats: peak heap (\d+) bytes"),
}


def run(p4jit, source, workdir):
    path = os.path.join(workdir, "prog.py")
    with open(path, "w") as f:
        f.write(source + "\n")
    r = subprocess.run([p4jit, "run", "--on", "p4sim", "--stats", path],
                       capture_output=True, text=True, timeout=600)
    if r.returncode != 0:
        sys.exit("import_cost.py: %r failed:\n%s%s" % (source, r.stdout, r.stderr))
    return r


def stats(p4jit, source, workdir):
    r = run(p4jit, source, workdir)
    out = {}
    for key, pattern in FIGURES.items():
        m = pattern.search(r.stderr)
        if not m:
            sys.exit("import_cost.py: no %s figure in:\n%s" % (key, r.stderr))
        out[key] = int(m.group(1))
    return out


def live_bytes(p4jit, name, workdir):
    """The object heap the module keeps alive (p4.heap_live collects first)."""
    r = run(p4jit, "import p4\nh = p4.heap_live()\nimport %s\nprint(p4.heap_live() - h)" % name, workdir)
    return int(r.stdout.split()[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--p4jit", required=True)
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    names = args.names or sorted(f[:-3] for f in os.listdir(LIB) if f.endswith(".py"))
    with tempfile.TemporaryDirectory() as workdir:
        base = stats(args.p4jit, "pass", workdir)
        print("| module | import Minstr | import Mcycles | extra peak malloc (bytes) | objects kept (bytes) |")
        print("|---|---:|---:|---:|---:|")
        for n in names:
            s = stats(args.p4jit, "import " + n, workdir)
            print("| %s | %.2f | %.2f | %d | %d |" % (
                n, (s["instret"] - base["instret"]) / 1e6, (s["cycles"] - base["cycles"]) / 1e6,
                s["heap"] - base["heap"], live_bytes(args.p4jit, n, workdir)))
        print("\n(`pass` alone: %d instructions, %d cycles, peak heap %d bytes)"
              % (base["instret"], base["cycles"], base["heap"]))


main()
