# Edge cases of list methods and their errors.
a = [1, 2, 3, 2, 1]
print(a.index(2), a.index(2, 2), a.index(1, 1), a.count(2), a.count(9))
try:
    a.index(9)
except ValueError as e:
    print("ValueError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    a.pop(10)
except IndexError as e:
    print("IndexError:", e)
try:
    a.remove(42)
except ValueError as e:
    print("ValueError:", e)
b = []
b.insert(0, "x")
b.insert(-100, "first")
b.insert(100, "last")
print(b, b.pop(-2), b)
c = [3, 1, 2]
print(c.sort(), c, c.reverse(), c, c.append(0), c.extend("ab"), c)
nested = [[3, "c"], [1, "a"], [2, "b"]]
nested.sort()
print(nested)
d = [1, 2, 3, 4, 5, 6]
del d[::2]
print(d)
e = list(range(10))
del e[-3:]
del e[:2]
print(e)
