# p4: float-tolerance
# Division by zero raised from compiled code and caught by the interpreted
# caller: int // and %, int / int, float /, at the first call and at
# iteration N of a loop (the partial sum before the failure is kept in an
# array, so the caller sees how far the loop got).
from array import array


def idiv(a, b):
    return a // b


def imod(a, b):
    return a % b


def itrue(a, b):
    return a / b


def fdiv(x, y):
    return x / y


def mixed(x, n):
    return x / n


def loop_div(n, k, out):
    # divides by (i - k): fails at iteration k
    s = 0
    for i in range(n):
        s += 1000 // (i - k)
        out[0] = s
        out[1] = i
    return s


def loop_fdiv(n, k):
    s = 0.0
    for i in range(n):
        s += 1.0 / (i - k)
    return s


def attempt(name, fn, a, b):
    try:
        print(name, a, b, fn(a, b))
    except ZeroDivisionError as e:
        print(name, a, b, "ZeroDivisionError:", e)


for b in (3, 0, -3):
    attempt("//", idiv, 7, b)
    attempt("%", imod, 7, b)
    attempt("/", itrue, 7, b)
    attempt("/f", fdiv, 7.5, float(b))
    attempt("/fi", mixed, 7.5, b)
attempt("//", idiv, 0, 0)
attempt("/f", fdiv, 0.0, 0.0)
attempt("/f", fdiv, 1.0, -0.0)
out = array("i", [0, 0])
for k in (-1, 0, 3, 9):
    try:
        print("loop", k, loop_div(6, k, out))
    except ZeroDivisionError as e:
        print("loop", k, "ZeroDivisionError:", e, "after", list(out))
    try:
        print("floop", k, round(loop_fdiv(6, k), 4))
    except ZeroDivisionError as e:
        print("floop", k, "ZeroDivisionError:", e)
