# Saturating kernels in compiled code: clamp into int8 and uint8 with
# min/max and with if chains, requantise int32 accumulators to int8 with a
# rounding right shift, ReLU, saturating add of two int8 arrays, and a
# float to uint8 conversion with rounding; stores never overflow because
# every value is clamped first.
from array import array


def clamp8(v):
    return max(-128, min(127, v))


def saturate_into(src, dst):
    for i in range(len(src)):
        dst[i] = clamp8(src[i])


def clamp_u8(v):
    if v < 0:
        return 0
    if v > 255:
        return 255
    return v


def requant(acc, shift, dst):
    r = 1 << (shift - 1)
    for i in range(len(acc)):
        v = (acc[i] + r) >> shift
        dst[i] = max(-128, min(127, v))


def relu(a):
    for i in range(len(a)):
        if a[i] < 0:
            a[i] = 0


def sat_add(a, b, out):
    for i in range(len(a)):
        out[i] = clamp8(a[i] + b[i])


def to_u8(f, out):
    for i in range(len(f)):
        out[i] = clamp_u8(int(f[i] * 255.0 + 0.5))


src = array("i", [-1000, -129, -128, -1, 0, 1, 127, 128, 1000, 2147483647, -2147483648])
d = array("b", [0] * len(src))
saturate_into(src, d)
print(list(d))
print([clamp_u8(v) for v in (-5, 0, 128, 255, 256, 99999)])
acc = array("i", [0, 100, 255, 256, -256, -257, 40000, -40000, 32767, 12345])
q = array("b", [0] * 10)
requant(acc, 8, q)
print(list(q))
requant(acc, 1, q)
print(list(q))
r = array("h", [-3, 5, 0, -32768, 32767, -1])
relu(r)
print(list(r))
a = array("b", [100, -100, 50, -128, 127, 0])
b = array("b", [100, -100, -60, -1, 1, 0])
o = array("b", [0] * 6)
sat_add(a, b, o)
print(list(o))
u = bytearray(6)
to_u8(array("f", [0.0, 0.5, 1.0, -0.25, 1.5, 0.1]), u)
print(list(u))
