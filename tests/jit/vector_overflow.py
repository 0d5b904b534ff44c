# A multiply-accumulate that overflows int32 in the vector loop's lanes: the
# count of products passes 131071, the scalar loop takes over from the
# vector iteration's first lane, and raises where the interpreter does, with
# the earlier lanes stored (CPython raises at the store into the 'i' array,
# with another message: a 32-bit int deviation). A long sum of small
# products does not overflow and gets the right result from the scalar loop.
from array import array


def dot_rows(a, b, c, n, K):
    for j in range(n):
        acc = 0
        for k in range(K):
            acc += a[k * 0] * b[j]
        c[j] = acc


big = array("b", [-128] * 20)
small = array("b", [1] * 20)
c = array("i", [0] * 20)
dot_rows(small, small, c, 20, 135000)
print("long", c[0], c[19])
b = array("b", [0] * 20)
b[3] = -128
c = array("i", [0] * 20)
dot_rows(big, b, c, 20, 131071)  # the largest count that cannot overflow: no bail-out
print("fits", list(c))
try:
    dot_rows(big, b, c, 20, 131072)  # 131072 * 16384 = 2**31 overflows at the last product
except OverflowError as e:
    print("OverflowError", e, list(c))
