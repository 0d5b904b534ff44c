# Assignment forms: chained, tuple and list targets, nested, subscripts.
a = b = c = 5
print(a, b, c)
x, y = 1, 2
[p, q] = [3, 4]
(r, s), t = [5, 6], 7
print(x, y, p, q, r, s, t)
lst = [0, 0, 0]
lst[0], lst[2] = "first", "last"
print(lst)
d = {}
d["k"], d["j"] = 1, 2
print(d)
m = [[0, 0], [0, 0]]
m[0][1] = m[1][0] = 9
print(m)
i, j = 0, 1
i, j = j, i
print(i, j)
for (k, v), n in zip([("a", 1), ("b", 2)], [10, 20]):
    print(k, v, n)
first, second, third = "abc"
print(first, second, third)
u, v = range(2)
print(u, v)
try:
    e1, e2 = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    e1, e2, e3 = (1, 2)
except ValueError as e:
    print(e)
try:
    e1, e2 = 5
except TypeError as e:
    print(e)
