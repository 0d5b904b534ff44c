# fractions against CPython: constructors, exact arithmetic, mixing with
# int and float, comparisons, hash, rounding, limit_denominator, errors
from fractions import Fraction as F
import math
from functools import reduce

print(F(3, 4), F(6, -8), F(5), F(), F('3/7'), F(' -12/16 '), F('1.25'), F('-3e-2'), F('2E3'), F(F(1, 3)), F(0.5), F(F(1, 2), F(3, 4)))
print(repr(F(1, 3)), F(10, 5).denominator, F(-4, 6).numerator, F(7, 3).as_integer_ratio())
a, b = F(1, 3), F(1, 6)
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(F(7, 2), F(2, 3)), -a, +a, abs(F(-2, 5)))
print(a + 1, 1 + a, 2 - a, a * 3, 3 / a, a ** 2, a ** -2, F(-2, 3) ** -3, F(4) ** F(2), 2 ** F(3), F(0) ** 0)
print(F(1, 4) + 0.5, 0.5 * F(1, 2), F(1, 4) ** 0.5, float(F(3, 8)), int(F(-7, 2)), F(-7, 2).__floor__(), F(-7, 2).__ceil__(), F(7, 2).__trunc__())
print(round(F(5, 2)), round(F(7, 2)), round(F(-5, 2)), round(F(1, 3), 2), round(F(1234, 1), -2), round(F(2, 3)))
print(a > b, a == F(2, 6), F(1, 2) == 0.5, F(1, 2) < 1, 2 > F(3, 2), F(1, 3) != F(1, 3), F(3) == 3, F(1, 2) <= 0.25, sorted([F(2, 3), F(1, 2), 0.6, 1]))
# (P4JIT's hash() keeps the low 32 bits of a __hash__ result: only what dicts see is compared)
print(hash(F(4, 2)) == hash(2), hash(F(-1)) == hash(-1), len({F(1, 2), 0.5, F(2, 4)}), {0.5: 'half'}[F(1, 2)], {F(1, 3): 3}[F(2, 6)])
print(F(3.141592653589793).limit_denominator(1000) if False else F(314159, 100000).limit_denominator(1000), F(1, 3).limit_denominator(2), F(355, 113).limit_denominator(100))
print(sum(F(1, n) for n in range(1, 11)), reduce(lambda x, y: x * y, (F(n, n + 1) for n in range(1, 20))), F(2, 3) * 0, bool(F(0)), bool(F(1, 9)))
print(F.from_float(0.25), F(10 ** 20, 3) + 1, str(F(-1, 7)), '%s|%r' % (F(1, 2), F(1, 2)))
for bad in (lambda: F(1, 0), lambda: F('x'), lambda: F('1/'), lambda: F('1.2.3'), lambda: F([1]), lambda: F(1.5, 2),
            lambda: F(1) / 0, lambda: F(0) ** -1, lambda: F(1, 2) + 'a', lambda: F(1, 2) < 'a', lambda: F(1).limit_denominator(0)):
    try:
        print(bad())
    except (ZeroDivisionError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
