# Errors raised three compiled calls deep, caught by the interpreted caller
# (the compiled frames unwind, later calls of the same functions still work):
# IndexError, ZeroDivisionError, ValueError (math domain) and OverflowError
# (float to int), raised at iteration N of the innermost loop; caught at
# different depths by an interpreted wrapper that uses try.
import math
from array import array


def leaf_index(arr, i):
    return arr[i]


def leaf_div(a, b):
    return a // b


def leaf_sqrt(x):
    return math.sqrt(x)


def leaf_int(x):
    return int(x)


def middle(arr, n):
    s = 0
    for i in range(n):
        s += leaf_index(arr, i) + leaf_div(100, arr[i % len(arr)])
    return s


def middle_f(x, n):
    s = 0.0
    for i in range(n):
        s += leaf_sqrt(x - i)
    return leaf_int(s)


def top(arr, n, x):
    return middle(arr, n) + middle_f(x, n)


def wrapper(arr, n, x):
    # interpreted (try): catches what the compiled frames below raise
    try:
        return top(arr, n, x)
    except IndexError as e:
        return "IndexError: " + str(e)


arr = array("h", [5, 2, 1, 4])
print(top(arr, 4, 10.0), top(arr, 2, 1.0))
for args in ((arr, 5, 10.0), (array("h", [5, 0, 1]), 3, 10.0), (arr, 4, 2.0), (arr, 3, 2.0), (arr, 0, 0.0)):
    try:
        print(wrapper(args[0], args[1], args[2]))
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    except ValueError as e:
        print("ValueError:", e)
big = array("h", [1] * 200)
try:
    print(top(big, 150, 1e6))
    print(top(big, 150, float("inf")))
except OverflowError as e:
    print("OverflowError:", e)
print(top(arr, 4, 10.0), middle(arr, 3), leaf_div(-7, 2))
