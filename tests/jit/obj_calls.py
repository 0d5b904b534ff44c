# p4: float-tolerance
# Calls from compiled code into the interpreter (docs/jit.md, "Calls into
# the interpreter"): functions the JIT refuses (a dict, *args, keyword-only
# parameters, a default that is a str, mutual recursion), built-ins it does
# not compile (print, a list's append through a function), classes, wrong
# argument counts; results dropped, used as numbers of the type guessed or
# of another (the caller then finishes in the interpreter), exceptions
# raised by the callee and caught by the caller's caller. Each loop below is
# compiled (-X jit=eager) and its callee runs in the interpreter.
seen = []


def log(tag, v):
    seen.append((tag, v))


def table(k):
    d = {"a": 1, "b": 2}
    return d.get(k, 0) * 3


def total(*xs):
    s = 0
    for x in xs:
        s += x
    return s


def kw(a, *, scale=2):
    return a * scale


def label(x, unit="mm"):
    return len(unit) + x


def half(x):
    if x % 4 == 3:
        return x / 2           # a float: the int caller deoptimises after the call
    return x // 2


def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


def check(x):
    if x > 30:
        raise ValueError("too big: %d" % x)
    return x + 1


class Acc:
    def __init__(self):
        self.n = 0

    def add(self, k):
        self.n += k


def drops(n):
    t = 0
    for i in range(n):
        log("d", i)             # result dropped
        print("step", i, i * 2)
        t += i
    return t


def uses(n):
    t = 0
    for i in range(n):
        t += table("a") + total(i, 1, 2) + kw(i) + label(i)
    return t


def mixed(n):
    t = 0
    for i in range(n):
        t += half(i)            # int until i == 3: the rest runs interpreted
    return t


def parity(n):
    c = 0
    for i in range(n):
        if is_even(i):
            c += 1
    return c


def guarded(n):
    t = 0
    for i in range(n):
        t += check(i * 3)
    return t


def outer(n):
    return guarded(n) * 2


def arity(n):
    return total() + label(n, "cm") + table("zz")


def counts(a, n):
    for i in range(n):
        a.add(i)
    return a.n


print(drops(4), len(seen), seen[-1])
print(uses(5))
print(mixed(3), mixed(8))
print(parity(9), parity(12), is_even(10), is_odd(7), is_even(7), is_odd(0))
print(guarded(5))
for n in (10, 11, 12):
    try:
        print(outer(n))
    except ValueError as e:
        print("ValueError", e)
print(arity(4))
print(counts(Acc(), 6), counts(Acc(), 0))
try:
    half()
except TypeError:
    print("TypeError")
