# The classes of iterators, as type() names them and repr() shows them: the
# reversed() of a range, of a dict and its views, iterators over non-ASCII
# str, bytearray and memoryview.
for it in [iter(range(3)), reversed(range(4)), reversed([1,2]), iter([1]), iter((1,)), iter("ab"), iter("é"),
           iter({1:2}), iter({1}), iter(frozenset([1])), reversed((1,2)), reversed("ab"), zip([1],[2]), map(abs,[1]), enumerate([1]),
           filter(None,[1]), iter(b"ab"), iter(bytearray(b"a")), iter(memoryview(b"ab")), {1:2}.keys(), iter({1:2}.values()),
           iter({1:2}.items()), reversed({1:2}), reversed({1:2}.values()), reversed({1:2}.items()), reversed({1:2}.keys()),
           reversed(bytearray(b"ab")), reversed(b"ab")]:
    print(type(it).__name__, repr(it).split(" object")[0])

# type() of the iterators reversed() makes over a dict and its views, over a
# range, and of iter() over a bytearray and a memoryview: CPython's classes.
# A reversed dict's iterators took the class one along (reversed(d) was a
# dict_valueiterator, reversed(d.items()) a dict_keyiterator).
d = {1: "a", 2: "b", 3: "c"}
its = [reversed(d), reversed(d.keys()), reversed(d.values()), reversed(d.items()), iter(d), iter(d.values()),
       iter(d.items()), reversed(range(3)), iter(range(3)), iter(bytearray(b"xy")), iter(memoryview(b"xy"))]
for it in its:
    t = type(it)
    print(t.__name__, isinstance(it, t), list(it))
print(type(reversed(d)) is type(reversed({}.keys())), type(reversed(d)) is type(iter(d)))
print(type(reversed(range(5))) is type(iter(range(2))), isinstance(reversed(range(2)), reversed))
for t in (type(reversed(d)), type(iter(bytearray()))):
    try:
        t()
    except TypeError as e:
        print(e)
