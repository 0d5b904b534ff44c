# Vector loops entered once per output vector whose scalar copy runs only
# when a check fails (IrBlock.cold): version.c makes no check-free copy of
# such a copy's inner loops of constant count (vec22), so the checked loop
# must raise the interpreter's error at its point, with the outputs before
# it stored. A check failing only in the last iteration of the last entry,
# only on the second call of the compiled code, an offset passing int32 in
# the last columns only, filter counts that leave lanes over, five taps
# (a count version.c would otherwise copy: with the copy entered without
# its guard this fails on p4sim), and a conv nest copied for run-time
# channel counts (vec12) with its last channel out of range.
from array import array


def pairs(inp, base, wt, F, OW, RP, acc):
    # lib/p4nn's conv3x3_c1_pairs: one input channel, a kernel row's taps
    # written out, the ky loop of constant count inside the filters
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


def cols(inp, wt, out, F, OW, OH):
    # the taps in a loop of 3 inside the filters, the filters inside two loops
    for oy in range(OH):
        for ox in range(OW):
            for f in range(F):
                a = 0
                for kx in range(3):
                    a += inp[oy * (OW + 2) + ox + kx] * wt[kx * F + f]
                out[(oy * OW + ox) * F + f] = a


def taps5(inp, wt, out, F, OW, OH):
    # five taps: a loop of constant count that version.c would copy
    for oy in range(OH):
        for ox in range(OW):
            for f in range(F):
                a = 0
                for kx in range(5):
                    a += inp[oy * (OW + 4) + ox + kx] * wt[kx * F + f]
                out[(oy * OW + ox) * F + f] = a


def conv3x3(inp, wts, out, H, W, C, F):
    # HWC with run-time channels: the nest is copied for C of 16 or more
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


for F in (16, 8, 3, 17, 1, 32):  # one compiled function, F changing between calls
    for OW, RP in ((4, 1), (6, 2)):
        W = OW + 2
        n_in = (2 * RP + 2) * W
        wt = int8s(9 * F, 53, 7)
        n_out = 4 * RP * (OW // 2) * F
        for n_i, n_w, n_o, base in ((n_in, 9 * F, n_out, 0),       # all in range
                                    (n_in - 1, 9 * F, n_out, 0),   # the last tap of the last entry
                                    (n_in, 9 * F - 1, n_out, 0),   # the last filter's last weight
                                    (n_in, 9 * F, n_out - 1, 0),   # the last output
                                    (n_in + 1, 9 * F, n_out, 1),   # shifted by one: in range
                                    (n_in, 9 * F, n_out, 1)):      # shifted: the last row out
            acc = array('i', [0] * n_o)
            run('pairs %d %d %d %d %d %d %d' % (F, OW, RP, n_i, n_w, n_o, base),
                pairs, int8s(n_i, 37, 11), base, wt[:n_w], F, OW, RP, acc)
            print(checksum(acc))
        # the first call in range, the second short: the same compiled code
        acc = array('i', [0] * n_out)
        inp = int8s(n_in, 37, 11)
        run('pairs first', pairs, inp, 0, wt, F, OW, RP, acc)
        run('pairs second', pairs, inp[:n_in - 2], 0, wt, F, OW, RP, acc)
        print(checksum(acc))
        # an offset passing int32 in the last columns only
        acc = array('i', [0] * n_out)
        run('pairs past int32', pairs, inp, 2 ** 31 - n_in + 2, wt, F, OW, RP, acc)
        print(checksum(acc))
    for OW, OH in ((6, 3), (5, 2)):
        inp = int8s((OW + 2) * OH, 41, 3)
        wt = int8s(3 * F, 29, 5)
        n_out = OW * OH * F
        for n_i, n_w in (((OW + 2) * OH, 3 * F), ((OW + 2) * OH - 1, 3 * F), ((OW + 2) * OH, 3 * F - 1)):
            out = array('i', [0] * n_out)
            run('cols %d %d %d %d %d' % (F, OW, OH, n_i, n_w), cols, inp[:n_i], wt[:n_w], out, F, OW, OH)
            print(checksum(out))

    for OW, OH in ((6, 3), (3, 2)):
        inp = int8s((OW + 4) * OH, 43, 9)
        wt = int8s(5 * F, 31, 2)
        n_out = OW * OH * F
        for n_i, n_w, n_o in (((OW + 4) * OH, 5 * F, n_out), ((OW + 4) * OH - 1, 5 * F, n_out),
                              ((OW + 4) * OH, 5 * F - 1, n_out), ((OW + 4) * OH, 5 * F, n_out - 1)):
            out = array('i', [0] * n_o)
            run('taps5 %d %d %d %d %d %d' % (F, OW, OH, n_i, n_w, n_o), taps5, inp[:n_i], wt[:n_w], out, F, OW, OH)
            print(checksum(out))
        out = array('i', [0] * n_out)
        run('taps5 first', taps5, inp, wt, out, F, OW, OH)
        run('taps5 second', taps5, inp[:-2], wt, out, F, OW, OH)
        print(checksum(out))

for C in (16, 32, 17, 8):  # the copied nest (16, 32) and the original (17, 8)
    for H, F in ((5, 16), (4, 20)):
        inp = int8s(H * H * C, 13, 5)
        wts = int8s(9 * C * F, 29, 11)
        n_out = (H - 2) * (H - 2) * F
        for n_i, n_w in ((H * H * C, 9 * C * F), (H * H * C - 1, 9 * C * F), (H * H * C, 9 * C * F - 1)):
            out = array('i', [0] * n_out)
            run('conv %d %d %d %d %d' % (C, H, F, n_i, n_w), conv3x3, inp[:n_i], wts[:n_w], out, H, H, C, F)
            print(checksum(out))
