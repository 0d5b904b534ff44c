#!/usr/bin/env python3
"""bench/charts.py on a canned sample of real output (charts_sample.json: the
raw output of examples/mnist.py in its three modes and of bench/run.py --chip
and --layers, trimmed to a few rows): the parsed numbers, the PNGs it draws,
and clear errors for output it cannot read. Fails, never skips, when no
python3 with matplotlib is found (scripts/setup.sh installs python3-matplotlib)."""
import json
import os
import struct
import subprocess
import sys
import tempfile

from checks import ROOT, check, failures  # (tests/bench/checks.py: bench/ on the path)
import charts  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
CHARTS = os.path.join(ROOT, "bench", "charts.py")

with open(os.path.join(HERE, "charts_sample.json")) as f:
    sample = json.load(f)

# parsing: the numbers as the sample prints them
data = charts.chart_data(sample)
check(data["stages"] == ["conv2d c1", "maxpool2 (in c1)", "conv2d c2", "maxpool2 (in c2)", "dense f1", "dense f2"],
      "stage names %s" % data["stages"])
modes = dict(data["modes"])
check([m for m, _ in data["modes"]] == ["interpreter", "scalar JIT", "JIT with PIE"], "mode order")
check(modes["interpreter"]["images"] == 1 and modes["scalar JIT"]["images"] == 2 and modes["JIT with PIE"]["images"] == 99, "timed image counts")
check(modes["interpreter"]["total"] == (1218048, 670431845), "interpreter total %s" % (modes["interpreter"]["total"],))
check(modes["JIT with PIE"]["stages"][0] == ("conv2d c1", 112896, 976472), "PIE c1 %s" % (modes["JIT with PIE"]["stages"][0],))
check(modes["scalar JIT"]["stages"][5] == ("dense f2", 1280, 16813), "scalar f2 %s" % (modes["scalar JIT"]["stages"][5],))
for name, m in data["modes"]:
    # the charts' milliseconds are those the program printed
    whole = [l for l in sample["mnist"][name].splitlines() if l.startswith("  whole image")][0]
    check(whole.split()[-2] == charts.ms360(m["total"][1]), "%s: %s ms, the program %s" % (
        name, charts.ms360(m["total"][1]), whole.split()[-2]))
    # the stages are timed inside the whole image: their sum cannot exceed it
    check(sum(s[2] for s in m["stages"]) <= m["total"][1], "%s: stages sum above the whole image" % name)
check(data["chip"] == [("matmul", 8.2, 473.7), ("conv2d", 28.5, 325.6), ("fib", 21.9, None)], "chip %s" % data["chip"])
check(data["layers"] == [("dense_64_10", 109.1, 0.24), ("conv_28x28_1_8", 68.1, 0.03), ("matmul_64", 626.9, 1.16)],
      "layers %s" % data["layers"])


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


with tempfile.TemporaryDirectory() as tmp:
    # drawing: the script itself, under this python3 (it finds matplotlib where it is)
    path = os.path.join(tmp, "sample.json")
    with open(path, "w") as f:
        json.dump(sample, f)
    p = subprocess.run([sys.executable, CHARTS, "--draw", path, "--out", tmp], capture_output=True, text=True)
    if p.returncode:
        print(p.stdout + p.stderr)
        failures.append("drawing failed: " + (p.stderr.strip().splitlines() or ["?"])[-1])
    else:
        for png, size in (("pipeline.png", (1170, 720)), ("benchmarks.png", (1350, 468))):
            got = png_size(os.path.join(tmp, png))
            check(got == size, "%s: PNG of %s pixels, expected %s" % (png, got, size))

    # output it cannot read: a clear message, no traceback
    broken = dict(sample, mnist=dict(sample["mnist"]))
    broken["mnist"]["scalar JIT"] = broken["mnist"]["scalar JIT"].replace(" 1188659 ", " 1188659 cycles ")
    bad_tables = dict(sample, layers=sample["layers"].replace("| 0.24 |", "| n/a |"))
    cut = dict(sample, mnist=dict(sample["mnist"]))
    cut["mnist"]["interpreter"] = cut["mnist"]["interpreter"].split("modelled cycles")[0]
    check(broken != sample and bad_tables != sample and cut != sample, "the sample changed: the damage found nothing")
    for what, bad, message in (("a garbled layer line", broken, "unexpected line in the mnist cycle table"),
                               ("a table cell that is no number", bad_tables, "is not a number"),
                               ("a run without its cycle table", cut, "no 'modelled cycles per image' line")):
        path = os.path.join(tmp, "bad.json")
        with open(path, "w") as f:
            json.dump(bad, f)
        p = subprocess.run([sys.executable, CHARTS, "--draw", path, "--out", tmp], capture_output=True, text=True)
        check(p.returncode != 0 and message in p.stderr and "Traceback" not in p.stderr,
              "%s: status %d, stderr %r" % (what, p.returncode, p.stderr[-300:]))

if failures:
    print("%d failures" % len(failures))
    sys.exit(1)
print("bench/charts.py: parsing, drawing and errors as expected")
