# next() on generators and on instances with __next__, with and without a
# default; a generator's return value travels in StopIteration.value.
def g():
    yield 1
    yield 2
    return "done"


it = g()
print(next(it), next(it, 9))
try:
    next(it)
except StopIteration as e:
    print("stop", e.value, e.args)
print(next(it, "default"))
print(next(g(), None), next(iter([]), 7))


def empty():
    return
    yield


try:
    next(empty())
except StopIteration as e:
    print("empty", e.value, e.args)


class Count:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n


c = Count(2)
print(next(c), next(c), next(c, "end"))
try:
    next(c)
except StopIteration:
    print("count stopped")
for bad in (5, [1], "s"):
    try:
        next(bad)
    except TypeError as e:
        print(e)
