# None as a value, default, and sentinel.
def find(xs, target):
    for i, x in enumerate(xs):
        if x == target:
            return i
    return None
r = find([4, 5, 6], 5)
print(r, find([], 1), find([1], 2) is None, r is not None)
d = {"a": None}
print(d.get("a"), d.get("b"), "a" in d, [None] * 3, None == None, None == 0)
def opt(x=None):
    if x is None:
        x = []
    x.append(1)
    return x
print(opt(), opt(), opt([0]))
print(str(None), repr(None), [x for x in [None, 0, "", 1] if x is not None])
