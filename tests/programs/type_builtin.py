# type() of classes, generators, built-in functions and bound methods;
# type(name, bases, dict) makes a class; bound methods hash like they compare.

def gen():
    yield 1


class A:
    def m(self):
        return 1


print(type(int), type(A), type(type), type(gen()), type(len), type([].append), type(A().m), type(gen))
print(isinstance(int, type), isinstance(A, type), isinstance(3, type), type(int) is type, issubclass(type, object))
print(type(gen()).__name__, type(len).__name__, type(A().m).__name__, type.__name__)

B = type("B", (A,), {"x": 5, "double": lambda self: self.x * 2})
b = B()
print(B.__name__, b.x, b.double(), b.m(), isinstance(b, A), type(b) is B, B.__bases__ if hasattr(B, "__bases__") else "")
E = type("E", (), {})
print(E.__name__, type(E()) is E)
for bad in ((1, (), {}), ("X", [], {}), ("X", (), [])):
    try:
        type(*bad)
    except TypeError as e:
        print("TypeError", e)
try:
    type(1, 2)
except TypeError as e:
    print("TypeError", e)

a = A()
m1, m2 = a.m, a.m
print(m1 == m2, hash(m1) == hash(m2), len({m1, m2}), m1 == A().m, {m1: 1}[a.m], hash(...) == hash(...))
