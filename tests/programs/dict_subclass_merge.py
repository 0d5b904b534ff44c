# {**d}, dict(d), d2.update(d) and f(**d) for dict subclasses: their entries
# (a bug found with the match statement's **rest, which copies the subject so)
from collections import OrderedDict, defaultdict, Counter


class Plain(dict):
    pass


class Keyed(dict):
    def keys(self):
        return ["a"]


def kw(**k):
    return sorted(k.items())


for d in [defaultdict(int, a=1, b=2), OrderedDict(a=1, b=2), Counter("abca"), Plain(a=1, b=2), Keyed(a=1, b=2)]:
    name = type(d).__name__
    print(name, {**d})
    print(name, dict(d))
    x = {"z": 0}
    x.update(d)
    print(name, x)
    print(name, {**d, "c": 3})
    print(name, kw(**d))
