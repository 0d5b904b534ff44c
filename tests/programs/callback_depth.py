# Python code called back from C (a sort key, map's function, __eq__ from a
# list comparison) nests 300 levels deep, as in CPython (which stops near
# 330); deeper still is a RecursionError that can be caught, not a crash.


def via_sorted(n):
    if n == 0:
        return 0
    return sorted([n], key=lambda x: via_sorted(n - 1))[0]


def via_map(n):
    if n == 0:
        return 0
    return list(map(lambda x: via_map(n - 1), [n]))[0] + 1


class Nested:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        if self.n == 0:
            return True
        return [Nested(self.n - 1)] == [Nested(other.n - 1)]


print(via_sorted(300), via_map(300), Nested(300) == Nested(300))
for f in (via_sorted, via_map, lambda n: Nested(n) == Nested(n)):
    try:
        f(100000)
        print("no error")
    except RecursionError:
        print("RecursionError")
