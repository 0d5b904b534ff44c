# Booleans in compiled code: and/or/not over ints and bools, short circuits
# that guard a division or an index, bools as ints in arithmetic, functions
# returning bool, truthiness of 0/1/-1 in conditions and while loops.
from array import array


def both(a, b):
    return a > 0 and b > 0


def either(a, b):
    return a > 0 or b > 0


def neither(a, b):
    return not (a or b)


def logic(p, q):
    # truth table of several bool expressions packed in an int
    r = 0
    if p and q:
        r |= 1
    if p or q:
        r |= 2
    if not p:
        r |= 4
    if p and not q or q and not p:
        r |= 8
    if not (p and q) == (not p or not q):
        r |= 16
    return r


def guarded_div(a, b):
    # the right operand runs only when b != 0
    if b != 0 and a // b > 2:
        return 1
    return 0


def guarded_index(arr, i):
    if i < len(arr) and arr[i] > 10:
        return arr[i]
    return -1


def count_true(n):
    c = 0
    for i in range(n):
        c += (i % 3 == 0) + (i % 5 == 0)
    return c


def is_odd(x):
    return x % 2 == 1


def truthy(x):
    if x:
        return 1
    return 0


def countdown(n):
    c = 0
    while n:
        n -= 1
        c += 2
    return c


for a in (-1, 0, 1):
    for b in (-1, 0, 1):
        print(a, b, both(a, b), either(a, b), neither(a, b))
for p in (False, True):
    for q in (False, True):
        print(p, q, logic(p, q))
# with int operands "p and not q" is an int or a bool: that specialisation is
# refused (a stack slot changes type) and runs interpreted
print(logic(0, 5), logic(-1, 0), logic(3, 3))
print([guarded_div(a, b) for a in (0, 7, -9) for b in (0, 1, 2, -3)])
arr = array("i", [5, 20, 11, 3])
print([guarded_index(arr, i) for i in range(6)])
print(count_true(100), is_odd(3), is_odd(-3), is_odd(0))
print(truthy(0), truthy(-1), truthy(1), truthy(True), truthy(False))
print(countdown(0), countdown(17))
