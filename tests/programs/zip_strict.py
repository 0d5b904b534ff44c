# zip(strict=True): the arguments must run out together; CPython's
# ValueError names the first one that did not, and the keyword is checked.
print(list(zip([1, 2], "ab", strict=True)), list(zip(strict=True)), list(zip([1], strict=True)))
print(list(zip([1, 2], "abc", strict=False)), list(zip([1, 2], "abc", strict=0)))
cases = [([1, 2], "abc"), ([1, 2, 3], "ab"), ([1], "ab", [3]), ([1], [2], "ab"), ([1, 2], [2, 3], "a"),
         ([], [], [1]), ([], [1]), (iter([1, 2]), (x for x in [7]))]
for args in cases:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print("ValueError:", e)
# the items taken before the error are gone from the iterators, as in CPython
a, b = iter([1, 2, 3]), iter([4])
try:
    for pair in zip(a, b, strict=True):
        print(pair)
except ValueError as e:
    print(e, list(a))
def gen():
    yield 1
    raise KeyError("inside")
try:
    list(zip([5], gen(), strict=True))
except KeyError as e:
    print("KeyError", e)
try:
    zip([1], foo=1)
except TypeError as e:
    print(e)
