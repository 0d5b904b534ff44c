# Calls from the interpreter (the module body) of 10-parameter functions
# with a keyword argument or a default. lang10 lets such calls enter compiled
# code when they bind positionally: up to 16 parameters (8 before). A callee
# with a loop gains; a callee of a few operations loses (the compiled entry
# costs about what interpreting it does, plus the compile).
# Figures in bench/RESULTS.md, section lang10.
def light(a, b, c, d, e, f, g, h, i, j=10):
    return a + b * 2 + c * 3 + d + e + f + g + h + i * j


def heavy(a, b, c, d, e, f, g, h, i, j=10):
    s = 0
    for r in range(a):
        s += (b + c + d + e + f + g + h + i) * j + r
    return s


t = 0
for k in range(LIGHT_CALLS := 1000):
    t += light(1, 2, 3, 4, 5, 6, 7, 8, i=k)
    t += light(1, 2, 3, 4, 5, 6, 7, 8, k)
for k in range(100):
    t += heavy(50, 2, 3, 4, 5, 6, 7, 8, i=k)
    t += heavy(50, 2, 3, 4, 5, 6, 7, 8, k)
print(t)
