# elementwise16: vec6b's loops on int16 (8 lanes) and int8 (16 lanes)
# arrays with multiplies and shifts (src/jit/elementwise.c, esp.vmul.s8/s16;
# docs/jit.md "Elementwise loops"), 4096 elements: products, shifts by a
# uniform count, the rounding shift of a requantize, a fixed-point requantize
# per tensor and per channel (an HWC tensor of 16 and 32 channels, the
# multiplier array indexed by the channel; Q15 multipliers, whose products
# leave int16: the fused multiply-shift), lib/p4nn's per-channel requantize
# of int32 accumulators (scalar) for comparison, and the library's int16
# narrowing kernels (vec10: shift32_16, narrow16_8, mul_shift8). Each
# kernel runs twice; the second call is measured.
from array import array

from kernel_timing import t0, t1
# lib/p4nn's kernels measured here, as the library has them
from p4nn import mul_shift8, narrow16_8, requantize, shift32_16

N = 4096


def mul16(a, b, c, n):
    for i in range(n):
        c[i] = a[i] * b[i]


def mul8(a, b, c, n):
    for i in range(n):
        c[i] = a[i] * b[i]


def shr16(a, c, n, s):
    for i in range(n):
        c[i] = a[i] >> s


def round_shr16(a, c, n, s):
    for i in range(n):
        c[i] = (a[i] + (1 << (s - 1))) >> s


def requant_tensor16(a, c, n, m, s, lo):
    for i in range(n):
        c[i] = min(max((a[i] * m + (1 << (s - 1))) >> s, lo), 127)


def requant_channels16(a, n, F, m, s, lo, out):
    # HWC: n positions of F channels, channel f's multiplier m[f]
    for p in range(n):
        o = p * F
        for f in range(F):
            out[o + f] = min(max((a[o + f] * m[f] + (1 << (s - 1))) >> s, lo), 127)


def requant_q15(a, n, F, m, s, lo, out):
    # per channel with Q15 multipliers: products far past int16, one fused
    # esp.vmul (SAR s - 1), + 1, >> 1 per 8 lanes
    for p in range(n):
        o = p * F
        for f in range(F):
            out[o + f] = min(max((a[o + f] * m[f] + (1 << (s - 1))) >> s, lo), 127)


def requant_flat(a, mrep, n, s, lo, out):
    # the same with the multipliers repeated for every position (mrep[p*F +
    # f] = m[f], as lib/p4nn's brep): one loop over n*F values
    for i in range(n):
        out[i] = min(max((a[i] * mrep[i] + (1 << (s - 1))) >> s, lo), 127)


def clamp16_8(h, n, out):
    # vec10: a clamp by constants proves the range: no test per iteration
    for i in range(n):
        out[i] = max(-128, min(127, h[i]))


a = array("h", [(i * 7919) % 2001 - 1000 for i in range(N)])
b = array("h", [(i * 5 + 1) % 61 - 30 for i in range(N)])
c = array("h", [0] * N)
a8 = array("b", [(i * 7 + 3) % 23 - 11 for i in range(N)])
b8 = array("b", [(i * 5 + 1) % 21 - 10 for i in range(N)])
c8 = array("b", [0] * N)
m16 = array("h", [(f * 3) % 13 + 4 for f in range(16)])
m32 = array("h", [(f * 5) % 17 + 3 for f in range(32)])
mq = array("h", [16384 + f * 977 for f in range(16)])
mrep = array("h", [mq[i % 16] for i in range(N)])
acc = array("i", [(i * 7919) % 200001 - 100000 for i in range(N)])
q = array("i", [0] * 64)
for f in range(16):
    q[4 * f] = f * 37 - 300
    q[4 * f + 1] = f % 3
    q[4 * f + 2] = 1000 + f * 77
    q[4 * f + 3] = 16 + f % 4

mul16(a, b, c, N)
t0()
mul16(a, b, c, N)
t1("mul16", c)
mul8(a8, b8, c8, N)
t0()
mul8(a8, b8, c8, N)
t1("mul8", c8)
shr16(a, c, N, 3)
t0()
shr16(a, c, N, 3)
t1("shr16", c)
round_shr16(a, c, N, 3)
t0()
round_shr16(a, c, N, 3)
t1("round_shr16", c)
requant_tensor16(a, c, N, 13, 5, 0)
t0()
requant_tensor16(a, c, N, 13, 5, 0)
t1("requant_tensor16", c)
requant_channels16(a, N // 16, 16, m16, 5, -128, c)
t0()
requant_channels16(a, N // 16, 16, m16, 5, -128, c)
t1("requant_channels16", c)
requant_channels16(a, N // 32, 32, m32, 5, -128, c)
t0()
requant_channels16(a, N // 32, 32, m32, 5, -128, c)
t1("requant_channels32", c)
requant_q15(a, N // 16, 16, mq, 15, -128, c)
t0()
requant_q15(a, N // 16, 16, mq, 15, -128, c)
t1("requant_q15", c)
requant_flat(a, mrep, N, 15, -128, c)
t0()
requant_flat(a, mrep, N, 15, -128, c)
t1("requant_flat", c)
requantize(acc, N // 16, 16, q, -128, c8, 0)
t0()
requantize(acc, N // 16, 16, q, -128, c8, 0)
t1("p4nn_requantize", c8)
acc16 = array("i", [(i * 7919) % 200001 - 100000 for i in range(N)])
small16 = array("h", [(i * 37) % 255 - 127 for i in range(N)])
mrep8 = array("h", [1 << (f % 4) for f in range(N)])
shift32_16(acc16, 4, N, c)
t0()
shift32_16(acc16, 4, N, c)
t1("shift32_16", c)
narrow16_8(small16, N, c8, 0)
t0()
narrow16_8(small16, N, c8, 0)
t1("narrow16_8", c8)
mul_shift8(c, mrep8, 5, -128, N, c8, 0)
t0()
mul_shift8(c, mrep8, 5, -128, N, c8, 0)
t1("mul_shift8", c8)
clamp16_8(a, N, c8)
t0()
clamp16_8(a, N, c8)
t1("clamp16_8", c8)
