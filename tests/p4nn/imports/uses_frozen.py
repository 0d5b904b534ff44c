# import p4nn with no lib/p4nn on any path: the frozen module (p4nn8). The
# ESP-IDF component's run (tests/espidf) compiles its frozen source on the
# device; CPython, the oracle, reads lib/p4nn from PYTHONPATH.
from array import array
import p4nn

x = array("b", [0, -3, 5, 9, -128])
p4nn.relu8(x, 5)
print(list(x), p4nn.argmax(array("i", [3, 9, 2]), 3))
