# The power operator on ints: a constant exponent from 0 to 31 is compiled
# (square and multiply with checked multiplies); other exponents keep their
# function interpreted (refused with a reason), and both must print what
# CPython prints. Also squares inside loops and of
# negative numbers, and powers built by repeated multiplication.
def square(x):
    return x ** 2


def sum_squares(n):
    s = 0
    for i in range(-n, n + 1):
        s += i ** 2
    return s


def cube(x):
    return x ** 3          # exponent 3: the function is refused


def power0(x):
    return x ** 0 + x ** 1  # exponents 0 and 1: refused too


def ipow(b, e):
    # exponentiation by squaring with multiplies only: compiled
    r = 1
    while e > 0:
        if e & 1:
            r *= b
        b *= b if e > 1 else 1
        e >>= 1
    return r


def pythagorean(n):
    c = 0
    for a in range(1, n):
        for b in range(a, n):
            for h in range(b, n):
                if a ** 2 + b ** 2 == h ** 2:
                    c += 1
    return c


for x in (0, 1, -1, 2, -3, 100, -46340, 46340):
    print(x, square(x), cube(x) if abs(x) < 1000 else "-", power0(x))
print(sum_squares(0), sum_squares(10), sum_squares(1000))
for b, e in ((2, 0), (2, 10), (3, 13), (-2, 15), (-3, 5), (7, 1), (0, 5), (1, 30)):
    print(b, e, ipow(b, e), b ** e)
print(pythagorean(40))
