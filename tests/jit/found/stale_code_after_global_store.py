# JIT bug found by tests/jit/genprog.py (KNOWN_BUGS flag "global-store").
# Assigning a global the compiled code read drops all compiled code and
# rewinds the code buffer (jit_global_stored); the next function compiled is
# written over the old code's addresses, and no port_sync_code (fence.i) is
# issued, so p4sim (and the chip's instruction cache) still runs the old
# instructions: two() returns what one() computed.
# Interpreter: "1 11" then "2 22"; JIT under p4sim: "1 11" then "2 2" (QEMU,
# which notices self-modifying code by itself, prints "2 22").
G = 1


def one(x):
    return x + G


def two(x):
    return x * 2 + 20


print(1, one(10))
G = 5
print(2, two(1))
