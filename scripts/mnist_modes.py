#!/usr/bin/env python3
"""The MNIST demo's cycles in its three modes, side by side, from one command.

    python3 scripts/mnist_modes.py [--p4jit build/cli/p4jit] [--images N]

Runs examples/mnist.py on p4sim interpreted (-X jit=off, on N images, 2 by
default: the first is not timed), with the scalar JIT (-X pie=off) and with
the JIT and PIE (both on the demo's 100 images), as bench/charts.py measures
them, and prints one table: per layer the modelled cycles of each mode, MACs
per cycle and milliseconds at 360 and 400 MHz, and the speedups.

The demo itself prints the three modes side by side from one run
(p4.jit_mode switches the mode inside it), on one image each; this script
makes three runs of the firmware for the means over more images, as the
charts use them.
"""
import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "bench"))
import charts  # noqa: E402  (bench/charts.py: MODES, measure_mnist, parse_mnist)


def ms(cycles, mhz):
    """Milliseconds at mhz MHz with three decimals, truncated as examples/mnist.py prints them."""
    us = cycles // mhz
    return "%d.%03d" % (us // 1000, us % 1000)


def table(outputs):
    """The lines of the side-by-side table from examples/mnist.py's output per mode."""
    modes = [(name, charts.parse_mnist(outputs[name])) for name, _ in charts.MODES]
    names = [s[0] for s in modes[0][1]["stages"]]
    for name, m in modes:
        if [s[0] for s in m["stages"]] != names:
            raise charts.ParseError("the %s run has other stages: %s" % (name, [s[0] for s in m["stages"]]))
    lines = ["modelled cycles per image on p4sim (p4jit run --on p4sim examples/mnist.py; timed images: %s)"
             % ", ".join("%s %d" % (name, m["images"]) for name, m in modes)]
    head = "  %-18s %8s" % ("layer", "MACs")
    for name, _ in modes:
        head += " %14s" % name
    head += " %10s %9s %9s" % ("MACs/cyc", "ms@360", "ms@400")
    lines.append(head)
    rows = [(i, s[0], s[1]) for i, s in enumerate(modes[0][1]["stages"])]
    rows.append((None, "whole image", modes[0][1]["total"][0]))
    for i, name, macs in rows:
        cyc = [m["stages"][i][2] if i is not None else m["total"][1] for _, m in modes]
        line = "  %-18s %8d" % (name, macs)
        for c in cyc:
            line += " %14s" % format(c, ",")
        best = cyc[-1]
        line += " %10s" % ("%.2f" % (macs / best) if macs and best else "")
        line += " %9s %9s" % (ms(best, 360), ms(best, 400))
        lines.append(line)
    total = [m["total"][1] for _, m in modes]
    lines.append("  ms at 360 MHz: " + ", ".join("%s %s" % (name, ms(c, 360)) for (name, _), c in zip(modes, total)))
    lines.append("  speedup over the interpreter: scalar JIT %.0fx, JIT with PIE %.0fx (PIE over the scalar JIT %.1fx)"
                 % (total[0] / total[1], total[0] / total[2], total[1] / total[2]))
    lines.append("  accuracy: " + "; ".join("%s %s" % (name, m["accuracy"]) for name, m in modes))
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--p4jit", default=os.path.join(os.path.dirname(HERE), "build", "cli", "p4jit"))
    ap.add_argument("--images", type=int, default=2, help="images of the interpreted run (default 2)")
    args = ap.parse_args()
    if args.images < 2:
        ap.error("--images: at least 2 (the first image pays for compiling and is not timed)")
    print("\n".join(table(charts.measure_mnist(os.path.abspath(args.p4jit), args.images))))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except charts.ParseError as e:
        sys.exit("scripts/mnist_modes.py: " + str(e))
