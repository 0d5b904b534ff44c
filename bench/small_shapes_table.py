#!/usr/bin/env python3
"""Runs bench/small_shapes.py on p4sim with PIE (-X pie=rev3) and without
(-X pie=off) and prints a Markdown table of each kernel's second call in
modelled cycles, the difference, and the kernels where PIE loses.

    bench/small_shapes_table.py --p4jit build/cli/p4jit [--losses]

--losses prints only the rows where the PIE run is slower. The checksums
of the two runs must agree (else it stops with an error)."""
import argparse
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def run(p4jit, pie):
    out = subprocess.run([p4jit, "run", "--on", "p4sim", "-X", "pie=" + pie, "small_shapes.py"], cwd=HERE,
                         check=True, capture_output=True, text=True).stdout
    rows = {}
    for line in out.splitlines():
        name, check, _, cycles, _, macs = line.split()
        rows[name] = (check, int(cycles), int(macs))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--p4jit", required=True)
    ap.add_argument("--losses", action="store_true")
    args = ap.parse_args()
    p4jit = os.path.abspath(args.p4jit)
    off, on = run(p4jit, "off"), run(p4jit, "rev3")
    print("| kernel | MACs | pie=off | PIE | PIE - off | |")
    print("|---|---|---|---|---|---|")
    losses, worst = 0, (0, "")
    for name, (check, c_off, macs) in off.items():
        check_on, c_on, _ = on[name]
        if check_on != check:
            sys.exit("%s: checksums differ (%s with pie=off, %s with PIE)" % (name, check, check_on))
        d = c_on - c_off
        if d > 0:
            losses += 1
            worst = max(worst, (d, name))
        if d > 0 or not args.losses:
            print("| %s | %d | %d | %d | %+d | %s |" % (name, macs, c_off, c_on, d, "slower" if d > 0 else ""))
    print()
    print("%d kernels, %d slower with PIE%s" % (len(off), losses,
                                              ", the worst %s by %d cycles" % (worst[1], worst[0]) if losses else ""))


if __name__ == "__main__":
    main()
