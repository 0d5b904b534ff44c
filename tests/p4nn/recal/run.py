#!/usr/bin/env python3
"""examples/recalibrate_fashion.py end to end (docs/p4nn.md, "Recalibration on the device").

Runs the demo on the committed Fashion-MNIST files (models/make_recal.py) with a
recal_paths module on -X path=, once interpreted on the host (-X jit=off) and once
with the p4jit run options given (e.g. --on p4sim), optionally also under CPython
(--cpython: the same program with Python's unbounded ints, so an int32 overflow
anywhere would show as a difference). Passes when
  - the runs print the same accuracies, peaks and parameters (cycles aside);
  - every recalibrated layer's pre/mult/shift are in the contract's ranges and
    satisfy its int32 guarantee ((B >> pre) + 1) * mult + 2**(shift-1) < 2**31,
    B = |bias| + 128 * sum |w| per channel (weights from the model file);
  - accuracy after recalibration exceeds accuracy before by MARGIN points;
  - with --intmodel PYTHON (a Python with numpy): the host integer model
    (lib/p4nn/host/intmodel.py) with the printed parameters gives the same
    correct count and the same first logits (intmodel_check.py).
--model FILE (in models/) picks the model: cnn_fashion_offcal.p4nn by default;
convgap_fashion_offcal.p4nn has a requant=0 conv and a global average pool,
whose guarantee bound is H*W * (|bias| + 128 * sum |w|) of that conv.

  run.py P4JIT REPO CAL_COUNT TEST_COUNT MARGIN [--cpython] [--model FILE]
         [--intmodel PYTHON] [p4jit run options...]
"""
import os
import re
import subprocess
import sys
import tempfile

MODEL = "cnn_fashion_offcal.p4nn"


def run(cmd, env=None):
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=1500, env=env)
    if r.returncode != 0:
        sys.stdout.write(r.stdout)
        sys.stderr.write(r.stderr)
        raise SystemExit("FAIL: %s exited with %d" % (" ".join(cmd[:3]), r.returncode))
    return [ln for ln in r.stdout.splitlines() if not ln.startswith("modelled cycles")]


def gap_size(tensors, name):
    """H * W of the gap layer `name` (its input), from the model file's graph."""
    import p4nn
    for L in p4nn.build(tensors)["layers"]:
        if L["kind"] == "gap" and L["name"] == name:
            return L["h"] * L["w"]
    raise SystemExit("FAIL: no gap layer %s in the model" % name)


def check_guarantee(repo, lines):
    sys.path[:0] = [os.path.join(repo, "lib", "p4nn"), os.path.join(repo, "lib", "python")]
    import p4nn_model
    tensors = p4nn_model.load(os.path.join(repo, "models", MODEL))
    checked = 0
    int32_bias = None                          # the last requant=0 conv's printed bias (for its gap)
    for ln in lines:
        m = re.match(r"^layer (\S+) bias \[(.*)\]$", ln)
        if m:
            int32_bias = (m.group(1), [int(v) for v in m.group(2).split(",")])
            continue
        m = re.match(r"^layer (\S+) peak (\d+) q \[(.*)\]$", ln)
        if not m:
            continue
        name, q = m.group(1), [int(v) for v in m.group(3).split(",")]
        F = len(q) // 4
        gap = name + ".w" not in tensors
        if gap:                                # the bound is the conv's before it, times H*W
            if int32_bias is None:
                raise SystemExit("FAIL: gap %s printed before its conv's bias" % name)
            src, biases = int32_bias
            w, hw = tensors[src + ".w"], gap_size(tensors, name)
        else:
            w, biases, hw = tensors[name + ".w"], None, 1
        if F != len(tensors[(src if gap else name) + ".b"]) or len(w) % F:
            raise SystemExit("FAIL: layer %s: %d channels printed" % (name, F))
        per = len(w) // F                      # conv [F][K][K][C] and dense [m][n]: one row a channel
        for f in range(F):
            bias, pre, mult, shift = q[4 * f:4 * f + 4]
            if not (0 <= pre and 0 <= mult < 2**31 and 1 <= shift <= 31 and -2**31 <= bias < 2**31):
                raise SystemExit("FAIL: layer %s channel %d: parameters out of range %r" % (name, f, q[4 * f:4 * f + 4]))
            if gap and bias != 0:
                raise SystemExit("FAIL: gap %s channel %d has a bias %d" % (name, f, bias))
            bound = hw * (abs(biases[f] if gap else bias) + 128 * sum(abs(v) for v in w[f * per:(f + 1) * per]))
            if ((bound >> pre) + 1) * mult + (1 << (shift - 1)) >= 2**31:
                raise SystemExit("FAIL: layer %s channel %d: %r breaks the int32 guarantee (B = %d)"
                                 % (name, f, q[4 * f:4 * f + 4], bound))
            checked += 1
    return checked


