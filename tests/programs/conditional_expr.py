# Conditional expressions, nested and in comprehensions.
def sign(x):
    return "neg" if x < 0 else "zero" if x == 0 else "pos"
print([sign(x) for x in [-2, 0, 3]])
print([x if x % 2 else -x for x in range(6)])
print(["fizzbuzz" if i % 15 == 0 else "fizz" if i % 3 == 0 else "buzz" if i % 5 == 0 else i for i in range(1, 16)])
a = 5
b = (a * 2 if a > 3 else a) + 1
print(b, (1 if True else 2) + (3 if False else 4))
print(max(1, 2) if min(3, 4) > 2 else None)
