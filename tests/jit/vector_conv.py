# A convolution whose filter loop (F iterations, three loops inside) runs
# on PIE lanes: 8 lanes when F is a constant from 8 to 15, 16 from 16 on,
# the rest scalar; arrays one element short raise where CPython does.
# Compared with CPython; QEMU runs it scalar.
from array import array

H = W = 6
C = 3


def conv(inp, wts, out, F):
    for oy in range(H - 2):
        for ox in range(W - 2):
            for f in range(F):
                acc = 0
                for ky in range(3):
                    for kx in range(3):
                        base = ((oy + ky) * W + (ox + kx)) * C
                        wbase = (ky * 3 + kx) * C * F + f
                        for ch in range(C):
                            acc += inp[base + ch] * wts[wbase + ch * F]
                out[(oy * (W - 2) + ox) * F + f] = acc


def run(F, fn, short_inp=0, short_wts=0, short_out=0):
    inp = array("b", [(i * 13 + 5) % 256 - 128 for i in range(H * W * C - short_inp)])
    wts = array("b", [(i * 29 + 11) % 256 - 128 for i in range(9 * C * F - short_wts)])
    out = array("i", [0] * ((H - 2) * (W - 2) * F - short_out))
    try:
        fn(inp, wts, out) if fn else conv(inp, wts, out, F)
    except IndexError as e:
        print("IndexError", e)
    s = 0
    for v in out:
        s = (s * 31 + v) & 0xFFFFFF
    print(F, s, out[0], out[len(out) - 1])


F8 = 8
F12 = 12


def conv_f8(inp, wts, out):  # F a module constant: 8 lanes
    for oy in range(H - 2):
        for ox in range(W - 2):
            for f in range(F8):
                acc = 0
                for ky in range(3):
                    for kx in range(3):
                        base = ((oy + ky) * W + (ox + kx)) * C
                        wbase = (ky * 3 + kx) * C * F8 + f
                        for ch in range(C):
                            acc += inp[base + ch] * wts[wbase + ch * F8]
                out[(oy * (W - 2) + ox) * F8 + f] = acc


def conv_f12(inp, wts, out):  # 8 lanes, then 4 scalar
    for oy in range(H - 2):
        for ox in range(W - 2):
            for f in range(F12):
                acc = 0
                for ky in range(3):
                    for kx in range(3):
                        base = ((oy + ky) * W + (ox + kx)) * C
                        wbase = (ky * 3 + kx) * C * F12 + f
                        for ch in range(C):
                            acc += inp[base + ch] * wts[wbase + ch * F12]
                out[(oy * (W - 2) + ox) * F12 + f] = acc


for F in (1, 8, 16, 17, 20):
    run(F, None)
run(8, conv_f8)
run(12, conv_f12)
# one element short: with constant loops the largest index is known, tested
# once before the vector loop, which then does not run at all
run(8, conv_f8, short_inp=1)
run(8, conv_f8, short_wts=1)
run(8, conv_f8, short_out=1)
run(12, conv_f12, short_wts=3)
run(20, None, short_wts=1)
