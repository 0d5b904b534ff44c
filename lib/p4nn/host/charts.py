#!/usr/bin/python3
"""J_out against the clipping threshold, for each activation tensor of a quantized model
(and the first layer's weights), measured on the calibration set: one PNG.

    /usr/bin/python3 lib/p4nn/host/charts.py models/results/convgap_fashion_a4.json --out chart.png

The JSON is quantize.py's --json output (it holds theta "after"). Each curve moves one
threshold, the others stay at "after"; the markers are the min/max threshold and the one
the minimisation chose. Everything drawn is measured here.
"""
import argparse
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import datasets  # noqa: E402
import graph  # noqa: E402
import intmodel  # noqa: E402
import metrics  # noqa: E402
import quantize  # noqa: E402
import search  # noqa: E402


def sweep(layers, params, theta, images, z_float, bits, name, key, factors, pure_shift=False):
    out = []
    for f in factors:
        th = search.scaled(theta, {(name, key): f})
        out.append(metrics.j_out(intmodel.build(layers, params, th, bits, pure_shift), images, z_float))
    return np.array(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('json')
    ap.add_argument('--out', required=True)
    ap.add_argument('--points', type=int, default=15)
    args = ap.parse_args()
    import matplotlib
    matplotlib.use('Agg')
    import matplotlib.pyplot as plt

    with open(args.json) as f:
        res = json.load(f)
    layers, params, _ = quantize.load_weights(res['weights'])
    bits, pure = res['bits'], res['pure_shift']
    theta = quantize.theta_from_json(res['theta'])
    x, _ = datasets.load(res['data'], 'train')
    x_cal = x[datasets.calibration_indices(len(x))]
    z_float = metrics.float_logits(layers, params, x_cal)
    amax = search.activation_max(layers, params, x_cal)
    curves = [(l['name'], 'a_clip') for l in graph.param_layers(layers)
              if not l.get('logits') and l.get('requant', 1)]
    first = graph.param_layers(layers)[0]['name']
    curves.append((first, 'w_clip'))
    fig, axes = plt.subplots(1, len(curves), figsize=(3.2 * len(curves), 3.2), squeeze=False)
    for ax, (name, key) in zip(axes[0], curves):
        if key == 'a_clip':
            chosen, naive = float(theta[name]['a_clip']), amax[name]
            factors = np.geomspace(0.25, 1.3 * naive / chosen, args.points)
            xs, xlabel = chosen * factors, f"{name} activation clip"
        else:
            cm = intmodel.channel_max(graph.param_layers(layers)[0], params[first + '.w'])
            chosen, naive = float(np.mean(np.asarray(theta[name]['w_clip']) / cm)), 1.0
            xs = np.geomspace(0.4, 1.1 * max(1.0, chosen), args.points)
            factors, xlabel = xs / chosen, f"{name} weight clip / max|w| (mean)"
        ys = sweep(layers, params, theta, x_cal, z_float, bits, name, key, factors, pure)
        ax.plot(xs, ys, 'o-', ms=3)
        ax.axvline(naive, color='grey', ls='--', label='min/max')
        ax.axvline(chosen, color='red', ls=':', label='chosen')
        ax.set_yscale('log')
        ax.set_xlabel(xlabel)
        ax.set_ylabel('J_out (calibration)')
        ax.legend(fontsize=7)
    model = os.path.basename(res['weights']).replace('.npz', '')
    fig.suptitle(f"{model}, {bits}-bit activations: J_out against one clipping threshold")
    fig.tight_layout()
    fig.savefig(args.out, dpi=110)
    print(f"wrote {args.out}")


if __name__ == '__main__':
    main()
