# Float // and % in compiled code: the interpreter's own function (the
# remainder takes the divisor's sign, the quotient is floored), a zero
# divisor raising ZeroDivisionError from the right operator, signed zeros,
# infinities, int ** constant exponents (square and multiply), and float **
# through powf with its errors.


def fd(a, b):
    return a // b


def fm(a, b):
    return a % b


def wrap(x, period):
    # an angle into [0, period)
    return x % period


def steps(x, n):
    s = 0.0
    for i in range(n):
        s += (x * i) % 3.5 + (x + i) // 2.25
    return s


def powers(x):
    return x ** 0 + x ** 1 + x ** 3 + x ** 4 + x ** 7


for a, b in ((7.5, 2.0), (-7.5, 2.0), (7.5, -2.0), (-7.5, -2.0), (0.0, 3.0), (-0.0, 3.0), (-0.0, -3.0),
             (5.0, 0.0), (5, 2.5), (-5, 2.5), (3.0, float("inf")), (-3.0, float("inf")), (0.75, 0.25)):
    for f in (fd, fm):
        try:
            print(f.__name__, a, b, f(a, b))
        except ZeroDivisionError as e:
            print(f.__name__, a, b, "ZeroDivisionError", e)
print("wrap", wrap(7.25, 2.0), wrap(-7.25, 2.0), wrap(7.25, -2.0))
print("steps", steps(1.75, 20))
for x in (0, 1, -1, 2, -3, 7, 21):
    try:
        print("powers", x, powers(x))
    except OverflowError as e:
        print("powers", x, "OverflowError", e)


def fpow(a, b):
    return a ** b


# float ** through powf, as the interpreter; its errors re-raised there
for a, b in ((2.0, 0.5), (2.5, 3), (9.0, -0.5), (-8.0, 3.0), (0.0, -1.0), (0.0, 0.0),
             (4, 0.5), (-2.0, float("inf")), (1.5, -2)):
    try:
        print("fpow", a, b, round(fpow(a, b), 3))
    except (ValueError, ZeroDivisionError) as e:
        print("fpow", a, b, type(e).__name__, e)
