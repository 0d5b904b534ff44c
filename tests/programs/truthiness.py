# Truth values of every built-in type.
from array import array
vals = [0, 1, -1, 0.0, 0.1, "", "0", [], [0], (), (0,), {}, {0: 0}, None, True, False,
        range(0), range(1), b"", b"\x00", bytearray(), array("i"), array("i", [0])]
print([bool(v) for v in vals])
print([1 if v else 0 for v in vals])
print([not v for v in vals[:8]])
n = 0
while [1, 2][n:]:
    n += 1
print(n)
