# A dense row's vector loop inside a while loop whose bound is lowered in
# its body (`m -= 1`): vector_entry.c hoisted the row's bail-out flag to the
# outer loop's preheader, evaluated at the bound's value there, which is a
# phi of the outer loop's header, not made yet (fuzz6: the outer loop ran
# 4 trips instead of 3 on p4sim, n = 0, m = 5). The flag is now hoisted
# only for bounds made before the loop. Compared with CPython.
from array import array


def dense_shrink(xs, ys, out, n, m):
    r = 0
    while r < m:
        s = 0
        for c in range(n):
            s += xs[c] * ys[r * n + c]
        out[r] = s
        r += 1
        m -= 1
    return r


def dense_shrink_le(xs, ys, out, n, m):         # <=, and the bound raised
    r = 0
    t = 0
    while r <= m:
        s = 0
        for c in range(n):
            s += xs[c] * ys[r * n + c]
        out[r] = s
        t += s
        r += 2
        m += 1 if t < 0 else -1
    return r, t


def attempt(f, *args):
    try:
        return f(*args)
    except (IndexError, OverflowError) as e:
        return type(e).__name__ + " " + str(e)


for n in (0, 1, 15, 16, 17, 33):
    for m in (0, 1, 2, 5, 6, 24):
        for short in (0, 1):
            xs = array("b", [(j * 7 + 3) % 200 - 100 for j in range(n)])
            ys = array("b", [(j * 13 + 1) % 200 - 100 for j in range(max(0, n * (m + 2) - short))])
            out = array("i", [0] * (m + 2))
            print(n, m, short, attempt(dense_shrink, xs, ys, out, n, m), list(out))
            out = array("i", [0] * (m + 2))
            print(n, m, short, attempt(dense_shrink_le, xs, ys, out, n, m), sum(out))
