# array('h') and array('H') in compiled code: loads sign- or zero-extend,
# stores at the 16-bit limits, OverflowError from out-of-range stores at the
# right element, a fixed-point (Q15) multiply-accumulate and an int16 delta
# encoder/decoder.
from array import array


def ramp(arr, start, step):
    v = start
    for i in range(len(arr)):
        arr[i] = v
        v += step
    return v


def q15_mul(a, b, out):
    for i in range(len(a)):
        out[i] = (a[i] * b[i]) >> 15


def q15_dot(a, b):
    acc = 0
    for i in range(len(a)):
        acc += a[i] * b[i]
    return acc >> 15


def delta_encode(src, dst):
    prev = 0
    for i in range(len(src)):
        dst[i] = src[i] - prev
        prev = src[i]


def delta_decode(src, dst):
    acc = 0
    for i in range(len(src)):
        acc += src[i]
        dst[i] = acc


def store(arr, i, v):
    arr[i] = v
    return arr[i]


for tc, start, step in (("h", -32768, 8191), ("h", 32767, -8192), ("h", 30000, 1000), ("H", 0, 16383), ("H", 65535, -16384), ("H", 10, -5)):
    arr = array(tc, [0] * 8)
    try:
        print(tc, start, step, ramp(arr, start, step), list(arr))
    except OverflowError as e:
        print(tc, start, step, "OverflowError:", e, list(arr))
a = array("h", [32767, -32768, 16384, -16384, 100, -1, 0, 12345])
b = array("h", [32767, 32767, 16384, 16384, -32768, -1, 5, -12345])
out = array("h", [0] * 8)
q15_mul(a, b, out)
print(list(out), q15_dot(a, b))
sig = array("h", [0, 100, 250, 200, -300, -32768, 32767, 5])
d = array("i", [0] * 8)
delta_encode(sig, d)
back = array("h", [0] * 8)
delta_decode(d, back)
print(list(d), list(back) == list(sig))
for tc, v in (("h", 32767), ("h", -32768), ("h", 32768), ("h", -32769), ("H", 65535), ("H", 65536), ("H", -1)):
    arr = array(tc, [7])
    try:
        print(tc, v, store(arr, 0, v))
    except OverflowError as e:
        print(tc, v, "OverflowError:", e, arr[0])
