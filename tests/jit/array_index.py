# Indexing arrays from compiled code: negative indices on loads and stores,
# IndexError at both ends (loads and stores, arrays and bytearrays), indices
# computed from expressions, len() of empty and non-empty arrays, and an
# out-of-range index reached at iteration N of a loop.
from array import array


def get(arr, i):
    return arr[i]


def put(arr, i, v):
    arr[i] = v


def ends(arr):
    return arr[0] * 1000 + arr[-1] * 100 + arr[len(arr) - 1] * 10 + arr[-len(arr)]


def rotate_left(arr):
    first = arr[0]
    for i in range(len(arr) - 1):
        arr[i] = arr[i + 1]
    arr[-1] = first


def walk(arr, n, stride):
    # reads arr[0], arr[stride], ...: fails at the first index past the end
    s = 0
    for k in range(n):
        s += arr[k * stride]
    return s


def length(arr):
    return len(arr)


a = array("h", [1, 2, 3, 4, 5])
b = bytearray(b"\x01\x02\x03")
for arr in (a, b):
    for i in (0, 2, -1, -len(arr), len(arr), -len(arr) - 1, 100, -100):
        try:
            print(i, get(arr, i))
        except IndexError as e:
            print(i, "IndexError:", e)
        try:
            put(arr, i, 9)
            print(i, list(arr))
        except IndexError as e:
            print(i, "IndexError:", e)
print(ends(array("i", [7, 8, 9])), ends(array("b", [3])))
r = array("i", [10, 20, 30, 40])
rotate_left(r)
print(list(r))
for n, stride in ((5, 1), (3, 2), (6, 1), (4, 2), (0, 100)):
    try:
        print(n, stride, walk(a, n, stride))
    except IndexError as e:
        print(n, stride, "IndexError:", e)
print(length(array("f")), length(bytearray(0)), length(a), length(array("I", [1, 2])))
