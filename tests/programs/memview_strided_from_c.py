# bytes() and bytearray() of a strided memoryview when C code calls them
# (map, int.from_bytes, sorted's key): the copy of the viewed bytes must stay
# rooted while bytes() builds its result (a collection in between once left
# it freed: b'' and 0 under --gc-stress)
views = [memoryview(b"abcdef")[::2], memoryview(bytearray(b"0123456789"))[1::3],
         memoryview(b"xyz")[::-1]]
print(list(map(bytes, views)))
print(list(map(bytearray, views)))
print([int.from_bytes(v, "big") for v in views])
print([int.from_bytes(v, "little", signed=True) for v in views])
print(sorted(views, key=bytes) == sorted(views, key=lambda v: v.tobytes()))
print(max(views, key=bytes).tobytes())
