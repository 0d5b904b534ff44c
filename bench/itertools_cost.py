"""Retired instructions per item of every itertools function (branch
stdlib2: the module moved from lib/std/itertools.py to C, vm/itertools.c):

    build/cli/p4jit run --on p4sim -X jit=off bench/itertools_cost.py

Each line: the function, then instructions per item it yields, the
second of two runs (the first warms caches). Consumed by a plain for loop
that does nothing, so the figure is the iterator's cost plus the loop's.
"""
import p4
from itertools import (count, cycle, repeat, accumulate, chain, compress, dropwhile, filterfalse,
                       groupby, islice, pairwise, starmap, takewhile, tee, zip_longest, product,
                       permutations, combinations, combinations_with_replacement)

N = 1000
DATA = list(range(N))
BITS = [i & 1 for i in range(N)]
RUNS = [i // 4 for i in range(N)]
PAIRS = [(i, 2) for i in range(N)]


def drain(it):
    for _ in it:
        pass


def per_item(label, make, items):
    drain(make())
    t = p4.instret()
    drain(make())
    print("%-36s %8.1f" % (label, (p4.instret() - t) / items))


per_item("for over a list (the loop alone)", lambda: DATA, N)
per_item("islice(count(), N)", lambda: islice(count(), N), N)
per_item("islice(DATA, 0, None, 2)", lambda: islice(DATA, 0, None, 2), N // 2)
per_item("islice(cycle('abc'), N)", lambda: islice(cycle('abc'), N), N)
per_item("repeat(0, N)", lambda: repeat(0, N), N)
per_item("accumulate(DATA)", lambda: accumulate(DATA), N)
per_item("chain(DATA, DATA)", lambda: chain(DATA, DATA), 2 * N)
per_item("chain.from_iterable([DATA] * 2)", lambda: chain.from_iterable([DATA, DATA]), 2 * N)
per_item("compress(DATA, BITS)", lambda: compress(DATA, BITS), N // 2)
per_item("dropwhile(f, DATA)", lambda: dropwhile(lambda x: x < 10, DATA), N - 10)
per_item("takewhile(f, DATA)", lambda: takewhile(lambda x: x < N, DATA), N)
per_item("filterfalse(None, BITS)", lambda: filterfalse(None, BITS), N // 2)
per_item("groupby(RUNS), per item", lambda: (x for k, g in groupby(RUNS) for x in g), N)
per_item("pairwise(DATA)", lambda: pairwise(DATA), N - 1)
per_item("starmap(pow, PAIRS)", lambda: starmap(pow, PAIRS), N)
per_item("tee(DATA)[0] then [1], per item", lambda: chain(*tee(DATA)), 2 * N)
per_item("zip_longest(DATA, BITS[:500])", lambda: zip_longest(DATA, BITS[:500]), N)
per_item("product(range(10), repeat=3)", lambda: product(range(10), repeat=3), 1000)
per_item("permutations(range(6))", lambda: permutations(range(6)), 720)
per_item("combinations(range(14), 4)", lambda: combinations(range(14), 4), 1001)
per_item("combinations_w_r(range(8), 4)", lambda: combinations_with_replacement(range(8), 4), 330)
