# Elementwise loops whose vector iterations must give up (elementwise.c):
# the scalar loop takes over at the iteration's first lane and raises where
# the interpreter does, with exactly the elements before it stored. A sum
# out of range in a middle lane (int8, int16: at the store), an
# index out of range in the last lane, arrays shorter than the trip count,
# uniforms out of the element's range, a negative start (Python's wrap),
# and arrays that alias the stored one.
from array import array


def add(a, b, c, n):
    for i in range(n):
        c[i] = a[i] + b[i]


def sub_from(k, a, c, n):
    for i in range(n):
        c[i] = k - a[i]


def ahead(a, c, n):
    for i in range(n):
        c[i] = max(a[i + 1], a[i])


def behind(a, c, n):
    for i in range(1, n):
        c[i] = a[i - 1] + 1


def clamp(a, c, n, lo, hi):
    for i in range(n):
        c[i] = min(max(a[i], lo), hi)


def from_start(a, c, start, n):
    for i in range(start, n):
        c[i] = max(a[i], 0)


def call(f, x1, x2, x3, x4, x5):
    if f is clamp:
        clamp(x1, x2, x3, x4, x5)
    elif f in (ahead, behind):
        f(x1, x2, x3)
    else:
        f(x1, x2, x3, x4)


def attempt(name, f, c, x1, x2, x3, x4=0, x5=0):
    try:
        call(f, x1, x2, x3, x4, x5)
        print(name, "ok", list(c))
    except (OverflowError, IndexError) as e:
        print(name, type(e).__name__, e, list(c))


def b8(vals):
    return array("b", vals)


ones = b8([1] * 40)
for bad in (0, 5, 15, 16, 21, 31, 39):   # one lane of 128
    a = b8([i % 100 for i in range(40)])
    a[bad] = 127
    c = b8([0] * 40)
    attempt("add8 +" + str(bad), add, c, a, ones, c, 40)
for bad in (3, 22):                      # one lane of -129
    a = b8([i % 100 for i in range(40)])
    a[bad] = 127
    c = b8([0] * 40)
    attempt("sub8 -" + str(bad), sub_from, c, -2, a, c, 40)
h = array("h", [32000 + i for i in range(24)])
h2 = array("h", [i * 40 for i in range(24)])   # lane 19 leaves int16
hout = array("h", [0] * 24)
attempt("add16", add, hout, h, h2, hout, 24)

a = b8([(i * 7) % 100 - 50 for i in range(40)])
c = b8([0] * 40)
attempt("ahead last lane", ahead, c, a, c, 40)     # a[40] in the last lane
attempt("ahead fits", ahead, c, a, c, 39)
short = b8([3] * 39)
attempt("short b", add, c, a, short, c, 40)
attempt("short c", add, b8([0] * 33), a, a, b8([0] * 33), 40)
c2 = b8([0] * 20)
attempt("very short c", add, c2, a, a, c2, 40)
attempt("lo out of range", clamp, c, a, c, 40, 200, 300)
attempt("hi out of range", clamp, c, a, c, 40, -300, -200)
attempt("clamp ok", clamp, c, a, c, 40, -300, 300)
attempt("negative start", from_start, c, a, c, -5, 40)
w = b8([i - 20 for i in range(40)])
attempt("in place", add, w, w, w, w, 40)
w = b8([i - 20 for i in range(40)])
attempt("out is b", add, w, ones, w, w, 40)
w = b8([i % 9 for i in range(40)])
attempt("ahead in place", ahead, w, w, w, 39)
w = b8([i % 3 for i in range(40)])
attempt("behind in place", behind, w, w, w, 40)    # each element from the one just stored
w = b8([i % 3 for i in range(40)])
attempt("behind other", behind, c, w, c, 40)
