# Stores into arrays of every typecode from compiled code, reads back.
from array import array


def fill(arr, n, k):
    for i in range(n):
        arr[i] = i * k - n
    return arr[n - 1]


def scale(dst, src, k):
    for i in range(len(src)):
        dst[i] = src[i] * k


def prefix(arr):
    for i in range(1, len(arr)):
        arr[i] = arr[i] + arr[i - 1]


for tc in "bBhHiI":
    arr = array(tc, [0] * 10)
    if tc in "bB":
        k = 9
    else:
        k = 1000
    try:
        print(tc, fill(arr, 10, k), list(arr))
    except OverflowError as e:
        print(tc, "OverflowError", e, list(arr))
src = array("f", [1.0, 2.5, -4.0])
dst = array("f", [0.0] * 3)
scale(dst, src, 3)
print(list(dst))
ints = array("i", [1, 2, 3, 4, 5])
prefix(ints)
print(list(ints))
ba = bytearray(6)
try:
    fill(ba, 6, 0)
except ValueError as e:
    print("ValueError", e)
print(list(ba))
