# Regression (issue 12, existing defects): a function with 9 parameters was
# silently not compiled, with no reason in --jit-report; since jitcall it
# is compiled (stack arguments; jit/report-params checks params_many.py).
def nine(a, b, c, d, e, f, g, h, i):
    s = 0
    for k in range(a):
        s += b * k + c - d + e * f - g + h * i
    return s


def eight(a, b, c, d, e, f, g, h):
    s = 0
    for k in range(a):
        s += b * k + c - d + e * f - g + h
    return s


print(nine(10, 2, 3, 4, 5, 6, 7, 8, 9))
print(eight(10, 2, 3, 4, 5, 6, 7, 8))
