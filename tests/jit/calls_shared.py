# One JIT record per code object (docs/jit.md, "Policy"): the function
# objects a nested def or lambda makes anew share their code's
# specialisations, and what each object adds is respected: a closure's
# cells (compiled in: keyed by its closure), its defaults (bound by the
# caller). Objects are collected between calls (gc.collect) so that a new
# closure may take a dead one's address, and a shared specialisation is
# entered, and deoptimises, from an object other than the one it was
# compiled for.
import gc


def make_plain():
    # no free variables: every object shares one specialisation per types
    def plain(n, step):
        s = 0
        for k in range(n):
            s += k * step
        return s
    return plain


def make_adder(base):
    # a closure: its cell's value is compiled in, per closure
    def add(n):
        s = 0
        for k in range(n):
            s += base + k
        return s
    return add


def make_counter(start):
    count = start

    def bump(times):
        nonlocal count
        for _ in range(times):
            count += 1
        return count
    return bump


def make_defaults(d):
    # defaults differ from object to object of one code
    def f(n, scale=d, off=d * 2):
        s = 0
        for k in range(n):
            s += k * scale + off
        return s
    return f


def make_grow():
    # deoptimises (an int beyond 32 bits) in whichever object enters it
    def grow(n, x):
        for _ in range(n):
            x = x * 7 + 1
        return x % 1000003
    return grow


total = 0
for r in range(6):
    p = make_plain()
    total += p(10 + r, 3) + p(5, -2)
    total += int(p(4, 0.5) * 2)          # another type: a second specialisation
print("plain", total)

adders = [make_adder(b) for b in (1, 10, 100)]
print("adders", [a(5) for a in adders], [a(7) for a in reversed(adders)])
for r in range(5):
    # new closures, the old ones collected: a new closure tuple may take a
    # dead one's address and must not find its specialisation
    adders = None
    gc.collect()
    adders = [make_adder(b * (r + 2)) for b in (1, -3, 1000)]
    print("round", r, [a(4) for a in adders], adders[1](9))

counters = [make_counter(s) for s in (0, 100, -50)]
print("counters", [c(3) for c in counters], [c(2) for c in counters], counters[0](10))

fs = [make_defaults(d) for d in (1, 2, 3)]
print("defaults", [f(5) for f in fs], [f(5, 10) for f in fs], [f(5, off=0) for f in fs])

g1 = make_grow()
print("grow small", g1(3, 2))
g1 = None
gc.collect()
for r in range(12):
    g = make_grow()                       # a new object enters the shared code
    print("grow", r, g(2, r), g(30, r + 1))
    g = None
    if r % 4 == 0:
        gc.collect()

lam = [lambda n, k=k: sum([i * k for i in range(n)]) for k in range(4)]
print("lambdas", [f(6) for f in lam])


def outer(n):
    # a nested def made at every call of outer, called in outer's loop
    def inner(a, b):
        t = 0
        for i in range(a):
            t += i ^ b
        return t
    s = 0
    for k in range(n):
        s += inner(k, n)
    return s


print("outer", [outer(n) for n in range(1, 30)])
