#!/usr/bin/python3
"""The host integer model (lib/p4nn/host/intmodel.py) on a recalibrated model.

Reads the recalibration demo's output on stdin (examples/recalibrate_fashion.py:
"layer NAME peak P q [...]" and "layer NAME bias [...]" for every layer it
changed), puts those parameters into the model file's tensors, runs the host's
integer model on the held-out images and prints what the demo printed of them:

    accuracy after  N / COUNT
    logits after image I [...]

tests/p4nn/recal/run.py compares these lines with the device's.

    intmodel_check.py REPO MODEL IMAGES LABELS COUNT < demo-output
"""
import os
import re
import sys

import numpy as np


def main():
    repo, model, images, labels, count = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
    sys.path.insert(0, os.path.join(repo, 'lib', 'p4nn', 'host'))
    import export  # noqa: E402
    import idx  # noqa: E402
    import intmodel  # noqa: E402
    Q = export.read_model(model)
    T = Q['tensors']
    changed = 0
    for ln in sys.stdin:
        m = re.match(r"^layer (\S+) (peak \d+ q|bias) \[(.*)\]$", ln.strip())
        if not m:
            continue
        name, vals = m.group(1), np.array([int(v) for v in m.group(3).split(',')], np.int64)
        if m.group(2) == 'bias':
            if T[name + '.b'].shape != vals.shape:
                raise SystemExit(f"FAIL: layer {name}: {len(vals)} biases printed")
            T[name + '.b'] = vals.astype(np.int32)
        else:
            q = vals.reshape(-1, 4)
            if name + '.b' in T:
                T[name + '.b'] = q[:, 0].astype(np.int32)
            elif q[:, 0].any():
                raise SystemExit(f"FAIL: layer {name} has no bias, and the device gave it one")
            for k, suffix in ((1, '.pre'), (2, '.mult'), (3, '.shift')):
                T[name + suffix] = q[:, k].astype(np.int32)
        changed += 1
    if changed == 0:
        raise SystemExit("FAIL: no layer parameters on stdin")
    x = idx.read_idx(images)[:count]
    y = idx.read_idx(labels)[:count]
    z = intmodel.forward(Q, x)
    print(f"accuracy after  {int((z.argmax(axis=1) == y).sum())} / {count}")
    for i in range(min(3, count)):
        print(f"logits after image {i} [{', '.join(str(int(v)) for v in z[i])}]")


if __name__ == '__main__':
    main()
