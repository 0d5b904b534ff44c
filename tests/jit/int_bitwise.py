# Bitwise operators in compiled code: & | ^ ~ << >> with negative operands,
# masks, arithmetic right shifts of negatives, shift counts up to 31, and
# bit-twiddling loops (population count, parity, 16-bit reversal, gray code).
def band(a, b):
    return a & b


def bor(a, b):
    return a | b


def bxor(a, b):
    return a ^ b


def mixed(a, b):
    return (~a & b) ^ (a & ~b) ^ ~(a | b)


def xor_law(a, b):
    return (a | b) & ~(a & b) == a ^ b


def shr(a, k):
    return a >> k


def shl16(a, k):
    return (a & 0xFFFF) << (k % 16)


def popcount(x):
    x &= 0x7FFFFFFF
    c = 0
    while x:
        x &= x - 1
        c += 1
    return c


def parity(x):
    p = 0
    for i in range(31):
        p ^= (x >> i) & 1
    return p


def reverse16(x):
    r = 0
    for i in range(16):
        r = (r << 1) | (x & 1)
        x >>= 1
    return r


def gray(n):
    return n ^ (n >> 1)


def from_gray(g):
    n = g
    s = g >> 1
    while s:
        n ^= s
        s >>= 1
    return n


def masks(n):
    total = 0
    for k in range(n):
        total += ((1 << k) - 1) & 0x55555555
    return total


vals = [0, 1, -1, 5, -6, 0x7F, 0xFF, -256, 0x5A5A5A5A, -0x5A5A5A5A, 2147483647, -2147483648]
laws = 0
for a in vals:
    print(a, [(band(a, b), bor(a, b), bxor(a, b), mixed(a, b)) for b in vals[:6]])
    for b in vals:
        laws += xor_law(a, b)
print("xor law", laws)
for k in (0, 1, 4, 15, 16, 30, 31):
    print(k, shr(123456789, k), shr(-123456789, k), shr(-1, k), shr(-2147483648, k), shl16(-123456789, k))
for x in (0, 1, 255, 0x7FFFFFFF, -1, 12345678):
    print(x, popcount(x), parity(x), reverse16(x & 0xFFFF))
print([gray(i) for i in range(16)])
print(len([i for i in range(1000) if from_gray(gray(i)) == i]))
print(masks(31))
