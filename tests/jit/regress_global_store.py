# Regression (found by the random program generator): assigning a global that
# compiled code read drops all compiled code and reuses the code buffer; the
# next function compiled there must be seen by the instruction fetch
# (port_sync_code: fence.i), or the old code runs (p4sim, and the chip's
# instruction cache).
G = 1


def one(x):
    return x + G


def two(x):
    return x * 2 + 20


def three(x):
    for i in range(3):
        x += G
    return x


print(1, one(10))
G = 5
print(2, two(1))
print(3, three(1), one(1))
G = 7
print(4, three(2), two(2), one(3))
