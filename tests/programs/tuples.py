# Tuples: packing, unpacking, immutability, methods.
t = (1, "two", 3.0)
print(t, len(t), t[1], t[-1], t[1:])
a, b, c = t
print(a, b, c)
x, y = 1, 2
x, y = y, x
print(x, y)
(p, q), r = (1, 2), 3
print(p, q, r)
single = (5,)
empty = ()
print(single, empty, len(empty), (1, 2) + (3,), (0,) * 3)
print((1, 2, 2, 3).count(2), (4, 5, 6).index(6), 5 in (4, 5))
nested = ((1, 2), (3, 4))
for m, n in nested:
    print(m * n)
print(tuple([1, 2]), tuple("ab"), tuple(range(3)), hash((1, 2)) == hash((1, 2)))
d = {(1, 2): "a", (3, 4): "b"}
print(d[(1, 2)], d[3, 4])
