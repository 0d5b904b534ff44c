# Functions: defaults, keyword arguments, recursion, functions as values.
def add(a, b=10, c=100):
    return a + b + c
print(add(1), add(1, 2), add(1, 2, 3), add(1, c=5), add(b=0, a=0, c=0))
def nothing():
    pass
print(nothing(), nothing() is None)
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print([fact(i) for i in range(10)])
def apply(f, x):
    return f(x)
def square(x):
    return x * x
print(apply(square, 7), apply(abs, -3), apply(str, 5))
fs = [square, abs, fact]
print([f(-3 if f is abs else 3) for f in fs])
def early(x):
    if x < 0:
        return "negative"
    for i in range(x):
        if i * i > x:
            return i
    return "none"
print(early(-1), early(10), early(0))
def multi():
    return 1, "two", [3]
a, b, c = multi()
print(a, b, c)
def outer(n):
    def inner(x):
        return x + 1
    return inner(n) * 2
print(outer(4), square.__name__ if False else "ok")
