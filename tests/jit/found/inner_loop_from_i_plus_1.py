# JIT bug found by tests/jit (loops_nested.py, loops_triangular.py): inside an
# inner loop that starts at i + 1 (range(i + 1, n), or j = i + 1 with a while
# loop), reading the outer loop variable i gives i + 1 in compiled code.
# range(i, n) and range(i + 2, n) agree with the interpreter. The same fault
# makes "for j in range(i + 1, n): if i + j >= t: break" stop too early.
# Interpreter (and CPython): "120 20 / 4 3" then "120 20"; JIT (p4sim and
# QEMU, -X jit=eager): "165 35 / 2 3" then "165 35".
def f(n):
    c = 0
    for i in range(n):
        for j in range(i + 1, n):
            c += i
    return c


def g(n):
    c = 0
    for i in range(n):
        j = i + 1
        while j < n:
            c += i
            j += 1
    return c


def h(n, t):
    c = 0
    for i in range(n):
        for j in range(i + 1, n):
            if i + j >= t:
                break
            c += 1
    return c


print(f(10), f(6), "/", h(4, 4), h(3, 100))
print(g(10), g(6))
