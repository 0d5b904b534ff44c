# Special methods of built-in values as attributes, __int__/__float__/
# __index__ conversions, reversed() of user sequences, and built-in
# functions stored in a class (plain values: they do not bind).

d = {}
d.__setitem__("k", 1)
print(d.__getitem__("k"), d.__len__(), d.__contains__("k"), d.__contains__("z"))
d.__delitem__("k")
print(d)
s = {1, 2}
print(s.__contains__(1), s.__contains__(3), s.__len__(), sorted(s.__or__({5})), sorted(s.__sub__({1})))
it = iter(range(3))
print(it.__next__(), next(it), it.__next__())
try:
    it.__next__()
except StopIteration:
    print("StopIteration")
print([1, 2].__getitem__(1), "abc".__len__(), (1).__add__(2), (5).__radd__(1), (7).__mul__(3), 2.5.__sub__(1))
print((3).__lt__(4), (3).__eq__(3), (3).__eq__("3"), (3).__lt__("x"), (2).__add__("a"), [1].__add__([2]))
print("%d-%s".__mod__((1, "x")), "ab".__mul__(2), (6).__and__(3), (-5).__neg__(), (5).__invert__())
print("ab".__iter__().__next__(), "x".__hash__() == hash("x"), (1, 2).__repr__(), b"z".__str__())
l = [3, 1]
l.__setitem__(0, 9)
l.__delitem__(1)
print(l, l.__iter__().__next__(), l.__len__())
for obj, name in ((1, "__getitem__"), ([], "__hash__"), ({}, "__add__"), ("", "__setitem__"), (1.5, "__and__"),
                  ([], "__next__"), (iter([]), "__next__"), (None, "__eq__"), ((), "__len__")):
    print(repr(obj)[:2], name, hasattr(obj, name))
try:
    (1).__getitem__
except AttributeError as e:
    print("AttributeError", e)


class Seq:
    def __len__(self):
        return 3

    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10


class Rev:
    def __reversed__(self):
        return iter("cba")


print(list(reversed(Seq())), list(reversed(Rev())))
try:
    reversed(object())
except TypeError as e:
    print("TypeError", e)


class Num:
    def __init__(self, v):
        self.v = v

    def __int__(self):
        return self.v

    def __float__(self):
        return self.v + 0.5


class Idx:
    def __index__(self):
        return 7


class BadInt:
    def __int__(self):
        return "no"


print(int(Num(4)), float(Num(4)), int(Idx()), float(Idx()), "%d %.2f %x" % (Num(3), Num(3), Idx()))
for bad in (lambda: int(BadInt()), lambda: float(BadInt()), lambda: int(object()), lambda: float(Seq())):
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)


def plain(*args):
    return args


class Holder:
    f_abs = abs
    f_len = len
    f_int = int
    f_def = plain

    def method(self):
        return self.f_abs(-3), self.f_len("ab"), self.f_int("7"), len(self.f_def(1))


h = Holder()
print(h.method(), h.f_abs(-1), Holder.f_abs(-2), h.f_int(2.5))
