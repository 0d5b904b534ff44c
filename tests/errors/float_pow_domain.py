# p4: deviation
# A negative float to a non-integral power raises ValueError (CPython: a
# complex result), from the ** inside a function: with the JIT (jit/error
# tests) the compiled code's check re-raises it at the same line.


def fpow(a, b):
    return a ** b


print(fpow(-8.0, 3.0))
print(fpow(-2.0, 0.25))
