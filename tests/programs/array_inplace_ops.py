# a += b and a *= n on array.array and bytearray change the object itself,
# as CPython's __iadd__/__imul__: every name bound to it (a caller's
# argument, an alias, a list item) sees the new elements. P4JIT made a new
# object for array += array, array *= n and bytearray *= n (the alias kept
# the old contents: a silent wrong result).
from array import array


def grow(buf, a, k):
    buf += b"xy"
    buf *= k
    a += array("h", [7, -32768])
    a *= k
    return len(buf), len(a)


def fill(a, n):                     # a loop over an array grown in place by a call
    total = 0
    for r in range(n):
        a += array("i", [r])
        for i in range(len(a)):
            total += a[i]
    return total


def repeat_self(a):
    a += a                          # b may be a itself
    return a


b = bytearray(b"1")
h = array("h", [1])
print(grow(b, h, 2), b, h)
print(grow(b, h, 0), b, h)
keep = [array("b", [1, 2])]
x = keep[0]
x *= 3
print(x is keep[0], keep)
x *= -1
print(keep, len(x))
i = array("i")
print(fill(i, 6), i)
s = array("f", [0.5, 1.5])
print(repeat_self(s), s)
ba = bytearray(b"ab")
alias = ba
ba *= 2 ** 40 - 2 ** 41            # a negative long: empties it
print(alias, ba is alias)
lst = [1, 2]
other = lst
lst *= -(2 ** 40)
print(other, lst is other)


class Count:
    def __index__(self):
        return 3


d = array("H", [65535])
e = d
d *= Count()
print(e)
for bad in (array("b", [1]), [1], b"x"):
    try:
        d += bad
    except TypeError as exc:
        print("TypeError", exc)
print(e)
for seq in ([1, 2], array("i", [7]), bytearray(b"ab")):
    before = seq
    for bad in ("ab", array("B"), 2.0):
        try:
            seq *= bad              # not a count: TypeError, the sequence untouched
        except TypeError as exc:
            print("TypeError", type(bad).__name__)
    print(before, seq is before)
