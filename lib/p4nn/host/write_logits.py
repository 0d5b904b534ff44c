#!/usr/bin/python3
"""The host integer model's int32 logits for images of an IDX file: what the
device must print bit for bit (tests/p4nn/bitexact).

    /usr/bin/python3 lib/p4nn/host/write_logits.py models/convgap_fashion.p4nn \
        models/fashion_test300-images.idx models/convgap_fashion_test300-logits.idx

The model is read back from its .p4nn file (export.read_model: the device's
view of it), so the logits are those of the file, not of a search in memory.

With --float WEIGHTS.npz it writes instead the float model's class (top-1,
uint8, one per image): the demo's int8/float agreement (examples/mnist.py).

    /usr/bin/python3 lib/p4nn/host/write_logits.py models/cnn_mnist.p4nn \
        models/mnist_test1000-images.idx models/cnn_mnist_mnist_test1000-float.idx --float models/cnn_mnist.npz
"""
import argparse
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import export  # noqa: E402
import idx  # noqa: E402
import intmodel  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('model')
    ap.add_argument('images')
    ap.add_argument('out')
    ap.add_argument('--count', type=int, help='the first N images only')
    ap.add_argument('--float', metavar='WEIGHTS', help="write the float model's classes (uint8) instead")
    args = ap.parse_args()
    if args.float:
        import metrics
        import quantize
        layers, params, _ = quantize.load_weights(args.float)
        images = idx.read_idx(args.images)[:args.count]
        classes = metrics.float_logits(layers, params, images).argmax(axis=1)
        Q = export.read_model(args.model)
        agree = float((intmodel.forward(Q, images).argmax(axis=1) == classes).mean()) * 100.0
        idx.write_idx(args.out, classes.astype(np.uint8))
        print(f"wrote {args.out}: the float classes of {len(classes)} images (int8/float agreement {agree:.2f}%)")
        return
    Q = export.read_model(args.model)
    images = idx.read_idx(args.images)
    if args.count:
        images = images[:args.count]
    logits = intmodel.forward(Q, images)
    idx.write_idx(args.out, logits.astype(np.int32))
    print(f"wrote {args.out}: {len(logits)} images x {logits.shape[1]} int32 logits")


if __name__ == '__main__':
    main()
