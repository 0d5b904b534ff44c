# array('i') and array('I') in compiled code: loads and stores up to the
# 32-bit signed limits, negative values into 'I' raise OverflowError (as in
# CPython), running max/min (halved so their difference fits), in-place reversal with tuple swaps, and an
# array filled from a linear congruential generator.
from array import array


def lcg_fill(arr, seed):
    x = seed
    for i in range(len(arr)):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF if x < 1000 else (x * 75 + 74) % 65537
        arr[i] = x
    return x


def extremes(arr):
    lo = arr[0]
    hi = arr[0]
    for i in range(1, len(arr)):
        v = arr[i]
        if v < lo:
            lo = v
        if v > hi:
            hi = v
    return hi // 2 - lo // 2


def reverse(arr):
    i = 0
    j = len(arr) - 1
    while i < j:
        arr[i], arr[j] = arr[j], arr[i]
        i += 1
        j -= 1


def copy_to(src, dst):
    for i in range(len(src)):
        dst[i] = src[i]


a = array("i", [0] * 12)
print(lcg_fill(a, 1000), list(a))
print(extremes(a))
reverse(a)
print(list(a))
edges = array("i", [2147483647, -2147483648, 0, -1, 1])
print(extremes(edges))
reverse(edges)
print(list(edges))
u = array("I", [0] * 5)
copy_to(array("i", [0, 1, 2147483647, 65536, 7]), u)
print(list(u))
try:
    copy_to(array("i", [3, 4, -1, 5, 6]), u)
except OverflowError as e:
    print("OverflowError:", e, list(u))
back = array("i", [0] * 5)
copy_to(u, back)
print(list(back), extremes(u))
