#!/usr/bin/env python3
"""Measures, then draws PNG charts of what it measured (nothing typed in by hand).

    python3 bench/charts.py --p4jit build/cli/p4jit --out bench [--images N]
    python3 bench/charts.py --draw DIR/charts-measured.json --out DIR

Measuring runs, from the repository's root:
  - examples/mnist.py on p4sim in its three modes: interpreted (-X jit=off,
    on N images, 2 by default, through a mnist_paths module on -X path= so
    the run stays short), scalar JIT (-X pie=off) and JIT with PIE (the
    default), each on the demo's default image count;
  - bench/run.py --chip and bench/run.py --layers (the benchmark tables).
Their raw output goes to DIR/charts-measured.json, then the charts are drawn
from it:
  DIR/pipeline.png     the inference pipeline's stages with their modelled
                       cycles per mode (log scale), the totals and ms at 360 MHz
  DIR/benchmarks.png   interpreter/JIT speedups of --chip and --layers, and
                       the layers' int8 MACs per modelled cycle
Drawing needs matplotlib; when the running python3 lacks it, the drawing
step runs under Debian's /usr/bin/python3 (python3-matplotlib, installed by
scripts/setup.sh).
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
MODES = [("interpreter", ["-X", "jit=off"]), ("scalar JIT", ["-X", "pie=off"]), ("JIT with PIE", [])]
SYSTEM_PYTHON = "/usr/bin/python3"
MISSING = ("bench/charts.py: matplotlib is missing (tried %s): "
           "install Debian's python3-matplotlib (sh scripts/setup.sh does)")


class ParseError(ValueError):
    pass


def ms360(cycles):
    """Milliseconds at 360 MHz, truncated to microseconds as examples/mnist.py prints them."""
    us = cycles // 360
    return "%d.%03d" % (us // 1000, us % 1000)


# --- parsing the real output formats ---------------------------------------

# examples/mnist.py: "  conv2d c1          112896     975471        0.11    2.709    2.438"
# (the MACs/cycle column is empty for layers without MACs)
LAYER_LINE = re.compile(r"^  (\S.*?)\s+(\d+)\s+(\d+)\s+(\d+\.\d+)?\s+(\d+\.\d+)\s+(\d+\.\d+)\s*$")


def parse_mnist(text):
    """examples/mnist.py's output: {"images": timed images, "stages": [(name, macs, cycles)],
    "total": (macs, cycles), "accuracy": text}."""
    m = re.search(r"^modelled cycles per image \(mean of (\d+) images\)$", text, re.M)
    if not m:
        raise ParseError("no 'modelled cycles per image' line in the mnist output")
    stages, total = [], None
    for line in text[m.end():].splitlines()[2:]:
        lm = LAYER_LINE.match(line)
        if not lm:
            if line.strip():
                raise ParseError("unexpected line in the mnist cycle table: %r" % line)
            continue
        row = (lm.group(1).strip(), int(lm.group(2)), int(lm.group(3)))
        if row[0] == "whole image":
            total = row[1:]
            break                    # the table ends here (the demo prints more after it)
        stages.append(row)
    if not stages or total is None:
        raise ParseError("the mnist cycle table has no layers or no 'whole image' line")
    acc = re.search(r"^accuracy (.*)$", text, re.M)
    return {"images": int(m.group(1)), "stages": stages, "total": total,
            "accuracy": acc.group(1) if acc else ""}


def parse_table(text):
    """The first Markdown table bench/run.py printed: a list of {column: text}."""
    rows = [l for l in text.splitlines() if l.startswith("|")]
    if len(rows) < 3 or not re.match(r"^\|(---\|)+$", rows[1]):
        raise ParseError("no Markdown table in the bench/run.py output")
    split = lambda l: [c.strip() for c in l.strip().strip("|").split("|")]
    head = split(rows[0])
    out = []
    for r in rows[2:]:
        cells = split(r)
        if len(cells) != len(head):
            raise ParseError("a table row has %d cells, the header %d: %r" % (len(cells), len(head), r))
        out.append(dict(zip(head, cells)))
    return out


def number(cell, what):
    try:
        return float(cell.rstrip("x").replace(",", ""))
    except ValueError:
        raise ParseError("%s: %r is not a number" % (what, cell)) from None


def chart_data(measured):
    """Everything the charts draw, from the raw outputs."""
    modes = [(name, parse_mnist(measured["mnist"][name])) for name, _ in MODES]
    names = [s[0] for s in modes[0][1]["stages"]]
    for name, m in modes:
        if [s[0] for s in m["stages"]] != names:
            raise ParseError("the %s run has other stages: %s" % (name, [s[0] for s in m["stages"]]))
    chip = [(r["benchmark"], number(r["speedup"], "--chip speedup"),
             number(r["kernel speedup 2nd call (p4sim cycles)"], "--chip kernel speedup")
             if r["kernel speedup 2nd call (p4sim cycles)"] else None)
            for r in parse_table(measured["chip"])]
    layers = [(r["layer"], number(r["speedup"], "--layers speedup"), number(r["MACs/cycle JIT"], "MACs/cycle"))
              for r in parse_table(measured["layers"])]
    return {"modes": modes, "stages": names, "chip": chip, "layers": layers}


# --- drawing ----------------------------------------------------------------

def draw(measured, out_dir):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import FancyBboxPatch

    data = chart_data(measured)
    colors = ["#b0b0b0", "#6a9fd4", "#d9622b"]
    written = []

    # 1. the pipeline: its stages as boxes (JIT with PIE), then cycles per stage and mode, then totals
    fig = plt.figure(figsize=(13, 8))
    grid = fig.add_gridspec(2, 2, height_ratios=[1, 2.3], width_ratios=[3.2, 1])
    flow = fig.add_subplot(grid[0, :])
    flow.set_axis_off()
    best = dict((s[0], s) for s in data["modes"][-1][1]["stages"])
    boxes = ["int8 image"] + data["stages"] + ["argmax"]
    width = 1.0 / len(boxes)
    for i, name in enumerate(boxes):
        x = i * width + 0.01
        flow.add_patch(FancyBboxPatch((x, 0.15), width - 0.03, 0.7, boxstyle="round,pad=0.01",
                                      fc="#fbe3d6" if name in best else "#eeeeee", ec="#444444"))
        label = name.replace(" (", "\n(")
        if name in best:
            _, macs, cycles = best[name]
            label += "\n%s cycles\n%s ms" % (format(cycles, ","), ms360(cycles))
            if macs:
                label += "\n%.2f MACs/cycle" % (macs / cycles)
        flow.text(x + (width - 0.03) / 2, 0.5, label, ha="center", va="center", fontsize=8)
        if i + 1 < len(boxes):
            flow.annotate("", xy=(x + width - 0.005, 0.5), xytext=(x + width - 0.025, 0.5),
                          arrowprops=dict(arrowstyle="->"))
    flow.set_xlim(0, 1)
    flow.set_ylim(0, 1)
    pie = data["modes"][-1][1]
    flow.set_title("The inference pipeline on p4sim, JIT with PIE: %s cycles per image = %s ms at 360 MHz "
                   "(mean of %d images)" % (format(pie["total"][1], ","), ms360(pie["total"][1]), pie["images"]),
                   fontsize=10)

    ax = fig.add_subplot(grid[1, 0])
    n = len(data["modes"])
    bar = 0.8 / n
    for k, (mode, m) in enumerate(data["modes"]):
        xs = [i + (k - (n - 1) / 2) * bar for i in range(len(data["stages"]))]
        ys = [s[2] for s in m["stages"]]
        ax.bar(xs, ys, bar, color=colors[k % len(colors)],
               label="%s (mean of %d image%s)" % (mode, m["images"], "" if m["images"] == 1 else "s"))
        for x, y in zip(xs, ys):
            ax.text(x, y * 1.15, "%.3g" % y, ha="center", va="bottom", fontsize=6.5, rotation=90)
    ax.set_yscale("log")
    ax.set_ylim(top=ax.get_ylim()[1] * 20)
    ax.set_xticks(range(len(data["stages"])))
    ax.set_xticklabels([s.replace(" (", "\n(") for s in data["stages"]], fontsize=8)
    ax.set_ylabel("modelled cycles per image (log scale)")
    ax.set_title("Each stage, per mode (examples/mnist.py, p4sim)", fontsize=10)
    ax.legend(fontsize=8, loc="upper right")
    ax.grid(axis="y", which="major", alpha=0.3)

    tot = fig.add_subplot(grid[1, 1])
    ys = [m["total"][1] for _, m in data["modes"]]
    tot.bar(range(n), ys, 0.6, color=colors[:n])
    for i, y in enumerate(ys):
        faster = "" if i == 0 else "\n%.0fx faster" % (ys[0] / y)
        tot.text(i, y * 1.15, "%s\n%s ms%s" % (format(y, ","), ms360(y), faster), ha="center", va="bottom",
                 fontsize=7.5)
    tot.set_yscale("log")
    # bars on a log axis start at its bottom: one decade below the smallest, so the ratios read true
    tot.set_ylim(min(ys) / 10, max(ys) * 30)
    tot.set_xticks(range(n))
    tot.set_xticklabels([mode.replace(" ", "\n", 1) for mode, _ in data["modes"]], fontsize=8)
    tot.set_ylabel("modelled cycles per image (log scale)")
    tot.set_title("Whole image: ms at 360 MHz,\nspeedup over the interpreter", fontsize=10)
    tot.grid(axis="y", which="major", alpha=0.3)
    fig.tight_layout()
    path = os.path.join(out_dir, "pipeline.png")
    fig.savefig(path, dpi=90)
    plt.close(fig)
    written.append(path)

    # 2. the benchmark tables as bars
    fig, axes = plt.subplots(1, 3, figsize=(15, 5.2), gridspec_kw={"width_ratios": [1.1, 1.3, 1.3]})
    ax = axes[0]
    names = [c[0] for c in data["chip"]]
    ax.bar([i - 0.2 for i in range(len(names))], [c[1] for c in data["chip"]], 0.4, color=colors[1],
           label="whole program, compile included")
    kern = [(i, c[2]) for i, c in enumerate(data["chip"]) if c[2] is not None]
    ax.bar([i + 0.2 for i, _ in kern], [k for _, k in kern], 0.4, color=colors[2], label="kernel, 2nd call")
    for i, c in enumerate(data["chip"]):
        ax.text(i - 0.2, c[1] * 1.1, "%.1fx" % c[1], ha="center", va="bottom", fontsize=7, rotation=90)
        if c[2] is not None:
            ax.text(i + 0.2, c[2] * 1.1, "%.1fx" % c[2], ha="center", va="bottom", fontsize=7, rotation=90)
    ax.set_yscale("log")
    ax.set_ylim(1, ax.get_ylim()[1] * 8)
    ax.set_xticks(range(len(names)))
    ax.set_xticklabels(names, rotation=35, ha="right", rotation_mode="anchor", fontsize=8)
    ax.set_ylabel("interpreter / JIT, p4sim modelled cycles (log scale)")
    ax.set_title("bench/run.py --chip: speedup on p4sim", fontsize=10)
    ax.legend(fontsize=8, loc="upper left")

    names = [l[0] for l in data["layers"]]
    ax = axes[1]
    ax.bar(range(len(names)), [l[1] for l in data["layers"]], 0.6, color=colors[1])
    for i, l in enumerate(data["layers"]):
        ax.text(i, l[1] * 1.02, "%.1fx" % l[1], ha="center", va="bottom", fontsize=7)
    ax.set_xticks(range(len(names)))
    ax.set_xticklabels(names, rotation=35, ha="right", rotation_mode="anchor", fontsize=8)
    ax.set_ylabel("interpreter / JIT, p4sim modelled cycles")
    ax.set_title("bench/run.py --layers: speedup, 2nd call", fontsize=10)

    ax = axes[2]
    ax.bar(range(len(names)), [l[2] for l in data["layers"]], 0.6, color=colors[2])
    for i, l in enumerate(data["layers"]):
        ax.text(i, l[2] * 1.02, "%.2f" % l[2], ha="center", va="bottom", fontsize=7)
    ax.set_xticks(range(len(names)))
    ax.set_xticklabels(names, rotation=35, ha="right", rotation_mode="anchor", fontsize=8)
    ax.set_ylabel("int8 MACs per modelled cycle, JIT")
    ax.set_title("bench/run.py --layers: MACs per cycle", fontsize=10)
    fig.tight_layout()
    path = os.path.join(out_dir, "benchmarks.png")
    fig.savefig(path, dpi=90)
    plt.close(fig)
    written.append(path)
    return written


def draw_anywhere(measured_path, out_dir):
    """Draws in this interpreter if it has matplotlib, else under /usr/bin/python3."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        if os.path.realpath(sys.executable) == os.path.realpath(SYSTEM_PYTHON) or not os.path.exists(SYSTEM_PYTHON):
            raise SystemExit(MISSING % " and ".join(sorted({sys.executable, SYSTEM_PYTHON})))
        p = subprocess.run([SYSTEM_PYTHON, os.path.abspath(__file__), "--draw", measured_path, "--out", out_dir])
        if p.returncode:
            raise SystemExit("bench/charts.py: drawing under %s failed (status %d)" % (SYSTEM_PYTHON, p.returncode))
        return
    with open(measured_path) as f:
        measured = json.load(f)
    for path in draw(measured, out_dir):
        print("wrote", path)


