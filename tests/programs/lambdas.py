# lambda: expressions that make functions, with defaults and closures.
sq = lambda x: x * x
print(sq(7), (lambda: 'no args')(), (lambda a, b=2: a * b)(5))
print((lambda *a, **k: (a, k))(1, 2, z=3))
print((lambda a, *, b: a - b)(10, b=3))
add = lambda a: lambda b: a + b
print(add(2)(3), add('x')('y'))
compose = lambda f, g: lambda x: f(g(x))
inc = lambda v: v + 1
dbl = lambda v: v * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
# lambdas in a loop see the loop variable's last value; defaults freeze it
late = [lambda: i for i in range(3)]
early = [lambda i=i: i for i in range(3)]
print([f() for f in late], [f() for f in early])
loop_fs = []
for n in range(3):
    loop_fs.append(lambda m: m + n)
print([f(100) for f in loop_fs])
# a lambda as a conditional expression's branch, and containing one
pick = lambda flag: (lambda: 'yes') if flag else (lambda: 'no')
print(pick(True)(), pick(False)())
choose = lambda x: 'big' if x > 10 else 'small'
print(choose(3), choose(30))
# lambdas in data structures and as callbacks
ops = {'+': lambda a, b: a + b, '-': lambda a, b: a - b, '*': lambda a, b: a * b}
print([ops[o](7, 3) for o in ['+', '-', '*']])
def apply_all(fs, v):
    return [f(v) for f in fs]
print(apply_all([abs, lambda t: -t, lambda t: t ** 2], -4))
def make_multipliers():
    return [lambda x, k=k: x * k for k in range(1, 4)]
print([m(10) for m in make_multipliers()])
# a lambda's body may use a name of the enclosing function assigned later
def outer():
    get = lambda: value + 1
    value = 41
    return get()
print(outer())
# lambda default values are evaluated once, when the lambda is made
base = 5
f = lambda x=base * 2: x
base = 100
print(f(), f(1))
# lambda returning a tuple, nested tuple arguments, keyword calls
pair = lambda a, b: (b, a)
print(pair(b=1, a=2), pair(*'xy'))
print((lambda: (yield_ := 3, yield_ * 2))())
print(repr((lambda: None)()))
# chained closures over a counter built from lambdas and nonlocal
def counter():
    c = 0
    def step():
        nonlocal c
        c += 1
        return c
    return lambda: step() * 10
tick = counter()
print(tick(), tick(), tick())
