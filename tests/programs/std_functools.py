# functools against CPython: lru_cache/cache (hits, eviction, methods,
# cache_info), total_ordering, cmp_to_key, wraps, cached_property,
# singledispatch, and reduce/partial still there
import functools
from functools import lru_cache, cache, total_ordering, cmp_to_key, wraps, cached_property, singledispatch, reduce, partial

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
fib.cache_clear()
print(fib.cache_info(), fib(10), fib.__wrapped__(5))

calls = []
@lru_cache(maxsize=2)
def sq(x):
    calls.append(x)
    return x * x
print([sq(v) for v in (1, 2, 1, 3, 2, 1)], calls, sq.cache_info())

@lru_cache
def plain(a, b=1):
    return a + b
print(plain(1), plain(1), plain(1, b=2), plain(a=1), plain.cache_info().hits)

@cache
def slow(x):
    calls.append(('slow', x))
    return x
print(slow(3), slow(3), calls[-1], slow.cache_info())

@lru_cache(maxsize=3, typed=True)
def typed(x):
    return type(x).__name__
print(typed(1), typed(1.0), typed(True), typed.cache_info().currsize)

class Circle:
    def __init__(self, r):
        self.r = r
    @lru_cache(maxsize=8)
    def area(self, scale=1):
        return 3 * self.r * self.r * scale
    @cached_property
    def diameter(self):
        print('computing diameter')
        return self.r * 2
c = Circle(2)
print(c.area(), c.area(), Circle(3).area(2), Circle.area.cache_info())
print(c.diameter, c.diameter, 'diameter' in c.__dict__)

@total_ordering
class Ver:
    def __init__(self, n):
        self.n = n
    def __eq__(self, o):
        return self.n == o.n
    def __lt__(self, o):
        if not isinstance(o, Ver):
            return NotImplemented
        return self.n < o.n
    def __repr__(self):
        return 'Ver(%d)' % self.n
a, b = Ver(1), Ver(2)
print(a < b, a > b, a <= b, a >= b, a <= Ver(1), a >= Ver(1), b > a, sorted([b, a, Ver(0)]), max(a, b))

@total_ordering
class Rev:
    def __init__(self, n):
        self.n = n
    def __eq__(self, o):
        return self.n == o.n
    def __ge__(self, o):
        return self.n >= o.n
print(Rev(1) < Rev(2), Rev(1) > Rev(2), Rev(2) <= Rev(2), Rev(3) >= Rev(1))

def compare(x, y):
    return (len(x) > len(y)) - (len(x) < len(y)) or (x > y) - (x < y)
print(sorted(['ccc', 'a', 'bb', 'aa', 'b'], key=cmp_to_key(compare)), sorted([3, 1, 2], key=cmp_to_key(lambda x, y: y - x)))

def deco(f):
    @wraps(f)
    def wrapper(*args, **kwargs):
        return ('wrapped', f(*args, **kwargs))
    return wrapper
@deco
def hello(name):
    return 'hi ' + name
print(hello('bo'))

@singledispatch
def show(x):
    return 'object ' + repr(x)
@show.register(int)
def _(x):
    return 'int %d' % x
@show.register(list)
def _(x):
    return 'list of %d' % len(x)
print(show(5), show(True), show([1, 2]), show('s'), show(2.5))

print(reduce(lambda x, y: x * y, range(1, 6)), partial(pow, 2)(10))
for bad in (lambda: total_ordering(type('N', (), {})), lambda: lru_cache('x'), lambda: show()):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
