# p4: float-tolerance
# Single-precision arithmetic in compiled code: + - * / and unary minus,
# loop-carried accumulators, signed zeros, infinities and nan flowing through
# (no exception), abs/min/max of floats. Values are chosen to be exact or
# printed rounded, so CPython (double) agrees within the float32 tolerance.
def combo(a, b):
    return (a + b) * 2.0 - (a - b) * 0.5 + a * b


def quot(a, b):
    return a / b


def neg(a):
    return -a


def lerp(a, b, t):
    return a + (b - a) * t


def harmonic(n):
    s = 0.0
    for i in range(1, n + 1):
        s += 1.0 / i
    return s


def geometric(n, r):
    s = 0.0
    p = 1.0
    for i in range(n):
        s += p
        p *= r
    return s


def through_inf(x):
    y = x * 1e30
    z = y * 1e30
    return z - z


def absmm(a, b):
    return abs(a - b) + min(a, b) * 2.0 - max(a, b)


vals = [0.0, 1.0, -1.0, 0.5, -2.25, 3.75, 1024.0, -0.125]
for a in vals:
    print(a, neg(a), [quot(a, b) for b in vals if b != 0.0])
    print(a, [round(lerp(a, b, 0.25), 4) for b in vals])
    print(a, [absmm(a, b) for b in vals], [combo(a, b) for b in vals])
print(round(harmonic(100), 3), round(harmonic(1), 3))
print(round(geometric(20, 0.5), 4), geometric(10, 2.0), geometric(0, 3.0))
print(through_inf(1.0), through_inf(0.0), through_inf(-1.0))
print(neg(0.0), quot(-0.0, 1.0), quot(1.0, -1e30) * 1e30)
