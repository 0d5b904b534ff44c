# conv2d: int8 input 16x16x8 (HWC), int8 weights 3x3x8x8, int32 output, valid padding.
from array import array
import p4

H = W = 16
C = 8
F = 8
OH, OW = H - 2, W - 2


def conv2d(inp, wts, out):
    for oy in range(OH):
        for ox in range(OW):
            for f in range(F):
                acc = 0
                for ky in range(3):
                    for kx in range(3):
                        base = ((oy + ky) * W + (ox + kx)) * C
                        wbase = (ky * 3 + kx) * C * F + f
                        for ch in range(C):
                            acc += inp[base + ch] * wts[wbase + ch * F]
                out[(oy * OW + ox) * F + f] = acc


inp = array("b", [(i * 13 + 5) % 256 - 128 for i in range(H * W * C)])
wts = array("b", [(i * 29 + 11) % 256 - 128 for i in range(3 * 3 * C * F)])
out = array("i", [0] * (OH * OW * F))
start = p4.instret()
conv2d(inp, wts, out)  # kernel
used = (p4.instret() - start) & 0x7FFFFFFF
check = 0
for v in out:
    check = (check * 31 + v) & 0xFFFFFF
print("checksum", check, out[0], out[len(out) - 1])
print("kernel-instret", used, "macs", OH * OW * F * 3 * 3 * C)
start, cstart = p4.instret(), p4.cycles()
conv2d(inp, wts, out)  # the same again: with the JIT, compiled code only
used, cycles = (p4.instret() - start) & 0x7FFFFFFF, (p4.cycles() - cstart) & 0x7FFFFFFF
print("kernel-again-instret", used, "macs", OH * OW * F * 3 * 3 * C)
print("kernel-again-cycles", cycles)
