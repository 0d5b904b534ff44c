"""abc for P4JIT: ABCMeta, ABC, abstractmethod and the abstract
property/classmethod/staticmethod helpers. A class with abstract methods
left cannot be instantiated (TypeError with CPython 3.11's message).
register() records a virtual subclass: isinstance and issubclass call the
metaclass's __instancecheck__/__subclasscheck__, as CPython's do.

Frozen into the runtime (scripts/freeze_lib.py -> src/vm/frozen_lib.c).
"""

__all__ = ["ABCMeta", "ABC", "abstractmethod", "abstractproperty", "abstractclassmethod",
           "abstractstaticmethod", "get_cache_token"]

# Functions cannot carry attributes in P4JIT, so abstract callables are
# remembered by identity here rather than by __isabstractmethod__.
_abstract_ids = {}


def abstractmethod(funcobj):
    _abstract_ids[id(funcobj)] = funcobj
    return funcobj


def _is_abstract(value):
    if id(value) in _abstract_ids and _abstract_ids[id(value)] is value:
        return True
    if isinstance(value, property):
        return any(_is_abstract(f) for f in (value.fget, value.fset, value.fdel) if f is not None)
    inner = getattr(value, "__func__", None)
    if inner is not None and inner is not value:
        return _is_abstract(inner)
    return getattr(value, "__isabstractmethod__", False) is True


# The deprecated helpers are functions: P4JIT's classmethod, staticmethod
# and property cannot be subclassed.
def abstractclassmethod(callable):
    return classmethod(abstractmethod(callable))


def abstractstaticmethod(callable):
    return staticmethod(abstractmethod(callable))


def abstractproperty(fget=None, fset=None, fdel=None, doc=None):
    return property(abstractmethod(fget) if fget is not None else None, fset, fdel, doc)


class ABCMeta(type):
    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        abstracts = set(n for n, v in namespace.items() if _is_abstract(v))
        for base in bases:
            for n in getattr(base, "__abstractmethods__", ()):
                value = getattr(cls, n, None)
                if _is_abstract(value):
                    abstracts.add(n)
        cls.__abstractmethods__ = frozenset(abstracts)
        cls._abc_registry = []
        return cls

    def __call__(cls, *args, **kwargs):
        missing = cls.__abstractmethods__
        if missing:
            names = sorted(missing)
            raise TypeError("Can't instantiate abstract class %s with abstract method%s %s"
                            % (cls.__name__, "s" if len(names) > 1 else "", ", ".join(names)))
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        cls._abc_registry.append(subclass)
        return subclass

    def __instancecheck__(cls, instance):
        return cls.__subclasscheck__(type(instance))

    def __subclasscheck__(cls, subclass):
        # CPython's order: the hook (inherited, as a class method), then
        # the real bases, the registry and the subclasses
        hook = getattr(cls, "__subclasshook__", None)
        if hook is not None:
            ok = hook(subclass)
            if ok is not NotImplemented:
                return bool(ok)
        if cls in getattr(subclass, "__mro__", ()):
            return True
        for reg in cls._abc_registry:
            if issubclass(subclass, reg):
                return True
        for sub in cls.__subclasses__() if hasattr(cls, "__subclasses__") else ():
            if issubclass(subclass, sub):
                return True
        return False


class ABC(metaclass=ABCMeta):
    """Helper class: subclass it instead of naming the metaclass."""
    __slots__ = ()


def get_cache_token():
    return 0
