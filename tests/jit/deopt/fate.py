# What follows JIT_DEOPT_LIMIT (8) deoptimisations of a specialisation
# (docs/jit.md, "Deoptimisation", Counting): compiled again with a wider
# assumption, or interpreted from then on; --jit-report says which and why
# (jit/deopt/*/fate checks its lines). The output must equal the
# interpreter's whatever happens (tests/jit/deopt/check.py).


def mostly_float(n, k):
    # x is an int for i < k, a float after: with k = 0 the float path is
    # the only one taken, and the merge typed int deoptimises at every call
    t = 0.0
    for i in range(n):
        if i < k:
            x = i
        else:
            x = i * 0.25
        t = t + x
    return t


def both_kinds(n, k):
    # both paths taken at every call: int-typed, then float-typed after the
    # recompilation, the merge deoptimises either way
    t = 0.0
    for i in range(n):
        if i < k:
            x = i
        else:
            x = i * 0.25
        t = t + x
    return t


def wraps(n, seed):
    # an int that leaves 32 bits at every call: no wider int in compiled code
    h = seed
    for i in range(n):
        h = h * 31 + i
    return h % 1000003


def sometimes(n, k):
    # deoptimises on 1 call of 4: still retired after 8 (8 within a window
    # of 1024 entries; tests/jit/deopt/retired.py has one that stays)
    s = 0
    for i in range(n):
        s = s + k * i
    return s


r = []
for c in range(30):
    r.append(mostly_float(40, 0))
print("mostly_float", sum(r), r[0], r[-1])
print("mostly_float with ints", mostly_float(10, 4), mostly_float(6, 6))
for c in range(30):
    r.append(both_kinds(20, 10))
print("both_kinds", sum(r))
t = 0
for c in range(20):
    t = t + wraps(12, c + 1)
print("wraps", t)
t = 0
for c in range(40):
    t = t + sometimes(100, 100000000 if c % 4 == 0 else c)
print("sometimes", t)
