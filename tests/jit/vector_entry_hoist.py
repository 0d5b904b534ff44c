# A vector loop entered once per output vector whose bail-out checks
# (vec19, src/jit/vector_entry.c) are tested once per entry of the loop
# around it, at both ends of that loop's counter: the errors must still be
# the interpreter's, at its point, with the earlier outputs stored. An
# index out of range only in a late outer iteration (the last column of the
# last row), negative indices (which wrap), an offset that passes int32 only
# in the last columns, the filter count changing between calls of the same
# compiled code, and counters that run down or step by more than one.
from array import array


def cols(inp, wt, out, F, OW, OH, base):
    # one input channel, 3 taps per output, the filters innermost
    for oy in range(OH):
        for ox in range(OW):
            o = (base + oy * OW + ox) * F
            for f in range(F):
                a = 0
                for kx in range(3):
                    a += inp[oy * (OW + 2) + ox + kx] * wt[kx * F + f]
                out[o + f] = a


def cols_down(inp, wt, out, F, OW, OH):
    # the columns from the last to the first, the outputs mirrored
    for oy in range(OH):
        for ox in range(OW - 1, -1, -1):
            o = ((OH - 1 - oy) * OW + OW - 1 - ox) * F
            for f in range(F):
                a = 0
                for kx in range(3):
                    a += inp[oy * (OW + 2) + ox + kx] * wt[kx * F + f]
                out[o + f] = a


def cols_step(inp, wt, out, F, OW, OH, shift):
    # every other column, outputs at (ox - shift) * F: negative while ox < shift
    for oy in range(OH):
        for ox in range(0, OW, 2):
            o = (oy * OW + ox - shift) * F
            for f in range(F):
                a = 0
                for kx in range(3):
                    a += inp[oy * (OW + 2) + ox + kx] * wt[kx * F + f]
                out[o + f] = a


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


for F in (8, 16, 3, 24, 16, 1, 17):  # one compiled function, F changing between calls
    for OW, OH in ((6, 3), (5, 4)):
        inp = int8s((OW + 2) * OH, 37, 11)
        wt = int8s(3 * F, 53, 7)
        n_out = OW * OH * F
        for n, base in ((n_out, 0), (n_out - 1, 0), (n_out + F, 1), (n_out, 1), (n_out - F + 1, 0)):
            out = array('i', [0] * n)
            run('cols %d %d %d %d %d' % (F, OW, OH, n, base), cols, inp, wt, out, F, OW, OH, base)
            print(checksum(out))
        # the offset passes int32 in the last columns of the last row only
        out = array('i', [0] * n_out)
        run('cols past int32', cols, inp, wt, out, F, OW, OH, 2 ** 31 // F - OW * OH + 1)
        print(checksum(out))
        out = array('i', [0] * n_out)
        run('cols far', cols, inp, wt, out, F, OW, OH, -2 ** 31 // F)
        print(checksum(out))
        for n in (n_out, n_out - 1, n_out - F):
            out = array('i', [0] * n)
            run('down %d %d %d %d' % (F, OW, OH, n), cols_down, inp, wt, out, F, OW, OH)
            print(checksum(out))
        for shift in (0, 1, 2, 3):
            out = array('i', [0] * n_out)
            run('step %d %d %d %d' % (F, OW, OH, shift), cols_step, inp, wt, out, F, OW, OH, shift)
            print(checksum(out))
        out = array('i', [0] * n_out)
        run('input short', cols, inp[:-1], wt, out, F, OW, OH, 0)
        print(checksum(out))
