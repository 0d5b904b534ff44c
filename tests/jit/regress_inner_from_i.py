# Regression (found by tests/jit, fixed in sr.c): inside an inner loop that
# starts at i + 1, compiled code read the outer i as i + 1 (the outer
# counter's step had been moved to the end of the iteration while nested
# code still used it).
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
