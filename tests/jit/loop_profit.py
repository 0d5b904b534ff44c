# -X jit=auto's profit estimate (src/jit/profit.c): a function whose loop
# makes objects of a class is compiled at a call only once the iterations
# its loops were estimated to run (range() of its arguments, len() of one,
# a parameter iterated; nested loops multiply) reach 4000 in all; its
# loop-free callees wait with it (parked) and are compiled with it. Loops
# that make no objects, and loops not estimated, are compiled at their
# first call as before. jit/report-profit-* check each decision; the
# program's output is checked against CPython (jitprog/*, and
# jit/profit-auto under -X jit=auto).


class Sample:
    def __init__(self, t, v):
        self.t = t
        self.v = v


def scale(v):
    return v * 3 + 1


def collect(n):  # few trips: interpreted, scale parked
    s = 0
    for i in range(n):
        last = Sample(i, s)
        s += scale(i)
    return s


def offset(v):
    return v - 7


def collect_many(n):  # enough trips at its first call: compiled
    s = 0
    for i in range(n):
        last = Sample(i, s)
        s += offset(i)
    return s


def weight(x):
    return x * 2


def gather(xs, reps):  # trips add up over calls: compiled at the fourth
    s = 0
    for r in range(reps):
        for x in xs:
            last = Sample(r, x)
            s += weight(x)
    return s


def numeric_small(n):  # no objects made: compiled at its first call
    s = 0
    for i in range(n):
        s += i * i
    return s


def unknown_trips(n):  # a while loop is not estimated: compiled at its first call
    s = 0
    i = 0
    while i < n:
        last = Sample(i, s)
        s += i
        i += 1
    return s


xs = list(range(50))
print([gather(xs, 20) for k in range(5)])
print(collect(3), collect(3), collect(200))
print(collect_many(5000))
print(numeric_small(3), unknown_trips(5))
print(collect(0), scale(2))
