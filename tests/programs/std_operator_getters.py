# operator's getters in C (vm/opgetters.c): calls, reprs, errors, dotted
# names, keyword arguments of methodcaller, and getters kept across collections.
import gc
from operator import itemgetter, attrgetter, methodcaller


class Node:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child

    def label(self, prefix, sep=':', upper=False):
        s = prefix + sep + self.name
        return s.upper() if upper else s


tree = Node('root', Node('mid', Node('leaf')))
print(attrgetter('child.child.name')(tree), attrgetter('name', 'child.name')(tree))
print(itemgetter(-1)('abc'), itemgetter(0, -1, slice(1, 3))('hello'), itemgetter('k', 'j')({'k': 1, 'j': 2}))
print(methodcaller('label', 'x')(tree), methodcaller('label', 'x', sep='/', upper=True)(tree))
print(methodcaller('split')('a b  c'), methodcaller('split', ',', 1)('a,b,c'))
print(repr(itemgetter(1)), repr(itemgetter('a', (1, 2))), repr(attrgetter('a.b', 'c')))
print(repr(methodcaller('label', 'x', sep='/')), repr(methodcaller('f')), str(itemgetter(0)))
print(callable(itemgetter(0)), callable(attrgetter('x')), callable(methodcaller('x')))
print(sorted([(2, 'b'), (1, 'z'), (3, 'a')], key=itemgetter(1)), max([tree.child, tree], key=attrgetter('name')).name)
print(list(map(itemgetter(0), ['ab', 'cd'])), [f('xyz') for f in [itemgetter(0), methodcaller('upper')]])
print(type(itemgetter(0)).__name__, type(attrgetter('a')).__name__, type(methodcaller('a')).__name__)


def err(f, *a, **k):
    try:
        print('ok', f(*a, **k))
    except Exception as e:
        print(type(e).__name__, e)


err(itemgetter(5), [1])
err(itemgetter(0), 5)
err(itemgetter(0), [1], [2])
err(itemgetter(0))
err(attrgetter('nope'), tree)
err(attrgetter('child.nope'), tree)
err(attrgetter, 'name', 3)
err(methodcaller('nope'), tree)
err(methodcaller('label'), tree)
err(methodcaller, 5)
err(methodcaller)
err(itemgetter)
err(attrgetter)
err(itemgetter, 1, x=2)

getters = [itemgetter(1, 0), attrgetter('child.name', 'name'), methodcaller('label', 'p', sep='-')]
gc.collect()
for _ in range(3):
    [g(t) for g, t in zip(getters, [(1, 2), tree, tree])]
    gc.collect()
print([g(t) for g, t in zip(getters, [(1, 2), tree, tree])])
print(isinstance(itemgetter(0), itemgetter), isinstance(attrgetter('a'), itemgetter), type(methodcaller('a')) is methodcaller)
