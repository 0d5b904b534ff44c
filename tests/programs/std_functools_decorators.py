# functools' decorators as a user writes them (wraps, lru_cache with its key
# rules and eviction order, total_ordering from each root, cmp_to_key,
# cached_property) and functions' __module__
import functools
from functools import lru_cache, wraps, total_ordering, cmp_to_key, cached_property, reduce, partial


def logged(f):
    @wraps(f)
    def wrapper(*args, **kwargs):
        print("call", f.__name__, args, sorted(kwargs.items()))
        return f(*args, **kwargs)
    return wrapper


@logged
def add(a, b=2, *, c=3):
    """Adds."""
    return a + b + c


print(add(1, c=10), add.__name__, add.__qualname__, add.__wrapped__(1))
print(add.__module__, functools.wraps.__module__, functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)
plain_module = (lambda: 0)
plain_module.__module__ = "elsewhere"
print(plain_module.__module__)


def plain(x):
    return x


plain.tag = "kept"
w = functools.update_wrapper(lambda x: x, plain)
print(w.__name__, w.tag, w.__wrapped__ is plain)


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info(), fib.cache_parameters())
fib.cache_clear()
print(fib.cache_info(), fib(10), fib.cache_info().misses)

calls = []


@lru_cache(maxsize=2)
def sq(x):
    calls.append(x)
    return x * x


for x in [1, 2, 1, 3, 2, 1, 1.0, 3]:
    sq(x)
print(calls, sq.cache_info(), sq.cache_info().hits, sq.cache_info()._fields)


@lru_cache
def bare(x, y=0):
    calls.append((x, y))
    return x - y


print(bare(5), bare(5), bare(5, 0), bare(5, y=0), bare(y=0, x=5), bare.cache_info())


@lru_cache(typed=True)
def typed(x):
    return type(x).__name__


print(typed(1), typed(1.0), typed(True), typed.cache_info())


@functools.cache
def fact(n):
    return 1 if n < 2 else n * fact(n - 1)


print(fact(30), fact.cache_info())

for bad in [lambda: sq([1]), lambda: lru_cache("x")]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)


@lru_cache(maxsize=0)
def nocache(x):
    return x + 1


print(nocache(1), nocache(1), nocache.cache_info())


@total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return "V" + ".".join(map(str, self.parts))


a, b = Version(1, 2), Version(1, 10)
print(a < b, a > b, a <= b, a >= b, a <= Version(1, 2), a >= Version(1, 2), sorted([b, a, Version(0, 9)]))
print(Version.__gt__.__name__, max(a, b), min([b, a]))


@total_ordering
class Rev:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return self.n == other.n

    def __ge__(self, other):
        return self.n <= other.n


print(Rev(1) < Rev(2), Rev(1) > Rev(2), Rev(3) <= Rev(2), Rev(2) >= Rev(2))
try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print("ValueError", e)


def by_len_then_reverse(x, y):
    if len(x) != len(y):
        return len(x) - len(y)
    return (x < y) - (x > y)


words = ["pear", "fig", "apple", "kiwi", "plum", "date"]
print(sorted(words, key=cmp_to_key(by_len_then_reverse)), max(words, key=cmp_to_key(by_len_then_reverse)))
K = cmp_to_key(by_len_then_reverse)
print(K("ab") < K("abc"), K("ab") == K("ba"), K("ab") >= K("ba"))


class Circle:
    def __init__(self, r):
        self.r = r

    @cached_property
    def area(self):
        print("computing")
        return 3 * self.r * self.r


c = Circle(2)
print(c.area, c.area, "area" in c.__dict__, type(Circle.area).__name__)
c.r = 10
del c.area
print(c.area)
print(reduce(lambda x, y: x * y, range(1, 8)), partial(pow, 2)(5))