# --- measuring ----------------------------------------------------------------

def run(cmd, what):
    p = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=3600)
    if p.returncode:
        raise SystemExit("bench/charts.py: %s failed (status %d):\n%s" % (what, p.returncode, p.stderr))
    return p.stdout


def measure_mnist(p4jit, interp_images):
    """examples/mnist.py's output in each of MODES: {mode: text} (also scripts/mnist_modes.py)."""
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "mnist_paths.py"), "w") as f:
            f.write('MODEL = "models/cnn_mnist.p4nn"\nIMAGES = "models/mnist_test1000-images.idx"\n'
                    'LABELS = "models/mnist_test1000-labels.idx"\nCOUNT = %d\n' % interp_images)
        for name, opts in MODES:
            extra = ["-X", "path=" + tmp] if name == "interpreter" else []
            cmd = [p4jit, "run", "--on", "p4sim"] + opts + extra + ["examples/mnist.py"]
            print("running", " ".join(cmd), file=sys.stderr, flush=True)
            out[name] = run(cmd, "examples/mnist.py (%s)" % name)
    return out


def measure(p4jit, interp_images):
    measured = {"mnist": measure_mnist(p4jit, interp_images)}
    for which in ("chip", "layers"):
        cmd = [sys.executable, os.path.join(HERE, "run.py"), "--p4jit", p4jit, "--" + which]
        print("running", " ".join(cmd), file=sys.stderr, flush=True)
        measured[which] = run(cmd, "bench/run.py --" + which)
    return measured


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--p4jit", help="measure with this p4jit, then draw")
    ap.add_argument("--draw", metavar="JSON", help="only draw, from a charts-measured.json")
    ap.add_argument("--out", required=True, help="directory of the PNGs (and charts-measured.json)")
    ap.add_argument("--images", type=int, default=2, help="images of the interpreted MNIST run (default 2)")
    args = ap.parse_args()
    if bool(args.p4jit) == bool(args.draw):
        ap.error("give one of --p4jit and --draw")
    if args.images < 2:
        ap.error("--images: at least 2 (the first image pays for compiling and is not timed)")
    os.makedirs(args.out, exist_ok=True)
    if args.draw:
        draw_anywhere(os.path.abspath(args.draw), args.out)
        return 0
    measured = measure(os.path.abspath(args.p4jit), args.images)
    chart_data(measured)  # fail on unparsable output before writing anything
    path = os.path.join(args.out, "charts-measured.json")
    with open(path, "w") as f:
        json.dump(measured, f, indent=1)
    print("wrote", path)
    draw_anywhere(os.path.abspath(path), args.out)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except ParseError as e:
        sys.exit("bench/charts.py: " + str(e))
