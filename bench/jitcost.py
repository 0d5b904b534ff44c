#!/usr/bin/env python3
"""Compile cost of the JIT per bytecode instruction, on p4sim.

Runs each program with `--jit-report` (PIE rev 3, the default of `run --on
p4sim`) and reads, per compiled specialisation, its code bytes, bytecode
instructions and compile cycles (modelled). Prints one row per program:
specialisations, bytecode instructions, compile cycles, cycles per
instruction, code bytes. With --save FILE the rows per function go to a
JSON file; with --against FILE each program's row is compared with that
file's, and any function whose code bytes differ is named (the passes
must emit the same code).

    bench/jitcost.py --p4jit build/cli/p4jit [--save before.json] [--against before.json]
"""
import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
# (directory, program): the layers run from bench/ (they import each other)
PROGRAMS = [(HERE, "layers.py"), (HERE, "layers_vec5.py"), (HERE, "layers_vec6.py"), (HERE, "matmul.py"),
            (HERE, "conv2d.py"), (HERE, "nbody.py"), (ROOT, "examples/mnist.py")] + \
           [(HERE, "py/" + f) for f in ("chaos.py", "nqueens.py", "pystone_like.py", "raytrace.py", "state_machine.py")]
COMPILED = re.compile(r"^  (\S+): compiled (.*), (\d+) bytes of code, (\d+) bytecode instructions, (\d+) cycles to compile")


def run(p4jit, cwd, prog):
    out = subprocess.run([p4jit, "run", "--on", "p4sim", "--jit-report", prog], cwd=cwd,
                         capture_output=True, text=True)
    if out.returncode:
        sys.exit("%s: exit %d\n%s" % (prog, out.returncode, out.stderr[-2000:]))
    funcs = []
    for line in out.stderr.splitlines():
        m = COMPILED.match(line)
        if m:
            funcs.append({"name": m.group(1) + m.group(2), "bytes": int(m.group(3)), "insns": int(m.group(4)),
                          "cycles": int(m.group(5))})
    return funcs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--p4jit", required=True)
    ap.add_argument("--save")
    ap.add_argument("--against")
    ap.add_argument("programs", nargs="*", help="programs (default: the layers, kernels, MNIST and bench/py)")
    args = ap.parse_args()
    p4jit = os.path.abspath(args.p4jit)
    progs = [(HERE if not p.startswith("examples/") else ROOT, p) for p in args.programs] or PROGRAMS
    before = json.load(open(args.against)) if args.against else {}
    rows = {}
    print("| program | specialisations | bytecode instructions | compile cycles | cycles per instruction%s | code bytes |"
          % (" (before)" if before else ""))
    print("|---|---|---|---|---|---|")
    for cwd, prog in progs:
        funcs = run(p4jit, cwd, prog)
        rows[prog] = funcs
        insns = sum(f["insns"] for f in funcs)
        cyc = sum(f["cycles"] for f in funcs)
        code = sum(f["bytes"] for f in funcs)
        was = ""
        if prog in before:
            b = before[prog]
            bi, bc = sum(f["insns"] for f in b), sum(f["cycles"] for f in b)
            was = " (%.0f)" % (bc / bi) if bi else ""
            if [(f["name"], f["bytes"]) for f in b] != [(f["name"], f["bytes"]) for f in funcs]:
                for fb, fa in zip(b, funcs):
                    if fb != fa and (fb["name"], fb["bytes"]) != (fa["name"], fa["bytes"]):
                        print("  %s: code differs: %s %d B -> %s %d B" % (prog, fb["name"], fb["bytes"], fa["name"],
                                                                          fa["bytes"]), file=sys.stderr)
        print("| %s | %d | %d | %d | %.0f%s | %d |" % (prog, len(funcs), insns, cyc, cyc / insns if insns else 0, was,
                                                       code))
        sys.stdout.flush()
    if args.save:
        json.dump(rows, open(args.save, "w"), indent=1)


if __name__ == "__main__":
    main()
