# Comprehensions and generator expressions in a class body are scopes of
# their own: they never see the class's names, only the enclosing
# function's and the module's (the outermost iterable is the exception: it
# is evaluated in the class body).
x = 'global'
n = 3


class A:
    x = 'class'
    n = 1
    lst = [x for _ in range(2)]
    gen = list(x for _ in range(2))
    dct = {k: x for k in range(2)}
    st = {x for _ in range(2)}
    first = [q for q in [x]]              # the outermost iterable: the class's x
    sized = [i for i in range(n)]         # range(n) is the outermost: class n
    inner = [j for i in range(1) for j in range(n)]   # a later iterable: global n
    shadow = [x for x in range(2)]
    nested = [[x for _ in range(1)] for _ in range(1)]
    cond = [i for i in range(5) if i < n]


print(A.lst, A.gen, A.dct, sorted(A.st), A.first)
print(A.sized, A.inner, A.shadow, A.nested, A.cond)


def make(x):
    y = 'local y'

    class B:
        x = 'class'
        y = 'class y'
        got = [x for _ in range(1)]
        both = [(x, y) for _ in range(1)]
        gen = list((x, y) for _ in range(1))
        lam = (lambda: x)()
    return B


B = make('arg')
print(B.got, B.both, B.gen, B.lam)


class C:
    only = 'class only'
    try:
        seen = [only for _ in range(1)]
    except NameError as e:
        seen = 'NameError: ' + str(e)
    try:
        gseen = list(only for _ in range(1))
    except NameError as e:
        gseen = 'NameError: ' + str(e)


print(C.seen)
print(C.gseen)


class Outer:
    x = 'outer'

    class Inner:
        x = 'inner'
        got = [x for _ in range(1)]
    again = [x for _ in range(1)]


print(Outer.Inner.got, Outer.again)
