# JIT bug found by tests/jit/genprog.py (KNOWN_BUGS flag "math-inf").
# math.cos/sin/tan of an infinity raise "ValueError: math domain error" in the
# interpreter; compiled code calls the libm function without the check and
# returns nan (exp and atan agree).
# Interpreter: "inf ValueError math domain error"; JIT: "inf nan".
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
    for x in (0.5, float('inf'), -float('inf'), float('nan'), 100.0):
        try:
            print(x, fn(x))
        except (ValueError, OverflowError) as err:
            print(x, type(err).__name__, err)
