# The conv2d kernel on a small input: HWC int8, 3x3 weights, valid padding.
from array import array
H = W = 6
C = 2
F = 3
inp = array("b", [((y * W + x) * C + ch) % 19 - 9 for y in range(H) for x in range(W) for ch in range(C)])
wts = array("b", [(i * 5) % 11 - 5 for i in range(3 * 3 * C * F)])
OH, OW = H - 2, W - 2
out = array("i", [0] * (OH * OW * F))
for oy in range(OH):
    for ox in range(OW):
        for f in range(F):
            acc = 0
            for ky in range(3):
                for kx in range(3):
                    for ch in range(C):
                        acc += inp[((oy + ky) * W + (ox + kx)) * C + ch] * wts[((ky * 3 + kx) * C + ch) * F + f]
            out[(oy * OW + ox) * F + f] = acc
print(out[:6], sum(out), max(out), min(out))
