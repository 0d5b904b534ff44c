# Regression (issue 17, item 4): with a value stack large enough
# (--stack 500000) the bound on compiled recursion is the firmware's machine
# stack. Compiled code returned 390000 here, its frames running through the
# heap; it must raise RecursionError before the stack's end. Run only in the
# firmware with the JIT (tests/jit/CMakeLists.txt): the interpreter takes
# minutes to unwind 80000 frames under p4sim.
# p4: args --recursion-limit 400000 --stack 500000
def down(n):
    if n == 0:
        return 0
    return down(n - 1) + 1


for n in (10, 900, 390000):
    try:
        print(n, down(n))
    except RecursionError:
        print(n, "RecursionError")
print("done")
