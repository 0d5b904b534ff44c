# math.prod, math.fsum, math.isqrt, float/int.as_integer_ratio (lang15).
# Floats are float32 here (docs/language.md): the values below are exact in
# both precisions, or their results print alike.
import math


def attempt(f, *a, **k):
    try:
        return f(*a, **k)
    except Exception as e:
        return type(e).__name__ + ": " + str(e)


print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([], start=5), math.prod(range(1, 21)))
print(math.prod([2, 0.5, 3]), math.prod([1, 2], start=2.5), math.prod(["ab"], start=3), math.prod((x for x in [3, 3])))
print(math.prod(range(1, 30)), math.prod([True, True]), math.prod([10 ** 20, 10 ** 20]))
print(attempt(math.prod, [1], 2), attempt(math.prod, [1], x=2), attempt(math.prod))
print(attempt(math.prod, 5), attempt(math.prod, [{}], start={}))

print(math.fsum([0.1] * 10), math.fsum([1e20, 1.0, -1e20]), math.fsum([]), math.fsum(range(10)))
print(math.fsum([0.5, 0.25, 0.125]), math.fsum([1.0, -1.0]), math.fsum([2.0 ** 60, 1.0, -(2.0 ** 60)]))
print(math.fsum([math.inf, 1.0]), math.fsum([-math.inf, -math.inf]), math.fsum([math.nan, 1.0]))
print(math.fsum(x / 8 for x in range(9)), math.fsum([3, True, 0.5]))
print(attempt(math.fsum, [math.inf, -math.inf]), attempt(math.fsum, ["a"]), attempt(math.fsum, 1))

print([math.isqrt(n) for n in range(20)], math.isqrt(True), math.isqrt(2 ** 31 - 1), math.isqrt(10 ** 9))
print(math.isqrt(2 ** 100), math.isqrt(2 ** 101), math.isqrt(10 ** 40 - 1), math.isqrt(10 ** 40))
print(math.isqrt(3 ** 200 + 7) == 3 ** 100, math.isqrt((3 ** 100 + 1) ** 2 - 1) == 3 ** 100)
for k in (33, 64, 65, 127, 500):
    n = 2 ** k + 12345
    r = math.isqrt(n)
    print(k, r * r <= n < (r + 1) * (r + 1))


class Idx:
    def __index__(self):
        return 50


print(math.isqrt(Idx()), attempt(math.isqrt, -1), attempt(math.isqrt, -(2 ** 80)), attempt(math.isqrt, 2.0))
print(attempt(math.isqrt, "a"))

for x in (0.0, -0.0, 1.0, 0.5, -0.375, 2.75, 1024.0, 2.0 ** 100, 2.0 ** -100, 1e10, 2.0 ** -140, 3.0 * 2 ** 90):
    print(x.as_integer_ratio())
print(attempt(float("inf").as_integer_ratio), attempt(float("-inf").as_integer_ratio))
print(attempt(float("nan").as_integer_ratio))
print((7).as_integer_ratio(), (-3).as_integer_ratio(), (10 ** 30).as_integer_ratio(), True.as_integer_ratio())
print(False.as_integer_ratio(), type(True.as_integer_ratio()[0]).__name__)
print((2.5).is_integer(), (2.0).is_integer(), math.inf.is_integer(), math.nan.is_integer())
n, d = (0.75).as_integer_ratio()
print(n / d == 0.75)
