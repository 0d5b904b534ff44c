# layers16: int16 layers (vec11): a dense layer and FIRs over array('h'),
# sizes passed as arguments, values within +-2000 (sums stay in int32, as a
# library's Q-format data keeps them). Each runs twice; the second call is
# measured (layers_vec4.measure). Run it with
#   p4jit run --on p4sim [-X pie=off | -X jit=off] bench/layers16.py
from array import array
from layers_vec4 import measure


def dense16(x, w, y, n_in, n_out):
    for o in range(n_out):
        acc = 0
        for i in range(n_in):
            acc += x[i] * w[o * n_in + i]
        y[o] = acc


def fir16(x, h, y, n, taps):  # y[i] = sum_k x[i+k] * h[k] (h reversed beforehand)
    for i in range(n):
        acc = 0
        for k in range(taps):
            acc += x[i + k] * h[k]
        y[i] = acc


def int16s(n, mul, add):
    return array("h", [(i * mul + add) % 4001 - 2000 for i in range(n)])


def run_dense16(n_in, n_out):
    x, w, y = int16s(n_in, 7, 3), int16s(n_in * n_out, 5, 1), array("i", bytes(4 * n_out))
    measure("dense16_%d_%d" % (n_in, n_out), dense16, (x, w, y, n_in, n_out), n_in * n_out, y)


def run_fir16(n, taps):
    x, h, y = int16s(n + taps - 1, 13, 5), int16s(taps, 29, 11), array("i", bytes(4 * n))
    measure("fir16_%d_%d" % (n, taps), fir16, (x, h, y, n, taps), n * taps, y)


run_dense16(256, 64)
run_dense16(64, 10)
run_dense16(500, 16)
run_dense16(1024, 32)
run_fir16(256, 32)
run_fir16(256, 64)
run_fir16(256, 13)
