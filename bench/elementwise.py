# elementwise: loops that store a[i] op b[i] over 4096 elements, which the
# JIT runs on PIE's lanes (src/jit/elementwise.c; docs/jit.md "Elementwise
# loops"): int8 add, max, clamp; int32 ReLU and shift + ReLU; and the
# requantize step of an int8 network (docs/p4nn-model.md), which stays
# scalar. Each kernel runs twice; the second call is measured.
from array import array

from kernel_timing import t0, t1

N = 4096


def pixels_to_int8(src, off, n, dst):
    # vec10: uint8 pixels (a bytearray) into int8, p >> 1 (lib/p4nn's input)
    for i in range(n):
        dst[i] = src[off + i] >> 1


def centre8(src, n, dst):
    # vec10: uint8 (array('B')) less 128 into int8
    for i in range(n):
        dst[i] = src[i] - 128


def add8(a, b, c, n):
    for i in range(n):
        c[i] = a[i] + b[i]


def max8(a, b, c, n):
    for i in range(n):
        c[i] = max(a[i], b[i])


def clamp8(a, c, n, lo, hi):
    for i in range(n):
        c[i] = min(max(a[i], lo), hi)


def relu32(y, z, n):
    for i in range(n):
        z[i] = max(y[i], 0)


def shr_relu32(y, z, n, s):
    for i in range(n):
        z[i] = max(y[i] >> s, 0)


def requant(y, c, n, pre, m, s):
    for i in range(n):
        v = ((y[i] >> pre) * m + (1 << (s - 1))) >> s
        c[i] = min(max(v, 0), 127)


a = array("b", [(i * 7 + 3) % 128 - 64 for i in range(N)])
b = array("b", [(i * 5 + 1) % 128 - 64 for i in range(N)])
c = array("b", [0] * N)
y = array("i", [(i * 7919) % 200001 - 100000 for i in range(N)])
z = array("i", [0] * N)

add8(a, b, c, N)
t0()
add8(a, b, c, N)
t1("add8", c)
max8(a, b, c, N)
t0()
max8(a, b, c, N)
t1("max8", c)
clamp8(a, c, N, -20, 30)
t0()
clamp8(a, c, N, -20, 30)
t1("clamp8", c)
relu32(y, z, N)
t0()
relu32(y, z, N)
t1("relu32", z)
shr_relu32(y, z, N, 7)
t0()
shr_relu32(y, z, N, 7)
t1("shr_relu32", z)
requant(y, c, N, 2, 77, 12)
t0()
requant(y, c, N, 2, 77, 12)
t1("requant", c)
pix = bytearray([(i * 97 + 13) % 256 for i in range(N)])
upix = array("B", [(i * 61 + 200) % 256 for i in range(N)])
pixels_to_int8(pix, 0, N, c)
t0()
pixels_to_int8(pix, 0, N, c)
t1("pixels_to_int8", c)
centre8(upix, N, c)
t0()
centre8(upix, N, c)
t1("centre8", c)
