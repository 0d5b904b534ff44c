# p4: float-tolerance
# math functions the JIT compiles (sqrt, sin, cos, tan, atan, exp, floor,
# ceil) called from compiled loops, their identities, and floor/ceil of
# negative values; math.log and math.fabs are not compiled (that function
# stays interpreted) and must agree too. Printed rounded to 4 places.
import math


def sq(x):
    return math.sqrt(x)


def trig(x):
    return math.sin(x) * math.sin(x) + math.cos(x) * math.cos(x)


def tangent(x):
    return math.tan(x) * math.cos(x) - math.sin(x) * 0.5


def arctan_sum(n):
    s = 0.0
    for i in range(n):
        s += math.atan(i * 0.1)
    return s


def exps(x):
    return math.exp(x) * math.exp(-x)


def floors(x):
    return math.floor(x) * 10 + math.ceil(x)


def logs(x):
    return math.log(x) + math.fabs(-x)


def integrate_sin(n):
    # midpoint rule over [0, pi]: close to 2
    h = math.pi / n
    s = 0.0
    for i in range(n):
        s += math.sin((i + 0.5) * h)
    return s * h


def norm(n):
    s = 0.0
    for i in range(n):
        s += math.sqrt(i) * math.sqrt(i)
    return s


for x in (0.0, 0.25, 1.0, 2.0, 9.0, 1e-4, 12345.0):
    print(x, round(sq(x), 4), round(trig(x), 4), round(exps(x if x < 20 else 1.0), 4))
for x in (0.1, 0.5, 1.0, -1.0, 2.5):
    print(x, round(tangent(x), 4), round(math.atan(x), 4), round(logs(x if x > 0 else -x), 4))
for x in (0.0, 0.5, -0.5, 1.0, -1.0, 2.999, -2.999, 1e6, -1e6):
    print(x, floors(x))
print(round(arctan_sum(50), 3), round(integrate_sin(1000), 4), norm(100))
