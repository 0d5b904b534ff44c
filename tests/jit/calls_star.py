# Calls through f(*args), f(**kwargs), f(x=...) and f(x) with defaults
# enter compiled code (jit_call) with the same type guards as f(x, y): the
# arguments are bound to the parameters first (defaults added), and what does
# not bind simply
# (unknown or repeated names, missing arguments, *args/**kwargs/keyword-only
# parameters) goes to the interpreter, which raises CPython's errors.
# jit/star-compiled-* require the via_* functions compiled on p4sim.
from array import array


def via_sum(a, n, scale=1, bias=0):
    s = 0
    for i in range(n):
        s += a[i] * scale + bias
    return s


def via_mix(x, y, z=2.5):
    t = 0.0
    for k in range(int(x)):
        t += y * z - k
    return t


def via_mul(x, y):
    r = 0
    for k in range(3):
        r += x * y  # beyond 32 bits for big x, y: compiled code deoptimises
    return r


def via_div(a, b):
    q = 0
    for k in range(2):
        q += a // b
    return q


def via_fact(n):
    if n <= 1:
        return 1
    return n * via_fact(n - 1)


def plain(a, *rest, key=3):
    return a + len(rest) * key


def kwonly(a, *, b):
    return a - b


data = array('i', [(i * 37) % 101 - 50 for i in range(64)])
args = (data, 64)
total = 0
for rep in range(6):
    total += via_sum(*args)
    total += via_sum(*args, 2)
    total += via_sum(data, *[30, 3, rep])
    total += via_sum(**{'a': data, 'n': 17})
    total += via_sum(data, **{'bias': rep, 'n': 9})
    total += via_sum(n=11, a=data, scale=-1)
    total += via_sum(data, 5, bias=7, scale=2)
    total += via_sum(*(data,), **{'n': 3, 'scale': 4})
print("sum", total)

print("mix", via_mix(*[6, 1.5]), via_mix(**{'y': 0.25, 'x': 7}), via_mix(3, z=-1.0, y=2.0),
      via_mix(*(4,), **{'y': 1.0, 'z': 0.5}))

for x, y in ((3, 4), (70000, 70000), (-2**20, 2**15), (2**31 - 1, 2), (12, -5)):
    print("mul", via_mul(*(x, y)), via_mul(y=y, x=x), via_mul(**{'x': x, 'y': y}))

for a, b in ((17, 5), (-17, 5), (9, 0), (0, 3)):
    try:
        print("div", via_div(*[a, b]), via_div(b=b, a=a))
    except ZeroDivisionError as e:
        print("div error", e)

print("fact", via_fact(*[10]), via_fact(**{'n': 12}), via_fact(n=5))

# what does not bind: the interpreter's errors, as CPython's
bad = [
    lambda: via_sum(*args, **{'n': 3}),
    lambda: via_sum(data, **{'m': 3}),
    lambda: via_sum(**{'n': 3}),
    lambda: via_sum(*[data, 1, 2, 3, 4]),
    lambda: via_mul(*[1]),
    lambda: via_mul(1, 2, **{'x': 3}),
]
for f in bad:
    try:
        f()
        print("no error")
    except TypeError as e:
        print("TypeError", e)

# other shapes stay interpreted and right
print("plain", plain(*[1, 2, 3]), plain(1, **{'key': 5}), plain(*[4], key=1))
print("kwonly", kwonly(*[5], **{'b': 2}), kwonly(a=1, b=7))
# a different argument type through * makes another specialisation
print("float sum", via_sum(*[array('f', [0.5, 1.5, 2.25]), 3]), via_sum(*[[1, 2, 3], 3], scale=3))
