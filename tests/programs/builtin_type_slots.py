# Special methods of built-in types reached through the class, called with
# the object first (list.__getitem__(l, 0), int.__add__(1, 2)), what a
# subclass's method or a generic helper does; their reprs; the iterators of a
# deque. Errors: a method the type lacks, an object of another type.
import collections

l = [1, 2, 3]
d = {"a": 1}
print(list.__getitem__(l, 0), list.__getitem__(l, slice(1, None)), tuple.__getitem__((4, 5), -1))
print(dict.__getitem__(d, "a"), str.__getitem__("xyz", 1))
list.__setitem__(l, 0, 10)
dict.__setitem__(d, "b", 2)
list.__delitem__(l, 1)
dict.__delitem__(d, "a")
print(l, d)
print(list.__len__(l), str.__len__("abcd"), dict.__len__(d), set.__len__({1, 2}), bytes.__len__(b"ab"))
print(list.__contains__(l, 3), dict.__contains__(d, "b"), str.__contains__("abc", "bc"), frozenset.__contains__(frozenset([1]), 2))
print(list(list.__iter__([7, 8])), next(dict.__iter__({"k": 0})))
print(int.__add__(1, 2), int.__sub__(5, 7), int.__mul__(6, 7), int.__floordiv__(7, 2), int.__mod__(7, 3), int.__pow__(2, 10))
print(int.__truediv__(1, 4), float.__add__(1.5, 0.25), float.__mul__(2.0, 0.5), int.__lshift__(1, 4), int.__rshift__(32, 2))
print(int.__and__(12, 10), int.__or__(12, 10), int.__xor__(12, 10), set.__or__({1}, {2}), set.__and__({1, 2}, {2}), set.__sub__({1, 2}, {1}))
print(str.__add__("a", "b"), list.__add__([1], [2]), tuple.__mul__((0,), 3), str.__mod__("%d-%s", (1, "x")), bytes.__add__(b"a", b"b"))
print(int.__neg__(5), int.__pos__(-5), int.__abs__(-5), float.__abs__(-2.5), int.__invert__(0), float.__neg__(1.5))
print(int.__eq__(1, 1), str.__ne__("a", "b"), int.__lt__(1, 2), str.__le__("b", "a"), float.__gt__(2.5, 1.0), list.__ge__([1], [1]))
print(int.__hash__(7) == hash(7), str.__hash__("x") == hash("x"), tuple.__hash__((1, 2)) == hash((1, 2)))
print(int.__repr__(42), str.__repr__("q"), list.__repr__([1, "a"]), str.__str__("s"), float.__repr__(0.5), bool.__add__(True, True))


class Doubler(list):
    def __getitem__(self, i):
        return list.__getitem__(self, i) * 2

    def __len__(self):
        return list.__len__(self) + 100


x = Doubler([1, 2])
print(x[1], len(x), list.__len__(x))


class Money(int):
    def __add__(self, other):
        return Money(int.__add__(self, other))

    def __repr__(self):
        return "Money(" + int.__repr__(self) + ")"


print(Money(3) + 4, repr(Money(5)))

# reprs: method descriptors and slot wrappers
print(list.append, str.upper, dict.get, int.__add__, list.__getitem__ is not None)

# the iterators of a deque
q = collections.deque([1, 2, 3])
print(type(iter(q)), type(reversed(q)), list(iter(q)), list(reversed(q)), type(iter(q)).__name__)
print(type(iter([])), type(reversed([])))


def attempt(label, fn):
    try:
        print(label, fn())
    except (TypeError, AttributeError) as e:
        print(label, type(e).__name__ + ":", e)


attempt("int item", lambda: int.__getitem__(1, 0))
attempt("tuple set", lambda: tuple.__setitem__((1,), 0, 2))
attempt("str sub", lambda: str.__sub__("a", "b"))
attempt("float shift", lambda: float.__lshift__(1.0, 2))
attempt("list hash", lambda: list.__hash__([]))
attempt("other type", lambda: list.__len__((1, 2)))
attempt("no object", lambda: list.__len__())
attempt("too many", lambda: list.__len__([], 1))
attempt("hasattr", lambda: (hasattr(int, "__add__"), hasattr(int, "__getitem__"), hasattr(dict, "__setitem__"), hasattr(tuple, "__setitem__")))
print(int.__add__(1, "a"), int.__eq__(1, "a"), float.__lt__(1.0, None), (5).__abs__(), (-2.5).__abs__())
