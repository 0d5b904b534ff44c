# Functions of 9 to 16 parameters (issue 12): compiled code takes the first
# eight ints (bools, arrays) in a0-a7 and eight floats in fa0-fa7, the rest
# on the stack (docs/jit.md, "Calls"). Every mix of the two classes, entered
# from the interpreter and from compiled callers (a loop calling them, a
# recursion, a stack argument used after a call), unused stack parameters,
# a deoptimisation (an int beyond 32 bits) and a retired function whose
# compiled callers go through the trampoline, a call into the interpreter
# with stack arguments, and 17 parameters (interpreted: jit/report-params).
# p4: float-tolerance
from array import array


def many_9i(a, b, c, d, e, f, g, h, i):
    s = 0
    for k in range(a):
        s += b * k + c - d + e * f - g + h * i
    return s


def many_10f(a, b, c, d, e, f, g, h, i, j):
    # ten floats: fa0-fa7, then two on the stack
    t = 0.0
    for k in range(3):
        t += a * k + b - c * d + e / (f + 1.0) - g + h * i - j
    return t


def many_12mix(n, x0, xs, y0, ys, c1, c2, c3, f1, f2, f3, f4):
    # ints n, x0, y0, c1, c2, c3 (a0-a5), arrays xs, ys (a6, a7), floats f1-f4
    acc = 0
    fac = 0.0
    for k in range(n):
        acc += xs[k] * c1 - ys[k] * c2 + (x0 - y0) * c3
        fac += xs[k] * f1 + ys[k] * f2 - f3 * f4
    return acc + int(fac)


def many_16(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p):
    # 16 ints: eight on the stack, in order
    s = 0
    for r in range(2):
        s += a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h
        s += 9 * i + 10 * j + 11 * k + 12 * l + 13 * m + 14 * n + 15 * o + 16 * p
        s = s * 3 - r
    return s


def many_8i8f(i0, f0, i1, f1, i2, f2, i3, f3, i4, f4, i5, f5, i6, f6, i7, f7):
    # 8 + 8: everything in registers, interleaved
    s = 0.0
    for k in range(2):
        s += i0 * f0 + i1 * f1 + i2 * f2 + i3 * f3 + i4 * f4 + i5 * f5 + i6 * f6 + i7 * f7 + k
    return s


def many_9i9f(i0, i1, i2, i3, i4, i5, i6, i7, i8, f0, f1, f2, f3, f4, f5, f6):
    # 9 ints, 7 floats: the ninth int alone on the stack
    s = 0.0
    for k in range(2):
        s += (i0 - i1 + i2 - i3 + i4 - i5 + i6 - i7 + i8 * 100) * (k + 1)
        s += f0 + f1 * 2 + f2 * 3 + f3 * 4 + f4 * 5 + f5 * 6 + f6 * 7
    return s


def many_unused(a, b, c, d, e, f, g, h, i, j, k, last):
    # stack parameters i, j, k unused, the last one used
    s = 0
    for r in range(a):
        s += last * r + b
    return s


def many_flags(n, on, off, arr, lo, hi, w, z, neg, big, frac):
    # bools and a float on the stack
    s = 0
    for k in range(n):
        v = arr[k]
        if on and v >= lo and v < hi:
            s += v * w
        if off:
            s -= 1000
        if neg:
            s -= z
        if big:
            s += int(v * frac)
    return s


def many_rec(n, a, b, c, d, e, f, g, h, i):
    # recursion with stack arguments, a stack argument used after the call
    if n <= 0:
        return a + b + c + d + e + f + g + h + i
    r = many_rec(n - 1, b, c, d, e, f, g, h, i, a)
    return r * 2 + i - a


def many_caller(n, xs, ys):
    # compiled code calling compiled code with stack arguments
    s = 0
    for k in range(n):
        s += many_9i(k % 5, 1, 2, 3, 4, 5, 6, 7, k)
        s += many_16(k, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, k % 3)
        s += many_12mix(4, k, xs, 2, ys, 3, 1, 2, 0.5, 0.25, 1.5, 2.0)
        s += many_unused(3, k, 0, 0, 0, 0, 0, 0, 99, 98, 97, k + 1)
        s += int(many_10f(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0 + k, 10.5))
    return s


def many_grow(a, b, c, d, e, f, g, h, i, j):
    # the stack argument j grows past 32 bits: the JIT deoptimises
    s = j
    for k in range(a):
        s = s * b + c + d + e + f + g + h + i
    return s % 1000003 + j


def many_grow_caller(n):
    # calls many_grow until it retires; then its callers go through the trampoline
    t = 0
    for k in range(n):
        t += many_grow(25, 3, 1, 1, 1, 1, 1, 1, 1, k)
    return t


def dict_ten(a, b, c, d, e, f, g, h, i, j):
    # not compiled (a dict): compiled callers call it through the interpreter
    dd = {"x": a + b + c + d + e}
    return dd["x"] * (f + g + h + i + j)


def many_dict_caller(n):
    s = 0
    for k in range(n):
        s += dict_ten(k, 1, 2, 3, 4, 5, 6, 7, 8, k * 2)
    return s


