# Compiled code builds the values of the globals it reads in. A global
# assigned by Python code that compiled code called (an interpreted
# function, a special method, __init__, __str__ through print) made all
# code be dropped only once the outermost compiled call returned: until then
# the compiled caller went on with the old value (read_n2 printed (5, 5)).
# Now each compiled frame leaves for the interpreter at its call once the
# callee returns (jit.c jit_leave_with, a deopt map on every call site).
# CPython is the oracle.

N = 5
F = 1.5


def bump():
    global N
    N += 1


def read_n2():
    a = N
    bump()
    b = N
    return a, b


def mid():  # compiled, reads no global: it leaves too, so its caller can
    bump()
    return 1


def through_mid():
    a = N
    k = mid()
    return a + N * 10 + k


def in_loop(n):
    s = 0
    for i in range(n):
        s += N
        if i == 2:
            bump()
    return s


def scale_f():
    global F
    F = F * 2.0


def floats():
    x = F
    scale_f()
    return x + F


def helper_a():
    return 1


def helper_b():
    return 2


def swap_helper():
    global helper
    helper = helper_b


helper = helper_a


def rebinds():
    x = helper()
    swap_helper()
    return x * 10 + helper()


class Setter:
    def __setitem__(self, i, v):
        global N
        N = v


def via_setitem(c):
    a = N
    c[0] = 99
    return a + N


class Made:
    def __init__(self, v):
        global N
        N = v


def via_init():
    a = N
    Made(a + 7)
    return a * 100 + N


class Eq:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        global N
        N = N + 3
        return self.v == other.v

    def __lt__(self, other):
        global N
        N = N * 2
        return self.v < other.v


def via_compare(p, q):
    a = N
    same = p == q
    b = N
    less = p < q
    return a, b, N, same, less


class Loud:
    def __str__(self):
        global N
        N = 1000
        return "loud"


def via_print(o):
    a = N
    print(o)
    return a + N


class Counter:
    def __init__(self):
        self.n = 0

    def tick(self):
        global N
        N += 2
        self.n += 1


def via_method(c):
    a = N
    c.tick()
    return a, N, c.n


def deep(k):
    if k == 0:
        bump()
        return N
    return deep(k - 1) + N


class Prop:
    def __init__(self):
        self._v = 0

    @property
    def v(self):
        global N
        N += 4
        return self._v


def via_property(o):
    a = N
    b = o.v
    return a, b, N


class Iter:
    def __iter__(self):
        global N
        N += 5
        return iter([1, 2])


def via_iter(o):
    a = N
    s = 0
    for x in o:
        s += x
    return a, s, N


for _ in range(3):
    print(read_n2(), read_n2())
    print(through_mid(), in_loop(5))
    print(floats())
    helper = helper_a
    print(rebinds(), rebinds())
    print(via_setitem(Setter()))
    print(via_init())
    print(via_compare(Eq(1), Eq(1)), via_compare(Eq(1), Eq(2)))
    print(via_print(Loud()))
    N = 5
    print(via_method(Counter()))
    print(deep(3))
    print(via_property(Prop()))
    print(via_iter(Iter()))
