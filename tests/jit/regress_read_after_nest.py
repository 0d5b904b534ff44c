# Found by genprog's vectorisable functions: a variable assigned only inside
# a loop nest and read after it (`acc` below). build.c read it back through
# the sealed loop headers and recursed until the stack overflowed (it now
# places the operandless phi before reading the predecessors). And when the
# loop runs no iteration, Python raises UnboundLocalError; fold.c took
# phi(unassigned, acc) for acc, so compiled code returned whatever was in
# acc's register (and vector.c's loop left it unassigned even when the
# loop ran). Such functions are now refused ("a local may be used before it
# is assigned") and run in the interpreter.
from array import array
import math

N38_1 = 26


def f38(a, b, q, n, c):
    for r in range(2):
        for j in range(2, N38_1):
            acc = 0
            for k1 in range(1, 2):
                acc += b[j - r * 1 + k1] * a[r * 4 - r * 1 + q * k1 + j]
            for k2 in range(q):
                acc += a[2 + r * 5 + j - k2 * 2] * b[k2 * 8 + 4 + r * n + j]
            c[j] = acc
    return float(acc) * 0.5


def f(a, b, c, n):
    for j in range(n):
        acc = 0
        for k in range(3):
            acc += a[k] * b[j + k]
        c[j] = acc
    return float(acc) * 0.5


VA38 = array("b", [(i * 3 + 8) % 256 - 128 for i in range(33)])
VB38 = array("b", [(i * 7 + 220) % 256 - 128 for i in range(39)])
VC38 = array("i", [7] * 42)
try:
    print("f38", 1, f38(VA38, VB38, 3, 9, VC38))
except Exception as e:
    print("f38", 1, type(e).__name__, e)
big = array("b", [(i * 3 + 8) % 256 - 128 for i in range(80)])
print("f38", 2, f38(big, big, 3, 9, VC38), list(VC38))
a = array("b", [1, 2, 3])
b = array("b", [(i * 7 + 3) % 256 - 128 for i in range(40)])
c = array("i", [0] * 32)
for n in (1, 15, 16, 17, 32):
    print(n, f(a, b, c, n), c[n - 1])
for n in (0, -3):
    try:
        print(n, f(a, b, c, n))
    except UnboundLocalError as e:
        print(n, "UnboundLocalError", e)
