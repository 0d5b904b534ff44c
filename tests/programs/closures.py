# Closures and nonlocal: cells are shared variables, not copied values.

def counter(start):
    n = start
    def inc(step=1):
        nonlocal n
        n += step
        return n
    def get():
        return n
    return inc, get

inc, get = counter(10)
print(inc(), inc(5), get())
inc2, get2 = counter(0)
print(inc2(), get(), get2())

# late binding: every closure made in a loop sees the last value
fs = []
for i in range(4):
    def f():
        return i * 10
    fs.append(f)
print([g() for g in fs])

# a default argument captures the value at definition time instead
hs = []
for i in range(4):
    def h(i=i):
        return i * 10
    hs.append(h)
print([g() for g in hs])

# three levels deep, the middle function not using the variable itself
def level1(a):
    b = a + 1
    def level2(c):
        def level3(d):
            return a + b + c + d
        return level3
    return level2
print(level1(1)(10)(100))

# nonlocal through an intermediate scope, rebinding from two inner functions
def two_writers():
    total = 0
    def add(x):
        nonlocal total
        total += x
    def reset():
        nonlocal total
        old = total
        total = 0
        return old
    for k in range(5):
        add(k)
    first = reset()
    add(7)
    return first, total
print(two_writers())

def deep_nonlocal():
    v = 'a'
    def mid():
        def inner():
            nonlocal v
            v = v + 'b'
        inner()
        inner()
        return v
    r = mid()
    return r, v
print(deep_nonlocal())

# a parameter captured by a closure; the variable assigned after the def
def late_assign():
    def show():
        return later * 2
    later = 21
    return show()
print(late_assign())

def param_capture(x, y):
    def swap():
        nonlocal x, y
        x, y = y, x
    swap()
    return x, y
print(param_capture(1, 2))

# closures over comprehension results and comprehension variables
def adders(n):
    return [lambda x, k=k: x + k for k in range(n)]
print([a(100) for a in adders(3)])
def late_comp():
    return [(lambda: k) for k in range(3)]
print([g() for g in late_comp()])

# an unset free variable raises NameError, an unset cell UnboundLocalError
def unset_free():
    def reader():
        return value
    try:
        reader()
    except NameError as e:
        print('NameError:', e)
    value = 1
    return reader()
print(unset_free())
def unset_cell():
    try:
        print(w)
    except UnboundLocalError as e:
        print('UnboundLocalError:', e)
    w = 3
    def r():
        return w
    return r()
print(unset_cell())

# a closure rebinding a captured loop variable and the loop seeing it
def shared_loop():
    out = []
    j = 0
    def bump():
        nonlocal j
        j += 10
    while j < 35:
        out.append(j)
        bump()
    return out
print(shared_loop())

# closures calling each other recursively through a cell
def make_even_odd():
    def is_even(n):
        return True if n == 0 else is_odd(n - 1)
    def is_odd(n):
        return False if n == 0 else is_even(n - 1)
    return is_even, is_odd
ev, od = make_even_odd()
print(ev(10), od(7), ev(3))

# accumulators: each call of the factory makes new cells
def make_acc():
    items = []
    def add(x):
        items.append(x)
        return len(items)
    return add
a1, a2 = make_acc(), make_acc()
print(a1(1), a1(2), a2(3), a1(4))

# del of a captured variable
def del_captured():
    z = 5
    def get():
        return z
    first = get()
    del z
    try:
        get()
    except NameError as e:
        print('after del:', e)
    return first
print(del_captured())

# a nested numeric helper called from a closure (the JIT may compile it)
def scaler(factor):
    def poly(x):
        s = 0.0
        for k in range(8):
            s = s * x + k
        return s
    def apply(v):
        return poly(v) * factor
    return apply
sc = scaler(3)
print(sc(0.5), sc(2))
def outer():
    def fact(n):
        return 1 if n < 2 else n * fact(n - 1)
    return fact(6)
print(outer())
def f():
    x = 1
    g = lambda: x
    r = [x + i for i in range(3)]
    x = 5
    return r, g()
print(f())
G = 'global'
def h():
    global G
    def inner():
        return G
    G = 'changed'
    return inner()
print(h(), G)
def shadow():
    v = 1
    def inner():
        v = 2
        return v
    return inner(), v
print(shadow())
def walrus_cap():
    fs = []
    total = [y := k * 2 for k in range(3)]
    g = lambda: y
    return total, g()
print(walrus_cap())
def try_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                continue
        finally:
            out.append(lambda: i)
    return [f() for f in out]
print(try_finally())
def nested_comp():
    return [[(lambda: a * b)() for b in range(3)] for a in range(3)]
print(nested_comp())
def kw_closure(*, scale):
    return lambda *xs, **kw: [x * scale for x in xs] + sorted(kw)
print(kw_closure(scale=3)(1, 2, b=1, a=2))
def deep():
    a = 1
    def l1():
        b = 2
        def l2():
            c = 3
            def l3():
                nonlocal a
                a += b + c
                return a
            return l3
        return l2
    r = l1()()()
    return r, a
print(deep())
def param_default_closure(n=10):
    return (lambda: n)()
print(param_default_closure(), param_default_closure(4))
def call_forms(a, b=2, *c, d, e=5, **f):
    return a, b, c, d, e, f
print(call_forms(1, d=4), call_forms(1, 2, 3, 4, d=0, z=9), call_forms(*[1, 2], *(3,), d=1, **{'e': 0, 'y': 1}))
def swap(*args):
    first, *rest = args
    return (*rest, first)
print(swap(1, 2, 3), swap('a'))
import math
print((lambda: math.pi)() > 3)
x = 10
def mod_read():
    return (lambda: x)()
print(mod_read())
def rebind_loop():
    fs = {}
    for name in ['a', 'b']:
        def show(prefix, name=name):
            return prefix + name
        fs[name] = show
    return fs['a']('>'), fs['b']('<')
print(rebind_loop())
def counter_gen():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return [inc() for _ in range(4)], n
print(counter_gen())
print([(lambda q: q * 2)(v) for v in range(3)])
