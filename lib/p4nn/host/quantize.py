#!/usr/bin/python3
"""Quantize a trained float model to the int8 model of docs/p4nn-model.md by minimising J_out.

    /usr/bin/python3 lib/p4nn/host/quantize.py models/cnn_mnist.npz --out models/cnn_mnist.p4nn \\
        --test-set models/mnist_test1000

Prints, for the naive per-tensor min/max ("before"), per-channel min/max and the
minimised theta ("after"): J and J_out on the 1,000 calibration images; accuracy,
J, J_out and int8/float top-1 agreement on the test images. --bits 4 is the
host-only stress setting (4-bit activations, 8-bit weights; not exportable).
Needs numpy only.
"""
import argparse
import json
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import datasets  # noqa: E402
import export  # noqa: E402
import graph  # noqa: E402
import intmodel  # noqa: E402
import metrics  # noqa: E402
import search  # noqa: E402


def load_weights(path):
    f = np.load(path)
    layers = graph.parse(str(f['graph']))
    params = {k: f[k].astype(np.float32) for k in f.files if '.' in k}
    info = {k: f[k].item() for k in ('data', 'epochs', 'train_seconds', 'test_accuracy', 'seed') if k in f.files}
    return layers, params, info


def theta_json(theta):
    return {name: {k: (np.asarray(v).tolist()) for k, v in t.items()} for name, t in theta.items()}


def theta_from_json(obj):
    return {name: {k: (np.asarray(v) if isinstance(v, list) else v) for k, v in t.items()}
            for name, t in obj.items()}


def run(weights, bits=8, pure_shift=False, test_limit=None, line=False, log=print):
    """The whole measurement for one model and setting; returns (results, Q_after, theta_after)."""
    layers, params, info = load_weights(weights)
    data = info['data']
    x_train, y_train = datasets.load(data, 'train')
    x_test, y_test = datasets.load(data, 'test')
    if test_limit:
        x_test, y_test = x_test[:test_limit], y_test[:test_limit]
    cal = datasets.calibration_indices(len(x_train))
    x_cal, y_cal = x_train[cal], y_train[cal]
    start = time.time()
    theta, history = search.minimise(layers, params, x_cal, bits, pure_shift, line=line, log=log)
    seconds = time.time() - start
    thetas = {
        'before': search.minmax_theta(layers, params, x_cal, per_channel=False),
        'per-channel min/max': search.minmax_theta(layers, params, x_cal, per_channel=True),
        'after': theta,
    }
    zf_cal = metrics.float_logits(layers, params, x_cal)
    results = {'weights': weights, 'data': data, 'bits': bits, 'pure_shift': pure_shift,
               'n_test': len(y_test), 'line_search': line, 'search_seconds': seconds, 'history': history, 'train': info, 'rows': {}}
    Qs = [intmodel.build(layers, params, th, bits, pure_shift) for th in thetas.values()]
    cal = metrics.evaluate_many(Qs, params, x_cal, y_cal, per_layer=False, z_float=zf_cal)
    test = metrics.evaluate_many(Qs, params, x_test, y_test, per_layer=True)
    for k, name in enumerate(thetas):
        results['rows'][name] = {'cal': cal[k][0], 'test': test[k][0]}
    Q_after = Qs[-1]
    results['theta'] = theta_json(theta)
    return results, Q_after, theta


def table(results):
    """The before/after table as markdown."""
    head = ("| theta | J cal | J_out cal | accuracy % | float % | J test | J_out test | agreement % |\n"
            "|---|---|---|---|---|---|---|---|\n")
    lines = []
    for name, r in results['rows'].items():
        c, t = r['cal'], r['test']
        lines.append(f"| {name} | {c['J']:.4f} | {c['J_out']:.3e} | {t['accuracy']:.2f} | {t['float_accuracy']:.2f} "
                     f"| {t['J']:.4f} | {t['J_out']:.3e} | {t['agreement']:.2f} |")
    return head + '\n'.join(lines) + '\n'


def layer_table(results):
    names = list(results['rows']['after']['test']['layer_J_out'])
    head = "| theta | " + " | ".join(f"J_out {n}" for n in names) + " |\n|---|" + "---|" * len(names) + "\n"
    return head + '\n'.join(
        f"| {row} | " + " | ".join(f"{r['test']['layer_J_out'][n]:.3e}" for n in names) + " |"
        for row, r in results['rows'].items()) + '\n'


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('weights', help='float weights (.npz) written by train.py')
    ap.add_argument('--bits', type=int, default=8, choices=(4, 8), help='activation bits (4: host-only stress)')
    ap.add_argument('--pure-shift', nargs='?', const='channel', choices=('channel', 'tensor'),
                    help='mult = 1, pre = 0 (scales snapped to powers of two); tensor: one shift per layer')
    ap.add_argument('--line', action='store_true',
                    help='step 3 scans each multiplier over a grid first and ends with factor 1.02 (search.LINE_GRID)')
    ap.add_argument('--test-limit', type=int, help='evaluate on the first N test images only')
    ap.add_argument('--out', help='write the minimised model (.p4nn)')
    ap.add_argument('--json', help='write the measurements (and theta) as JSON')
    ap.add_argument('--test-set', metavar='PREFIX',
                    help='write PREFIX-{images,labels,logits}.idx: the first 1,000 test images and their host integer logits')
    args = ap.parse_args()
    if (args.out or args.test_set) and args.bits != 8:
        ap.error('only the 8-bit model is the device contract: --out/--test-set need --bits 8')
    pure = {None: False, 'channel': True, 'tensor': 'tensor'}[args.pure_shift]
    results, Q, _ = run(args.weights, args.bits, pure, args.test_limit, args.line)
    print(f"\n{args.weights}: {results['data']}, {args.bits}-bit activations"
          f"{', pure shift' if args.pure_shift else ''}, search {results['search_seconds']:.0f} s, "
          f"{results['n_test']} test images\n")
    print(table(results))
    print(layer_table(results))
    if args.json:
        with open(args.json, 'w') as f:
            json.dump(results, f, indent=1)
    if args.out:
        size = export.write_model(args.out, Q)
        print(f"wrote {args.out} ({size} bytes)")
    if args.test_set:
        x, y = datasets.load(results['data'], 'test')
        logits = export.write_test_set(args.test_set, Q, x[:1000], y[:1000])
        acc = 100.0 * float((logits.argmax(axis=1) == y[:1000]).mean())
        print(f"wrote {args.test_set}-{{images,labels,logits}}.idx ({len(logits)} images, host int8 accuracy {acc:.1f}%)")


if __name__ == '__main__':
    main()
