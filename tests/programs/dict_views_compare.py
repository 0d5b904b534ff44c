# keys and items views compare as sets with sets, frozensets and each other
# (==, !=, <, <=, >, >=, as CPython's dictview_richcompare); values views by
# identity and unordered. Before rel6, == gave False (identity) and < raised.
d = {1: 'a', 2: 'b', 3: 'c'}
e = {3: 'c', 2: 'b', 1: 'a'}
print(d.keys() == {1, 2, 3}, {1, 2, 3} == d.keys(), d.keys() == frozenset({1, 2, 3}), d.keys() == e.keys())
print(d.keys() != {1, 2}, d.keys() == [1, 2, 3], d.values() == d.values(), d.values() == {'a', 'b', 'c'})
print(d.items() == {(1, 'a'), (2, 'b'), (3, 'c')}, d.items() == e.items(), d.items() == {(1, 'a'), (2, 'b'), (3, 'x')})
print(d.keys() == d.items(), {}.keys() == set(), {}.items() == {}.keys())
print(d.keys() <= {1, 2, 3, 4}, d.keys() < {1, 2, 3}, d.keys() >= {1}, d.keys() > {1, 2, 3}, {1} < d.keys(), d.items() <= e.items())
print({1: [2]}.items() == {1: [2]}.items())
try:
    print(d.values() < d.values())
except TypeError as x:
    print('TypeError', x)
v = d.keys()
d[4] = 'd'
print(v == {1, 2, 3}, v == {1, 2, 3, 4})
# isdisjoint: of keys and items views, with any iterable
print(d.keys().isdisjoint([4, 5]), d.keys().isdisjoint({3}), d.items().isdisjoint([(1, 'a')]), {}.keys().isdisjoint([]))
print(d.items().isdisjoint({(1, 'b')}), d.keys().isdisjoint(x for x in range(9, 12)), hasattr(d.values(), 'isdisjoint'))
