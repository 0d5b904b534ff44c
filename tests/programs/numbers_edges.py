# Numeric built-ins at their edges: pow with a modulus (negative exponents
# use the modular inverse; None is no modulus), 0.0 to an infinite power,
# hash(-1), hashing by identity, isinstance with nested tuples, math.exp's
# overflow, float() of long strings, bytes() of an array's buffer.
# p4: float-tolerance
import math
from array import array

for base in [-7, -1, 0, 1, 2, 3, 10, 38, 1000]:
    row = []
    for exp in [-3, -1, 0, 1, 5]:
        for mod in [-7, 1, 7, 97, 100]:
            try:
                row.append(str(pow(base, exp, mod)))
            except ValueError as e:
                row.append("VE")
    print(base, " ".join(row))
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
print(pow(2, 3, None), pow(2.0, 3, None), pow(-2, 3))

inf = float("inf")
print(0.0 ** -inf, (-0.0) ** -inf, 0.0 ** inf, 2.0 ** -inf, 0.5 ** -inf, 1.0 ** -inf)
try:
    0.0 ** -1.0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

print(hash(-1), hash(-2), hash(-1.0), hash(True), hash(-1) == hash(-2))
d = {-1: "a", -2: "b"}
print(d[-1], d[-2], d[-1.0])
v = {1: 2}.values()
it = enumerate([1])
print(hash(v) == hash(v), hash(it) == hash(it), hash(len) == hash(len))
for unhashable in [{}.keys(), {}.items(), [], {}]:
    try:
        hash(unhashable)
    except TypeError as e:
        print("TypeError:", e)

print(isinstance(1, (str, (int, float))), isinstance("a", ((float,), (bytes, (list, str)))), isinstance(1.5, ((), ())))
try:
    isinstance(1, (int, (str, 5)))
    print("no error: matched before the bad entry")
    isinstance(1, (str, (bytes, 5)))
except TypeError as e:
    print("TypeError:", e)

for x in [0.0, 1.0, 88.0, -1000.0, inf, -inf]:
    print(x, math.exp(x))
def exp_sum(x, n):  # compiled under -X jit=eager: the same OverflowError
    s = 0.0
    for i in range(n):
        s += math.exp(x + i)
    return s
print(exp_sum(1.0, 3), exp_sum(-inf, 2), exp_sum(inf, 2))
try:
    print(exp_sum(700.0, 20))
except OverflowError as e:
    print("OverflowError:", e)
for x in [1000.0, 710.0, 1e30]:
    try:
        print(math.exp(x))
    except OverflowError as e:
        print("OverflowError:", e)

print(float("0" * 140 + "2.5" + "0" * 10), float("  +1." + "25" * 70 + "  "), float("1_0" * 70 + "e-135"))
print(bytes(array("h", [1, 2, -1])), bytes(array("b", [-1, 2])), bytearray(array("H", [258])), bytes(array("i", [])))
print(bytes(array("f", [1.0, -2.5])), bytes(array("I", [2147483647])))
