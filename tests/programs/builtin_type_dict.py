# __dict__ of the built-in types (a dict of their own methods; CPython's is
# a read-only mappingproxy, so only reads are compared), vars() of them, and
# type(name, bases, ns) with an OrderedDict namespace.
from collections import OrderedDict

print("from_bytes" in int.__dict__, "append" in list.__dict__, "keys" in dict.__dict__)
print("upper" in str.__dict__, "fromkeys" in dict.__dict__, "maketrans" in str.__dict__)
print("append" in int.__dict__, "upper" in vars(str))
items = [3]
list.__dict__["append"](items, 4)
print(items)
print(type(type("")).__dict__ is not None, hasattr(int, "__dict__"))

A = type("A", (), OrderedDict(a=1, b=2, c=3))
print([k for k in A.__dict__ if not k.startswith("_")], A.b)
