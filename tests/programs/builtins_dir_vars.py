# dir() and vars(): the caller's names, modules, classes along the MRO,
# instances, built-in values and types, __dir__; vars() of objects and
# the caller, and its TypeError.
import math

top_level = 1
print([n for n in dir() if not n.startswith("__")], "__name__" in dir())


def scope(a, b=2, *rest, **kw):
    inner = a + b
    return dir(), sorted(vars())


print(scope(1))
wanted = ("pi", "sqrt", "floor", "e", "isclose", "nosuch")
print([n for n in dir(math) if n in wanted], dir(math) == sorted(dir(math)))


def public(names):
    return [n for n in names if not n.startswith("_")]


print(public(dir([])), public(dir(list)) == public(dir([])))
print(public(dir(())), public(dir(tuple)))
print([n for n in dir({}) if n in ("get", "items", "keys", "pop")], "keys" in dir(dict))
print([n for n in dir("") if n in ("join", "split", "strip", "upper", "zfill")])
print("bit_length" in dir(5), "bit_length" in dir(True), "is_integer" in dir(1.5))
print([n for n in dir({1}) if n in ("add", "union", "discard")], "add" in dir(frozenset()))
print("decode" in dir(b""), "append" in dir(bytearray()))


class Base:
    base_attr = 1

    def base_method(self):
        pass


class Mixin:
    def mixin_method(self):
        pass


class Child(Base, Mixin):
    child_attr = 2

    def __init__(self):
        self.own = 3

    def __eq__(self, other):
        return self is other

    __hash__ = object.__hash__


c = Child()
c.later = 4
d = dir(c)
print(public(d), d == sorted(d), len(d) == len(set(d)))
print("__init__" in d, "__class__" in d, "__eq__" in d, "__dict__" in dir(Child))
print(public(dir(Child)), public(dir(Base)))


class Custom:
    def __dir__(self):
        return ("zeta", "alpha", "mid")


print(dir(Custom()), "zeta" in dir(Custom))


class Weird:
    def __getattr__(self, name):  # dir() must not list every name
        return 42


print(public(dir(Weird())))


class MyList(list):
    extra = 0


print("append" in dir(MyList()), "extra" in dir(MyList), "extra" in dir(MyList([1])))

print(vars(c), sorted(k for k in vars(Child) if not k.startswith("__")))
for bad in (1, "s", [1], None):
    try:
        vars(bad)
    except TypeError as e:
        print(type(bad).__name__, e)


def counter():
    x, y = 1, "two"
    return vars()


print(counter(), vars() is globals() or sorted(vars()) == sorted(globals()))
