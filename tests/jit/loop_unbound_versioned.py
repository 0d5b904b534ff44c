# A local assigned only inside a loop nest (`flag`) and read after it, in a
# function whose first loop version.c copies: the copy's exit gets phis for
# the loop's values but none for the unassigned local's void phi, so the
# verifier (-X ir-verify=on, jit/ir-verify) reported a read of it where it
# is not available after every pass from ir_version to ir_schedule. Never a
# wrong result: the function is refused (jit.c's maybe_unbound: "a local
# may be used before it is assigned") and runs in the interpreter, whose
# UnboundLocalError the paths with no trip of the while loop give. Found by
# gen_loops.py (seed 82); verify.c now skips reads of unassigned locals.

def first_exit(m, k):
    st = k % 3 + 1
    s = k
    for i in range(st, m):
        s -= (i + m) ^ (k & st)
    for j in range(m + 1, -1, -st):
        c = 0
        while c < m:
            for a in range(2, -1, -3):
                return a + s
            for b in range(0, -1, -3):
                flag = -2 & k
    return flag


for m, k in ((4, 3), (0, 3), (-1, 3), (5, 0), (0, 0), (-3, 1), (2, 2), (9, -4)):
    try:
        print(first_exit(m, k))
    except UnboundLocalError as e:
        print(type(e).__name__, e)
