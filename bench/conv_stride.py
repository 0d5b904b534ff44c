# conv_stride (p4nn7): should lib/p4nn's separate stride-1 and stride-2 row
# kernels ("separate": the library's own) become one per kernel size with
# the stride a parameter? "merged": the library's signature plus S (9
# parameters: the JIT compiles up to 16 since jitcall, the ninth on the
# stack); "eight": the 1x1 kernel merged without its unused WC (8
# parameters). Rows of the shapes a model meets (c1 and c2 of the first
# model as unpooled rows, stride-2 stems, 1x1 layers); each kernel runs
# twice, the second call is measured; every form of one row prints the
# same checksum. The library's kernels are imported (SEPARATE); the ones
# defined here are the variants measured against them, not copies (the
# stride a parameter, or WC dropped). Run it with
#   p4jit run --on p4sim [-X pie=off | -X jit=off] bench/conv_stride.py
from array import array
from layers import int8s, checksum
import p4
import p4nn


def call(fn, a):  # (a call with *args does not enter compiled code)
    if len(a) == 8:
        fn(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7])
    else:
        fn(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8])


def measure(name, fn, args, macs, out):
    call(fn, args)
    p4.heap_live()  # a collection now, not in the measured call
    c0 = p4.cycles()
    call(fn, args)
    cycles = (p4.cycles() - c0) & 0x7FFFFFFF
    print(name, checksum(out), "cycles", cycles, "macs", macs)


def conv3x3_row(inp, base, WC, C, wt, F, S, OW, acc):
    # merged: p4nn's conv3x3_s1_row with the stride S a parameter
    KC = 3 * C
    SC = S * C
    for ox in range(OW):
        for f in range(F):
            a = 0
            for ky in range(3):
                b = base + ky * WC + ox * SC
                wb = ky * KC * F + f
                for i in range(KC):
                    a += inp[b + i] * wt[wb + i * F]
            acc[ox * F + f] = a


def conv1x1_row(inp, base, WC, C, wt, F, S, OW, acc):
    # merged, with conv3x3_row's signature (WC unused)
    SC = S * C
    for ox in range(OW):
        for f in range(F):
            a = 0
            b = base + ox * SC
            for c in range(C):
                a += inp[b + c] * wt[c * F + f]
            acc[ox * F + f] = a


def conv1x1_row8(inp, base, C, wt, F, S, OW, acc):
    # merged without the unused WC: 8 parameters, none on the stack
    SC = S * C
    for ox in range(OW):
        for f in range(F):
            a = 0
            b = base + ox * SC
            for c in range(C):
                a += inp[b + c] * wt[c * F + f]
            acc[ox * F + f] = a


SEPARATE = {(3, 1): p4nn.conv3x3_s1_row, (3, 2): p4nn.conv3x3_s2_row, (1, 1): p4nn.conv1x1_s1_row,
            (1, 2): p4nn.conv1x1_s2_row}
MERGED = {3: conv3x3_row, 1: conv1x1_row}

if __name__ == "__main__":
    for K, S, OW, C, F in ((3, 1, 28, 1, 16), (3, 1, 14, 16, 32), (3, 2, 14, 1, 16), (3, 2, 7, 32, 64),
                           (3, 2, 5, 3, 7), (1, 1, 14, 16, 32), (1, 2, 7, 32, 64), (1, 2, 9, 5, 3)):
        W = (OW - 1) * S + K
        inp = int8s(K * W * C, 13, 5)
        wt = int8s(K * K * C * F, 29, 11)
        acc = array("i", bytes(4 * OW * F))
        name = "k%d_s%d_%d_%d_%d" % (K, S, OW, C, F)
        macs = OW * F * K * K * C
        measure("separate_" + name, SEPARATE[(K, S)], (inp, 0, W * C, C, wt, F, OW, acc), macs, acc)
        measure("merged_" + name, MERGED[K], (inp, 0, W * C, C, wt, F, S, OW, acc), macs, acc)
        if K == 1:
            measure("eight_" + name, conv1x1_row8, (inp, 0, C, wt, F, S, OW, acc), macs, acc)
