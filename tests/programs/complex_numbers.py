# complex: literals, the constructor, arithmetic with ints, floats and
# complex (reflected too), equality, hash, abs, repr/str, attributes, cmath.
# Every value printed is exactly representable in binary32 (P4JIT's complex
# parts are binary32, docs/language.md), so CPython prints the same.
import cmath

print(1j, 2.5j, 0j, -1j, 1e3j, 1_0j, 0.5J, type(1j).__name__)
print(complex(), complex(1), complex(1.5), complex(2, 3), complex(-0.0, 1), complex(0.0, -0.0))
print(complex(1j), complex(1j, 2j), complex(1 + 2j, 3), complex(True, False), complex(2 ** 20))
for s in ("1", "j", "-J", "1.5j", "1+j", "1-2j", " +1-2j ", "(3+4j)", " ( -2.5j ) ", "nanj", "inf-infj",
          "1e2+1e-1j", "-inf", ".5j", "5.j"):
    print(repr(s), complex(s))
for s in ("1+2", "1j+2", "1+2j+3", "1+2+3j", "1 + 2j", "", "(1+2j", "j1", "1jj", "++1j", "1e+j"):
    try:
        complex(s)
        print("no error", s)
    except ValueError as e:
        print("ValueError", repr(s), e)

a, b = 3 + 4j, 1 - 2j
print(a + b, a - b, a * b, a / b, a ** 2, a ** -1 == 1 / a, -a, +a, a.conjugate())
print(a + 1, 1 + a, a - 1, 1 - a, a * 2, 2 * a, a / 2, 2 / (1 + 1j), a + 0.5, 0.5 - a, 1.5 * a)
print(True + 1j, 1j * True, 1j * 1j, 1j ** 2, 2 ** 1j == cmath.exp(1j * cmath.log(2)))
print(a.real, a.imag, type(a.real).__name__, (5).real, (5).imag, (2.5).imag)
print(abs(a), abs(-1j), abs(complex(3, -4)), bool(0j), bool(1j), bool(complex(0, -0.0)), not 1e-3j)
print(a == 3 + 4j, a != b, 1 + 0j == 1, 2.0 == 2 + 0j, 1j == 1, 0j == False, True == 1 + 0j, a == "x")
print(hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5), hash(1.5 + 2j), hash(complex(0, -1)), hash(-1 + 0j))
print({1j: "a", 1 + 0j: "b", 1: "c"}, {1j, 1j, 2j} == {2j, 1j}, [1j, 2j].index(2j), 2j in (1, 2j))
print(str(1 + 2j), repr(-1.5 - 0.5j), f"{1j}", "{}".format(3 - 1j), "%s %r" % (2j, 1 + 1j), [1j, -0j])
print(complex(float("inf"), float("nan")), complex(-float("inf"), 1), float("nan") * 1j, 1e20j, 1e-5 + 1e16j)
x = 0j
for k in range(1, 6):
    x = x * 1j + k
print(x, x ** 0, x ** 1, (1 + 1j) ** 8, (2 + 0j) ** 10, 0j ** 0, 0j ** 2)
r = (-8) ** (1 / 3)
print(type(r).__name__, round(r.real, 3), round(r.imag, 3), type((-2.0) ** 0.5).__name__, (-8) ** 2.0)
z = complex(3, 4)
z += 1
z *= 1j
z -= 2
z /= 2j
print(z)
for op in ("//", "%", "<", "<=", ">", ">=", "&", "|", "<<"):
    try:
        eval_result = {"//": lambda: 1j // 2, "%": lambda: 1j % 2, "<": lambda: 1j < 2j, "<=": lambda: 1j <= 1,
                       ">": lambda: 2 > 1j, ">=": lambda: 1j >= 1j, "&": lambda: 1 & 1j, "|": lambda: 1j | 1,
                       "<<": lambda: 1j << 1}[op]()
        print("no error", op)
    except TypeError as e:
        print("TypeError", e)


def augmented(op, z, x):
    # the error names the operator as written: ^= and -=, not ^ and -
    try:
        exec("z %s x" % op, {"z": z, "x": x})
        print("no error", op)
    except TypeError as e:
        print("TypeError", e)


for op, x in (("^=", 1), ("-=", "a"), ("*=", None), ("**=", "a"), ("@=", 2), ("+=", []), ("//=", 1j)):
    augmented(op, 1j, x)
augmented("&=", 2, 1j)
for bad in (lambda: 1j / 0, lambda: 1 / 0j, lambda: 0j ** -1, lambda: 0j ** 1j, lambda: ~1j, lambda: 1j + "a",
            lambda: "a" * 1j, lambda: int(1j), lambda: float(2j), lambda: complex("1", 2), lambda: complex(1, "2"),
            lambda: complex([]), lambda: complex(1, []), lambda: (1j).foo, lambda: [1, 2][int("1") * 1j],
            lambda: range(1j)):
    try:
        bad()
        print("no error")
    except (TypeError, ZeroDivisionError, AttributeError) as e:
        print(type(e).__name__, e)


class WithComplex:
    def __complex__(self):
        return 2 - 1j


class WithFloat:
    def __float__(self):
        return 0.25


class WithIndex:
    def __index__(self):
        return 2 ** 20


class Vec:
    def __init__(self, v):
        self.v = v

    def __radd__(self, other):
        return Vec(other + self.v)

    def __rmul__(self, other):
        return "rmul %s" % (other,)

    def __eq__(self, other):
        return other == self.v


print(complex(WithIndex()), complex(WithComplex()), complex(WithFloat()), complex(WithComplex(), 1), (1j + Vec(2)).v, 2j * Vec(1))
print(1j == Vec(1j), Vec(1j) == 1j, round(cmath.phase(WithComplex()), 4), cmath.phase(WithFloat()))
print(cmath.sqrt(-4), cmath.sqrt(4), cmath.sqrt(-1j * 2), cmath.sqrt(0j), cmath.exp(0), cmath.log(1),
      round(cmath.phase(-1), 4), round(cmath.phase(1j), 4), [round(p, 4) for p in cmath.polar(-2)],
      cmath.rect(2, 0), cmath.log10(100))
print(round(cmath.pi, 4), round(cmath.e, 4), cmath.cos(0), cmath.sin(0), abs(cmath.exp(1j * cmath.pi) + 1) < 1e-6)
try:
    cmath.log([])
except TypeError as e:
    print("TypeError", e)
total = sum([1j, 2, 0.5 + 1j], 0j)
print(total, sum(complex(k, -k) for k in range(4)), [c.imag for c in (1j, 2 + 3j)], max(abs(1j), abs(2)))
print(format(1 + 2j, ".2f"), "{:>12}|{:<8}|{:^10.1e}".format(1 - 1j, 2j, -1.5 + 0.25j), f"{3j:+.1f}", format(1j, ""))
