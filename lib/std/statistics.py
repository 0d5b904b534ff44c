"""statistics for P4JIT: mean, fmean, median (low/high), mode, multimode,
variance, pvariance, stdev, pstdev, as CPython 3.11 computes them: sums
are exact (fractions.Fraction) and the result takes the data's type (int
data gives an int mean when it is whole, else a float). Floats are
float32 (deviation 1): square roots and non-dyadic results print P4JIT's
float, not CPython's double.

Frozen into the runtime (scripts/freeze_lib.py -> src/vm/frozen_lib.c).
"""

import math
from fractions import Fraction

__all__ = ["StatisticsError", "mean", "fmean", "median", "median_low", "median_high", "mode", "multimode",
           "variance", "pvariance", "stdev", "pstdev"]


class StatisticsError(ValueError):
    pass


def _kind(x):
    """int < Fraction < float: the type a result converts back to."""
    if isinstance(x, bool) or isinstance(x, int):
        return 0, int
    if isinstance(x, Fraction):
        return 1, Fraction
    if isinstance(x, float):
        return 2, float
    raise TypeError("can't convert type '%s' to numerator/denominator" % type(x).__name__)


def _exact_sum(data):
    """(type, exact Fraction sum, count)."""
    rank, T = -1, int
    total = Fraction(0)
    n = 0
    for x in data:
        r, t = _kind(x)
        if r > rank:
            rank, T = r, t
        total += Fraction(x)
        n += 1
    return T, total, n


def _convert(value, T):
    if T is int:
        return int(value) if value.denominator == 1 else float(value)
    return T(value)


def mean(data):
    T, total, n = _exact_sum(data)
    if n < 1:
        raise StatisticsError("mean requires at least one data point")
    return _convert(total / n, T)


def fmean(data, weights=None):
    data = list(data)
    if weights is None:
        if not data:
            raise StatisticsError("fmean requires at least one data point")
        return float(_exact_sum(data)[1] / len(data))
    weights = list(weights)
    if len(weights) != len(data):
        raise StatisticsError("data and weights must be the same length")
    total = _exact_sum(weights)[1]
    if not total:
        raise StatisticsError("sum of weights must be non-zero")
    return float(_exact_sum([Fraction(x) * Fraction(w) for x, w in zip(data, weights)])[1] / total)


def median(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2] if n % 2 == 1 else data[n // 2 - 1]


def median_high(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2]


def _counts(data):
    counts = {}
    for x in data:
        counts[x] = counts.get(x, 0) + 1
    return counts


def mode(data):
    counts = _counts(data)
    if not counts:
        raise StatisticsError("no mode for empty data")
    best = max(counts.values())
    for x, c in counts.items():
        if c == best:
            return x


def multimode(data):
    counts = _counts(data)
    if not counts:
        return []
    best = max(counts.values())
    return [x for x, c in counts.items() if c == best]


def _ss(data, c=None):
    """(type, exact sum of squared deviations from c or the mean, count)."""
    data = list(data)
    T, total, n = _exact_sum(data)
    if c is None:
        c = total / n if n else Fraction(0)
    else:
        c = Fraction(c)
    ss = Fraction(0)
    for x in data:
        d = Fraction(x) - c
        ss += d * d
    return T, ss, n


def variance(data, xbar=None):
    T, ss, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError("variance requires at least two data points")
    return _convert(ss / (n - 1), T)


def pvariance(data, mu=None):
    T, ss, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError("pvariance requires at least one data point")
    return _convert(ss / n, T)


def _isqrt(n):
    """floor(sqrt(n)) of an int (P4JIT's math has no isqrt): Newton's method."""
    if n < 2:
        return n
    x = 1 << ((n.bit_length() + 1) // 2)
    while True:
        y = (x + n // x) // 2
        if y >= x:
            return x
        x = y


def _sqrt(value):
    v = Fraction(value)
    n, d = v.numerator, v.denominator
    rn, rd = _isqrt(n), _isqrt(d)
    if rn * rn == n and rd * rd == d:
        return float(Fraction(rn, rd))      # an exact root stays exact
    return math.sqrt(float(v))


def stdev(data, xbar=None):
    T, ss, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError("stdev requires at least two data points")
    return _sqrt(ss / (n - 1))


def pstdev(data, mu=None):
    T, ss, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError("pstdev requires at least one data point")
    return _sqrt(ss / n)
