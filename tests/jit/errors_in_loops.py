# Errors raised from compiled loops at iteration N, caught by the
# interpreted caller, with the work done before the failure visible in an
# array: a store out of range at element N, an index past the end reached by
# a while loop, a modulo by zero when a counter reaches 0, an 'h' store that
# overflows, and the same loops completing when nothing fails.
from array import array


def copy_until_bad(src, dst):
    # dst is 'b': an element outside -128..127 raises OverflowError
    for i in range(len(src)):
        dst[i] = src[i]
    return len(src)


def scan(arr, start, step):
    # walks past the end unless the step lands on a zero element
    i = start
    while arr[i] != 0:
        i += step
    return i


def countdown_mod(n, out):
    k = n
    for i in range(100):
        out[i % len(out)] = 1000 % k
        k -= 1
    return k


def accumulate16(src, dst):
    acc = 0
    for i in range(len(src)):
        acc += src[i]
        dst[i] = acc
    return acc


def show(label, f, a, b, c=None):
    try:
        if c is None:
            print(label, f(a, b))
        else:
            print(label, f(a, b, c))
    except (IndexError, ZeroDivisionError, OverflowError) as e:
        print(label, type(e).__name__ + ":", e)


dst = array("b", [0] * 6)
show("copy", copy_until_bad, array("i", [1, -2, 127, -128, 5, 6]), dst)
dst = array("b", [0] * 6)
show("copy", copy_until_bad, array("i", [1, -2, 3, 128, 5, 6]), dst)
print(list(dst))
a = array("i", [3, 1, 4, 1, 0, 9, 2, 6])
show("scan", scan, a, 0, 1)
show("scan", scan, a, 0, 2)
show("scan", scan, a, 1, 3)
out = array("i", [0] * 8)
show("mod", countdown_mod, 5, out)
print(list(out))
out = array("i", [0] * 8)
show("mod", countdown_mod, 200, out)
print(list(out))
d = array("h", [0] * 6)
show("acc", accumulate16, array("i", [10000, 10000, 10000, 10000, -5000, 1]), d)
print(list(d))
show("acc", accumulate16, array("i", [10000, 10000, -30000, -20000, 1, 1]), d)
print(list(d))
