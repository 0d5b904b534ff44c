#!/bin/sh
# Regenerates everything measured from the committed float weights (no training):
# the .p4nn models, the device's test files, the JSON measurements, the charts and
# RESULTS.md. Numpy (+ matplotlib for the charts) only; several minutes on 2 cores.
#   sh lib/p4nn/host/make_results.sh [model ...]     (default: all four)
set -eu
cd "$(dirname "$0")/../../.."
PY=/usr/bin/python3
HOST=lib/p4nn/host
mkdir -p models/results
models="${*:-cnn_mnist convgap_mnist cnn_fashion convgap_fashion}"
for m in $models; do
    if [ "$m" = cnn_mnist ]; then
        # the demo's model: one shift per layer (p4nn's requantization on PIE, docs/p4nn.md)
        $PY $HOST/quantize.py models/$m.npz --json models/results/${m}_a8.json
        $PY $HOST/quantize.py models/$m.npz --pure-shift tensor --json models/results/${m}_a8_puretensor.json \
            --out models/$m.p4nn --test-set models/mnist_test1000
    else
        $PY $HOST/quantize.py models/$m.npz --json models/results/${m}_a8.json --out models/$m.p4nn
    fi
    $PY $HOST/quantize.py models/$m.npz --bits 4 --json models/results/${m}_a4.json
    # and with step 3's line scan (quantize.py --line; bench/RESULTS.md, p4nn6)
    $PY $HOST/quantize.py models/$m.npz --bits 4 --line --json models/results/${m}_a4_line.json
done
# the pure-shift option (mult = 1, pre = 0, as ESP-DL) on the MNIST CNN
$PY $HOST/quantize.py models/cnn_mnist.npz --pure-shift --json models/results/cnn_mnist_a8_pureshift.json
$PY $HOST/charts.py models/results/cnn_fashion_a8.json --out $HOST/jout_cnn_fashion_a8.png
$PY $HOST/charts.py models/results/convgap_fashion_a4.json --out $HOST/jout_convgap_fashion_a4.png
$PY $HOST/report.py models/results/*.json --preamble $HOST/results_preamble.md --out $HOST/RESULTS.md
