# The classes of iterators, as type() names them and repr() shows them: the
# reversed() of a range, of a dict and its views, iterators over non-ASCII
# str, bytearray and memoryview.
for it in [iter(range(3)), reversed(range(4)), reversed([1,2]), iter([1]), iter((1,)), iter("ab"), iter("é"),
           iter({1:2}), iter({1}), iter(frozenset([1])), reversed((1,2)), reversed("ab"), zip([1],[2]), map(abs,[1]), enumerate([1]),
           filter(None,[1]), iter(b"ab"), iter(bytearray(b"a")), iter(memoryview(b"ab")), {1:2}.keys(), iter({1:2}.values()),
           iter({1:2}.items()), reversed({1:2}), reversed({1:2}.values()), reversed({1:2}.items()), reversed({1:2}.keys()),
           reversed(bytearray(b"ab")), reversed(b"ab")]:
    print(type(it).__name__, repr(it).split(" object")[0])
