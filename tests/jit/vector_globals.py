# Sizes as module constants, the arrays indexed by the loop counters
# themselves (x[i], y[o]): range.c's range of a counter includes its exit
# value, which the checks in the loop never see, so the largest index tested
# before the vector loop is the bound minus one (with the exit value, the
# test failed for arrays of exactly the right size and the scalar loop ran
# every time: 20 cycles per MAC). Arrays one element short must still
# raise where the interpreter does. Compared with CPython.
from array import array

N_IN = 64
N_OUT = 16


def dense_t(x, w, y):  # weights transposed: contiguous in o, the lanes
    for o in range(N_OUT):
        acc = 0
        for i in range(N_IN):
            acc += x[i] * w[i * N_OUT + o]
        y[o] = acc


def dense(x, w, y):  # a dot product per output
    for o in range(N_OUT):
        acc = 0
        for i in range(N_IN):
            acc += x[i] * w[o * N_IN + i]
        y[o] = acc


def run(fn, short_x=0, short_w=0, short_y=0):
    x = array("b", [(i * 7 + 3) % 256 - 128 for i in range(N_IN - short_x)])
    w = array("b", [(i * 5 + 1) % 256 - 128 for i in range(N_IN * N_OUT - short_w)])
    y = array("i", [0] * (N_OUT - short_y))
    try:
        fn(x, w, y)
        print("ok", list(y))
    except IndexError as e:
        print("IndexError", e, list(y))


for fn in (dense_t, dense):
    run(fn)
    run(fn, short_x=1)
    run(fn, short_w=1)
    run(fn, short_y=1)
