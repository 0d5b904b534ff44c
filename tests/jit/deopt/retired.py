# Retired specialisations and the deopt rate (docs/jit.md, "Deoptimisation",
# Counting and Retired code). After JIT_DEOPT_LIMIT deoptimisations within a
# window of entries a specialisation retires; its compiled callers, and its
# own compiled frames calling themselves, must then stop entering it: the
# body jumps to a trampoline that runs the call in the interpreter. The
# report lines checked by jit/deopt/*/retired say how often each function
# deoptimised: exactly 8 for a retired one whose compiled callers kept
# calling it (each such call deoptimised again before). A function that
# deoptimises rarely stays compiled. The output must equal the
# interpreter's (tests/jit/deopt/check.py).
from array import array


def low(x):
    # x * 100000 leaves 32 bits for x > 21474; the result fits again, so the
    # compiled caller keeps running compiled after each deoptimisation
    y = x * 100000
    return y % 1009


def caller(n, base):
    s = 0
    for i in range(n):
        s = s + low(base + i)
    return s


def mixed(a, f, k, flag):
    # every kind of argument through the trampoline: an array, a float, an
    # int, a bool; its result is a float
    t = f
    for i in range(len(a)):
        t = t + a[i] * f
    if flag:
        t = t + k * 1000000 * 1000 % 7
    return t


def mixed_caller(a, n):
    t = 0.0
    for i in range(n):
        t = t + mixed(a, 0.5 * i, i + 3000, i % 2 == 0)
    return t


def wide(x):
    # an int result beyond 32 bits: the compiled caller deoptimises with it
    return x * 100000


def wide_caller(n):
    s = 0
    for i in range(n):
        s = s + wide(i + 30000) % 11
    return s


def tree(n, x):
    # recursion: the leaves deoptimise; after the 8th the compiled frames
    # still running call their own (retired) body again
    if n == 0:
        return (x * 100000) % 1013
    return tree(n - 1, x) + tree(n - 1, x + 1)


def unwind(n, x):
    # the recursive call comes first: the frames above the 8th deoptimise on
    # their way back, after the retirement
    if n == 0:
        return 0
    r = unwind(n - 1, x)
    return r + (x * 100000) % 1019


def divide(a, b):
    q = a * 100000
    return q // b


def divide_caller(n):
    # an exception raised in the interpreter for a retired callee travels
    # back through the compiled caller
    s = 0
    for i in range(n):
        s = s + divide(30000 + i, 7 - i) % 13
    return s


def rare(x, k):
    # deoptimises on 1 call of 300: 10 times in 3000 calls, never 8 within
    # a window of 1024 entries, so it stays compiled
    s = 0
    for i in range(3):
        s = s + x * k
    return s % 997


def often(x, k):
    # deoptimises on 1 call of 10: retired after 80 calls
    s = 0
    for i in range(3):
        s = s + x * k
    return s % 997


print("caller", caller(40, 30000), caller(40, 30000), caller(5, 0))
a = array('h', [3, -7, 11, 250, -32768])
print("mixed", mixed_caller(a, 30), mixed_caller(a, 12), mixed(a, 1.5, 2, True))
print("wide", wide_caller(30), wide_caller(3))
print("tree", tree(5, 30000), tree(4, 1), tree(3, 40000))
print("unwind", unwind(20, 30000), unwind(20, 7), unwind(12, 31000))
try:
    print(divide_caller(20))
except ZeroDivisionError as e:
    print("divide_caller", type(e).__name__, e)
print("divide", divide_caller(6))
t = 0
for c in range(3000):
    t = t + rare(100000 if c % 300 == 7 else c, 30000)
print("rare", t)
t = 0
for c in range(200):
    t = t + often(100000 if c % 10 == 3 else c, 30000)
print("often", t)
