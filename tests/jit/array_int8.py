# array('b') and array('B') in compiled code: loads sign- or zero-extend,
# stores of in-range values, stores out of range raise OverflowError (as in
# CPython) at the right element, leaving the earlier stores in place;
# wrapping arithmetic done by hand with & 0xFF.
from array import array


def fill(arr, start, step):
    v = start
    for i in range(len(arr)):
        arr[i] = v
        v += step
    return v


def total(arr):
    s = 0
    for i in range(len(arr)):
        s += arr[i]
    return s


def to_unsigned(src, dst):
    for i in range(len(src)):
        dst[i] = src[i] & 0xFF


def to_signed(src, dst):
    for i in range(len(src)):
        v = src[i]
        if v > 127:
            v -= 256
        dst[i] = v


def store(arr, i, v):
    arr[i] = v
    return arr[i]


def attempt(arr, start, step):
    try:
        print(arr.typecode, start, step, fill(arr, start, step), list(arr))
    except OverflowError as e:
        print(arr.typecode, start, step, "OverflowError:", e, list(arr))


b = array("b", [0] * 8)
ub = array("B", [0] * 8)
attempt(b, -128, 36)
attempt(b, 127, -36)
attempt(b, 100, 10)
attempt(b, -100, -10)
attempt(ub, 0, 36)
attempt(ub, 255, -36)
attempt(ub, 200, 20)
attempt(ub, 30, -10)
print(total(b), total(ub))
sb = array("b", [-128, -1, 0, 1, 127, -50, 50, -77])
u = array("B", [0] * 8)
to_unsigned(sb, u)
print(list(u))
back = array("b", [0] * 8)
to_signed(u, back)
print(list(back), back == sb)
for tc, v in (("b", 127), ("b", -128), ("b", 128), ("b", -129), ("b", 300), ("B", 255), ("B", 0), ("B", 256), ("B", -1)):
    arr = array(tc, [5])
    try:
        print(tc, v, store(arr, 0, v))
    except OverflowError as e:
        print(tc, v, "OverflowError:", e, arr[0])
