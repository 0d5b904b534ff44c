# p4: deviation
# 32-bit overflow raised from compiled code: every checked integer operation
# (+ - * // ** << abs, unary -, int(float), loop accumulators) fails exactly
# at the boundary and succeeds one step before it. CPython has unbounded
# ints, so the .expected file is the interpreter's output.
MAXI = 2147483647
MINI = -2147483647 - 1


def add(a, b):
    return a + b


def sub(a, b):
    return a - b


def mul(a, b):
    return a * b


def div(a, b):
    return a // b


def square(a):
    return a ** 2


def shl(a, k):
    return a << k


def absneg(a):
    return abs(a) - 1


def neg(a):
    return -a


def to_int(x):
    return int(x)


def grow(n, k):
    # multiplies until it overflows at a known iteration
    s = 1
    for i in range(n):
        s = s * k
    return s


def run(name, fn, a, b=None):
    try:
        if b is None:
            print(name, a, fn(a))
        else:
            print(name, a, b, fn(a, b))
    except (OverflowError, ZeroDivisionError) as e:
        if b is None:
            print(name, a, type(e).__name__, e)
        else:
            print(name, a, b, type(e).__name__, e)


run("add", add, MAXI, 0)
run("add", add, MAXI, 1)
run("add", add, MINI, -1)
run("add", add, MAXI, MINI)
run("sub", sub, MINI, 1)
run("sub", sub, MINI, 0)
run("sub", sub, 0, MINI)
run("sub", sub, -1, MINI)
run("mul", mul, 46341, 46341)
run("mul", mul, 46340, 46341)
run("mul", mul, MINI, -1)
run("mul", mul, MINI, 1)
run("mul", mul, 65536, -32768)
run("mul", mul, 65536, 32768)
run("div", div, MINI, -1)
run("div", div, MINI, 1)
run("div", div, MINI, 2)
run("square", square, 46340)
run("square", square, 46341)
run("square", square, -46341)
run("shl", shl, 1, 30)
run("shl", shl, 1, 31)
run("shl", shl, -1, 31)
run("shl", shl, 3, 30)
run("shl", shl, 0, 31)
run("abs", absneg, MINI)
run("abs", absneg, MINI + 1)
run("neg", neg, MINI)
run("neg", neg, MAXI)
run("int", to_int, 2147483520.0)
run("int", to_int, 2147483648.0)
run("int", to_int, -2147483648.0)
run("int", to_int, -2147483904.0)
run("grow", grow, 30, 2)
run("grow", grow, 31, 2)
run("grow", grow, 19, 3)
run("grow", grow, 20, 3)
run("grow", grow, 31, -2)
run("grow", grow, 32, -2)
