# p4: float-tolerance
# Float kernels in compiled code: Horner polynomial evaluation (int and
# float coefficients from arrays), Newton iteration for square roots and
# cube roots with a convergence test, a Mandelbrot row (escape counts for
# points far enough from the boundary that float32 and double agree), the
# trapezoid rule and a Taylor series for exp.
import math
from array import array


def horner(coef, x):
    r = 0.0
    for i in range(len(coef)):
        r = r * x + coef[i]
    return r


def ihorner(coef, x):
    r = 0
    for c in coef:
        r = r * x + c
    return r


def newton_sqrt(a):
    if a == 0.0:
        return 0.0
    x = a if a > 1.0 else 1.0
    for i in range(50):
        nx = 0.5 * (x + a / x)
        if abs(nx - x) < 1e-6 * nx:
            return nx
        x = nx
    return x


def newton_cbrt(a):
    x = 1.0
    for i in range(100):
        x = x - (x * x * x - a) / (3.0 * x * x)
    return x


def mandel_row(y, x0, dx, n, maxit, out):
    for k in range(n):
        cr = x0 + k * dx
        zr = 0.0
        zi = 0.0
        it = 0
        while it < maxit and zr * zr + zi * zi <= 4.0:
            zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + y
            it += 1
        out[k] = it


def trapezoid(n):
    # integral of x*x over [0, 1]
    h = 1.0 / n
    s = 0.5 * (0.0 + 1.0)
    for i in range(1, n):
        x = i * h
        s += x * x
    return s * h


def exp_series(x, terms):
    s = 1.0
    t = 1.0
    for k in range(1, terms):
        t = t * x / k
        s += t
    return s


coef = array("f", [2.0, -3.0, 0.5, 1.0])
print([round(horner(coef, x), 4) for x in (0.0, 1.0, -1.0, 2.5)])
print([ihorner(array("i", [1, 0, -2, 7]), x) for x in (0, 1, -3, 10)])
print([round(newton_sqrt(a), 4) for a in (0.0, 1.0, 2.0, 0.25, 1e4, 12345.0)])
print([round(newton_cbrt(a), 4) for a in (1.0, 8.0, 27.0, 2.0, -8.0)])
row = array("i", [0] * 16)
mandel_row(0.0, -2.5, 0.25, 16, 50, row)
print(list(row))
mandel_row(1.5, -2.0, 0.25, 16, 50, row)
print(list(row))
print(round(trapezoid(1000), 4), round(exp_series(1.0, 15), 5), round(exp_series(-2.0, 25), 4), round(math.exp(-2.0), 4))
