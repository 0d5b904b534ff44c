#!/usr/bin/python3
"""Print issue 13's "Report" table from quantize.py --json measurements.

    /usr/bin/python3 lib/p4nn/host/report_table.py models/results/*.json

One markdown table: for each model, data set and activation width, the
naive baseline ("before": per-tensor min/max), per-channel min/max and the
minimisation ("after"), with J and J_out on the 1,000 calibration images
and accuracy, J, J_out and int8/float top-1 agreement on the test images;
then the issue's targets checked against those rows. Numbers only from the
JSON files (quantize.py measured them); numpy is not needed.
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from report import shift_label, target_lines  # noqa: E402

ORDER = {'cnn': 0, 'convgap': 1, 'digits': 2}


def rows(runs):
    out = ["| model | data | activations | theta | J cal | J_out cal | test images | accuracy % | float % "
           "| J test | J_out test | agreement % |",
           "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in runs:
        model = os.path.basename(r['weights']).replace('.npz', '').split('_', 1)[0]
        bits = f"{r['bits']}-bit" + shift_label(r)
        for theta, row in r['rows'].items():
            c, t = row['cal'], row['test']
            out.append(f"| {model} | {r['data']} | {bits} | {theta} | {c['J']:.4f} | {c['J_out']:.3e} | {t['n']} "
                       f"| {t['accuracy']:.2f} | {t['float_accuracy']:.2f} | {t['J']:.4f} | {t['J_out']:.3e} "
                       f"| {t['agreement']:.2f} |")
    return '\n'.join(out) + '\n'


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('json', nargs='+')
    args = ap.parse_args()
    runs = []
    for path in args.json:
        with open(path) as f:
            runs.append(json.load(f))
    kind = lambda r: os.path.basename(r['weights']).split('_', 1)[0]
    runs.sort(key=lambda r: (r['data'] != 'mnist', ORDER.get(kind(r), 9), -r['bits'], str(r['pure_shift']), bool(r.get('line_search'))))
    sys.stdout.write(rows(runs))
    sys.stdout.write("\nTargets:\n\n" + target_lines(runs))


if __name__ == '__main__':
    main()
