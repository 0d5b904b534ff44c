# Starred assignment and star/double-star displays.
a, *b, c = range(6)
print(a, b, c)
*head, last = 'hello'
print(head, last)
first, *rest = [1]
print(first, rest)
x, y, *z = (1, 2)
print(x, y, z)
*everything, = {'k1': 1, 'k2': 2}
print(everything)
p, *q, r, s = b'bytes'
print(p, q, r, s)
for i, *more in [(1, 2, 3), (4,), [5, 6]]:
    print(i, more)
(m, *n), o = [10, 20, 30], 40
print(m, n, o)
lst = [0, 0, 0]
lst[0], *lst[1:2] = 'xyz', 'w'
print(lst)
t = [*range(3), *'ab', *[9], *{'d': 0}, *(7, 8)]
print(t)
print((*t[:2],), (*'xy', *'z'), [*[], *()])
single = *range(2), 5
print(single)
base = {'a': 1, 'b': 2}
print({**base, 'c': 3}, {'a': 0, **base}, {**base, 'a': 9, **{'z': 26}}, {**{}})
merged = {**{'x': 1}, **dict([('y', 2)])}
print(merged, len({**base, **base}))
# unpacking errors
for src in ['abc', [1], ()]:
    try:
        u, v, *w, k = src
        print('ok', u, v, w, k)
    except ValueError as e:
        print('ValueError:', e)
try:
    print([*5])
except TypeError as e:
    print('TypeError:', e)
try:
    print({**[1]})
except TypeError as e:
    print('TypeError:', e)
# swapping through a starred middle
vals = list(range(7))
lo, *mid, hi = vals
vals = [hi, *mid, lo]
print(vals)
def firsts(*rows):
    out = []
    for f, *_ in rows:
        out.append(f)
    return out
print(firsts('ab', [3, 4], range(5, 9)))
