# Calls with default arguments between compiled functions (defaults filled
# in at compile time), results of every type: int, bool, float and None, and
# a function whose result type depends on its argument types (one
# specialisation per type combination).
def scale(x, k=3, c=-1):
    return x * k + c


def uses_defaults(n):
    s = 0
    for i in range(n):
        s += scale(i) + scale(i, 2) + scale(i, 1, 1)
    return s


def fscale(x, k=0.5):
    return x * k


def is_small(x, limit=10):
    return -limit < x < limit


def count_small(n, limit):
    c = 0
    for i in range(-n, n):
        if is_small(i * 3, limit):
            c += 1
        if is_small(i):
            c += 1
    return c


def nothing(x):
    x = x + 1


def returns_none(n):
    for i in range(n):
        if i == 3:
            return
    return


def halve(x):
    return x / 2


def either(x, y):
    return max(x, y) - min(x, y)


print(scale(5), scale(5, 10), scale(5, 10, 0), uses_defaults(10))
print(fscale(3.0), fscale(3.0, 4.0), fscale(-1.5))
print(is_small(9), is_small(10), is_small(-9), is_small(0, 0), count_small(20, 15))
print(nothing(1), returns_none(2), returns_none(10))
print(halve(5), halve(5.0), halve(True), halve(-7))
print(either(3, 8), either(2.5, -1.5), either(True, False))
