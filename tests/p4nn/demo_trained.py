#!/usr/bin/env python3
"""examples/mnist.py as the README runs it (p4jit run --on p4sim, from the
repository's root: the committed models/cnn_mnist.p4nn on the first 100
images of the committed MNIST subset), its figures checked against issue
13's targets: accuracy (the subset's is 99 of 100; at least MIN_CORRECT),
the whole image at most 1.0 M modelled cycles (2.8 ms at 360 MHz), the
requantize/pool/pad share below 20%, and the memory limits line all True
(activations <= 64 KB, weights <= 256 KB, compiled code <= 16 KB); the
int8/float top-1 agreement (the float classes from the committed file) at
least MIN_AGREE of 100 (the issue's 99.9% is on 10,000 images: 100 here);
and the summary block repeating these figures (the same numbers as above).

    demo_trained.py P4JIT REPO [RUN OPTION]...
"""
import re
import subprocess
import sys

MIN_CORRECT = 98
MAX_CYCLES = 1000000
MIN_AGREE = 99


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
    agree = re.search(r"^int8/float agreement (\d+) / (\d+) = ", r.stdout, re.M)
    memory = re.search(r"^memory: activation buffers (\d+) bytes.*compiled code (\d+) bytes", r.stdout, re.M)
    summary = re.search(r"^summary:\n  accuracy +(\S+) % of (\d+) images; int8/float top-1 agreement (\S+) %.*\n"
                        r"  time +([\d,]+) cycles an image = (\S+) ms at 360 MHz.*\n"
                        r"  code +([\d,]+) bytes compiled.*\n"
                        r"  memory +activations ([\d,]+) B", r.stdout, re.M)
    if r.returncode != 0 or not (acc and whole and share and limits and agree and memory and summary):
        fails.append("the demo did not print its figures (status %d)" % r.returncode)
    else:
        if int(acc.group(2)) != 100 or int(acc.group(1)) < MIN_CORRECT:
            fails.append("accuracy %s / %s (want >= %d / 100)" % (acc.group(1), acc.group(2), MIN_CORRECT))
        if int(whole.group(1)) > MAX_CYCLES:
            fails.append("whole image %s cycles (want <= %d)" % (whole.group(1), MAX_CYCLES))
        if int(share.group(1)) >= 20:
            fails.append("requantize, pool and pad %s.%s %% (want < 20 %%)" % share.groups())
        if int(agree.group(2)) != 100 or int(agree.group(1)) < MIN_AGREE:
            fails.append("int8/float agreement %s / %s (want >= %d / 100)" % (agree.group(1), agree.group(2), MIN_AGREE))
        num = lambda t: int(t.replace(",", ""))
        want = ("%d.000" % int(acc.group(1)), "100", "%d.000" % int(agree.group(1)), whole.group(1),
                memory.group(2), memory.group(1))
        got = (summary.group(1), summary.group(2), summary.group(3), str(num(summary.group(4))),
               str(num(summary.group(6))), str(num(summary.group(7))))
        if got != want:
            fails.append("the summary %r does not repeat the figures above %r" % (got, want))
        us = int(whole.group(1)) // 360
        if summary.group(5) != "%d.%03d" % (us // 1000, us % 1000):
            fails.append("the summary's %s ms is not %s cycles at 360 MHz" % (summary.group(5), whole.group(1)))
        verdicts = re.findall(r": (True|False)", limits.group(1))
        if len(verdicts) != 3 or "False" in verdicts:
            fails.append("memory limits: " + limits.group(1))
    if fails:
        print("FAIL: " + "; ".join(fails))
        return 1
    print("ok: %s / 100 correct, agreement %s / 100, %s cycles an image, limits %s"
          % (acc.group(1), agree.group(1), whole.group(1), limits.group(1)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
