"""typing for P4JIT: the names programs use in annotations, usable at run
time: subscripting (List[int], Optional[str], Callable[[int], str],
Dict[str, List[int]]) gives an alias printing as CPython 3.11's; TypeVar,
Generic subclassing (Stack(Generic[T]), Stack[int]), cast, overload,
TYPE_CHECKING, NewType, NamedTuple (class syntax and functional form).
Aliases are for annotations: isinstance() does not take them, and
subscripting a Generic subclass gives the class itself.

Frozen into the runtime (scripts/freeze_lib.py -> src/vm/frozen_lib.c).
"""

TYPE_CHECKING = False


def _type_repr(t):
    if isinstance(t, type):
        module = getattr(t, "__module__", "builtins")
        if module == "builtins":
            return t.__name__
        return "%s.%s" % (module, getattr(t, "__qualname__", t.__name__))
    if t is None or t is type(None):
        return "None"
    if t is Ellipsis:
        return "..."
    if isinstance(t, list):
        return "[%s]" % ", ".join(_type_repr(a) for a in t)
    return repr(t)


class _Alias:
    """A typing name, bare or subscripted: `List` or `List[int]`."""

    def __init__(self, name, origin=None, args=None, nparams=-1, display=None):
        self._name = name
        self.__origin__ = origin
        self.__args__ = args
        self._nparams = nparams
        self._display = display

    def __getitem__(self, params):
        if self.__args__ is not None:
            raise TypeError("%r is not a generic class" % self)
        if not isinstance(params, tuple):
            params = (params,)
        if self._nparams >= 0 and len(params) != self._nparams:
            raise TypeError("Too %s arguments for %r; actual %d, expected %d"
                            % ("many" if len(params) > self._nparams else "few", self, len(params), self._nparams))
        return _Alias(self._name, self.__origin__, params, display=self._display)

    def __repr__(self):
        if self.__args__ is None:
            return "typing." + self._name
        if self._display is not None:
            return self._display(self.__args__)
        if self.__args__ == ():
            return "typing.%s[()]" % self._name
        return "typing.%s[%s]" % (self._name, ", ".join(_type_repr(a) for a in self.__args__))

    def __call__(self, *args, **kwargs):
        if self.__origin__ is None:
            raise TypeError("Cannot instantiate %r" % self)
        raise TypeError("Type %s cannot be instantiated; use %s() instead"
                        % (self._name, self.__origin__.__name__))

    def __eq__(self, other):
        if not isinstance(other, _Alias):
            return NotImplemented
        if self._name == "Union" and other._name == "Union":
            return set(self.__args__) == set(other.__args__)    # Unions are unordered
        return self._name == other._name and self.__args__ == other.__args__

    def __hash__(self):
        if self._name == "Union":
            return hash(frozenset(self.__args__))
        return hash((self._name, self.__args__))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def _flatten_union(args):
    out = []
    for a in args:
        if a is None:
            a = type(None)
        if isinstance(a, _Alias) and a._name == "Union" and a.__args__:
            parts = a.__args__
        else:
            parts = (a,)
        for p in parts:
            if p not in out:
                out.append(p)
    return tuple(out)


def _union_repr(args):
    if len(args) == 2 and type(None) in args:
        other = args[0] if args[1] is type(None) else args[1]
        return "typing.Optional[%s]" % _type_repr(other)
    return "typing.Union[%s]" % ", ".join(_type_repr(a) for a in args)


class _UnionForm(_Alias):
    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if not params:
            raise TypeError("Cannot take a Union of no types.")
        args = _flatten_union(params)
        if len(args) == 1:
            return args[0]
        return _Alias("Union", None, args, display=_union_repr)


class _OptionalForm(_Alias):
    def __getitem__(self, param):
        if isinstance(param, tuple):
            raise TypeError("typing.Optional requires a single type. Got %r." % (param,))
        return Union[param, None]


class _CallableForm(_Alias):
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError("Callable must be used as Callable[[arg, ...], result].")
        args, result = params
        if args is not Ellipsis and not isinstance(args, list):
            args = [args]       # CPython 3.11 takes a bare argument type as a one-item list
        return _Alias("Callable", self.__origin__, (args, result),
                      display=lambda a: "typing.Callable[%s, %s]" % (_type_repr(a[0]), _type_repr(a[1])))


class _SpecialForm(_Alias):
    """Any, NoReturn, ClassVar[...], Final[...], Literal[...]: forms that
    cannot be called."""

    def __getitem__(self, params):
        if self._name == "Any":
            raise TypeError("type 'Any' is not subscriptable")
        if self._name in ("NoReturn", "Never", "LiteralString"):
            raise TypeError("%r is not subscriptable" % self)
        if not isinstance(params, tuple):
            params = (params,)
        return _Alias(self._name, None, params)


Any = _SpecialForm("Any")
NoReturn = _SpecialForm("NoReturn")
ClassVar = _SpecialForm("ClassVar")
Final = _SpecialForm("Final")
Literal = _SpecialForm("Literal")
Union = _UnionForm("Union")
Optional = _OptionalForm("Optional")
Callable = _CallableForm("Callable", object)

