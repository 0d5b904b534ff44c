# Generators: yield as statement and expression, send, throw, close, return
# values, yield from, generator expressions, and generators consumed by the
# built-ins. Every line is checked against CPython.


def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return f"counted {n}"


print(list(count_up(5)), tuple(count_up(3)), sum(count_up(101)))
print(sorted(count_up(4))[::-1], min(count_up(6)), max(count_up(6)))
print(3 in count_up(5), 7 in count_up(5), len(list(count_up(0))))
a, b, c = count_up(3)
print(a, b, c)
for i, v in enumerate(count_up(3)):
    print("enumerate", i, v)
print(list(zip(count_up(3), "abc")))

g = count_up(2)
print(g.__next__(), g.__next__())
try:
    g.__next__()
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)
try:
    g.__next__()
except StopIteration as e:
    print("again:", e.value, e.args)
print(list(g), "exhausted stays exhausted")


# yield as an expression: a running total fed by send()
def accumulate():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x


acc = accumulate()
print(acc.send(None), acc.send(5), acc.send(10), acc.send(-3))
try:
    acc.send(None)
except StopIteration as e:
    print("final total", e.value)
try:
    accumulate().send(1)
except TypeError as e:
    print("TypeError:", e)


# bare yield, yield in expressions, tuple yields
def shapes():
    got = yield
    print("got", got)
    x = (yield 1) + (yield 2)
    print("sum of sent", x)
    yield 3, 4
    yield [5, 6]


s = shapes()
print(s.send(None))
print(s.send("first"))
print(s.send(10))
print(s.send(20))
print(s.__next__())


# yield from: lists, strings, ranges, generators with return values, nesting
def inner(tag, n):
    for i in range(n):
        yield f"{tag}{i}"
    return tag * n


def middle():
    r1 = yield from inner("a", 2)
    r2 = yield from inner("b", 3)
    yield from [r1, r2]
    yield from "xy"
    yield from range(2)
    return len(r1) + len(r2)


def outer():
    total = yield from middle()
    yield f"middle returned {total}"
    empty = yield from inner("z", 0)
    yield f"empty returned {empty!r}"


print(list(outer()))


# send() passes through yield from to the inner generator
def averager():
    total = 0.0
    count = 0
    avg = None
    while True:
        term = yield avg
        if term is None:
            break
        total += term
        count += 1
        avg = total / count
    return (count, avg)


def grouper(results, key):
    while True:
        results[key] = yield from averager()


results = {}
for key, values in [("girls", [40, 42, 41]), ("boys", [39, 40, 42, 43])]:
    group = grouper(results, key)
    group.send(None)
    for v in values:
        group.send(v)
    group.send(None)
print(sorted(results.items()))


# try/finally and close(): the finally clause runs when the generator is closed
def guarded(log):
    try:
        log.append("start")
        yield 1
        log.append("after 1")
        yield 2
        log.append("after 2")
    finally:
        log.append("finally")


log = []
g = guarded(log)
print(g.__next__())
g.close()
print(log)
g.close()
print("second close is a no-op", list(g))
log = []
print(list(guarded(log)), log)
log = []
g = guarded(log)
g.close()
print("closed before start:", log)


# catching GeneratorExit; ignoring it is a RuntimeError
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("caught GeneratorExit")
        yield 2


g = stubborn()
g.__next__()
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)


def polite():
    try:
        yield 1
    except GeneratorExit:
        print("cleaning up")
        raise


g = polite()
g.__next__()
g.close()
print("closed politely")


# throw(): handled inside (the generator yields again) or propagated
def resilient():
    n = 0
    while True:
        try:
            yield n
        except ValueError as e:
            print("handled", e)
            n += 100
        n += 1


r = resilient()
print(r.__next__(), r.__next__())
print(r.throw(ValueError("bad")))
print(r.throw(ValueError, "worse"))
print(r.__next__())
try:
    r.throw(KeyError("k"))
except KeyError as e:
    print("propagated KeyError", e)
print(list(r), "finished after the exception")


# throw() and close() reach the innermost generator of a yield from chain
def leaf(log):
    try:
        while True:
            try:
                yield "leaf"
            except ValueError:
                log.append("leaf handled ValueError")
                yield "leaf recovered"
    finally:
        log.append("leaf finally")


def branch(log):
    try:
        result = yield from leaf(log)
        log.append(f"leaf returned {result!r}")
    finally:
        log.append("branch finally")


log = []
t = branch(log)
print(t.__next__(), t.throw(ValueError), t.__next__())
t.close()
print(log)


def leaf_returns():
    try:
        yield 1
    except KeyError:
        return "leaf saw KeyError"


def branch_gets_value():
    v = yield from leaf_returns()
    yield v


t = branch_gets_value()
t.__next__()
print(t.throw(KeyError))


# a generator that raises inside a for loop; StopIteration inside becomes RuntimeError
def fails_at(n):
    for i in range(10):
        if i == n:
            raise ValueError(f"failed at {i}")
        yield i


seen = []
try:
    for x in fails_at(3):
        seen.append(x)
except ValueError as e:
    print(seen, e)


def leaks_stop():
    yield 1
    raise StopIteration("leak")


try:
    print(list(leaks_stop()))
except RuntimeError as e:
    print("RuntimeError:", e)


# a generator cannot resume itself
def selfish():
    yield me.__next__()


