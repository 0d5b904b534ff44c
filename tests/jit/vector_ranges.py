# Checks that vector.c tests once before the vector loop, on the ranges of
# the nest's counters (docs/jit.md, "checks on ranges"): indices made with
# +, - and * of the lanes' counter, the inner loops' and the loops' around,
# with scales of either sign, both operands counters, a subtraction, inner
# loops that do not run, and arrays one element short at the first, a middle
# and the last position any lane reads. Where a range test fails no vector
# iteration runs and the scalar loop raises where CPython does; a test too
# lax would read past an array instead. Compared with CPython; QEMU runs it
# scalar.
from array import array


def conv_row(inp, base, WC, C, wt, F, OW, acc):
    # lib/p4nn's conv3x3_s1_row: one input channel makes the inner loops short
    KC = 3 * C
    for ox in range(OW):
        for f in range(F):
            a = 0
            for ky in range(3):
                b = base + ky * WC + ox * C
                wb = ky * KC * F + f
                for i in range(KC):
                    a += inp[b + i] * wt[wb + i * F]
            acc[ox * F + f] = a


def flipped(inp, W, wt, F, OW, acc):
    # the kernel read backwards: a subtraction of counters in the weight's index
    for ox in range(OW):
        for f in range(F):
            a = 0
            for k in range(3):
                a += inp[ox + k] * wt[(2 - k) * F + f]
            acc[ox * F + f] = a


def scaled(inp, s, t, wt, F, n, acc):
    # inp's index scaled by an argument of either sign, offset by t
    for f in range(F):
        a = 0
        for i in range(n):
            a += inp[t + i * s] * wt[i * F + f]
        acc[f] = a


def scaled2(inp, s, t, wt, F, n, acc):
    # a scaled counter plus another counter: the ends of the sum combine
    # the right ends of each (a negative scale swaps its ends)
    for f in range(F):
        a = 0
        for i in range(n):
            for k in range(2):
                a += inp[t + i * s + k] * wt[(i * 2 + k) * F + f]
        acc[f] = a


def product(inp, K, wt, F, acc):
    # two counters multiplied: ky * kx
    for f in range(F):
        a = 0
        for ky in range(K):
            for kx in range(K):
                a += inp[ky * kx] * wt[(ky * K + kx) * F + f]
        acc[f] = a


def from_to(inp, lo, hi, wt, F, acc):
    # an inner loop from lo to hi (may not run)
    for f in range(F):
        a = 0
        for i in range(lo, hi):
            a += inp[i] * wt[i * F + f]
        acc[f] = a


def int8s(n, mul, add):
    a = array("b", bytes(max(n, 0)))
    for i in range(n):
        a[i] = (i * mul + add) % 256 - 128
    return a


def label(name, values):
    s = name
    for v in values:
        s = s + " " + str(v)
    return s


def show(tag, acc):
    s = 0
    for v in acc:
        s = (s * 31 + v) & 0xFFFFFF
    print(tag, s, acc[0] if len(acc) else "-", acc[len(acc) - 1] if len(acc) else "-")


def call(fn, a):
    # (P4JIT has no argument unpacking)
    if len(a) == 8:
        fn(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7])
    elif len(a) == 7:
        fn(a[0], a[1], a[2], a[3], a[4], a[5], a[6])
    elif len(a) == 6:
        fn(a[0], a[1], a[2], a[3], a[4], a[5])
    else:
        fn(a[0], a[1], a[2], a[3], a[4])


def attempt(tag, fn, args, acc):
    try:
        call(fn, args)
    except IndexError as e:
        print(tag, "IndexError", e)
    show(tag, acc)


def run_conv(C, F, OW, short_inp=0, short_wt=0, short_acc=0, base=0):
    W = OW + 2
    WC = W * C
    inp = int8s(3 * WC + base - short_inp, 13, 5)
    wt = int8s(9 * C * F - short_wt, 29, 11)
    acc = array("i", bytes(4 * max(OW * F - short_acc, 0)))
    attempt(label("conv", [C, F, OW, short_inp, short_wt, short_acc, base]), conv_row,
            (inp, base, WC, C, wt, F, OW, acc), acc)


for C in (0, 1, 2, 3):
    for F in (1, 7, 8, 15, 16, 17, 33):
        for OW in (1, 2, 5, 9):
            run_conv(C, F, OW)
for F in (8, 16, 24, 32):
    for OW in (1, 4, 7):
        run_conv(1, F, OW, short_inp=1)
        run_conv(1, F, OW, short_wt=1)
        run_conv(1, F, OW, short_acc=1)
        run_conv(3, F, OW, short_wt=F)  # the last tap's row missing: the last lane of the middle of f
        run_conv(1, F, OW, base=5)
        run_conv(1, F, OW, short_inp=-4, base=-3)  # a negative index: CPython reads from the end

for F in (8, 16, 17, 40):
    for OW in (1, 3, 6):
        for short in (0, 1):
            inp = int8s(OW + 2 - short, 7, 1)
            wt = int8s(3 * F, 5, 3)
            acc = array("i", bytes(4 * OW * F))
            attempt(label("flipped", [F, OW, short]), flipped, (inp, OW + 2, wt, F, OW, acc), acc)

for F in (8, 16, 19):
    for s in (-2, -1, 0, 1, 3):
        for n in (0, 1, 5):
            for t in (0, 4, 12, 13):
                inp = int8s(13, 11, 7)
                wt = int8s(n * F, 3, 9)
                acc = array("i", bytes(4 * F))
                attempt(label("scaled", [F, s, n, t]), scaled, (inp, s, t, wt, F, n, acc), acc)

for F in (8, 16):
    for s in (-2, -1, 1, 2):
        for t in (0, 1, 8, 9):
            for m in (9, 10, 11):
                inp = int8s(m, 11, 7)
                wt = int8s(10 * F, 3, 9)
                acc = array("i", bytes(4 * F))
                attempt(label("scaled2", [F, s, t, m]), scaled2, (inp, s, t, wt, F, 5, acc), acc)

for F in (8, 16, 21):
    for K in (0, 1, 2, 4):
        for short in (0, 1):
            inp = int8s(max((K - 1) * (K - 1) + 1 - short, 0), 17, 2)
            wt = int8s(K * K * F, 23, 4)
            acc = array("i", bytes(4 * F))
            attempt(label("product", [F, K, short]), product, (inp, K, wt, F, acc), acc)

for F in (8, 16):
    for lo, hi in ((0, 0), (3, 2), (2, 7), (-1, 3), (5, 10), (5, 11)):
        inp = int8s(10, 19, 3)
        wt = int8s(11 * F, 7, 2)
        acc = array("i", bytes(4 * F))
        attempt(label("from_to", [F, lo, hi]), from_to, (inp, lo, hi, wt, F, acc), acc)
