# A function's __defaults__ (a tuple, or None) and __kwdefaults__ (a dict of
# its keyword-only parameters' defaults, or None); a store into the latter
# changes the default, as in CPython.
def f(a, b=2, c=(1, 2), *, d=3, e="x"):
    return a, b, c, d, e


def g(x, *args, **kw):
    return x


def h(*, k):
    return k


print(f.__defaults__, f.__kwdefaults__)
print(g.__defaults__, g.__kwdefaults__)
print(h.__defaults__, h.__kwdefaults__)
print((lambda y=5: y).__defaults__)
f.__kwdefaults__["d"] = 30
print(f(1), f(1, d=4))


class C:
    def m(self, p=7, *, q=8):
        return p, q


print(C.m.__defaults__, C().m.__func__.__kwdefaults__)
try:
    print(len.__defaults__)
except AttributeError as e:
    print("AttributeError", e)
