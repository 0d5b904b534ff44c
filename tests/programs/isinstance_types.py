# isinstance and type() across the built-in types.
values = [0, True, 1.5, "s", b"b", bytearray(1), (1,), [1], {1: 2}, range(2), None]
for v in values:
    print(type(v).__name__, isinstance(v, int), isinstance(v, (list, tuple)), type(v) is int)
from array import array
a = array("i")
print(isinstance(a, array), type(a).__name__ if False else "array")
print(isinstance(ValueError("x"), Exception), isinstance(KeyError(), (IndexError, LookupError)))
print(type(1) == int, type(1.0) == float, type("") == str, type([]) == list)
