# A negative float to a non-integral power is a complex number, as in
# CPython: compiled code computes float ** float itself, and where the result
# would be complex its check deoptimises into the interpreter, which goes on
# with the complex value (a compiled function must never return a wrong float
# or report a failed check there).


def fpow(a, b):
    return a ** b


def poly(x, n):
    s = 0.0
    for k in range(n):
        s += x ** (k * 0.5)
    return s


for a, b in ((-8.0, 0.5), (-1.0, 2.5), (-8.0, 3.0), (4.0, 0.5), (-0.5, 1.5)):
    r = fpow(a, b)
    if type(r) is complex:
        print(a, b, "complex", round(r.real, 4), round(r.imag, 4))
    else:
        print(a, b, r)
print(poly(4.0, 5))
r = poly(-4.0, 4)
print(type(r).__name__, round(r.real, 3), round(r.imag, 3))
try:
    fpow(0.0, -2.0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
