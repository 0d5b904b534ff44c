"""Retired instructions per item of the Python-written library (branch
stdlib1) next to the loop a program would write by hand, to tell which
pieces are worth moving to C:

    build/cli/p4jit run --on p4sim bench/stdlib_cost.py [-X jit=eager]
"""
import p4
from itertools import count, islice, chain, product, accumulate, groupby, permutations
from operator import itemgetter, add
from bisect import bisect_left
import copy

N = 2000
DATA = list(range(N))
PAIRS = [(i % 7, i) for i in range(N)]


def per_item(label, fn, items):
    fn()                                   # warm (JIT compile, caches)
    t = p4.instret()
    fn()
    print("%-34s %8.1f" % (label, (p4.instret() - t) / items))


def hand_count():
    s = 0
    i = 0
    while i < N:
        s += i
        i += 1
    return s


def it_count():
    s = 0
    for i in islice(count(), N):
        s += i
    return s


def hand_chain():
    s = 0
    for x in DATA:
        s += x
    for x in DATA:
        s += x
    return s


def it_chain():
    s = 0
    for x in chain(DATA, DATA):
        s += x
    return s


def hand_product():
    out = []
    for a in range(13):
        for b in range(13):
            for c in range(12):
                out.append((a, b, c))
    return out


def it_product():
    return list(product(range(13), range(13), range(12)))


def hand_accumulate():
    out = []
    t = 0
    for x in DATA:
        t += x
        out.append(t)
    return out


def it_accumulate():
    return list(accumulate(DATA))


def hand_groupby():
    return len(set(k for k, _ in PAIRS))


def it_groupby():
    return sum(1 for _ in groupby(sorted(PAIRS), key=itemgetter(0)))


def it_permutations():
    return sum(1 for _ in permutations(range(6)))


def lambda_key():
    return sorted(PAIRS, key=lambda p: p[1])


def itemgetter_key():
    return sorted(PAIRS, key=itemgetter(1))


def bisect_all():
    for x in DATA:
        bisect_left(DATA, x)


def deepcopy_pairs():
    copy.deepcopy(PAIRS)


per_item("while loop, N ints", hand_count, N)
per_item("islice(count(), N)", it_count, N)
per_item("two for loops", hand_chain, 2 * N)
per_item("chain(a, a)", it_chain, 2 * N)
per_item("nested loops, 2028 tuples", hand_product, 2028)
per_item("product(...), 2028 tuples", it_product, 2028)
per_item("running sum by hand", hand_accumulate, N)
per_item("accumulate(a)", it_accumulate, N)
per_item("set of keys (no groupby)", hand_groupby, N)
per_item("groupby(sorted, itemgetter(0))", it_groupby, N)
per_item("permutations(range(6)), per tuple", it_permutations, 720)
per_item("sorted key=lambda", lambda_key, N)
per_item("sorted key=itemgetter(1)", itemgetter_key, N)
per_item("bisect_left, per search", bisect_all, N)
per_item("deepcopy list of tuples, per tuple", deepcopy_pairs, N)
