# p4: float-tolerance
# array('f') in compiled code: float loads and stores, ints stored into a
# float array (converted), floats read into int arithmetic through int(),
# a running mean, normalisation to [0, 1] and an exponential moving average.
from array import array


def scale_add(arr, k, c):
    for i in range(len(arr)):
        arr[i] = arr[i] * k + c


def from_ints(src, dst):
    for i in range(len(src)):
        dst[i] = src[i]


def truncate(src, dst):
    for i in range(len(src)):
        dst[i] = int(src[i])


def mean(arr):
    s = 0.0
    for i in range(len(arr)):
        s += arr[i]
    return s / len(arr)


def normalise(arr):
    lo = arr[0]
    hi = arr[0]
    for i in range(len(arr)):
        lo = min(lo, arr[i])
        hi = max(hi, arr[i])
    for i in range(len(arr)):
        arr[i] = (arr[i] - lo) / (hi - lo)
    return hi - lo


def ema(arr, alpha, out):
    acc = arr[0]
    for i in range(len(arr)):
        acc = alpha * arr[i] + (1.0 - alpha) * acc
        out[i] = acc
    return acc


f = array("f", [0.5, -1.25, 3.0, 8.0, -0.75, 2.0])
scale_add(f, 2.0, 0.5)
print(list(f), mean(f))
ints = array("i", [1, -2, 3, 16777216, -7])
g = array("f", [0.0] * 5)
from_ints(ints, g)
print(list(g))
t = array("i", [0] * 6)
truncate(f, t)
print(list(t))
print(normalise(f), [round(v, 4) for v in f])
out = array("f", [0.0] * 6)
print(round(ema(array("f", [1.0, 2.0, 4.0, 8.0, 16.0, 32.0]), 0.5, out), 4), [round(v, 4) for v in out])
