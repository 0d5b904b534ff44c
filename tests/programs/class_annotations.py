# A class body keeps its annotations in __annotations__, in order (the
# others are evaluated and dropped, as before): docs/language.md deviation 28
class A:
    x: int = 1
    y: 'str'
    z: list = []
    def f(self): pass
print(A.__annotations__, A.x, hasattr(A, 'y'), list(A.__annotations__))
class B(A):
    w: float
print(B.__annotations__, A.__annotations__ is B.__annotations__)
def g():
    class D:
        a: int = 5
        b: g = 6
        c: dict[str, int] if False else None
    return D
print(g().__annotations__['a'], g().b, g().__annotations__['c'])
events = []
def note(v):
    events.append(v)
    return v
class E:
    e: note('ann') = note('value')    # the value is stored first, as in CPython
print(events, E.e)
x: int = 5
print(x)
try:
    class F:
        ok: int
        bad: undefined_name
except NameError as e:
    print('NameError', e)
