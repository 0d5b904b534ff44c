# operator against CPython: the functions, the getters and their errors
import operator
from operator import itemgetter, attrgetter, methodcaller

print(operator.add(2, 3), operator.sub(2, 3), operator.mul('ab', 3), operator.truediv(7, 2),
      operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 10), operator.neg(5), operator.pos(-5))
print(operator.abs(-3), operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10), operator.inv(5),
      operator.invert(0), operator.lshift(1, 5), operator.rshift(64, 3))
print(operator.lt(1, 2), operator.le(2, 2), operator.eq(1, 1.0), operator.ne(1, 2), operator.ge(1, 2), operator.gt(3, 2))
print(operator.not_(0), operator.truth([]), operator.truth([0]), operator.is_(None, None), operator.is_not(1, None))
print(operator.contains([1, 2], 2), operator.getitem('abc', 1), operator.concat([1], [2]), operator.index(7))
class Hint:
    def __init__(self, n=4):
        self.n = n
    def __length_hint__(self):
        return NotImplemented if self.n is None else self.n

print(operator.countOf([1, 2, 1, 1], 1), operator.indexOf('abc', 'c'), operator.length_hint([1, 2]),
      operator.length_hint(Hint(), 9), operator.length_hint(Hint(None), 9), operator.length_hint(5, 4))
d = {}
operator.setitem(d, 'k', 1)
operator.setitem(d, 'j', 2)
operator.delitem(d, 'k')
print(d)
l = [1]
print(operator.iadd(l, [2]), l, operator.iadd(1, 2), operator.imul('a', 3), operator.isub(5, 1), operator.ior({1}, {2}))
print(operator.__add__(1, 2), operator.__not__(1), operator.__getitem__([4, 5], -1))
print(list(map(operator.mul, [1, 2, 3], [4, 5, 6])))
from functools import reduce
print(reduce(operator.add, range(10)), reduce(operator.mul, range(1, 6)))

pairs = [('b', 2, 'x'), ('a', 3, 'y'), ('c', 1, 'z')]
print(sorted(pairs, key=itemgetter(1)), sorted(pairs, key=itemgetter(0)))
print(itemgetter(0, 2)(pairs[0]), itemgetter('k')({'k': 9}), itemgetter(slice(1, None))('hello'))
print(repr(itemgetter(1)), repr(itemgetter('a', 2)))

class P:
    def __init__(self, name, inner=None):
        self.name = name
        self.inner = inner
    def greet(self, greeting, punct='!'):
        return greeting + ' ' + self.name + punct

people = [P('bob'), P('al', P('deep'))]
print(sorted(p.name for p in people), [attrgetter('name')(p) for p in people])
print(attrgetter('inner.name')(people[1]), attrgetter('name', 'inner')(people[0]))
print(repr(attrgetter('x')), repr(attrgetter('a.b', 'c')))
print(methodcaller('greet', 'hi')(people[0]), methodcaller('greet', 'yo', punct='?')(people[1]))
print(methodcaller('upper')('abc'), repr(methodcaller('greet', 'hi', punct='.')))

def err(f, *a):
    try:
        print('ok', f(*a))
    except Exception as e:
        print(type(e).__name__, e)

err(operator.add, 1, 'a')
err(operator.truediv, 1, 0)
err(operator.getitem, [1], 5)
err(operator.indexOf, [1, 2], 3)
err(operator.index, 1.5)
err(attrgetter('missing'), people[0])
err(attrgetter, 1)
err(methodcaller, 2)
err(itemgetter('z'), {})
err(operator.concat, 1, 2)
err(operator.neg, 'a')
