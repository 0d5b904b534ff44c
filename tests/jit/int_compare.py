# Integer comparisons in compiled code: the six operators as values and as
# branch conditions, chained comparisons (a < b < c, a <= b == c), abs,
# min/max of two ints, sign and clamp helpers, at 0, -1 and the 32-bit ends.
def cmp_mask(a, b):
    m = 0
    if a < b:
        m |= 1
    if a <= b:
        m |= 2
    if a == b:
        m |= 4
    if a != b:
        m |= 8
    if a > b:
        m |= 16
    if a >= b:
        m |= 32
    return m


def as_values(a, b):
    return (a < b) + 2 * (a <= b) + 4 * (a == b) + 8 * (a != b) + 16 * (a > b) + 32 * (a >= b)


def between(lo, x, hi):
    return lo <= x < hi


def chain4(a, b, c, d):
    return a < b < c < d


def chain_mixed(a, b, c):
    return a <= b == c != a


def sign(x):
    if x > 0:
        return 1
    elif x < 0:
        return -1
    return 0


def clamp(x, lo, hi):
    return max(lo, min(x, hi))


def mm(a, b):
    return min(a, b) * 3 + max(a, b) - abs(a - b)


vals = [0, 1, -1, 2, -2, 100, -100, 2147483647, -2147483648]
for a in vals:
    print(a, [cmp_mask(a, b) for b in vals], sign(a), abs(a) if a != -2147483648 else "-")
    for b in vals:
        if cmp_mask(a, b) != as_values(a, b):
            print("mismatch", a, b)
for x in (-5, -1, 0, 1, 9, 10, 11):
    print(x, between(0, x, 10), between(x, 5, x), chain4(-1, x, 10, 11), chain_mixed(x, 1, 1))
for x in (-300, -129, -128, 0, 127, 128, 2147483647, -2147483648):
    print(x, clamp(x, -128, 127), clamp(x, 0, 255))
for a, b in ((3, 7), (7, 3), (-4, -4), (0, -1), (1000, -1000)):
    print(a, b, mm(a, b), min(a, b), max(a, b))
