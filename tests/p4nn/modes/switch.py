# p4.jit_mode inside one run (tests/p4nn/modes/run.py checks what it prints):
# a kernel the vectoriser puts on PIE lanes timed in each mode the run
# offers, in the order pie, scalar, pie, off, scalar: the same sums, and
# cycles that show which code ran (PIE's about a tenth of the scalar JIT's).
from array import array
import p4


def dot_t(x, w, acc, n, m):
    # acc[o] = sum x[i] * w[i*m + o]: the outputs are the vectoriser's lanes
    for o in range(m):
        a = 0
        for i in range(n):
            a += x[i] * w[i * m + o]
        acc[o] = a


def switches_inside(k):
    # a compiled function may not switch: it would go on running its old code
    t = 0
    for i in range(k):
        t += i
    p4.jit_mode("off")
    return t


n, m = 64, 64
x = array("b", [(i * 7) % 61 - 30 for i in range(n)])
w = array("b", [(i * 13) % 97 - 48 for i in range(n * m)])
acc = array("i", bytes(4 * m))
print("modes", " ".join(p4.jit_modes()), "start", p4.jit_mode())
for mode in ("pie", "scalar", "pie", "off", "scalar"):
    try:
        p4.jit_mode(mode)
    except ValueError as e:
        print("refused", mode, str(e))
        continue
    dot_t(x, w, acc, n, m)  # compiles in a JIT mode
    t0 = p4.cycles()
    dot_t(x, w, acc, n, m)
    t1 = p4.cycles()
    print("ran", mode, p4.jit_mode(), (t1 - t0) & 0x7FFFFFFF, sum(acc))
try:
    p4.jit_mode("fast")
except ValueError as e:
    print("refused fast", str(e))
if "scalar" in p4.jit_modes():
    p4.jit_mode("scalar")
    try:
        print("inside", switches_inside(3), p4.jit_info(switches_inside))
    except RuntimeError as e:
        print("inside RuntimeError", str(e))
    print("after", p4.jit_mode())
