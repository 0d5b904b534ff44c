#!/usr/bin/env python3
"""Runs bitexact.py (the device's logits against the host integer model's)
with the committed model and test files: p4jit run [OPTS] with a
bitexact_paths module on -X path=; passes when no image's logits differ and
the device's accuracy is the host's.

  run.py P4JIT REPO COUNT [--model NAME --images PREFIX] [--shift-passes N]
         [--form F] [--budget CODE ACT] [p4jit run options...]

Default: models/cnn_mnist.p4nn on models/mnist_test1000-*.idx; with --model
and --images: models/NAME.p4nn on models/PREFIX-{images,labels}.idx against
models/NAME_PREFIX-logits.idx (lib/p4nn/host/write_logits.py writes it).
--shift-passes N: p4nn.SHIFT_PASSES = N, the int16 route off (SHIFT16), and
fails unless some layer runs the passes (form -1). --form F: fails unless
some layer's requantization form is F (-2: the int16 route, requant16).
--budget CODE ACT: also fails when the compiled code an inference runs
(p4nn.code_bytes(), with the JIT) is over CODE bytes, or the activation
buffers over ACT (the issue's 16 KB and 64 KB).
"""
import os
import re
import subprocess
import sys
import tempfile


def main():
    p4jit, repo, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    opts = sys.argv[4:]
    name, prefix, logits = "cnn_mnist", "mnist_test1000", "mnist_test1000-logits.idx"
    if opts[:1] == ["--model"] and opts[2:3] == ["--images"]:
        name, prefix = opts[1], opts[3]
        logits = "%s_%s-logits.idx" % (name, prefix)
        opts = opts[4:]
    passes = ""
    if opts[:1] == ["--shift-passes"]:
        passes = "SHIFT_PASSES = %d\nSHIFT16 = False\n" % int(opts[1])
        opts = opts[2:]
    form = None
    if opts[:1] == ["--form"]:
        form = opts[1]
        opts = opts[2:]
    budget = None
    if opts[:1] == ["--budget"]:
        budget = (int(opts[1]), int(opts[2]))
        opts = opts[3:]
    models = os.path.join(repo, "models")
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "bitexact_paths.py"), "w") as fh:
            fh.write("MODEL = %r\nIMAGES = %r\nLABELS = %r\nLOGITS = %r\nCOUNT = %d\n" % (
                os.path.join(models, name + ".p4nn"),
                os.path.join(models, prefix + "-images.idx"),
                os.path.join(models, prefix + "-labels.idx"),
                os.path.join(models, logits), count) + passes)
        lib = os.path.join(repo, "lib", "p4nn")
        cmd = [p4jit, "run"] + opts + ["-X", "path=%s:%s" % (tmp, lib),
                                       os.path.join(repo, "tests", "p4nn", "bitexact", "bitexact.py")]
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=1200)
    sys.stdout.write(r.stdout)
    sys.stderr.write(r.stderr)
    m = re.search(r"^images (\d+) differing (\d+) correct (\d+) host correct (\d+)$", r.stdout, re.M)
    if r.returncode != 0 or not m:
        print("FAIL: the run did not finish (status %d)" % r.returncode)
        return 1
    n, differ, correct, host = map(int, m.groups())
    forms = re.search(r"^forms (.*)$", r.stdout, re.M)
    if passes and (not forms or "-1" not in forms.group(1).split()):
        print("FAIL: --shift-passes given, but no layer requantized in passes (forms: %s)"
              % (forms.group(1) if forms else "none"))
        return 1
    if form is not None and (not forms or form not in forms.group(1).split()):
        print("FAIL: no layer requantized in form %s (forms: %s)" % (form, forms.group(1) if forms else "none"))
        return 1
    if n != count or differ != 0 or correct != host:
        print("FAIL: %d of %d images' logits differ from the host's; %d correct against the host's %d"
              % (differ, n, correct, host))
        return 1
    if budget:
        mem = re.search(r"^code (\d+) at load (\d+) activations (\d+)$", r.stdout, re.M)
        if not mem:
            print("FAIL: no memory line")
            return 1
        code, load, act = map(int, mem.groups())
        if "jit=off" not in " ".join(opts) and code == 0:
            print("FAIL: no compiled code counted (p4nn.code_bytes() is 0)")
            return 1
        if code > budget[0] or act > budget[1]:
            print("FAIL: compiled code %d bytes (budget %d), activation buffers %d bytes (budget %d)"
                  % (code, budget[0], act, budget[1]))
            return 1
        print("budget: compiled code %d <= %d bytes (%d more at load), activations %d <= %d bytes"
              % (code, budget[0], load, act, budget[1]))
    print("ok: %d images, logits equal to the host integer model's, %d correct (%.1f%%)" % (n, correct, 100.0 * correct / n))
    return 0


if __name__ == "__main__":
    sys.exit(main())