def main():
    p4jit, repo = sys.argv[1], sys.argv[2]
    cal, test, margin = int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
    global MODEL
    opts = sys.argv[6:]
    cpython = "--cpython" in opts
    opts = [o for o in opts if o != "--cpython"]
    intmodel = None
    for flag in ("--model", "--intmodel"):
        if flag in opts:
            k = opts.index(flag)
            if flag == "--model":
                MODEL = opts[k + 1]
            else:
                intmodel = opts[k + 1]
            del opts[k:k + 2]
    models = os.path.join(repo, "models")
    demo = os.path.join(repo, "examples", "recalibrate_fashion.py")
    lib = os.path.join(repo, "lib", "p4nn")
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "recal_paths.py"), "w") as fh:
            fh.write("MODEL = %r\nCAL_IMAGES = %r\nTEST_IMAGES = %r\nTEST_LABELS = %r\nCAL_COUNT = %d\nTEST_COUNT = %d\n" % (
                os.path.join(models, MODEL), os.path.join(models, "fashion_cal200-images.idx"),
                os.path.join(models, "fashion_test300-images.idx"),
                os.path.join(models, "fashion_test300-labels.idx"), cal, test))
        path = ["-X", "path=%s:%s" % (tmp, lib)]
        runs = {"host interpreted": run([p4jit, "run", "-X", "jit=off"] + path + [demo])}
        if opts:
            runs[" ".join(opts)] = run([p4jit, "run"] + opts + path + [demo])
        if cpython:
            env = dict(os.environ, PYTHONPATH="%s:%s:%s" % (tmp, lib, os.path.join(repo, "lib", "python")))
            runs["CPython"] = run([sys.executable, demo], env)
    first_name, first = next(iter(runs.items()))
    for name, lines in runs.items():
        if lines != first:
            for a, b in zip(first, lines):
                if a != b:
                    print("%s: %s\n%s: %s" % (first_name, a[:300], name, b[:300]))
                    break
            raise SystemExit("FAIL: %s and %s differ" % (first_name, name))
    print("\n".join(ln[:160] for ln in first))
    acc = {}
    for ln in first:
        m = re.match(r"^accuracy (before|after) +(\d+) / (\d+) = ", ln)
        if m:
            acc[m.group(1)] = 100.0 * int(m.group(2)) / int(m.group(3))
    if set(acc) != {"before", "after"}:
        raise SystemExit("FAIL: no accuracies printed")
    if intmodel:
        r = subprocess.run([intmodel, os.path.join(os.path.dirname(os.path.abspath(__file__)), "intmodel_check.py"),
                            repo, os.path.join(models, MODEL), os.path.join(models, "fashion_test300-images.idx"),
                            os.path.join(models, "fashion_test300-labels.idx"), str(test)],
                           input="\n".join(first) + "\n", capture_output=True, text=True, timeout=600)
        if r.returncode != 0:
            sys.stdout.write(r.stdout + r.stderr)
            raise SystemExit("FAIL: intmodel_check.py exited with %d" % r.returncode)
        host = r.stdout.splitlines()
        mine = [ln for ln in first if ln.startswith("logits after image")]
        mine += [re.sub(r" = .*$", "", ln) for ln in first if ln.startswith("accuracy after")]
        if sorted(host) != sorted(mine) or len(host) < 2:
            print("device:\n  " + "\n  ".join(ln[:200] for ln in mine))
            print("host integer model:\n  " + "\n  ".join(ln[:200] for ln in host))
            raise SystemExit("FAIL: the recalibrated model differs from the host integer model")
        print("ok: the host integer model gives the same %d lines (correct count, first logits)" % len(host))
    n = check_guarantee(repo, first)
    if n == 0:
        raise SystemExit("FAIL: no recalibrated layer printed")
    if acc["after"] - acc["before"] < margin:
        raise SystemExit("FAIL: accuracy %.2f%% -> %.2f%%: less than %.1f points gained"
                         % (acc["before"], acc["after"], margin))
    print("ok: %s identical; %d channels within the int32 guarantee; accuracy %.2f%% -> %.2f%% (+%.2f >= %.1f)"
          % (", ".join(runs), n, acc["before"], acc["after"], acc["after"] - acc["before"], margin))
    return 0


if __name__ == "__main__":
    sys.exit(main())
