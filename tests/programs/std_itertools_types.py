# itertools in C (vm/itertools.c): the classes, isinstance, CPython's
# argument checks and messages, islice's argument quirks, groupby's shared
# iterator, tee's independent copies and tees of tees, and iterators kept
# alive across collections.
import gc
import itertools
from itertools import (count, cycle, repeat, accumulate, chain, compress, dropwhile, filterfalse,
                       groupby, islice, pairwise, starmap, takewhile, tee, zip_longest, product,
                       permutations, combinations, combinations_with_replacement)

made = [count(), cycle('a'), repeat(1), accumulate([1]), chain(), chain.from_iterable([]), compress('a', [1]),
        dropwhile(bool, []), takewhile(bool, []), filterfalse(None, []), groupby(''), islice('', 1),
        pairwise(''), starmap(pow, []), zip_longest(), product(), permutations(''), combinations('', 0),
        combinations_with_replacement('', 0)]
print([type(x).__name__ for x in made])
print(type(tee('')[0]).__name__, type(next(groupby('a'))[1]).__name__)
print(all(isinstance(x, type(x)) for x in made), isinstance(chain('a'), chain), isinstance(count(), islice))
print(isinstance(islice('ab', 1), itertools.islice), type(count()) is count, iter(count()) is not None)
c = count(5)
print(iter(c) is c, next(c), next(c))
print(list(chain.from_iterable(['ab', range(2)])))


def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print('ok', list(islice(r, 6)) if hasattr(r, '__next__') else r)
    except Exception as e:
        print(type(e).__name__, e)


err(islice, 'abc', -2)              # below -1: the indices message (CPython's)
err(islice, 'abc', 1.5)
err(islice, 'abc', 1.5, 3)
err(islice, 'abc', None, None, None)
err(islice, 'abc', 1, None, 'x')
err(islice, 'abc', 2**40)
err(islice, 'abcdef', True, 2**40, 2)
err(islice, 3, 'x')                 # arguments checked before iter()
err(islice, 'abc', stop=1)
err(islice, 'abc')
err(combinations, 'ab', 'x')
err(combinations_with_replacement, 'ab', 'x')
err(permutations, 'ab', 'x')
err(permutations, 'abc', r=2)
err(combinations, iterable='abc', r=2)
err(product, 'a', repeat='x')
err(product, 'ab', foo=1)
err(product, 'ab', repeat=2)
err(accumulate, [1, 2], foo=2)
err(accumulate, [1, 2, 3], initial=None)
err(accumulate, [1, 2, 3], func=lambda a, b: a * b, initial=2)
err(repeat, times=2, object='z')
err(repeat, 'z', -5)
err(repeat, 'z', 2**40)
err(count, 1, 'a')
err(count, step=2, start=3)
err(count, 2.5, 0.5)
err(count, 2**31 - 2)
err(count, 2**70, -2**69)
err(tee, 'ab', 'x')
err(zip_longest, 'a', bar=1)
err(zip_longest, 'ab', 'c', fillvalue=0)
err(lambda: [(k, list(g)) for k, g in groupby(key=len, iterable=['a', 'b', 'cc'])])
err(list, starmap(pow, [1]))
err(list, starmap(pow, [[2, 3], (2, 2)]))
err(list, chain([1], 2))

# groupby: only the newest group reads the shared iterator
gb = groupby('aabbbc')
k1, g1 = next(gb)
print(k1, next(g1))
k2, g2 = next(gb)
print(k2, list(g1), list(g2), list(g2))
print([(k, list(g)) for k, g in groupby([1, 1, 2, 3, 3], key=lambda v: v % 2)])

# tee: each copy has its own position; copies of a tee start where it is; > one block of items
a, b = tee(range(100))
print(next(a), next(a), next(b))
c, d = tee(a)
print(c is a, next(c), next(d), next(d), next(b))
print(sum(a), sum(b), sum(d))
x, y = tee(iter([1, 2]), 2)
print(list(x), list(y), list(x), tee('', 0))

# an islice over a shared iterator takes exactly the items it yields or skips
it = iter(range(20))
print(list(islice(it, 2, 8, 3)), next(it), list(islice(it, 0)), next(it))

# collections between items: the state stays reachable
pipes = [islice(count(), 3, 40, 4), pairwise(chain('xyz', 'w')), zip_longest(range(3), 'abcde'),
         product('ab', repeat=2), permutations(range(3)), combinations(range(5), 3), accumulate(range(9)),
         cycle([[1], [2]]), groupby('aabbccdd')]
out = []
for p in pipes:
    items = []
    for v in islice(p, 8):
        gc.collect()
        items.append(v if not isinstance(v, tuple) or type(v[-1]).__name__ != '_grouper' else (v[0], list(v[1])))
    out.append(items)
for items in out:
    print(items)
print(len(list(permutations(range(7), 3))), len(list(combinations_with_replacement(range(6), 4))), list(combinations(range(3), 5)))

# reprs: count and repeat show their state (CPython's); the others name the module
from itertools import count, repeat
c = count(3)
next(c)
r = repeat('ab', 3)
next(r)
print(repr(c), count(), count(1.5), count(0, 2), count(0, 1.0), count(5, True), count(2**70, -3), count(step=0.5))
print(repr(r), repeat([1, 2]), repeat(None, -4), [repeat(count(7), 2)], list(r), r)
print([repr(x).split(' object at ')[0] for x in (cycle('a'), islice('ab', 1), chain(), tee('a')[0])])
