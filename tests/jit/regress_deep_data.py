# Regression (issue 17, item 3): C recursion over user data had no bound:
# hash() of a deeply nested tuple recursed until the host segfaulted (and the
# firmware's stack ran into its heap); so did an iterator chain and an
# except clause's nested tuple of classes, and a chain of zips overran the
# temporary roots. Each now raises RecursionError past the recursion limit
# (or near the C stack's end). CPython 3.11 segfaults on the hash and
# computes the others: the expected output is in the .expected file.
# p4: deviation
# p4: args -m 8M
def nest_tuple(depth):
    t = ()
    for i in range(depth):
        t = (t,)
    return t


def attempt(what, f, arg):
    try:
        print(what, f(arg))
    except RecursionError as e:
        print(what, "RecursionError:", e)


t = nest_tuple(500)
print(hash(t) == hash(nest_tuple(500)))
attempt("hash", hash, nest_tuple(5000))
attempt("hash", hash, nest_tuple(100000))

e = ValueError(1)
for i in range(5000):
    e = ValueError(e)
attempt("str", str, e)

it = enumerate([7, 8])
for i in range(5000):
    it = enumerate(it)
attempt("list", list, it)

z = enumerate([7, 8])
for i in range(3000):  # past the recursion limit (1000) and VM_MAX_ROOTS (1536)
    z = zip(z)
attempt("list", list, z)

c = ValueError
for i in range(5000):
    c = (c,)
try:
    try:
        raise ValueError(3)
    except c:
        print("caught")
except RecursionError as x:
    print("except", "RecursionError:", x)
print("done")
