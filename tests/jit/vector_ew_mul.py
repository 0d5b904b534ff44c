# Elementwise multiplies and right shifts of int8 (16 lanes) and int16 (8
# lanes) arrays, which elementwise.c runs on PIE (esp.vmul.s8/s16): products
# that fit, products that do not (the iteration goes to the scalar loop,
# which raises OverflowError at the store), shifts by uniform counts from 0
# past the lane width, the rounding shift of a requantize, and a fixed-point
# requantize with a per-channel multiplier array, fused multiply-shifts
# ((x * y) >> s, (x * y + (1 << (s - 1))) >> s), on every trip count from 0
# to 40 and a few large ones.
from array import array


def mul(a, b, c, n):
    for i in range(n):
        c[i] = a[i] * b[i]


def scale(a, c, n, k):
    for i in range(n):
        c[i] = a[i] * k


def shr(a, c, n, s):
    for i in range(n):
        c[i] = a[i] >> s


def round_shr(a, c, n, s):
    for i in range(n):
        c[i] = (a[i] + (1 << (s - 1))) >> s


def requant(a, m, c, n, s, lo, hi):
    # a fixed-point multiply, a rounding shift, a clamp (int16 lanes: the
    # product must fit them, else that iteration is the scalar loop's)
    for i in range(n):
        c[i] = min(max((a[i] * m[i] + (1 << (s - 1))) >> s, lo), hi)


def fixmul(a, b, c, n, s):
    # one esp.vmul with SAR s: the product is never narrowed to the lane
    for i in range(n):
        c[i] = (a[i] * b[i]) >> s


def fixround(a, b, c, n, r, s):
    # fused when r == 1 << (s - 1) (tested before the loop), else scalar
    for i in range(n):
        c[i] = (r + a[i] * b[i]) >> s


def mac(a, b, c, n):
    for i in range(n):
        c[i] = c[i] + a[i] * b[i]


def ahead(c, n):
    # each element from the one the previous iteration stored: scalar
    for i in range(n):
        c[i + 1] = c[i] * 2


def checksum(c):
    s = 0
    for v in c:
        s = (s * 31 + v) & 0xFFFFFF
    return s


def run(f, c, *args):
    try:
        f(*args)
        return checksum(c)
    except OverflowError as e:
        return "OverflowError %s %d" % (e, checksum(c))
    except ValueError as e:
        return "ValueError %s %d" % (e, checksum(c))


for tc, span in (("b", 256), ("h", 65536)):
    N = 300
    small = array(tc, [(i * 7 + 3) % 23 - 11 for i in range(N)])
    full = array(tc, [(i * 7919 + 13) % span - span // 2 for i in range(N)])
    mult = array(tc, [(i * 5 + 1) % 13 - 6 for i in range(N)])
    big = array(tc, [span // 2 - 1 - (i % 3) for i in range(N)])
    for n in list(range(41)) + [63, 64, 129, 255, 300]:
        c = array(tc, [5] * N)
        row = [tc, n]
        row.append(run(mul, c, small, mult, c, n))
        row.append(run(mul, c, small, full, c, n))      # overflows where |full| is large
        row.append(run(mul, c, mult, mult, c, n))
        row.append(run(scale, c, small, c, n, 3))
        row.append(run(scale, c, full, c, n, -1))       # -(-128) overflows
        row.append(run(scale, c, big, c, n, 1))
        for s in (0, 1, 3, 7, 8, 15, 16, 40):
            row.append(run(shr, c, full, c, n, s))
        for s in (1, 4, 8):
            row.append(run(round_shr, c, full, c, n, s))  # the sum leaves the range at the top
        row.append(run(shr, c, full, c, n, -1))         # ValueError: negative shift count
        row.append(run(requant, c, small, mult, c, n, 2, -100, 100))
        row.append(run(requant, c, full, mult, c, n, 4, -30, 30))
        for s in (0, 1, 7, 8, 15, 16, 31, 40):
            row.append(run(fixmul, c, full, full, c, n, s))
        for s in (1, 6, 8, 15, 16, 31, 32):
            row.append(run(fixround, c, full, big, c, n, 1 << (s - 1), s))
        row.append(run(fixround, c, full, mult, c, n, 3, 2))
        d = array(tc, [1] * N)
        row.append(run(mac, d, small, mult, d, n))      # the output is an input
        print(*row)
    # aliasing: the output one element ahead of an input
    c = array(tc, [(i % 9) - 4 for i in range(50)])
    print(tc, run(ahead, c, c, 40))
    # a short output array: IndexError at the right element
    c = array(tc, [0] * 20)
    try:
        mul(small, mult, c, 30)
    except IndexError as e:
        print("IndexError", e, checksum(c))
