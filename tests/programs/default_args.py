# Default argument values are evaluated once, at definition time.
base = 10
def f(x, y=base):
    return x + y
base = 20
print(f(1), f(1, 2))
def append_to(item, target=[]):
    target.append(item)
    return target
print(append_to(1), append_to(2), append_to(3, []))
def g(a, b=2, c=3):
    return a * 100 + b * 10 + c
print(g(1), g(1, 5), g(1, 5, 7))
