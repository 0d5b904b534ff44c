# Decorators: any callable, stacked, with arguments, with state.
calls = []

def trace(fn):
    def wrapper(*args, **kwargs):
        calls.append(len(args) + len(kwargs))
        return fn(*args, **kwargs)
    return wrapper

@trace
def add(a, b=10):
    return a + b

print(add(1), add(1, 2), add(a=5, b=6), calls)

def times(n):
    def deco(fn):
        def run(x):
            out = []
            for _ in range(n):
                x = fn(x)
                out.append(x)
            return out
        return run
    return deco

@times(3)
def double(x):
    return x * 2

print(double(1))

# stacked: applied bottom-up
def tag(label):
    def deco(fn):
        return lambda *a: label + '(' + str(fn(*a)) + ')'
    return deco

@tag('outer')
@tag('inner')
def value(x):
    return x + 1

print(value(41))

# a decorator with state kept in a closure
def counted(fn):
    count = 0
    def wrapper(*args):
        nonlocal count
        count += 1
        return (count, fn(*args))
    return wrapper

@counted
def square(x):
    return x * x

print(square(2), square(3), square(4))

# a decorator that registers and returns the function unchanged
registry = {}
def register(name):
    def deco(fn):
        registry[name] = fn
        return fn
    return deco

@register('neg')
def negate(x):
    return -x

@register('id')
def identity(x):
    return x

print(list(registry.keys()), registry['neg'](5), negate(6))

# any callable: a built-in, a lambda, an element of a list, a call's result
@(lambda fn: fn)
def plain():
    return 'plain'
print(plain())

decos = [trace, counted]
@decos[1]
def third(x):
    return x / 2
print(third(9))

@str
def as_string():
    pass
print(as_string[:9])

# memoisation with a dict in the closure
def memo(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapper

@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(40), fib(25))

# a decorated nested function
def outer(k):
    @times(k)
    def inc(x):
        return x + k
    return inc(0)
print(outer(3))
