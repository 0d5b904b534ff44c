#!/usr/bin/python3
"""The files of the on-device recalibration demo (examples/recalibrate_fashion.py, docs/p4nn.md):

  models/cnn_fashion_offcal.p4nn     the Fashion-MNIST cnn's float weights with activation scales
                                     deliberately off: naive per-tensor min/max clips measured on
                                     1,000 MNIST training images (the wrong data: alone that costs
                                     only 0.3 points), then c1's and c2's clips times 1/4 (they
                                     saturate) and f1's times 4 (it loses resolution)
  models/convgap_fashion_offcal.p4nn the conv-only model the same way (FAULT_CONVGAP: the gap's
                                     output clip times 4 instead of f1's)
  models/fashion_cal200-*.idx        200 Fashion-MNIST training images: the device's own data
  models/fashion_test300-*.idx       300 Fashion-MNIST test images: held out

    /usr/bin/python3 models/make_recal.py      (numpy; scripts/setup.sh installs the data sets)
"""
import os
import sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, 'lib/p4nn/host'))
import datasets  # noqa: E402
import export  # noqa: E402
import idx  # noqa: E402
import intmodel  # noqa: E402
import quantize  # noqa: E402
import search  # noqa: E402


FAULT = {'c1': 0.25, 'c2': 0.25, 'f1': 4.0}
# the conv-only model (its c3 keeps int32 for the global average pool g, which
# requantizes): the same kind of fault, on the gap's output instead of f1's
FAULT_CONVGAP = {'c1': 0.25, 'c2': 0.25, 'g': 4.0}


def accuracy(Q, x, y):
    return 100.0 * float((intmodel.forward(Q, x).argmax(axis=1) == y).mean())


def main():
    layers, params, _ = quantize.load_weights(os.path.join(ROOT, 'models/cnn_fashion.npz'))
    xm, _ = datasets.load('mnist', 'train')
    xf, yf = datasets.load('fashion', 'train')
    xt, yt = datasets.load('fashion', 'test')
    theta = search.minmax_theta(layers, params, xm[datasets.calibration_indices(len(xm))])
    mnist_acc = accuracy(intmodel.build(layers, params, theta), xt[:300], yt[:300])
    for name, factor in FAULT.items():
        theta[name]['a_clip'] *= factor
    Q = intmodel.build(layers, params, theta)
    export.write_model(os.path.join(ROOT, 'models/cnn_fashion_offcal.p4nn'), Q)
    rng = np.random.default_rng(2026)
    cal = rng.choice(len(xf), 200, replace=False)
    for prefix, x, y in (('fashion_cal200', xf[cal], yf[cal]), ('fashion_test300', xt[:300], yt[:300])):
        idx.write_idx(os.path.join(ROOT, 'models', prefix + '-images.idx'), np.asarray(x, np.uint8))
        idx.write_idx(os.path.join(ROOT, 'models', prefix + '-labels.idx'), np.asarray(y, np.uint8))
    host = export.read_model(os.path.join(ROOT, 'models/cnn_fashion.p4nn'))
    print(f"host int8 accuracy on fashion_test300: MNIST min/max {mnist_acc:.2f}%, off {accuracy(Q, xt[:300], yt[:300]):.2f}%, "
          f"host-calibrated (cnn_fashion.p4nn) {accuracy(host, xt[:300], yt[:300]):.2f}%")
    for name in theta:
        print(f"  {name}: off a_clip {theta[name]['a_clip']:.3f}")
    # models/convgap_fashion_offcal.p4nn: the conv-only model, off the same way
    layers, params, _ = quantize.load_weights(os.path.join(ROOT, 'models/convgap_fashion.npz'))
    theta = search.minmax_theta(layers, params, xm[datasets.calibration_indices(len(xm))])
    for name, factor in FAULT_CONVGAP.items():
        theta[name]['a_clip'] *= factor
    Q = intmodel.build(layers, params, theta)
    export.write_model(os.path.join(ROOT, 'models/convgap_fashion_offcal.p4nn'), Q)
    host = export.read_model(os.path.join(ROOT, 'models/convgap_fashion.p4nn'))
    print(f"convgap: off {accuracy(Q, xt[:300], yt[:300]):.2f}%, "
          f"host-calibrated (convgap_fashion.p4nn) {accuracy(host, xt[:300], yt[:300]):.2f}%")


if __name__ == '__main__':
    main()
