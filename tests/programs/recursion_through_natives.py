# Python code reached again and again through built-ins that call it back
# (sorted's and list.sort's key, min/max's key, map, filter, a special
# method called by sorted): past the recursion limit a RecursionError, never
# a crash. sorted(key=f) where f sorts again wrote the temporary roots of
# each level past the VM's root array (a segfault on the host at depth 130,
# a store fault in p4sim's firmware), found by tests/jit/gen_mixed.py.
def by_sorted(n):
    return 0 if n <= 0 else sorted([n], key=lambda z: by_sorted(z - 1))[0] + 1


def by_sort(n):
    xs = [n]
    xs.sort(key=lambda z: by_sort(z - 1) if z > 0 else 0)
    return xs[0]


def by_min(n):
    return 0 if n <= 0 else min([n], key=lambda z: by_min(z - 1)) + 1


def by_max(n):
    return 0 if n <= 0 else max([n], key=lambda z: by_max(z - 1)) + 1


def by_map(n):
    return 0 if n <= 0 else list(map(by_map, [n - 1]))[0] + 1


def by_filter(n):
    return 0 if n <= 0 else len(list(filter(lambda z: by_filter(z - 1) >= 0, [n])))


class Key:
    def __init__(self, n):
        self.n = n

    def __lt__(self, other):
        return by_lt(self.n - 1) < 0


def by_lt(n):
    return 0 if n <= 0 else sorted([Key(n), Key(n)])[0].n


for f in (by_sorted, by_sort, by_min, by_max, by_map, by_filter, by_lt):
    for n in (40, 100000):
        try:
            print(f.__name__, n, f(n))
        except RecursionError:
            print(f.__name__, n, 'RecursionError')
    print(f.__name__, 'after', f(3))   # the VM is still sound
