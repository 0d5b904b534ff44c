# p4: deviation
# A negative float to a non-integral power: CPython returns a complex number,
# P4JIT raises ValueError (docs/language.md); compiled code must raise the
# interpreter's error (caught here; the traceback line is tested in tests/errors).


def fpow(a, b):
    return a ** b


for a, b in ((-8.0, 0.5), (-1.0, 2.5), (-8.0, 3.0)):
    try:
        print(a, b, fpow(a, b))
    except ValueError as e:
        print(a, b, "ValueError", e)
