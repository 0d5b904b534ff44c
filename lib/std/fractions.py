"""fractions for P4JIT: Fraction, exact rational arithmetic on P4JIT's
long ints, with CPython 3.11's constructor forms, operators (mixing with
int exactly, with float as float), comparisons, hash (equal to the hash of
an equal int or float), limit_denominator and reprs. Floats are P4JIT's
float32 (deviation 1): Fraction(0.1) is 13421773/134217728, not CPython's.

Frozen into the runtime (scripts/freeze_lib.py -> src/vm/frozen_lib.c).
"""

import math

__all__ = ["Fraction"]

_HASH_MODULUS = (1 << 61) - 1      # CPython's numeric hash on 64-bit builds
_HASH_INF = 314159


def _parse(text):
    s = text.strip().replace("_", "")
    if not s:
        return None
    sign = 1
    if s[0] in "+-":
        sign = -1 if s[0] == "-" else 1
        s = s[1:]
    if "/" in s:
        num, _, den = s.partition("/")
        if not (num.isdigit() and den.strip().isdigit()) or den != den.strip() or num != num.strip():
            return None
        return sign * int(num), int(den)
    mant, exp = s, 0
    for e in "eE":
        if e in mant:
            mant, _, es = mant.partition(e)
            if not es or not (es.lstrip("+-").isdigit()) or es.count("+") + es.count("-") > 1:
                return None
            exp = int(es)
            break
    whole, dot, frac = mant.partition(".")
    if not (whole or frac) or (whole and not whole.isdigit()) or (frac and not frac.isdigit()):
        return None
    num = int(whole + frac or "0")
    den = 10 ** len(frac)
    if exp >= 0:
        num *= 10 ** exp
    else:
        den *= 10 ** -exp
    return sign * num, den


def _float_ratio(x):
    """x as (numerator, denominator), exactly: P4JIT's float has no
    as_integer_ratio()."""
    if x != x:
        raise ValueError("cannot convert NaN to integer ratio")
    if x in (float("inf"), float("-inf")):
        raise OverflowError("cannot convert Infinity to integer ratio")
    m, e = math.frexp(x)
    while m != int(m):          # at most the mantissa's bits
        m *= 2
        e -= 1
    n = int(m)
    if e >= 0:
        return n << e, 1
    d = 1 << -e
    g = math.gcd(n, d)
    return n // g, d // g


