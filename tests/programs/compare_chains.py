# Comparison chains evaluate each operand once, left to right.
calls = []
def v(x):
    calls.append(x)
    return x
print(v(1) < v(2) < v(3))
print(calls)
calls = []
print(v(3) < v(2) < v(1))
print(calls)
print(1 < 2 > 0, 1 == 1 != 2, 1 < 3 < 2, 5 >= 5 >= 4 > 3)
a = [1, 2]
b = [1, 2]
print(a == b, a is b, a is not b, a != b, None is None)
x = 7
print(0 < x < 10, 0 < x < 5, x in [1, 7], x not in (1, 2))
print("a" < "b" < "c", "abc" < "abd", "Z" < "a", "" < "a")
print((1, 2) < (1, 3), [1, 2, 3] > [1, 2], (2,) > (1, 9, 9))
