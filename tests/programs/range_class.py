# range is a class: isinstance, its methods through the class, index and
# count, equal ranges hashing alike, and its errors
r = range(2, 20, 3)
print(type(r), type(r).__name__, isinstance(r, range), type(range).__name__)
print(isinstance([1], range), isinstance(r, (list, range)), issubclass(range, object))
print(range.__name__, range.__qualname__, range.__mro__)
print(range.__getitem__(r, 2), range.__len__(r), range.__contains__(r, 5))
print(range.index(range(3), 1), range.count(r, 8), r.__iter__().__next__())
print(r.index(8), r.count(8), r.count(9), r.index(True) if 1 in r else 'no')
print(range(5).index(2.0), range(5).count(2.0), range(5).count(True), range(5).index(True))
for e in ['range(5).index(2.5)', 'range(5).index(7)', 'range(5).index("a")',
          'range(0, 10, 3).index(True)', 'range(5).index(2, 0)', 'range(5).index(2**40)',
          'range()', 'range(1, 2, 3, 4)', 'range(1.5)', 'range(3)[5]', 'range(1, 2, 0)']:
    try:
        print(e, '->', eval(e))
    except Exception as x:
        print(e, '!!', type(x).__name__, x)
print(range(-3), range(0, 10, 3)[1:], range(3) == [0, 1, 2], range(0) == range(2, 2))
print(hash(range(3)) == hash(range(0, 3)), hash(range(0)) == hash(range(5, 2)),
      hash(range(1, 2, 5)) == hash(range(1, 3, 7)))
d = {range(3): 'a', range(0): 'empty'}
print(d[range(0, 3, 1)], d[range(7, 7)], len({range(1, 2), range(1, 2, 9), range(1, 3)}))


class Box:
    def __index__(self):
        return 4


print(range(Box()), list(range(1, Box())), range(10)[Box()])
try:
    class R(range):
        pass
except TypeError as x:
    print('TypeError', x)


def kernel(n, xs):
    # compiled with the loop as usual now that range is a class
    s = 0
    for i in range(n):
        s += xs[i % len(xs)] * i
    return s, isinstance(range(n), range)


print(kernel(10, [1, 2, 3]), kernel(0, [1]))
rng = range
print([i * i for i in rng(4)], sorted(map(type, [range(1)]), key=str))
