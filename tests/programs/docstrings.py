"""The module's docstring: __doc__ of a module, class and function (lang15).

A first statement that is a string literal is the docstring."""
# p4: args -X path=docstrings_mods
import sys
sys.path.insert(0, 'docstrings_mods')
import docstrings_mod


def f():
    "one line"
    return 1


def g():
    x = 1
    "not a docstring: not the first statement"
    return x


def h():
    """Implicitly """ 'concatenated' " parts"""
    pass


def fstring():
    f"{1}: an f-string is no docstring"


def bytes_first():
    b"bytes are no docstring"


def one_liner(): "on the def's line"; return 2


async def coro():
    """a coroutine's"""


def gen():
    """a generator's"""
    yield 1


def nul():
    "a\0b\tc\u00e9\U0001f600"


class A:
    """Class A."""

    def m(self):
        """A method."""

    @staticmethod
    def s():
        "static"

    @classmethod
    def c(cls):
        "class method"


class B(A):
    pass


class C:
    x = 1
    "not first"


class D(A):
    "D's own"


class Nested:
    class Inner:
        """inner"""


lam = lambda: "a lambda has none"

print(__doc__)
print(f.__doc__, g.__doc__, h.__doc__, fstring.__doc__, bytes_first.__doc__)
print(one_liner.__doc__, one_liner(), coro.__doc__, gen.__doc__, lam.__doc__)
print(repr(nul.__doc__), len(nul.__doc__))
print(A.__doc__, A().__doc__, A.m.__doc__, A().m.__doc__, A.s.__doc__, A.c.__doc__)
print(B.__doc__, B().__doc__, C.__doc__, D.__doc__, Nested.Inner.__doc__)
print("__doc__" in A.__dict__, "__doc__" in B.__dict__, B.__dict__["__doc__"], A.__dict__["__doc__"])
print(type("T", (), {}).__doc__, type("T", (), {"__doc__": "given"}).__doc__)
print(docstrings_mod.__doc__, docstrings_mod.helper.__doc__, docstrings_mod.NoDoc.__doc__)
print(docstrings_mod.nodoc.__doc__)
# assigned, then deleted: as CPython
f.__doc__ = "changed"
print(f.__doc__)
del f.__doc__
print(f.__doc__)
A.__doc__ = "class doc changed"
print(A.__doc__, B.__doc__)
# functools.wraps copies it now
import functools


def deco(fn):
    @functools.wraps(fn)
    def wrapper(*a):
        return fn(*a)
    return wrapper


@deco
def wrapped():
    """wrapped's doc"""


print(wrapped.__doc__, wrapped.__name__)
coro().close()


class P:
    @property
    def x(self):
        "the getter's, a property's"
        return 1

    @property
    def y(self):
        return 2


print(P.x.__doc__, P.y.__doc__, P().x)


# property(doc=...): an explicit doc wins and is kept by .setter/.getter; without
# one (or doc=None) __doc__ is the getter's, the new getter's after .getter
def get_a(self):
    "getter a"
    return 1


def get_b(self):
    "getter b"
    return 2


def put(self, v):
    "setter"


class Q:
    given = property(get_a, doc="given")
    positional = property(get_a, None, None, "positional")
    from_getter = property(get_a)
    none_given = property(get_a, doc=None)
    doc_only = property(doc="doc only")
    given_set = given.setter(put)
    given_get = given.getter(get_b)
    from_get = from_getter.getter(get_b)


for name in ("given", "positional", "from_getter", "none_given", "doc_only", "given_set", "given_get", "from_get"):
    print(name, getattr(Q, name).__doc__)
print(Q().given_get, Q().from_get)
try:
    property(get_a, docs="typo")
except TypeError as e:
    print("TypeError:", e)