def many_kw10(a, b, c, d, e, f, g, h, i, scale=3):
    # called only with keywords or its default: bound positionally for
    # compiled code like functions of at most 8 parameters (jit/report-params-kw-)
    s = 0
    for k in range(a):
        s += (b - c + d - e + f - g + h - i) * scale + k
    return s


def many_kw16(a, b, c, d, e, f, g, h, i, j, k, l, m, n, lo=-1.5, hi=2.5):
    t = 0.0
    for r in range(a):
        x = (b + c * d - e + f * g - h + i - j + k * l - m + n) * 0.5 + r
        t += lo if x < lo else hi if x > hi else x
    return t


def many_kw(a, b, c, d, e, f, g, h, i, j, k=2, scale=3):
    # called only with keyword arguments or defaults: the call is bound as a
    # positional one (vm/interp.c kw_as_positional, up to 16 parameters) and
    # enters compiled code (jit/report-params-kw)
    s = 0
    for r in range(a):
        s += (b + c + d + e + f + g + h + i + j) * k + scale * r
    return s


def over16(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q):
    s = 0
    for r in range(2):
        s += a + b + c + d + e + f + g + h + i + j + k + l + m + n + o + p + q + r
    return s


xs = array("i", [3, -1, 4, 1, -5, 9, 2, -6, 5, 3])
ys = array("i", [2, 7, -1, 8, 2, -8, 1, 8, 2, 8])
fa = array("f", [0.5, 1.5, -2.25, 4.0, 8.5, -0.75, 3.0, 2.5, 1.0, -1.0])
print("9i", many_9i(10, 2, 3, 4, 5, 6, 7, 8, 9), many_9i(3, -2, 0, 4, -5, 6, 0, 8, -2147483))
print("10f", many_10f(1.5, 2.0, 3.25, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0))
print("10f", many_10f(-1.0, 0.5, 0.0, 1e3, -2.5, 0.0, 7.0, -8.0, 9.5, -10.25))
print("12mix", many_12mix(10, 5, xs, 7, ys, 3, -2, 4, 0.5, 1.25, -2.0, 0.75))
print("12mix", many_12mix(3, -5, ys, 7, xs, 0, 1, -1, 2.0, -1.0, 0.0, 3.0))
print("16", many_16(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16))
print("16", many_16(-16, 15, -14, 13, -12, 11, -10, 9, -8, 7, -6, 5, -4, 3, -2, 1))
print("8i8f", many_8i8f(1, 0.5, 2, 1.5, 3, 2.5, 4, 3.5, 5, 4.5, 6, 5.5, 7, 6.5, 8, 7.5))
print("9i9f", many_9i9f(1, 2, 3, 4, 5, 6, 7, 8, 9, 0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5))
print("9i9f", many_9i9f(-9, 8, -7, 6, -5, 4, -3, 2, -1, -0.5, 0.0, 1e-3, 2.0, -4.0, 8.0, 16.0))
print("unused", many_unused(5, 2, 0, 0, 0, 0, 0, 0, 1, 2, 3, 7), many_unused(4, -1, 9, 9, 9, 9, 9, 9, 9, 9, 9, -3))
print("flags", many_flags(10, True, False, fa, -1.0, 5.0, 3, 2, True, True, 2.5))
print("flags", many_flags(10, False, True, fa, 0.0, 1.0, 1, -7, False, False, 0.5))
print("flags", many_flags(7, True, True, fa, -3.0, 9.0, -2, 11, True, False, 1.0))
print("rec", many_rec(6, 1, 2, 3, 4, 5, 6, 7, 8, 9), many_rec(9, -1, 0, 1, 0, -1, 0, 1, 0, 5))
print("caller", many_caller(10, xs, ys))
print("caller", many_caller(7, ys, xs))
print("grow", many_grow(4, 3, 1, 1, 1, 1, 1, 1, 1, 5), many_grow(30, 3, 1, 1, 1, 1, 1, 1, 1, 5))
print("grow_caller", many_grow_caller(40))
print("grow", many_grow(2, 3, 1, 1, 1, 1, 1, 1, 1, 2 ** 40))
print("dict_caller", many_dict_caller(12))
print("kw10", many_kw10(5, 1, 2, 3, 4, 5, 6, 7, 8), many_kw10(4, 8, 7, 6, 5, 4, 3, 2, 1, scale=-2),
      many_kw10(i=9, h=8, g=7, f=6, e=5, d=4, c=3, b=2, a=6))
print("kw16", many_kw16(3, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13),
      many_kw16(4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, hi=0.25),
      many_kw16(n=-3, m=2, l=1, k=0, j=1, i=2, h=3, g=0, f=1, e=2, d=3, c=0, b=1, a=5, lo=-0.75))
print("kw", many_kw(3, 1, 2, 3, 4, 5, 6, 7, 8, j=9), many_kw(3, 1, 2, 3, 4, 5, 6, 7, 8, 9),
      many_kw(j=1, i=2, h=3, g=4, f=5, e=6, d=7, c=8, b=9, a=2, scale=-1), many_kw(*range(1, 11), k=5))
print("over16", over16(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17))
