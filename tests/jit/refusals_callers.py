# Compiled and refused functions calling each other: a compiled caller of a
# refused callee (the call goes through the interpreter, docs/jit.md "Calls
# into the interpreter"; mutual recursion is obj_calls.py's parity), a
# refused caller of compiled callees (the callees stay compiled), a
# function refused for one argument type and compiled for another, and more
# specialisations than -X jit-specs allows (the rest run interpreted).
from array import array


def refused_helper(x):
    return len([x, x]) * x


def calls_refused(n):
    s = 0
    for i in range(n):
        s += refused_helper(i)
    return s


def compiled_sq(x):
    return x * x


def compiled_sum(arr):
    s = 0
    for v in arr:
        s += v
    return s


def refused_caller(n):
    squares = [compiled_sq(i) for i in range(n)]
    arr = array("i", squares)
    return compiled_sum(arr) + len(squares)


def half(x):
    y = x
    for i in range(3):
        y = y / 2
    return y


def poly(x):
    return x * x + 1


print(calls_refused(10), calls_refused(0))
print(refused_caller(10), refused_caller(0))
print(half(8), half(1.0))
arrays = [array(tc, [1, 2, 3]) for tc in "bBhHiIf"] + [bytearray(b"\x01\x02\x03")]
print([compiled_sum(a) for a in arrays])
print(poly(3), poly(1.5), poly(True), poly(-2), poly(0.5))
