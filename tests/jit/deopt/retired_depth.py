# The recursion limit with a retired callee (docs/jit.md, "Recursion limit
# across the interpreter"): down's compiled frames call spin, retired, whose
# call runs in the interpreter and recurses there. The interpreter counts
# the compiled frames below it as its own, so RecursionError comes at the
# depth where the interpreter alone raises it (jit/deopt/*/retired-depth,
# against -X jit=off). Not under -X jit-deopt-stress: forced deoptimisations
# at every level nest the interpreter in compiled code until the C stack,
# not the limit, stops them. deepest() is recursion_limit.py's (the test
# runs with -X path=tests/jit).
from recursion_limit import deepest


def spin(k, x):
    # deoptimises at its bottom (an int beyond 32 bits): retired after 8
    if k == 0:
        return (x * 100000) % 17
    return spin(k - 1, x) + 1


def down(n):
    if n == 0:
        return spin(20, 30000)
    return 1 + down(n - 1)


for i in range(10):
    print(spin(3, 30000 + i), end=" ")
print()
print("deepest", deepest(down))
print("after", down(50), spin(2, 7))
