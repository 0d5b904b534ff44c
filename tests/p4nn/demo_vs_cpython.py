#!/usr/bin/env python3
"""examples/mnist.py under P4JIT against CPython: a random-weight model
(lib/p4nn/tools/p4nn_write.py) on IDX files of random images and labels
written here; the model line, accuracy and confusion matrix (everything but
the cycles) must be the same, which also checks the IDX reader and the whole
model end to end (interpreted, scalar JIT, JIT with PIE).

    demo_vs_cpython.py P4JIT [RUN OPTION]...
"""
import os
import random
import struct
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "lib", "p4nn", "tools"))
import p4nn_write  # noqa: E402

COUNT = 6


def main():
    p4jit, opts = os.path.abspath(sys.argv[1]), sys.argv[2:]
    rng = random.Random(5)
    with tempfile.TemporaryDirectory() as tmp:
        model = os.path.join(tmp, "m.p4nn")
        p4nn_write.write(model, p4nn_write.random_model(p4nn_write.GRAPHS["mnist"], 21))
        images, labels = os.path.join(tmp, "img.idx"), os.path.join(tmp, "lab.idx")
        with open(images, "wb") as f:
            f.write(struct.pack(">IIII", 0x803, COUNT, 28, 28) + bytes(rng.randrange(256) for _ in range(COUNT * 784)))
        with open(labels, "wb") as f:
            f.write(struct.pack(">II", 0x801, COUNT) + bytes(rng.randrange(10) for _ in range(COUNT)))
        with open(os.path.join(tmp, "mnist_paths.py"), "w") as f:
            f.write("MODEL = %r\nIMAGES = %r\nLABELS = %r\nCOUNT = %d\n" % (model, images, labels, COUNT))
        demo = os.path.join(ROOT, "examples", "mnist.py")
        env = dict(os.environ, PYTHONPATH=":".join([tmp, os.path.join(ROOT, "lib", "p4nn"), os.path.join(ROOT, "lib", "python")]))
        want = subprocess.run([sys.executable, demo], capture_output=True, text=True, env=env, timeout=300)
        got = subprocess.run([p4jit, "run"] + opts + ["-X", "path=" + tmp, demo], capture_output=True, text=True,
                             timeout=1200)
        if want.returncode or got.returncode:
            raise SystemExit("FAIL: status %d/%d\n%s%s" % (want.returncode, got.returncode, got.stdout, got.stderr))
        w = want.stdout.split("modelled cycles")[0]
        g = got.stdout.split("modelled cycles")[0]
        if w != g or "accuracy" not in w:
            raise SystemExit("FAIL: P4JIT printed\n%s\nCPython printed\n%s" % (g, w))
        print("ok:", w.splitlines()[1])


if __name__ == "__main__":
    main()
