#!/usr/bin/env python3
"""scripts/mnist_modes.py's side-by-side table on bench/charts.py's canned
sample of examples/mnist.py's real output in its three modes
(charts_sample.json): every layer's cycles of each mode, the whole image's,
milliseconds, speedups, and a clear error when the runs' layers differ."""
import json
import os
import sys

from checks import check, failures  # (tests/bench/checks.py: bench/ and scripts/ on the path)
import mnist_modes  # noqa: E402
import charts  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))

with open(os.path.join(HERE, "charts_sample.json")) as f:
    outputs = json.load(f)["mnist"]
lines = mnist_modes.table(outputs)
print("\n".join(lines))
rows = dict((l[2:20].strip(), l.split()) for l in lines[2:9])
modes = [charts.parse_mnist(outputs[name]) for name, _ in charts.MODES]
check(list(rows) == ["conv2d c1", "maxpool2 (in c1)", "conv2d c2", "maxpool2 (in c2)", "dense f1", "dense f2",
                     "whole image"], "rows %s" % list(rows))
for k, (name, macs, _) in enumerate(modes[0]["stages"]):
    cells = rows[name][-6 if macs else -5:]
    want = [format(m["stages"][k][2], ",") for m in modes]
    check(cells[:3] == want, "%s: cycles %s, the runs %s" % (name, cells[:3], want))
whole = rows["whole image"]
check(whole[3:6] == [format(m["total"][1], ",") for m in modes], "whole image %s" % whole)
check(whole[-2] == charts.ms360(modes[2]["total"][1]), "ms at 360 MHz %s" % whole[-2])
t = [m["total"][1] for m in modes]
check("scalar JIT %.0fx, JIT with PIE %.0fx" % (t[0] / t[1], t[0] / t[2]) in lines[10], "speedups: %s" % lines[10])
# runs of other models cannot share a table
other = dict(outputs)
other["scalar JIT"] = other["scalar JIT"].replace("dense f2", "dense f9")
try:
    mnist_modes.table(other)
    check(False, "layers that differ between the runs were accepted")
except charts.ParseError as e:
    check("other stages" in str(e), "error %s" % e)
print("%d passed, %d failed" % (1 if not failures else 0, 1 if failures else 0))
sys.exit(1 if failures else 0)