List = _Alias("List", list, nparams=1)
Dict = _Alias("Dict", dict, nparams=2)
Set = _Alias("Set", set, nparams=1)
FrozenSet = _Alias("FrozenSet", frozenset, nparams=1)
Tuple = _Alias("Tuple", tuple)
Type = _Alias("Type", type, nparams=1)
DefaultDict = _Alias("DefaultDict", dict, nparams=2)
OrderedDict = _Alias("OrderedDict", dict, nparams=2)
Counter = _Alias("Counter", dict, nparams=1)
Deque = _Alias("Deque", list, nparams=1)
Iterable = _Alias("Iterable", None, nparams=1)
Iterator = _Alias("Iterator", None, nparams=1)
Generator = _Alias("Generator", None, nparams=3)
Sequence = _Alias("Sequence", None, nparams=1)
MutableSequence = _Alias("MutableSequence", None, nparams=1)
Mapping = _Alias("Mapping", None, nparams=2)
MutableMapping = _Alias("MutableMapping", None, nparams=2)
AbstractSet = _Alias("AbstractSet", None, nparams=1)
MutableSet = _Alias("MutableSet", None, nparams=1)
Collection = _Alias("Collection", None, nparams=1)
Container = _Alias("Container", None, nparams=1)
Hashable = _Alias("Hashable", None, nparams=0)
Sized = _Alias("Sized", None, nparams=0)
Reversible = _Alias("Reversible", None, nparams=1)
Awaitable = _Alias("Awaitable", None, nparams=1)
Coroutine = _Alias("Coroutine", None, nparams=3)
AsyncIterator = _Alias("AsyncIterator", None, nparams=1)
AsyncIterable = _Alias("AsyncIterable", None, nparams=1)
SupportsInt = _Alias("SupportsInt", None, nparams=0)
SupportsFloat = _Alias("SupportsFloat", None, nparams=0)
SupportsIndex = _Alias("SupportsIndex", None, nparams=0)
SupportsAbs = _Alias("SupportsAbs", None, nparams=1)
IO = _Alias("IO", None, nparams=1)
TextIO = _Alias("TextIO", None)
BinaryIO = _Alias("BinaryIO", None)
Text = str
AnyStr = None  # replaced by a TypeVar below


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        prefix = "+" if self.__covariant__ else "-" if self.__contravariant__ else "~"
        return prefix + self.__name__

    def __or__(self, other):
        return Union[self, other]


AnyStr = TypeVar("AnyStr", bytes, str)


class Generic:
    """Subclass Generic[T, ...]: subscripting gives the class itself."""
    __slots__ = ()

    def __class_getitem__(cls, params):
        if cls is Generic:
            if not isinstance(params, tuple):
                params = (params,)
            for p in params:
                if not isinstance(p, TypeVar):
                    raise TypeError("Parameters to Generic[...] must all be type variables or parameter specification variables.")
        return cls


class Protocol(Generic):
    __slots__ = ()


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(arg):
    return arg


def runtime_checkable(cls):
    return cls


def get_type_hints(obj, globalns=None, localns=None):
    hints = {}
    for klass in reversed(getattr(obj, "__mro__", (obj,))):
        hints.update(getattr(klass, "__annotations__", {}) or {})
    return hints


def get_origin(tp):
    return tp.__origin__ if isinstance(tp, _Alias) and tp.__args__ is not None else None


def get_args(tp):
    return tuple(tp.__args__) if isinstance(tp, _Alias) and tp.__args__ is not None else ()


class NewType:
    def __init__(self, name, tp):
        self.__name__ = name
        self.__supertype__ = tp

    def __call__(self, x):
        return x

    def __repr__(self):
        return "%s.%s" % (getattr(self, "__module__", "__main__"), self.__name__)


def _make_namedtuple(name, fields, defaults):
    from collections import namedtuple
    return namedtuple(name, [f for f, _ in fields], defaults=defaults)


class _NamedTupleMeta(type):
    def __new__(mcls, name, bases, ns):
        if ns.get("_root"):
            return super().__new__(mcls, name, bases, ns)
        ann = ns.get("__annotations__", {})
        fields = list(ann.items())
        defaults = []
        for f, _ in fields:
            if f in ns:
                defaults.append(ns[f])
            elif defaults:
                raise TypeError("Non-default namedtuple field %s cannot follow default field%s %s"
                                % (f, "s" if len(defaults) > 1 else "",
                                   ", ".join(g for g, _ in fields if g in ns)))
        base = _make_namedtuple(name, fields, defaults)
        methods = {k: v for k, v in ns.items()
                   if k not in ann and k not in ("__module__", "__qualname__", "__annotations__")}
        if methods:
            return type(name, (base,), methods)
        return base


class NamedTuple(metaclass=_NamedTupleMeta):
    _root = True

    def __new__(cls, typename, fields=None, **kwargs):
        if fields is None:
            fields = list(kwargs.items())
        return _make_namedtuple(typename, fields, [])


class TypedDict(dict):
    pass
