# Vector loops entered once per output position from deep outer loops
# (vec13: the vector loop runs from one iteration on, its scalar copy only
# on a bail-out, and rega weights its uses as such, so the outer loops keep
# their values in registers). The bail-outs on a late outer iteration must
# still come out as the interpreter's: IndexError in the last lane of the
# last position (input, weights or output one short), an index past int32
# (the interpreter's int beyond 32 bits, then IndexError), one filter (on
# lanes too, inside other loops), and a sum stored past int32 (OverflowError,
# in conv_k, whose sum starts from a bias and stays scalar).
from array import array


def conv_c1(inp, base, wt, F, OW, RP, acc):
    # lib/p4nn's conv3x3_c1_pairs as MNIST's first layer runs it (a copy:
    # the test keeps this nest whatever the library becomes, and CPython
    # runs it without lib/p4nn): one input channel, F filters in lanes
    W = OW + 2
    PW = OW // 2
    F2 = 2 * F
    for rp in range(RP):
        for r in range(2):
            for h in range(2):
                for j in range(PW):
                    o = (((2 * r + h) * RP + rp) * PW + j) * F
                    for f in range(F):
                        a = 0
                        b0 = base + (2 * rp + r) * W + 2 * j + h
                        for ky in range(3):
                            b = b0 + ky * W
                            wb = 3 * ky * F + f
                            a += inp[b] * wt[wb]
                            a += inp[b + 1] * wt[wb + F]
                            a += inp[b + 2] * wt[wb + F2]
                        acc[o + f] = a


def conv_k(src, k, dst, H, W, F, ks, bias):
    # another order and names: a ks x ks kernel, the filter loop inside the
    # output column, a bias in the sum
    for yy in range(H - ks + 1):
        for xx in range(W - ks + 1):
            for g in range(F):
                s = bias
                for dy in range(ks):
                    for dx in range(ks):
                        s += src[(yy + dy) * W + xx + dx] * k[(dy * ks + dx) * F + g]
                dst[(yy * (W - ks + 1) + xx) * F + g] = s


def conv_k0(src, k, dst, H, W, F, ks):
    # conv_k without the bias: on PIE lanes (a sum from a bias stays scalar)
    for yy in range(H - ks + 1):
        for xx in range(W - ks + 1):
            for g in range(F):
                s = 0
                for dy in range(ks):
                    for dx in range(ks):
                        s += src[(yy + dy) * W + xx + dx] * k[(dy * ks + dx) * F + g]
                dst[(yy * (W - ks + 1) + xx) * F + g] = s


def int8s(n, mul, add):
    return array('b', [(i * mul + add) % 256 - 128 for i in range(n)])


def checksum(a):
    s = 0
    for v in a:
        s = (s * 31 + v) & 0xFFFFFF
    return s


def run(what, fn, *args):
    try:
        fn(*args)
        print(what, 'ok')
    except Exception as e:
        print(what, type(e).__name__)


for F in (1, 2, 8, 16, 17, 24):
    for OW, RP in ((4, 1), (6, 2)):
        W = OW + 2
        n_in = W * (2 * RP + 2)
        n_acc = 4 * RP * (OW // 2) * F
        inp = int8s(n_in, 37, 11)
        wt = int8s(9 * F, 53, 7)
        acc = array('i', [0] * n_acc)
        run('c1', conv_c1, inp, 0, wt, F, OW, RP, acc)
        print(F, OW, RP, checksum(acc))
        acc = array('i', [0] * n_acc)
        run('c1 input short', conv_c1, int8s(n_in - 1, 37, 11), 0, wt, F, OW, RP, acc)
        print(checksum(acc))
        acc = array('i', [0] * n_acc)
        run('c1 weights short', conv_c1, inp, 0, int8s(9 * F - 1, 53, 7), F, OW, RP, acc)
        print(checksum(acc))
        acc = array('i', [0] * (n_acc - 1))
        run('c1 output short', conv_c1, inp, 0, wt, F, OW, RP, acc)
        print(checksum(acc))
        acc = array('i', [0] * n_acc)
        run('c1 base past int32', conv_c1, inp, 2 ** 31 - n_in + 2, wt, F, OW, RP, acc)
        print(checksum(acc))
        acc = array('i', [0] * n_acc)
        run('c1 base one past', conv_c1, inp, 1, wt, F, OW, RP, acc)
        print(checksum(acc))

for F in (1, 3, 8, 16, 24):
    for ks in (1, 3, 5):
        H, W = ks + 2, ks + 3
        src = int8s(H * W, 101, 3)
        k = int8s(ks * ks * F, 3, 200)
        n_out = (H - ks + 1) * (W - ks + 1) * F
        for bias in (0, -5, 2 ** 31 - 1 - 300000, -2 ** 31 + 10):
            dst = array('i', [0] * n_out)
            run('k %d %d %d' % (F, ks, bias), conv_k, src, k, dst, H, W, F, ks, bias)
            print(checksum(dst))
        dst = array('i', [0] * n_out)
        run('k short', conv_k, src, int8s(ks * ks * F - 1, 3, 200), dst, H, W, F, ks, 0)
        print(checksum(dst))
        for n_src, n_dst in ((H * W, n_out), (H * W - 1, n_out), (H * W, n_out - 1)):
            dst = array('i', [0] * n_dst)
            run('k0 %d %d %d %d' % (F, ks, n_src, n_dst), conv_k0, int8s(n_src, 101, 3), k, dst, H, W, F, ks)
            print(checksum(dst))
