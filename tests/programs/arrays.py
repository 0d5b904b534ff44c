# array.array for every supported typecode.
from array import array
import array as arraymod
for tc, vals in [("b", [-128, 0, 127]), ("B", [0, 200, 255]), ("h", [-32768, 5, 32767]),
                 ("H", [0, 65535]), ("i", [-2147483648, 0, 2147483647]), ("I", [0, 7, 2147483647]),
                 ("f", [0.5, -1.25, 3.0])]:
    a = array(tc, vals)
    print(tc, a, len(a), a[0], a[-1], list(a), a.typecode, a.itemsize)
a = array("i", [1, 2, 3])
a.append(4)
a[0] = 10
a.extend([5, 6])
print(a, a[1:3], a[::-1], sum(a), 3 in a, a.tolist())
b = arraymod.array("b", [0] * 5)
for i in range(5):
    b[i] = i * 20
print(b, array("h", range(4)), array("f", [1, 2]))
try:
    b[0] = 200
except OverflowError as e:
    print("OverflowError:", e)
try:
    array("B", [256])
except OverflowError as e:
    print("OverflowError:", e)
try:
    array("z", [1])
except ValueError as e:
    print("ValueError")
c = array("i", [0] * 4)
c[1:3] = array("i", [7, 8])
print(c, c == array("i", [0, 7, 8, 0]), array("b") == array("b", []), array("i", [1]) + array("i", [2]))
