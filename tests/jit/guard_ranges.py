# Loops over constants (module globals are constants to compiled code) whose
# index ranges range.c knows: the versioning guard tests the largest index
# once for all entries of the inner loop (version.c). When an array is too
# short for that, the checked copy runs, and the error and everything
# written before it are the interpreter's.
from array import array

R = 5
C = 6
T = 4


def blur(inp, out):
    for r in range(R):
        for c in range(C):
            acc = 0
            for t in range(T):
                acc += inp[r * C + c + t * C] * 3
            out[r * C + c] = acc


def run(n):
    inp = array("b", [(i * 7 + 3) % 256 - 128 for i in range(n)])
    out = array("i", [0] * (R * C))
    try:
        blur(inp, out)
        print(n, "ok", sum(out), out[0], out[R * C - 1])
    except IndexError as e:
        print(n, "IndexError", e, list(out))


for n in ((R + T - 1) * C, (R + T - 1) * C + 5, (R + T - 1) * C - 1, 20, 0):
    run(n)
