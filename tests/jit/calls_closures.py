# Numeric functions (which the JIT compiles) called from closures, lambdas,
# decorated wrappers and functions with *args/**kwargs/keyword-only
# parameters (which it refuses, with a reason in --jit-report): the results
# must not depend on who calls.


def horner(x, n):
    s = 0.0
    for k in range(n):
        s = s * x + k
    return s


def isum(a, b):
    t = 0
    for i in range(a, b):
        t += i * i
    return t


def make_scaled(factor):
    def scaled(x):
        return horner(x, 6) * factor
    return scaled


def make_counter():
    total = 0
    def add(a, b):
        nonlocal total
        total += isum(a, b)
        return total
    return add


def twice(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs) + fn(*args, **kwargs)
    return wrapper


@twice
def decorated(a, b):
    return isum(a, b)


def kwonly(a, *, b=3, scale=1):
    return isum(a, b) * scale


def outer(n):
    # a nested numeric function: compiled although it is defined inside
    def inner(i, j):
        r = 0
        while i < j:
            r += i % 7
            i += 1
        return r
    acc = 0
    for k in range(n):
        acc += inner(k, k + 20)
    return acc, (lambda q: inner(0, q))(50)


sc = make_scaled(3)
print(sc(0.5), sc(2), horner(0.5, 6) * 3)
add = make_counter()
print(add(0, 10), add(5, 15), isum(0, 10) + isum(5, 15))
print(decorated(1, 30), 2 * isum(1, 30))
print(kwonly(2), kwonly(2, b=40), kwonly(2, scale=2, b=10), isum(2, 40))
print(outer(30))
fs = [lambda x, k=k: isum(k, x) for k in range(4)]
print([f(12) for f in fs])
print(sum([isum(*p) for p in [(0, 5), (5, 10), (10, 15)]]), isum(0, 15))
