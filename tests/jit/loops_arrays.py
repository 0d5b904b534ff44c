# for x in arr (iterating arrays and bytearrays directly) in compiled code:
# every typecode, break and continue, nested iteration over two arrays, an
# empty array, and iteration combined with an index counter.
from array import array


def total(arr):
    s = 0
    for x in arr:
        s += x
    return s


def ftotal(arr):
    s = 0.0
    for x in arr:
        s += x
    return s


def count_until(arr, stop):
    c = 0
    for x in arr:
        if x == stop:
            break
        c += 1
    return c


def positives(arr):
    s = 0
    for x in arr:
        if x <= 0:
            continue
        s += x
    return s


def cross(a, b):
    s = 0
    for x in a:
        for y in b:
            s += x * y
    return s


def argmax(arr):
    best = -2147483648
    at = -1
    i = 0
    for x in arr:
        if x > best:
            best = x
            at = i
        i += 1
    return at


for tc in "bBhHiI":
    arr = array(tc, [3, 0, 7, 1, 100, 5, 7])
    print(tc, total(arr), count_until(arr, 7), count_until(arr, 9), positives(arr), argmax(arr))
s = array("i", [-5, 4, -3, 2, 0, -1, 9])
print(total(s), positives(s), argmax(s), count_until(s, 0))
print(round(ftotal(array("f", [0.5, 0.25, -2.0, 1.5])), 3), ftotal(array("f")))
ba = bytearray(b"\x01\x02\x03\xff")
print(total(ba), count_until(ba, 3), argmax(ba), cross(ba, array("b", [1, -1, 2])))
print(total(array("h")), argmax(array("h")), cross(array("h", [1, 2, 3]), array("h", [4, 5])))
