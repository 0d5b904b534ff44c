# Keyword arguments in compiled callers (build_call.c do_call_kw): CALL_KW
# bound when compiling to the positional call it makes, defaults before a
# keyword filled in as constants, the callee compiled and called directly.
# A call that does not bind (an unknown or repeated keyword, a missing
# argument) leaves its caller to the interpreter, which raises CPython's
# TypeError. jit/report-kw-* check what is compiled; jitprog/* check the
# values against CPython.


def f(a, b, c=3, d=4.5):
    return a * b + c + d


def flags(x, scale=2, on=True):
    return x * scale if on else -x


def g(n):
    s = 0.0
    for i in range(n):
        s += f(i, b=2) + f(a=i, b=1, d=0.5) + f(1, 2, d=i * 1.0) + f(d=1.0, c=i, b=3, a=2)
    return s


def h(n):
    t = 0
    for i in range(n):
        t += flags(i) + flags(i, on=False) + flags(x=i, scale=5)
    return t


def unexpected(n):
    return f(n, 2, e=1)


def repeated(n):
    return f(n, 2, a=1)


def missing(n):
    return f(c=n, d=1.0)


print(g(10), h(10))
for bad in (unexpected, repeated, missing):
    try:
        print(bad(1))
    except TypeError as e:
        print("TypeError:", e)
