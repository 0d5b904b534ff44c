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
