# Loops of every shape: range forms, negative steps, while with break and
# continue, nested loops, loops over arrays and bytearrays, early return.
from array import array


def sum_range(a, b, c):
    s = 0
    for i in range(a, b, c):
        s += i
    return s


def count_down(n):
    s = 0
    i = n
    while i > 0:
        i -= 1
        if i % 3 == 0:
            continue
        if i == 2:
            break
        s += i
    return s


def nested(n):
    s = 0
    for i in range(n):
        for j in range(i):
            if (i + j) % 2 == 0:
                s += i * j
            else:
                s -= j
    return s


def find(arr, x):
    for i in range(len(arr)):
        if arr[i] == x:
            return i
    return -1


def total(arr):
    s = 0
    for v in arr:
        s += v
    return s


def last_items(arr):
    return arr[-1] * 100 + arr[-len(arr)]


print(sum_range(0, 10, 1), sum_range(10, 0, -1), sum_range(-5, 50, 7), sum_range(5, 5, 1), sum_range(50, -50, -9))
print(count_down(30), count_down(0))
print(nested(30))
a = array("h", [5, -3, 12, 7, 7, 300])
print(find(a, 7), find(a, 8), total(a), last_items(a))
b = bytearray(b"hello world")
print(total(b), find(b, 111))
f = array("f", [0.5, 1.25, -3.0])
print(total(f))
