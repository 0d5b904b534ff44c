#!/usr/bin/env python3
"""examples/mnist.py as the README runs it (p4jit run --on p4sim, from the
repository's root: the committed models/cnn_mnist.p4nn on the first 100
images of the committed MNIST subset), its figures checked against issue
13's targets: accuracy (the subset's is 99 of 100; at least MIN_CORRECT),
the whole image at most 1.0 M modelled cycles (2.8 ms at 360 MHz), the
requantize/pool/pad share below 20%, and the memory limits line all True
(activations <= 64 KB, weights <= 256 KB, compiled code <= 16 KB).

    demo_trained.py P4JIT REPO [RUN OPTION]...
"""
import re
import subprocess
import sys

MIN_CORRECT = 98
MAX_CYCLES = 1000000


def main():
    p4jit, repo, opts = sys.argv[1], sys.argv[2], sys.argv[3:]
    r = subprocess.run([p4jit, "run"] + opts + ["examples/mnist.py"], cwd=repo, capture_output=True, text=True,
                       timeout=600)
    sys.stdout.write(r.stdout)
    sys.stderr.write(r.stderr)
    fails = []
    acc = re.search(r"^accuracy (\d+) / (\d+) = ", r.stdout, re.M)
    whole = re.search(r"^  whole image\s+\d+\s+(\d+)\s", r.stdout, re.M)
    share = re.search(r"^  requantize, pool and pad: (\d+)\.(\d) % of", r.stdout, re.M)
    limits = re.search(r"^limits \(issue 13\): (.*)$", r.stdout, re.M)
    if r.returncode != 0 or not (acc and whole and share and limits):
        fails.append("the demo did not print its figures (status %d)" % r.returncode)
    else:
        if int(acc.group(2)) != 100 or int(acc.group(1)) < MIN_CORRECT:
            fails.append("accuracy %s / %s (want >= %d / 100)" % (acc.group(1), acc.group(2), MIN_CORRECT))
        if int(whole.group(1)) > MAX_CYCLES:
            fails.append("whole image %s cycles (want <= %d)" % (whole.group(1), MAX_CYCLES))
        if int(share.group(1)) >= 20:
            fails.append("requantize, pool and pad %s.%s %% (want < 20 %%)" % share.groups())
        verdicts = re.findall(r": (True|False)", limits.group(1))
        if len(verdicts) != 3 or "False" in verdicts:
            fails.append("memory limits: " + limits.group(1))
    if fails:
        print("FAIL: " + "; ".join(fails))
        return 1
    print("ok: %s / 100 correct, %s cycles an image, limits %s" % (acc.group(1), whole.group(1), limits.group(1)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
