# JIT bug found by tests/jit/genprog.py (KNOWN_BUGS flag "range-step-zero").
# range() with a variable step that is 0 must raise ValueError; compiled code
# raises a TypeError with a garbled operator instead.
# Interpreter: ValueError: range() arg 3 must not be zero
# JIT:         TypeError: unsupported operand type(s) for ?: 'int' and 'int'
def f(step):
    s = 0
    for i in range(0, 12, step):
        s += i
    return s


print(f(5))
print(f(0))
