# PEP 479: StopIteration escaping a generator becomes RuntimeError raised
# from it: __cause__ and __context__ are the StopIteration (they were None).
def step(i):
    if i == 2:
        raise StopIteration("from step %d" % i)
    return i * 10


def gen(n):
    for i in range(n):
        yield step(i)


try:
    print(list(gen(5)))
except RuntimeError as e:
    print(e, type(e.__cause__).__name__, e.__cause__, e.__context__ is e.__cause__, e.__suppress_context__)


def bare():
    yield 1
    next(iter([]))


g = bare()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print(e, type(e.__cause__).__name__, e.__cause__.args)
try:
    next(g)
except StopIteration as e:
    print("exhausted", e.__cause__)
