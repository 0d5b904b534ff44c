# Regression (found by the random program generator, tests/jit/genprog.py):
# math.cos/sin/tan of an infinity raise "ValueError: math domain error" in
# the interpreter; compiled code returned nan. exp and atan never raise.
import math


def c(x):
    return math.cos(x)


def s(x):
    return math.sin(x)


def t(x):
    return math.tan(x)


def e(x):
    return math.exp(x)


def a(x):
    return math.atan(x)


for fn in (c, s, t, e, a):
    for x in (0.5, float("inf"), -float("inf"), float("nan"), 10.0):
        try:
            print(x, round(fn(x), 1))
        except (ValueError, OverflowError) as err:
            print(x, type(err).__name__, err)