class Fraction:
    __slots__ = ("_numerator", "_denominator")

    def __init__(self, numerator=0, denominator=None, *, _normalize=True):
        if denominator is None:
            if type(numerator) is int:
                n, d = numerator, 1
            elif isinstance(numerator, Fraction):
                n, d = numerator._numerator, numerator._denominator
            elif isinstance(numerator, float):
                n, d = _float_ratio(numerator)
            elif isinstance(numerator, str):
                parsed = _parse(numerator)
                if parsed is None:
                    raise ValueError("Invalid literal for Fraction: %r" % numerator)
                n, d = parsed
            elif isinstance(numerator, int):
                n, d = int(numerator), 1
            else:
                raise TypeError("argument should be a string or a Rational instance")
        else:
            if isinstance(numerator, int) and isinstance(denominator, int):
                n, d = int(numerator), int(denominator)
            elif isinstance(numerator, (int, Fraction)) and isinstance(denominator, (int, Fraction)):
                a = Fraction(numerator)
                b = Fraction(denominator)
                n, d = a._numerator * b._denominator, a._denominator * b._numerator
            else:
                raise TypeError("both arguments should be Rational instances")
        if d == 0:
            raise ZeroDivisionError("Fraction(%s, 0)" % n)
        if _normalize:
            g = math.gcd(n, d)
            if d < 0:
                g = -g
            n //= g
            d //= g
        self._numerator = n
        self._denominator = d

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("%s.from_float() only takes floats, not %r (%s)" % (cls.__name__, f, type(f).__name__))
        return cls(*_float_ratio(f))

    @property
    def numerator(self):
        return self._numerator

    @property
    def denominator(self):
        return self._denominator

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        bound1 = Fraction(p0 + k * p1, q0 + k * q1)
        bound2 = Fraction(p1, q1)
        if abs(bound2 - self) <= abs(bound1 - self):
            return bound2
        return bound1

    def __repr__(self):
        return "Fraction(%s, %s)" % (self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return "%s/%s" % (self._numerator, self._denominator)

    # arithmetic: Fraction or int operands stay exact, a float makes a float
    def _operands(self, other):
        if isinstance(other, Fraction):
            return other._numerator, other._denominator
        if isinstance(other, int):
            return int(other), 1
        return None

    def __add__(self, other):
        o = self._operands(other)
        if o is None:
            return float(self) + other if isinstance(other, float) else NotImplemented
        return Fraction(self._numerator * o[1] + o[0] * self._denominator, self._denominator * o[1])

    def __radd__(self, other):
        return self.__add__(other)

    def __sub__(self, other):
        o = self._operands(other)
        if o is None:
            return float(self) - other if isinstance(other, float) else NotImplemented
        return Fraction(self._numerator * o[1] - o[0] * self._denominator, self._denominator * o[1])

    def __rsub__(self, other):
        o = self._operands(other)
        if o is None:
            return other - float(self) if isinstance(other, float) else NotImplemented
        return Fraction(o[0] * self._denominator - self._numerator * o[1], self._denominator * o[1])

    def __mul__(self, other):
        o = self._operands(other)
        if o is None:
            return float(self) * other if isinstance(other, float) else NotImplemented
        return Fraction(self._numerator * o[0], self._denominator * o[1])

    def __rmul__(self, other):
        return self.__mul__(other)

    def __truediv__(self, other):
        o = self._operands(other)
        if o is None:
            return float(self) / other if isinstance(other, float) else NotImplemented
        if o[0] == 0:
            raise ZeroDivisionError("Fraction(%s, 0)" % (self._numerator * o[1]))
        return Fraction(self._numerator * o[1], self._denominator * o[0])

    def __rtruediv__(self, other):
        o = self._operands(other)
        if o is None:
            return other / float(self) if isinstance(other, float) else NotImplemented
        if self._numerator == 0:
            raise ZeroDivisionError("Fraction(%s, 0)" % (o[0] * self._denominator))
        return Fraction(o[0] * self._denominator, o[1] * self._numerator)

    def __floordiv__(self, other):
        o = self._operands(other)
        if o is None:
            return float(self) // other if isinstance(other, float) else NotImplemented
        return (self._numerator * o[1]) // (self._denominator * o[0])

    def __rfloordiv__(self, other):
        o = self._operands(other)
        if o is None:
            return other // float(self) if isinstance(other, float) else NotImplemented
        return (o[0] * self._denominator) // (o[1] * self._numerator)

    def __mod__(self, other):
        o = self._operands(other)
        if o is None:
            return float(self) % other if isinstance(other, float) else NotImplemented
        d = self._denominator * o[1]
        return Fraction((self._numerator * o[1]) % (o[0] * self._denominator), d)

    def __rmod__(self, other):
        o = self._operands(other)
        if o is None:
            return other % float(self) if isinstance(other, float) else NotImplemented
        return Fraction(o[0], o[1]) % self

    def __divmod__(self, other):
        return (self // other, self % other)

    def __pow__(self, other):
        if isinstance(other, int) or (isinstance(other, Fraction) and other._denominator == 1):
            e = int(other) if isinstance(other, int) else other._numerator
            if e >= 0:
                return Fraction(self._numerator ** e, self._denominator ** e, _normalize=False)
            if self._numerator == 0:
                raise ZeroDivisionError("Fraction(%s, 0)" % (self._denominator ** -e))
            n, d = self._denominator ** -e, self._numerator ** -e
            if d < 0:
                n, d = -n, -d
            return Fraction(n, d, _normalize=False)
        if isinstance(other, (float, Fraction)):
            return float(self) ** float(other)
        return NotImplemented

    def __rpow__(self, other):
        if self._denominator == 1 and self._numerator >= 0 and isinstance(other, int):
            return Fraction(other ** self._numerator)
        if isinstance(other, int):
            return Fraction(other) ** self
        return other ** float(self)

    def __neg__(self):
        return Fraction(-self._numerator, self._denominator, _normalize=False)

    def __pos__(self):
        return Fraction(self._numerator, self._denominator, _normalize=False)

    def __abs__(self):
        return Fraction(abs(self._numerator), self._denominator, _normalize=False)

    def __int__(self):
        n, d = self._numerator, self._denominator
        return -(-n // d) if n < 0 else n // d

    __trunc__ = __int__

    def __floor__(self):
        return self._numerator // self._denominator

    def __ceil__(self):
        return -(-self._numerator // self._denominator)

    def __round__(self, ndigits=None):
        if ndigits is None:
            floor, remainder = divmod(self._numerator, self._denominator)
            if remainder * 2 < self._denominator:
                return floor
            if remainder * 2 > self._denominator:
                return floor + 1
            return floor if floor % 2 == 0 else floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __float__(self):
        return self._numerator / self._denominator

    def __bool__(self):
        return self._numerator != 0

    def __hash__(self):
        try:
            dinv = pow(self._denominator, -1, _HASH_MODULUS)
        except ValueError:
            hash_ = _HASH_INF
        else:
            hash_ = abs(self._numerator) % _HASH_MODULUS * dinv % _HASH_MODULUS
        result = hash_ if self._numerator >= 0 else -hash_
        return -2 if result == -1 else result

    def _compare(self, other):
        """(a, b): self and other scaled to integers, or None."""
        if isinstance(other, Fraction):
            return self._numerator * other._denominator, other._numerator * self._denominator
        if isinstance(other, int):
            return self._numerator, int(other) * self._denominator
        if isinstance(other, float):
            if other != other or other in (float("inf"), float("-inf")):
                return 0.0, other
            n, d = _float_ratio(other)
            return self._numerator * d, n * self._denominator
        return None

    def __eq__(self, other):
        c = self._compare(other)
        return NotImplemented if c is None else c[0] == c[1]

    def __lt__(self, other):
        c = self._compare(other)
        return NotImplemented if c is None else c[0] < c[1]

    def __le__(self, other):
        c = self._compare(other)
        return NotImplemented if c is None else c[0] <= c[1]

    def __gt__(self, other):
        c = self._compare(other)
        return NotImplemented if c is None else c[0] > c[1]

    def __ge__(self, other):
        c = self._compare(other)
        return NotImplemented if c is None else c[0] >= c[1]

    def __reduce__(self):
        return (Fraction, (str(self),))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self
