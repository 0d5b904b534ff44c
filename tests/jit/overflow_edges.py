# Overflow flags against constants (emit.c tests `a > INT32_MAX - k` in one
# compare): accumulators over loops of a constant trip count, whose
# versioning guard adds a constant, and invariant checked adds and
# subtracts that licm turns into flags, each at both sides of the limit.
# 32-bit ints raise OverflowError (a documented deviation): the expected
# output is the interpreter's (overflow_edges.expected).
from array import array

N = 4


def acc_up(a, start):
    acc = start
    for k in range(N):
        acc += a[k]
    return acc


def shifted(a, x):  # x + 1000 and x - 1000 do not change in the loop
    t = 0
    for k in range(len(a)):
        t ^= a[k] + (x + 1000) - (x - 1000)
    return t


def edge_min(unused, x):
    s = 0
    for k in range(3):
        s ^= x - (-2147483648)  # x + 2**31: overflows for x >= 0
    return s


def show(name, f, a, b):
    try:
        print(name, f(a, b))
    except OverflowError as e:
        print(name, "OverflowError", e)


up = array("b", [127] * N)
down = array("b", [-128] * N)
MAX = 2147483647
MIN = -2147483648
for start in (MAX - 4 * 127 - 1, MAX - 4 * 127, MAX - 4 * 127 + 1, MAX - 127, MAX, 0):
    show("up", acc_up, up, start)
for start in (MIN + 4 * 128 + 1, MIN + 4 * 128, MIN + 4 * 128 - 1, MIN + 128, MIN, 0):
    show("down", acc_up, down, start)
for x in (MAX - 1000, MAX - 999, MIN + 1000, MIN + 999, 0, -5):
    show("shifted", shifted, up, x)
for x in (-1, -2147483648, 0, 5):
    show("edge_min", edge_min, 0, x)
