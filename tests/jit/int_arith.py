# Integer + - * and unary minus in compiled code against CPython, with
# operands near the 32-bit limits (2**31-1, -2**31) whose results still fit,
# accumulations, and operand orders the optimiser may fold or reassociate.
MAXI = 2147483647
MINI = -2147483648


def add(a, b):
    return a + b


def sub(a, b):
    return a - b


def mul(a, b):
    return a * b


def neg(a):
    return -a


def expr(a, b, c):
    # constants on both sides, repeated operands, identities
    return (a + 0) * 1 + (b - b) + c * 0 + 3 * a - (2 - c) + (-b) * -1


def accumulate(n, step):
    s = 0
    for i in range(n):
        s = s + i * step - (i - 1)
    return s


def near_limits(k):
    # every intermediate stays inside [-2**31, 2**31-1]
    hi = MAXI - k
    lo = MINI + k
    return (hi + k) - MAXI + (lo - k) - MINI + hi // 2 + lo // 2


vals = [0, 1, -1, 2, -2, 7, -13, 255, -256, 32767, -32768, 46340]
for a in vals:
    row = []
    for b in vals[:11]:
        row.append(add(a, b) ^ sub(a, b) ^ mul(a, b))
    print(a, neg(a), row)
print(add(MAXI, 0), add(MAXI - 1, 1), add(MINI, MAXI), sub(MINI, -1), sub(0, MAXI))
print(sub(MAXI, MAXI), sub(-1, MAXI), mul(MAXI, 1), mul(MAXI, -1), mul(MINI, 1), mul(-1, MAXI))
print(mul(46340, 46340), mul(-46341, 46340), mul(65536, 32767), mul(-65536, 32768))
print(neg(MAXI), neg(0), neg(-1), neg(MINI + 1))
for a, b, c in ((1, 2, 3), (-5, 7, 0), (100000, -3, 99), (0, 0, 0)):
    print(a, b, c, expr(a, b, c))
print(accumulate(100, 3), accumulate(1000, -7), accumulate(0, 5), accumulate(1, 1))
for k in (0, 1, 1000, 2147483647):
    print(k, near_limits(k))
