# The math module (values rounded: P4JIT computes in single precision).
import math
print(round(math.pi, 5), round(math.e, 5))
print(math.sqrt(16), round(math.sqrt(2), 5), math.floor(2.7), math.ceil(2.1), math.floor(-2.5), math.ceil(-2.5))
print(round(math.exp(1), 4), round(math.log(10), 4), round(math.log(8, 2), 4), math.log(1))
print(round(math.sin(0.5), 5), round(math.cos(0.5), 5), math.sin(0), math.cos(0))
print(round(math.tan(0.3), 4), round(math.atan(1) * 4, 4), round(math.atan2(1, 1), 4))
print(math.fabs(-3), math.trunc(-3.7), math.isnan(float("nan")), math.isinf(float("inf")))
print(math.floor(5), type(math.floor(2.5)).__name__, math.log10(1000), math.log2(8))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
from math import sqrt, pi
print(sqrt(9), round(pi * 2, 3))
