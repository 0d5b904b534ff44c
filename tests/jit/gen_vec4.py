"""Conv and dense nests with their shapes as arguments, for genprog.py (jit/random).

vec4b's shapes: convs in the loop orders bench/layers_vec4.py measures (CHW
with C channels, vectorised over output x; HWC with the channel loop
outside the taps, over the filters), the HWC conv of bench/layers.py with a
module-constant channel count of 16 or more (16 taps per load in a conv
nest), a dense layer (a dot product into XACC) with a bias read from the
output array, and an output offset read from an array that is at some
calls the output itself (the alias guard: the vector loop must not run).
Sizes 1 to 40 and a few large ones; arrays one element short. Own random
stream ("vec4<seed>"), so the rest of a program is what it was without it.
"""
import random

from gen_vec3 import Vec3Gen

SOURCES = {
    "v4_conv_chw": [
        "def v4_conv_chw(inp, wts, out, H, W, C, F):",
        "    for f in range(F):",
        "        for oy in range(H - 2):",
        "            for ox in range(W - 2):",
        "                acc = 0",
        "                for c in range(C):",
        "                    for ky in range(3):",
        "                        for kx in range(3):",
        "                            acc += inp[(c * H + oy + ky) * W + ox + kx] * wts[((f * C + c) * 3 + ky) * 3 + kx]",
        "                out[(f * (H - 2) + oy) * (W - 2) + ox] = acc",
    ],
    "v4_conv_hwc_ck": [
        "def v4_conv_hwc_ck(inp, wts, out, H, W, C, F, sh):",
        "    for oy in range(H - 2):",
        "        for ox in range(W - 2):",
        "            for f in range(F):",
        "                acc = 0",
        "                for ch in range(C):",
        "                    for ky in range(3):",
        "                        for kx in range(3):",
        "                            acc += inp[((oy + ky) * W + ox + kx) * C + ch] * wts[((ky * 3 + kx) * C + ch) * F + f]",
        "                out[(oy * (W - 2) + ox) * F + f + sh[0]] = acc",
    ],
    "v4_conv_c16": [
        "V4_C = %d",
        "def v4_conv_c16(inp, wts, out, H, W, F):",
        "    for oy in range(H - 2):",
        "        for ox in range(W - 2):",
        "            for f in range(F):",
        "                acc = 0",
        "                for ky in range(3):",
        "                    for kx in range(3):",
        "                        base = ((oy + ky) * W + (ox + kx)) * V4_C",
        "                        wbase = (ky * 3 + kx) * V4_C * F + f",
        "                        for ch in range(V4_C):",
        "                            acc += inp[base + ch] * wts[wbase + ch * F]",
        "                out[(oy * (W - 2) + ox) * F + f] = acc",
    ],
    "v4_dense_bias": [
        "def v4_dense_bias(x, w, y, n_in, n_out):",
        "    for o in range(n_out):",
        "        acc = y[o]",
        "        for i in range(n_in):",
        "            acc += x[i] * w[o * n_in + i]",
        "        y[o] = acc",
    ],
}


class Vec4Gen(Vec3Gen):
    SOURCES = SOURCES
    PREFIX = "V4_"

    def __init__(self, seed):
        super().__init__(seed)
        self.r = random.Random("vec4%d" % seed)

    def chosen(self):
        self.channels = self.r.choice([16, 17, 24, 32, 33])

    def source_of(self, name):
        src = SOURCES[name]
        return [src[0] % self.channels] + src[1:] if name == "v4_conv_c16" else src

    def big(self):
        """A size of 1 to 40, now and then a large one."""
        return self.r.choice([self.size(), self.size(), self.size(), self.r.choice([64, 100, 257])])

    def args(self, k, a):
        r = self.r
        if k == "v4_conv_chw":
            H, W, C, F = r.randint(3, 6), r.choice([r.randint(3, 42), 3, 18, 19]), r.randint(1, 4), r.randint(1, 3)
            args = [a("b", C * H * W), a("b", 9 * C * F), a("i", F * (H - 2) * (W - 2) + 1, True, 3),
                    str(H), str(W), str(C), str(F)]
        elif k == "v4_conv_hwc_ck":
            H, W, C, F = r.randint(3, 5), r.randint(3, 5), r.randint(1, 4), self.size(40)
            n_out = (H - 2) * (W - 2) * F
            out = a("i", n_out + 3, True, r.choice([0, 1, 2]))
            # the offset: a separate array, or the output itself (its first
            # element: a load of the stored array, so no vector iteration)
            sh = out if self.p(0.3) else "array('i', [%d])" % r.choice([0, 1, 2, 4])
            args = [a("b", H * W * C), a("b", 9 * C * F), out, str(H), str(W), str(C), str(F), sh]
        elif k == "v4_conv_c16":
            H, W, F = r.randint(3, 4), r.randint(3, 5), self.size(20)
            args = [a("b", H * W * self.channels), a("b", 9 * self.channels * F),
                    a("i", (H - 2) * (W - 2) * F + 1, True, -2), str(H), str(W), str(F)]
        else:
            n_in, n_out = self.big(), r.randint(1, 5)
            args = [a("b", n_in), a("b", n_in * n_out), a("i", n_out + r.choice([0, 2]), True, r.choice([0, -9, 2 ** 30])),
                    str(n_in), str(n_out)]
        return args
