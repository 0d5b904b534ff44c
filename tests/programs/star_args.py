# *args, **kwargs, keyword-only parameters, f(*a), f(**d) and the errors of bad calls.
def show(*args, **kwargs):
    return args, kwargs

print(show())
print(show(1, 2, x=3, y=4))
print(show(*range(3), *'ab', **{'k': 1}, z=2))
print(show(*[1, 2], 3, *(4,), q=1, **{'r': 2}, **{'s': 3}))

def kwonly(a, b=2, *, c, d=4):
    return (a, b, c, d)
print(kwonly(1, c=3), kwonly(1, 5, c=6, d=7), kwonly(c=0, a=9))

def mixed(a, *rest, key=None, **extra):
    return a, rest, key, extra
print(mixed(1), mixed(1, 2, 3), mixed(1, key='k'), mixed(1, 2, z=26, key=0, y=25))

def kwonly_no_default(*, x, y):
    return x * 10 + y
print(kwonly_no_default(y=2, x=1), kwonly_no_default(**{'x': 3, 'y': 4}))

# **kwargs keeps the order the caller wrote
def order(**kw):
    return list(kw.keys())
print(order(z=1, a=2, m=3), order(**{'b': 1, 'a': 2}, c=3))

# star-unpacking of ranges, strings, dicts (their keys), tuples, lists
def count(*a):
    return len(a), a
print(count(*range(5)), count(*'hey'), count(*{'p': 1, 'q': 2}), count(*(), *[]))

# the same argument list forwarded
def forward(*args, **kwargs):
    return kwonly(*args, **kwargs)
print(forward(1, c=2), forward(a=1, b=2, c=3))

# built-ins and methods with star arguments
nums = [3, 1, 2]
print(*nums)
print(*nums, sep='-')
print(*'abc', sep='')
lst = []
lst.append(*[7])
lst.extend(*[[8, 9]])
print(lst, len([*nums, *nums]))
d = {**{'a': 1}, 'b': 2}
print(d, str(*[5]), int(*['ff', 16]))

# defaults are shared between calls (a mutable default)
def accum(x, acc=[]):
    acc.append(x)
    return len(acc)
print(accum(1), accum(2), accum(3, []), accum(4))

# bad calls: CPython's messages
def two(a, b):
    return a + b
def kw_needed(a, *, c):
    return a + c
bad = [
    lambda: two(1),
    lambda: two(),
    lambda: two(1, 2, 3),
    lambda: two(1, b=2, c=3),
    lambda: two(1, a=2),
    lambda: kw_needed(1),
    lambda: kw_needed(1, 2),
    lambda: kw_needed(1, c=2, d=3),
    lambda: kwonly(),
    lambda: kwonly(1, 2, 3),
    lambda: two(**{'a': 1, 'b': 2}, a=3),
    lambda: two(*5),
    lambda: two(**5),
    lambda: show(**{1: 2}),
    lambda: kwonly_no_default(),
    lambda: kwonly_no_default(x=1),
    lambda: accum(),
    lambda: accum(1, 2, 3),
    lambda: kwonly(1, 2, 3, c=1),
    lambda: kwonly(1, 2, 3, c=1, d=2),
    lambda: kwonly_no_default(1, x=2, y=3),
    lambda: kw_needed(1, 2, c=3),
]
for b in bad:
    try:
        b()
        print('no error')
    except TypeError as e:
        print('TypeError:', str(e).replace('__main__.', ''))


# ** and dict() take any mapping: an object with keys() and __getitem__.
class Config:
    def __init__(self, **kw):
        self.kw = kw

    def keys(self):
        return sorted(self.kw)

    def __getitem__(self, k):
        return self.kw[k] * 10


def show(**kw):
    return sorted(kw.items())


def pos(a, b=0, *rest, c=1):
    return (a, b, rest, c)


cfg = Config(a=1, b=2)
print(show(**cfg), pos(**cfg), dict(cfg), {**cfg, "z": 0})
d = {"q": 1}
d.update(cfg)
print(sorted(d.items()))
try:
    show(**cfg, a=5)
except TypeError as e:
    print("TypeError", "multiple values" in str(e) or "must be a mapping" in str(e))


class NoKeys:
    def __getitem__(self, k):
        return k


try:
    show(**NoKeys())
except TypeError as e:
    print("TypeError", "multiple values" in str(e) or "must be a mapping" in str(e))
