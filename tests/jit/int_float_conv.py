# p4: float-tolerance
# int() and float() in compiled code, int/float mixing in arithmetic and
# comparisons, true division of ints (a float), truncation toward zero of
# negative floats, and rounding helpers built from int().
def to_int(x):
    return int(x)


def to_float(n):
    return float(n)


def mix(n, x):
    return n * x + n - x / 2 + (n + 1) / 4


def true_div(a, b):
    return a / b


def trunc_sum(n, x):
    s = 0
    for i in range(n):
        s += int(i * x)
    return s


def round_half_up(x):
    return int(x + 0.5) if x >= 0 else -int(-x + 0.5)


def avg(n):
    s = 0
    for i in range(n):
        s += i
    return s / n


def cmp_int_float(x):
    # int constants a float represents exactly
    c = 0
    if x > 0:
        c += 1
    if x < 100:
        c += 2
    if x == 3:
        c += 4
    return c


def fahrenheit(c):
    return float(c) * 9 / 5 + 32


for x in (0.0, 0.5, -0.5, 1.99, -1.99, 1e6, -1234.75, 16777216.0):
    print(x, to_int(x), round_half_up(x), cmp_int_float(x))
for n in (0, 1, -1, 7, 16777216, -2147483648):
    print(n, to_float(n), to_int(to_float(n)))
for n, x in ((3, 0.5), (-2, 1.25), (0, 3.0), (10, -0.125)):
    print(n, x, mix(n, x))
for a, b in ((1, 2), (7, 2), (-7, 2), (1, 3), (0, 5), (10, -4)):
    print(a, b, true_div(a, b))
print(trunc_sum(100, 0.3), trunc_sum(50, -1.7), avg(10), avg(7))
print([fahrenheit(c) for c in (-40, 0, 37, 100)])
print(cmp_int_float(3.0), cmp_int_float(2.5), cmp_int_float(100.0))
