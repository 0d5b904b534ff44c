# An int16 dot product on PIE (XACC) near the int32 edges (vec11): the sum
# is tested at the vector loop's exit; past int32 the original loop does
# every iteration again from the first and the int becomes a long where the
# interpreter's does (the result is the same int). XACC holds 40 bits: at
# 512 products of (-32768)**2 = 2**30 the sum is 2**39, which XACC wraps to
# -2**39 (out of int32: the scalar loop again); longer rows run in chunks
# of 512 products, each tested: k.k's rows of 600 to 1100 products of 10**6
# pass their first chunk and end past int32 in a later one or the tail.
# A function deoptimised 8 times stays interpreted (docs/jit.md), so the
# sums past int32 are spread over copies of the loop, 6 each, and the sums
# that fit run first.
from array import array


def dot(a, b, n, acc):
    for i in range(n):
        acc += a[i] * b[i]
    return acc


def over1(a, b, n, acc):
    for i in range(n):
        acc += a[i] * b[i]
    return acc


def over2(a, b, n, acc):
    for i in range(n):
        acc += a[i] * b[i]
    return acc


def over3(a, b, n, acc):
    for i in range(n):
        acc += a[i] * b[i]
    return acc


def over4(a, b, n, acc):
    for i in range(n):
        acc += a[i] * b[i]
    return acc


def total(a, b, n):  # (no loop of the shape above: the interpreter's sum)
    return sum([a[i] * b[i] for i in range(n)])


top = 2147483647
bottom = -2147483648
low = array("h", [-32768] * 1100)
high = array("h", [32767] * 64)
alt = array("h", [-32768, 32767] * 64)
alt2 = array("h", [32767, -32768, 1000, -32768] * 16)
thousand = array("h", [1000] * 1100)
fits, past = [], []
for a, b, name, rows in ((low, alt, "low.alt", (8, 9, 16, 31, 64)), (alt, high, "alt.high", (8, 9, 16, 31, 64)),
                         (alt2, low, "alt2.low", (8, 9, 16, 31, 64)), (thousand, thousand, "k.k", (600, 1024, 1100))):
    for n in rows:
        S = total(a, b, n)
        for acc in (top - S, top - S + 1, bottom - S, bottom - S - 1):
            if bottom <= acc <= top:  # (a start that is an int32: the compiled loop's)
                (fits if bottom <= acc + S <= top else past).append((name, a, b, n, acc))
# the sum leaves int32 on the way and comes back (fits), or ends past it
fits.append(("low.alt", low, alt, 128, top - 100))
fits.append(("alt.low", alt, low, 64, bottom + 5))
fits.append(("low.low", low, low, 1, top - (1 << 30)))
fits.append(("low.low", low, low, 1, bottom))
for n in (2, 8, 16, 511, 512, 513):
    past.append(("low.low", low, low, n, 0))
past.append(("low.low", low, low, 8, bottom))
for name, a, b, n, acc in fits:
    print(name, n, acc, "->", dot(a, b, n, acc))
for k, (name, a, b, n, acc) in enumerate(past):
    f = (over1, over2, over3, over4)[k * 4 // len(past)]
    print(name, n, acc, "->", f(a, b, n, acc))
print(len(fits), "fit,", len(past), "past int32")
