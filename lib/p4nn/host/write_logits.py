#!/usr/bin/python3
"""The host integer model's int32 logits for images of an IDX file: what the
device must print bit for bit (tests/p4nn/bitexact).

    /usr/bin/python3 lib/p4nn/host/write_logits.py models/convgap_fashion.p4nn \
        models/fashion_test300-images.idx models/convgap_fashion_test300-logits.idx

The model is read back from its .p4nn file (export.read_model: the device's
view of it), so the logits are those of the file, not of a search in memory.
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
    args = ap.parse_args()
    Q = export.read_model(args.model)
    images = idx.read_idx(args.images)
    if args.count:
        images = images[:args.count]
    logits = intmodel.forward(Q, images)
    idx.write_idx(args.out, logits.astype(np.int32))
    print(f"wrote {args.out}: {len(logits)} images x {logits.shape[1]} int32 logits")


if __name__ == '__main__':
    main()
