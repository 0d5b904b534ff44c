# The rest of math: inverse/hyperbolic functions, erf/gamma, pow/fmod/
# copysign/hypot/modf/frexp/ldexp, isclose/isfinite, factorial and gcd of any
# size, tau; domain and range errors as CPython raises them; big ints and
# __float__ objects as arguments. (Floats printed to 4 digits: P4JIT's are
# single precision.)
import math


def show(x):
    return "%.4g" % x if isinstance(x, float) else repr(x)


for name, args in (("asin", (0.5,)), ("acos", (-0.25,)), ("sinh", (1.5,)), ("cosh", (-2,)), ("tanh", (0.75,)),
                   ("asinh", (3,)), ("acosh", (2.5,)), ("atanh", (-0.5,)), ("expm1", (0.125,)), ("log1p", (2,)),
                   ("erf", (0.3,)), ("erfc", (1.25,)), ("gamma", (4.5,)), ("lgamma", (7.25,)), ("degrees", (1,)),
                   ("radians", (90,)), ("copysign", (3, -0.0)), ("fmod", (7.5, -2)), ("hypot", (3, 4)),
                   ("hypot", (1, 2, 2)), ("pow", (2, 10)), ("pow", (-2, 3)), ("pow", (9, 0.5)), ("ldexp", (0.75, 5)),
                   ("isfinite", (1e30,)), ("isfinite", (math.inf,)), ("isclose", (1.0, 1.0)),
                   ("isclose", (1.0, 1.5)), ("gamma", (1,))):
    print(name, args, show(getattr(math, name)(*args)))
print(math.modf(2.75), math.modf(-0.5), math.frexp(12.0), math.frexp(0.0), math.frexp(-0.375))
print(math.isclose(100, 101, rel_tol=0.02), math.isclose(0, 0.001, abs_tol=0.01), math.isclose(1, 2, abs_tol=0.5))
print("%.4f %.4f" % (math.tau, math.tau / 2 - math.pi))
print(math.factorial(0), math.factorial(5), math.factorial(25), math.factorial(30) // math.factorial(28))
print(math.gcd(12, 18), math.gcd(-4, 6), math.gcd(0, 0), math.gcd(), math.gcd(2**40, 2**35 * 3), math.gcd(7))
print(math.sqrt(10**20), math.floor(2.0**40), "%d %.3e %d" % (math.ceil(1.5e9), 10**25, 2**70))


class Half:
    def __float__(self):
        return 0.5


print(show(math.asin(Half())), show(math.sqrt(Half())), show(math.pow(Half(), 2)))
for f, args in ((math.asin, (2,)), (math.acosh, (0.5,)), (math.atanh, (1,)), (math.log1p, (-1,)),
                (math.gamma, (0,)), (math.gamma, (-3,)), (math.lgamma, (-2,)), (math.fmod, (1, 0)),
                (math.fmod, (math.inf, 1)), (math.pow, (0, -1)), (math.pow, (-8, 1 / 3)), (math.sinh, (1000,)),
                (math.pow, (10, 400)), (math.factorial, (-1,)), (math.factorial, (2.5,)), (math.gcd, (1.5,)),
                (math.isclose, (1, 2, 3)), (math.sqrt, ("x",)), (math.ldexp, (1.0, 1.5)),
                (math.isclose, (1, 1)), (math.expm1, (1000,))):
    try:
        print(show(f(*args)))
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
try:
    math.isclose(1, 1, rel_tol=-1)
except ValueError as e:
    print("ValueError", e)
print(math.log(1.0, math.nan), math.lgamma(-math.inf), math.gamma(math.inf), math.isnan(math.fmod(math.nan, 0)))
