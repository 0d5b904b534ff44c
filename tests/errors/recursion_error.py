# p4: deviation
# The default recursion limit counts 1000 frames (CPython's also counts
# its own), so the repetition count below differs from CPython's.
def down(n):
    return down(n + 1)
down(0)
