#!/usr/bin/python3
"""Collect quantize.py --json measurements into a markdown report (RESULTS.md).

    /usr/bin/python3 lib/p4nn/host/report.py models/results/*.json --out lib/p4nn/host/RESULTS.md

Every figure comes from the JSON files; the target checks are computed from them.
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import quantize  # noqa: E402


def shift_label(r):
    """', pure shift' (per channel), ', pure shift per layer' (p4nn's PIE form) or '';
    then ', line scan' for a run with quantize.py --line."""
    return ({True: ', pure shift', 'tensor': ', pure shift per layer'}.get(r['pure_shift'], '')
            + (', line scan' if r.get('line_search') else ''))


def target_lines(runs):
    """The issue's accuracy and J targets, checked against the measurements present."""
    out = []
    for r in runs:
        model = os.path.basename(r['weights']).replace('.npz', '')
        kind, data = model.split('_', 1)
        after, before = r['rows']['after'], r['rows']['before']
        perch = r['rows']['per-channel min/max']
        t = after['test']
        drop = t['float_accuracy'] - t['accuracy']
        checks = []
        if r['bits'] == 8:
            if data == 'mnist' and kind == 'cnn':        # the anchor model
                checks.append((f"accuracy {t['accuracy']:.2f}% >= 99.0%", t['accuracy'] >= 99.0))
                checks.append((f"within 0.15 of float ({drop:+.2f})", drop <= 0.15))
                checks.append((f"agreement {t['agreement']:.2f}% >= 99.9%", t['agreement'] >= 99.9))
            if data == 'mnist' and kind != 'cnn':
                checks.append((f"within 0.15 of float ({drop:+.2f}; accuracy {t['accuracy']:.2f}%, "
                               f"agreement {t['agreement']:.2f}%)", drop <= 0.15))
            if data == 'fashion':
                limit = 0.2 if kind == 'cnn' else 0.15
                checks.append((f"within {limit} of float ({drop:+.2f})", drop <= limit))
            if kind == 'convgap' and data == 'fashion':
                ratio = before['test']['J_out'] / t['J_out']
                checks.append((f"J_out {ratio:.1f}x lower than before (test) >= 3x", ratio >= 3))
        else:
            gain = t['accuracy'] - perch['test']['accuracy']
            # the most a quantizer that approaches the float model can gain: float minus baseline
            room = t['float_accuracy'] - perch['test']['accuracy']
            checks.append((f"{gain:+.2f} points over per-channel min/max (>= 5; the float model is "
                           f"{room:+.2f} over it)", gain >= 5))
        for where in ('cal', 'test'):
            ok = after[where]['J_out'] < before[where]['J_out']
            checks.append((f"J_out {where} {after[where]['J_out']:.3g} < before {before[where]['J_out']:.3g}", ok))
        text = '; '.join(f"{c} **{'met' if ok else 'NOT met'}**" for c, ok in checks)
        out.append(f"- {model}, {r['bits']}-bit activations{shift_label(r)}: {text}")
    return '\n'.join(out) + '\n'


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('json', nargs='+')
    ap.add_argument('--out', required=True)
    ap.add_argument('--preamble', help='markdown to put first (the commands that produced the files)')
    args = ap.parse_args()
    runs = []
    for path in args.json:
        with open(path) as f:
            runs.append(json.load(f))
    runs.sort(key=lambda r: (r['data'], r['weights'], -r['bits']))
    parts = []
    if args.preamble:
        with open(args.preamble) as f:
            parts.append(f.read())
    parts.append("## Training (float)\n\n| weights | data | epochs | seconds | float test accuracy % |\n|---|---|---|---|---|\n")
    seen = set()
    for r in runs:
        if r['weights'] in seen:
            continue
        seen.add(r['weights'])
        t = r['train']
        parts.append(f"| {r['weights']} | {r['data']} | {t.get('epochs')} | {t.get('train_seconds', 0):.0f} | "
                     f"{r['rows']['after']['test']['float_accuracy']:.2f} |\n")
    parts.append("\n## Targets\n\n" + target_lines(runs))
    for r in runs:
        parts.append(f"\n## {r['weights']}, {r['bits']}-bit activations{shift_label(r)}\n\n")
        parts.append(f"Calibration: 1,000 training images; test: {r['n_test']} images; "
                     f"search {r['search_seconds']:.0f} s.\n\n")
        parts.append(quantize.table(r) + "\nPer layer J_out on the test images (the tensor each layer passes on):\n\n")
        parts.append(quantize.layer_table(r))
        parts.append("\nJ_out on the calibration set through the minimisation: "
                     + ", ".join(f"{what} {j:.3e}" for what, j in r['history']) + ".\n")
    with open(args.out, 'w') as f:
        f.write(''.join(parts))
    print(f"wrote {args.out}")


if __name__ == '__main__':
    main()