me = selfish()
try:
    me.__next__()
except ValueError as e:
    print("ValueError:", e)


# generator expressions are lazy: the outermost iterable is evaluated at once,
# everything else when items are asked for
def noisy(tag, items):
    print("iterating", tag)
    for i in items:
        print("  produce", tag, i)
        yield i


gen = (x * 10 for x in noisy("outer", [1, 2, 3]) if x != 2)
print("generator expression made")
print(gen.__next__())
print(list(gen))
print(list(x + y for x in range(3) for y in noisy("inner", [10, 20])))
scale = 3
print(sum(v * scale for v in range(5)), tuple(c.upper() for c in "abc"))


def scaled(data, k):
    return list(d * k for d in data if d % 2)


print(scaled(range(8), 7))
nested = [list(i * j for i in range(j)) for j in range(4)]
print(nested)
print(max((len(w), w) for w in "the quick brown fox".split()))
print(" ".join(str(n) for n in range(5)), 3 in (n for n in range(5)), 9 in (n * n for n in range(3)))
print(repr(count_up(1))[:26], repr(x for x in [])[:28])


# recursion through generators: an in-order tree walk and permutations
def walk(tree):
    if tree is None:
        return
    left, value, right = tree
    yield from walk(left)
    yield value
    yield from walk(right)


def insert(tree, v):
    if tree is None:
        return (None, v, None)
    left, value, right = tree
    if v < value:
        return (insert(left, v), value, right)
    return (left, value, insert(right, v))


tree = None
for v in [50, 30, 70, 20, 40, 60, 80, 35, 65, 10]:
    tree = insert(tree, v)
print(list(walk(tree)))


def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i in range(len(items)):
        for rest in permutations(items[:i] + items[i + 1:]):
            yield [items[i]] + rest


print(list(permutations([1, 2, 3])))
print(sum(1 for _ in permutations(list(range(6)))))


def deep(n):
    if n:
        yield from deep(n - 1)
    else:
        yield "bottom"


print(list(deep(50)))


# a numeric helper called from a generator: the JIT compiles the helper
# (with -X jit=eager), the generator stays interpreted
def poly(x, k):
    acc = 0
    for i in range(k):
        acc = acc * 3 + x * i + 1
    return acc


def poly_values(n, k):
    for x in range(n):
        yield poly(x, k)


print(list(poly_values(6, 5)), sum(poly(x, 7) for x in range(10)))


# generators nested past the recursion limit raise RecursionError
def deep_for(n):
    if n:
        for x in deep_for(n - 1):
            yield x
    else:
        yield "bottom"


for n in [100, 5000]:
    try:
        print(n, list(deep(n)), list(deep_for(n)))
    except RecursionError as e:
        print(n, "RecursionError:", e)


# A StopIteration raised by what an iterator calls ends the iteration (map's
# function, a class's __next__); its value is what yield from returns.
def stop_at_3(x):
    if x < 3:
        return x
    raise StopIteration(444)


print(list(map(stop_at_3, range(100))), sorted(map(stop_at_3, range(5))))
print(list(filter(lambda x: stop_at_3(x) % 2 == 0, range(10))))


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        self.n -= 1
        if self.n < 0:
            raise StopIteration("done")
        return self.n


def delegate():
    r = yield from Countdown(3)
    yield ("countdown gave", r)
    r = yield from map(stop_at_3, range(9))
    yield ("map gave", r)
    r = yield from iter([5, 6])
    yield ("list gave", r)


print(list(delegate()))


# A class with __getitem__ and no __iter__ iterates by index until
# IndexError or StopIteration (the old sequence protocol).
class Squares:
    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * i


class Letters:
    def __getitem__(self, i):
        if i > 3:
            raise StopIteration
        return "abcd"[i]


class Broken:
    def __getitem__(self, i):
        if i == 2:
            raise KeyError("two")
        return i


print(list(Squares(5)), sum(Squares(4)), sorted(Letters(), reverse=True), "".join(Letters()))
it = iter(Squares(2))
print(next(it), next(it), next(it, "end"))
a, b, c = Squares(3)
print(a, b, c, max(Squares(6)), 9 in list(Squares(4)))
try:
    for x in Broken():
        print("broken gave", x)
except KeyError as e:
    print("KeyError", e)


# A generator suspended inside an except clause takes the exception it was
# handling with it: the caller's errors do not get it as __context__, and
# the generator's own errors do when it resumes.
def in_handler():
    try:
        raise ValueError("inside")
    except ValueError:
        yield 1
        try:
            raise KeyError("after resume")
        except KeyError as e:
            yield repr(e.__context__)


g = in_handler()
print(next(g))
try:
    raise TypeError("caller")
except TypeError as e:
    print("caller's context:", repr(e.__context__))
print(next(g))
try:
    {}["x"]
except KeyError as e:
    print("context after:", repr(e.__context__))


# A lambda whose body yields is a generator function; a yield in a nested
# lambda does not make the enclosing def one.
def makes_lambda():
    g = lambda: (yield 1)
    return g


doubler = lambda x: (yield x * 2)
counter = lambda n: (yield from range(n))
print(type(makes_lambda()).__name__, list(makes_lambda()()), list(doubler(4)), list(counter(3)))
gen_of_gens = (((x, y) for x in range(2)) for y in range(3))
print([list(inner) for inner in gen_of_gens])
