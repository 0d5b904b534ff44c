#!/usr/bin/env python3
"""Whole models of every layer kind, P4JIT against CPython: random graphs
(conv2d 3x3/1x1, stride 1/2, pad same/valid, with and without ReLU and a
following max-pool, depthwise, average and max pooling, requant=0 + gap,
dense with and without ReLU) with random weights (lib/p4nn/tools), loaded
from .p4nn files and run on a few inputs; the logits must be equal.

    graphs_vs_cpython.py P4JIT [RUN OPTION]...
"""
import os
import random
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "lib", "p4nn", "tools"))
import p4nn_write  # noqa: E402

MODELS = 20

PROGRAM = """import p4nn
from array import array
f = open("models.txt", "rb")
names = f.read().decode().split()
f.close()
for name in names:
    m = p4nn.load(name)
    print(name, "shift form", len([L for L in m["layers"] if "sform" in L and L["sform"] > 0]))
    n = m["h"] * m["w"] * m["c"]
    for s in range(3):
        x = array("b", bytes(n))
        for i in range(n):
            x[i] = (i * 37 + s * 101) % 256 - 128
        print(name, s, list(p4nn.run(m, x, None)))
"""


def random_graph(rng, i):
    """Model i's first layer goes through conv2d and dwconv2d x k 3, 1 x
    stride 1, 2 in turn; the rest is random."""
    h, w, c = rng.randint(5, 12), rng.randint(5, 12), rng.choice([1, 2, 3, 5, 8, 16, 17])
    lines = ["input h=%d w=%d c=%d" % (h, w, c)]
    for k in range(rng.randint(1, 3)):
        kind = rng.choice(["conv2d", "conv2d", "dwconv2d"])
        K = rng.choice([1, 3])
        stride = rng.choice([1, 2]) if min(h, w) > 4 else 1
        if k == 0:
            kind, K, stride = ("conv2d", "dwconv2d")[i // 4 % 2], (3, 1)[i % 2], (1, 2)[i // 2 % 2]
        pad = rng.choice([0, K // 2])
        if (h + 2 * pad - K) // stride + 1 < 1 or (w + 2 * pad - K) // stride + 1 < 1:
            pad = K // 2
        relu = rng.randint(0, 1)
        if kind == "conv2d":
            F = rng.choice([1, 3, 8, 16, 20])
            lines.append("conv2d name=l%d k=%d stride=%d pad=%d out=%d relu=%d" % (k, K, stride, pad, F, relu))
            c = F
        else:
            lines.append("dwconv2d name=l%d k=%d stride=%d pad=%d relu=%d" % (k, K, stride, pad, relu))
        h, w = (h + 2 * pad - K) // stride + 1, (w + 2 * pad - K) // stride + 1
        if h >= 2 and w >= 2 and rng.random() < 0.6:
            lines.append(rng.choice(["maxpool2", "avgpool2"]))
            h, w = h // 2, w // 2
    if rng.random() < 0.4:
        lines.append("conv2d name=g0 k=3 stride=1 pad=1 out=%d relu=1 requant=0" % rng.choice([4, 16]))
        lines.append("gap name=gp")
    elif rng.random() < 0.5:
        lines.append("dense name=d0 out=%d relu=%d" % (rng.choice([1, 7, 16, 33]), rng.randint(0, 1)))
    lines.append("dense name=out out=%d logits=1" % rng.choice([2, 10]))
    return "\n".join(lines) + "\n"


def main():
    p4jit, opts = os.path.abspath(sys.argv[1]), sys.argv[2:]
    rng = random.Random(2024)
    with tempfile.TemporaryDirectory() as tmp:
        names = []
        for i in range(MODELS):
            name = "m%d.p4nn" % i
            p4nn_write.write(os.path.join(tmp, name), p4nn_write.random_model(random_graph(rng, i), i, 0.5))
            names.append(name)
        with open(os.path.join(tmp, "models.txt"), "w") as f:
            f.write("\n".join(names) + "\n")
        with open(os.path.join(tmp, "graphs.py"), "w") as f:
            f.write(PROGRAM)
        env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "lib", "p4nn") + ":" + os.path.join(ROOT, "lib", "python"))
        want = subprocess.run([sys.executable, "graphs.py"], cwd=tmp, capture_output=True, text=True, env=env,
                              timeout=600)
        got = subprocess.run([p4jit, "run"] + opts + ["graphs.py"], cwd=tmp, capture_output=True, text=True,
                             timeout=1200)
        if want.returncode or got.returncode or want.stdout != got.stdout or len(want.stdout.splitlines()) != 4 * MODELS:
            for n in names:
                print(n, open(os.path.join(tmp, n), "rb").read()[:0])
            raise SystemExit("FAIL: status %d/%d\nP4JIT:\n%s%s\nCPython:\n%s%s" % (
                got.returncode, want.returncode, got.stdout[-3000:], got.stderr[-3000:], want.stdout[-3000:],
                want.stderr[-2000:]))
        forms = sum(int(ln.split()[-1]) for ln in got.stdout.splitlines() if " shift form " in ln)
        if forms < 3:
            raise SystemExit("FAIL: only %d layers in the shift form (p4nn's PIE requantization)" % forms)
        print("ok: %d random models (%d layers in the shift form), %d logit vectors equal" % (MODELS, forms, 3 * MODELS))


if __name__ == "__main__":
    main()
