# sys.getsizeof: an int of bytes; containers count the storage of their
# items (growing with them) but not the items themselves.
import sys
from collections import deque

empty, full = [], list(range(1000))
print(type(sys.getsizeof(empty)).__name__, sys.getsizeof(empty) > 0)
print(sys.getsizeof(full) > sys.getsizeof(empty) + 1000)
print(sys.getsizeof([full]) < sys.getsizeof(full))
d = {i: i for i in range(500)}
print(sys.getsizeof(d) > sys.getsizeof({}) + 500)
print(sys.getsizeof(set(range(500))) > sys.getsizeof(set()) + 500)
print(sys.getsizeof(bytearray(5000)) >= 5000, sys.getsizeof(b"x" * 5000) >= 5000)
print(sys.getsizeof("y" * 3000) >= 3000)


class A:
    pass


print(sys.getsizeof(A()) > 0, sys.getsizeof(deque((), 1)) > 0)
print(all(sys.getsizeof(v) > 0 for v in (0, 1.5, None, True, 10 ** 30, (1, 2), len, A, sys)))
