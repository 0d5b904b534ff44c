# A dot product on PIE (XACC) near the int32 edges: the vector loop runs
# only when acc plus any prefix of the products provably stays in int32
# (products of int8 in [-16256, 16384], at most 131071 of them); otherwise
# the scalar loop does every iteration and raises OverflowError at the
# product where the interpreter does (P4JIT's ints are 32-bit: a
# deviation from CPython, hence the expected output beside this file).
from array import array


def dot(a, b, n, acc):
    for i in range(n):
        acc += a[i] * b[i]
    return acc


def attempt(a, b, n, acc):
    try:
        print(n, acc, "->", dot(a, b, n, acc))
    except OverflowError as e:
        print(n, acc, "OverflowError", e)


def filled(v, n):
    a = array("b", bytes(n))
    for i in range(n):
        a[i] = v
    return a


big = filled(-128, 131080)
pos = filled(127, 64)
top = 2147483647
bottom = -2147483648
attempt(big, big, 131071, 0)            # the longest sum that cannot overflow from 0
attempt(big, big, 131072, 0)            # 2**31: overflows at the last product
attempt(big, big, 16, top - 16 * 16384)  # exactly top
attempt(big, big, 16, top - 16 * 16384 + 1)  # one over, at the last product
attempt(big, big, 32, top - 20 * 16384)  # over at product 21: the guard sends all to the scalar loop
attempt(big, pos, 16, bottom + 16 * 16256)  # exactly bottom
attempt(big, pos, 16, bottom + 16 * 16256 - 1)
attempt(big, pos, 40, 0)
# a sum that could overflow by the bound but does not: scalar, same result
mixed = array("b", [-128, 127] * 40)
attempt(big, mixed, 80, top - 100)
