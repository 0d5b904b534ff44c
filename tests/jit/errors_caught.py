# Exceptions raised by compiled code, caught by the interpreted caller: the
# class and the message must be the interpreter's (the .expected file is the
# interpreter's output; CPython differs where ints overflow 32 bits).
from array import array


def add(a, b):
    return a + b


def mul(a, b):
    return a * b


def div(a, b):
    return a // b


def mod(a, b):
    return a % b


def fdiv(a, b):
    return a / b


def get(arr, i):
    return arr[i]


def put(arr, i, v):
    arr[i] = v


def neg2(a, b):
    return -a


def shl(a, k):
    return a << k


def tryit(name, fn, x, y, z=None):
    try:
        if z is None:
            print(name, fn(x, y))
        else:
            print(name, fn(x, y, z))
    except (OverflowError, ZeroDivisionError, IndexError, ValueError) as e:
        print(name, type(e).__name__, e)


a = array("b", [1, 2, 3])
tryit("add", add, 2147483647, 1)
tryit("add-ok", add, 2147483646, 1)
tryit("sub", add, -2147483647, -2)
tryit("mul", mul, 65536, 65536)
tryit("mul-ok", mul, 46340, 46340)
tryit("div0", div, 5, 0)
tryit("divmin", div, -2147483647 - 1, -1)
tryit("mod0", mod, 5, 0)
tryit("fdiv0", fdiv, 1.5, 0.0)
tryit("idiv0", fdiv, 1, 0)
tryit("get", get, a, 3)
tryit("get-neg", get, a, -4)
tryit("get-ok", get, a, -3)
tryit("put", put, a, 5, 1)
tryit("put-range", put, a, 0, 200)
tryit("put-low", put, a, 0, -129)
tryit("neg", neg2, -2147483647 - 1, 0)
tryit("neg1", shl, 0, 40)
tryit("shl", shl, 1, 31)
tryit("shl-neg", shl, 1, -1)
tryit("shl-ok", shl, 3, 20)
print(list(a))
