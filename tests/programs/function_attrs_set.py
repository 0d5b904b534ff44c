# Attributes a program gives its functions (deviation 43): f.x = 1, f.__dict__,
# __name__, __qualname__ and __doc__ assigned; a method's are its function's.
def f(a, b=2):
    return a + b


f.calls = 0
f.calls += 1
print(f.calls, f.__dict__, hasattr(f, "calls"), getattr(f, "missing", "none"))
f.__dict__["tag"] = "t"
print(f.tag, sorted(f.__dict__))
del f.calls
print(f.__dict__)
try:
    del f.calls
except AttributeError as e:
    print("AttributeError", e)
try:
    print(f.nothing)
except AttributeError as e:
    print("AttributeError", e)
f.__name__ = "g"
f.__qualname__ = "Outer.g"
print(f.__name__, f.__qualname__, f.__dict__)
try:
    f.__name__ = 3
except TypeError as e:
    print("TypeError", e)
try:
    del f.__qualname__
except TypeError as e:
    print("TypeError", e)
f.__doc__ = "documented"
print(f.__doc__)
f.__dict__ = {"x": 1}
print(f.x, f.__dict__)
try:
    f.__dict__ = 5
except TypeError as e:
    print("TypeError", e)


def counted(fn):
    def wrapper(*a, **k):
        wrapper.calls += 1
        return fn(*a, **k)
    wrapper.calls = 0
    wrapper.__name__ = fn.__name__
    wrapper.__qualname__ = fn.__qualname__
    wrapper.__wrapped__ = fn
    return wrapper


@counted
def add(a, b):
    return a + b


add(1, 2)
add(3, 4)
print(add.calls, add.__name__, add.__qualname__, add.__wrapped__(5, 6))


def memo(fn):
    fn.cache = {}
    return fn


@memo
def sq(x):
    if x not in sq.cache:
        sq.cache[x] = x * x
    return sq.cache[x]


print(sq(3), sq(3), sq.cache)


class A:
    def m(self):
        return 1
    m.flag = True


print(A.m.flag, A().m.flag)
lam = lambda: 0
lam.x = 5
print(lam.x, lam.__name__)
