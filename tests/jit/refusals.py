# Functions the JIT refuses (checked with --jit-report: each says "not
# compiled" with its reason) must still run correctly in the interpreter:
# lists, dicts, strings, tuples as values, print, try/except, keyword
# arguments, a variable that changes type in a loop, ** with exponent 3,
# bytes arguments, math.log. Each is called with JIT types (ints, floats,
# arrays) so the JIT does try them.
import math
from array import array


def with_list(n):
    xs = []
    for i in range(n):
        xs.append(i * i)
    return xs[-1] if n > 0 else -1


def with_dict(n):
    d = {}
    for i in range(n):
        d[i % 5] = d.get(i % 5, 0) + i
    return d[0] + d[4] if n > 4 else 0


def with_string(n):
    s = ""
    for i in range(n):
        s += str(i % 10)
    return len(s) + int(s[-1]) if n > 0 else 0


def with_tuple(a, b):
    t = (a, b, a + b)
    return t[2] * len(t)


def with_print(n):
    for i in range(n):
        print("with_print", i)
    return n


def with_try(a, b):
    try:
        return a // b
    except ZeroDivisionError:
        return -1


def callee(a, b=2, c=3):
    return a * 100 + b * 10 + c


def with_kwargs(n):
    s = 0
    for i in range(n):
        s += callee(i, c=0)
    return s


def type_change(n):
    x = 0
    for i in range(n):
        x = x + 0.5
    return x


def cubes(n):
    s = 0
    for i in range(n):
        s += i ** 3
    return s


def logs(x):
    return math.log(x) * 2.0


def fill_from_list(arr):
    vals = [7, 8, 9]
    for i in range(len(arr)):
        arr[i] = vals[i % 3]
    return arr[-1]


print(with_list(10), with_list(0), with_dict(20), with_string(23), with_tuple(3, 4))
print(with_print(2), with_try(7, 2), with_try(7, 0), with_kwargs(5))
print(type_change(5), type_change(0), cubes(10), round(logs(10.0), 4))
a = array("i", [0] * 5)
print(fill_from_list(a), list(a))
