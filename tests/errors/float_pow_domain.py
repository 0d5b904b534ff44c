# A negative float to a non-integral power is a complex number (as CPython);
# 0.0 to a negative power raises ZeroDivisionError, from the ** inside a
# function: with the JIT (jit/error tests) the compiled code's check hands
# both back to the interpreter, which raises at the same line.


def fpow(a, b):
    return a ** b


print(fpow(-8.0, 3.0))
r = fpow(-2.0, 0.25)
print(type(r).__name__, round(r.real, 4), round(r.imag, 4))
print(fpow(0.0, -1.5))
