# Found by genprog's vectorisable functions: with seven parameters, three of
# them unused, an unused parameter's register interval ended where it began
# and the next parameter got its register; the prologue's parallel move then
# wrote both into it (compiled code read an array through an int), or went
# round a cycle for ever (emit.c's prologue now skips unused parameters).
from array import array


def f40(a, q, c, n, s, b, p):
    for j in range(n):
        acc = 0
        for k1 in range(3):
            acc += b[j + k1 * n + 1] * a[k1 + j]
        c[j] = acc
    return n


def g40(a, b, s, n, p, q, c):
    for j in range(n):
        acc = 0
        for k1 in range(3):
            acc += b[j + k1 * n + 1] * a[k1 + j]
        c[j] = acc
    return n


def h7(a, b, s, n, p, q, c):
    for j in range(n):
        c[j] = a[j] + b[j]
    return n


VA40 = array("b", [1, 2, 3])
VC40 = array("i", [-1] * 1)
VB40 = array("b", [4, 5, 6, 7])
print(f40(VA40, 2, VC40, 1, 1, VB40, -3))
print(list(VC40))
VA = array("b", [(i * 7 + 3) % 256 - 128 for i in range(30)])
VC = array("i", [-1] * 20)
VB = array("b", [(i * 5 + 1) % 256 - 128 for i in range(70)])
print(g40(VA, VB, 1, 20, -3, 2, VC))
print(list(VC))
print(h7(VA, VB, 1, 20, -3, 2, VC))
print(list(VC))
