"""dataclasses for P4JIT: @dataclass reads the class body's __annotations__
(kept by the compiler since branch stdlib1) and adds __init__, __repr__,
__eq__, the orderings, __hash__ and frozen attribute guards as CPython 3.11
does; field(), fields(), asdict(), astuple(), replace(), is_dataclass().

The methods are made with exec() inside a class statement of the same
name, so their __qualname__ (and so CPython's error messages,
"Point.__init__() missing 1 required positional argument: 'y'") match.

Frozen into the runtime (scripts/freeze_lib.py -> src/vm/frozen_lib.c).
"""

__all__ = ["dataclass", "field", "Field", "FrozenInstanceError", "InitVar", "MISSING", "fields", "asdict",
           "astuple", "make_dataclass", "replace", "is_dataclass"]


class _MissingType:
    def __repr__(self):
        return "MISSING"


MISSING = _MissingType()


class FrozenInstanceError(AttributeError):
    pass


class InitVar:
    def __init__(self, type):
        self.type = type

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only

    def __repr__(self):
        return ("Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,repr=%r,hash=%r,compare=%r,"
                "metadata=%r,kw_only=%r,_field_type=_FIELD)"
                % (self.name, self.type, self.default, self.default_factory, self.init, self.repr, self.hash,
                   self.compare, self.metadata, self.kw_only))


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True,
          metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(tp):
    return tp is not None and (repr(tp).startswith("typing.ClassVar") or
                               (isinstance(tp, str) and tp.startswith(("ClassVar", "typing.ClassVar"))))


def _own_fields(cls):
    ann = cls.__dict__.get("__annotations__", {})
    out = []
    for name, tp in ann.items():
        if _is_classvar(tp):
            continue
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = field(default=default)
        f.name = name
        f.type = tp
        if isinstance(tp, InitVar):
            f._initvar = True
        if f.default is not MISSING and type(f.default) in (list, dict, set):
            raise ValueError("mutable default %r for field %s is not allowed: use default_factory"
                             % (type(f.default), name))
        # the class attribute: the default, or nothing for a field() without one
        if isinstance(default, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        out.append(f)
    return out


def _make_methods(cls, source, env):
    """Runs `class <name>:` + source with env as globals and returns the
    functions it defined, their __qualname__ being <name>.<method>."""
    text = "class %s:\n%s" % (cls.__name__, source)
    ns = dict(env)
    exec(text, ns)
    return ns[cls.__name__].__dict__


def _tuple_of(fields, obj):
    return "(" + "".join("%s.%s," % (obj, f.name) for f in fields) + ")"


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args):
    all_fields = {}
    for base in reversed(cls.__mro__[1:]):
        for f in getattr(base, "__dataclass_fields__", {}).values():
            all_fields[f.name] = f
    for f in _own_fields(cls):
        all_fields[f.name] = f
    flist = list(all_fields.values())
    cls.__dataclass_fields__ = all_fields
    cls.__dataclass_params__ = (init, repr, eq, order, unsafe_hash, frozen)
    env = {"MISSING": MISSING, "FrozenInstanceError": FrozenInstanceError, "_object_setattr": object.__setattr__}
    src = []
    if init and "__init__" not in cls.__dict__:
        params = []
        body = []
        seen_default = False
        for i, f in enumerate(flist):
            if not f.init:
                if f.default_factory is not MISSING:
                    env["_factory_%d" % i] = f.default_factory
                    body.append(_assign(f.name, "_factory_%d()" % i, frozen))
                elif f.default is not MISSING:
                    env["_default_%d" % i] = f.default
                    body.append(_assign(f.name, "_default_%d" % i, frozen))
                continue
            if f.default is not MISSING:
                env["_default_%d" % i] = f.default
                params.append("%s=_default_%d" % (f.name, i))
                seen_default = True
            elif f.default_factory is not MISSING:
                env["_factory_%d" % i] = f.default_factory
                params.append("%s=MISSING" % f.name)
                seen_default = True
            else:
                if seen_default:
                    raise TypeError("non-default argument %r follows default argument" % f.name)
                params.append(f.name)
            if getattr(f, "_initvar", False):
                continue
            if f.default_factory is not MISSING:
                body.append(_assign(f.name, "_factory_%d() if %s is MISSING else %s" % (i, f.name, f.name), frozen))
            else:
                body.append(_assign(f.name, f.name, frozen))
        initvars = [f.name for f in flist if getattr(f, "_initvar", False)]
        if hasattr(cls, "__post_init__"):
            body.append("self.__post_init__(%s)" % ", ".join(initvars))
        if not body:
            body.append("pass")
        src.append("    def __init__(%s):\n%s\n" % (", ".join(["self"] + params),
                                                      "\n".join("        " + b for b in body)))
    if repr and "__repr__" not in cls.__dict__:
        parts = ", ".join("%s=%%r" % f.name for f in flist if f.repr)
        values = "".join("self.%s, " % f.name for f in flist if f.repr)
        src.append("    def __repr__(self):\n"
                   "        return self.__class__.__qualname__ + '(%s)' %% (%s)\n" % (parts, values))
    cmp = [f for f in flist if f.compare]
    if eq and "__eq__" not in cls.__dict__:
        src.append("    def __eq__(self, other):\n"
                   "        if other.__class__ is self.__class__:\n"
                   "            return %s == %s\n"
                   "        return NotImplemented\n" % (_tuple_of(cmp, "self"), _tuple_of(cmp, "other")))
    if order:
        for name, op in (("__lt__", "<"), ("__le__", "<="), ("__gt__", ">"), ("__ge__", ">=")):
            if name in cls.__dict__:
                raise TypeError("Cannot overwrite attribute %s in class %s. Consider using functools.total_ordering"
                                % (name, cls.__name__))
            src.append("    def %s(self, other):\n"
                       "        if other.__class__ is self.__class__:\n"
                       "            return %s %s %s\n"
                       "        return NotImplemented\n" % (name, _tuple_of(cmp, "self"), op, _tuple_of(cmp, "other")))
    hashed = [f for f in flist if (f.compare if f.hash is None else f.hash)]
    has_own_hash = "__hash__" in cls.__dict__ and not (eq and cls.__dict__["__hash__"] is None)
    make_hash = unsafe_hash or (eq and frozen and not has_own_hash)
    if make_hash:
        if has_own_hash and unsafe_hash:
            raise TypeError("Cannot overwrite attribute __hash__ in class %s" % cls.__name__)
        src.append("    def __hash__(self):\n        return hash(%s)\n" % _tuple_of(hashed, "self"))
    if frozen:
        names = tuple(f.name for f in flist)
        env["_field_names"] = names
        env["_cls"] = cls
        src.append("    def __setattr__(self, name, value):\n"
                   "        if type(self) is _cls or name in _field_names:\n"
                   "            raise FrozenInstanceError('cannot assign to field ' + repr(name))\n"
                   "        object.__setattr__(self, name, value)\n"
                   "    def __delattr__(self, name):\n"
                   "        if type(self) is _cls or name in _field_names:\n"
                   "            raise FrozenInstanceError('cannot delete field ' + repr(name))\n"
                   "        object.__delattr__(self, name)\n")
    if src:
        made = _make_methods(cls, "".join(src), env)
        for name in ("__init__", "__repr__", "__eq__", "__lt__", "__le__", "__gt__", "__ge__", "__hash__",
                     "__setattr__", "__delattr__"):
            if name in made:
                setattr(cls, name, made[name])
    if eq and not make_hash and not has_own_hash:
        cls.__hash__ = None
    if match_args and "__match_args__" not in cls.__dict__:
        cls.__match_args__ = tuple(f.name for f in flist if f.init)
    return cls


def _assign(name, value, frozen):
    if frozen:
        return "_object_setattr(self, %r, %s)" % (name, value)
    return "self.%s = %s" % (name, value)


def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False,
              match_args=True, kw_only=False, slots=False):
    if order and not eq:
        raise ValueError("eq must be true if order is true")

    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args)

    if cls is None:
        return wrap
    return wrap(cls)


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, "__dataclass_fields__")


def fields(class_or_instance):
    if not is_dataclass(class_or_instance):
        raise TypeError("must be called with a dataclass type or instance")
    return tuple(f for f in class_or_instance.__dataclass_fields__.values() if not getattr(f, "_initvar", False))


def _as(obj, factory, named):
    """asdict (named: factory of (name, value) pairs) or astuple, recursing
    into dataclasses, lists, tuples (namedtuples too) and dicts; other
    values are deep-copied, as CPython does."""
    if is_dataclass(obj) and not isinstance(obj, type):
        if named:
            return factory([(f.name, _as(getattr(obj, f.name), factory, named)) for f in fields(obj)])
        return factory([_as(getattr(obj, f.name), factory, named) for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_as(v, factory, named) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_as(v, factory, named) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_as(k, factory, named), _as(v, factory, named)) for k, v in obj.items())
    import copy
    return copy.deepcopy(obj)


def asdict(obj, *, dict_factory=dict):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("asdict() should be called on dataclass instances")
    return _as(obj, dict_factory, True)


def astuple(obj, *, tuple_factory=tuple):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("astuple() should be called on dataclass instances")
    return _as(obj, tuple_factory, False)


def replace(obj, **changes):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("replace() should be called on dataclass instances")
    for f in obj.__dataclass_fields__.values():
        if not f.init:
            if f.name in changes:
                raise ValueError("field %s is declared with init=False, it cannot be specified with replace()"
                                 % f.name)
            continue
        if f.name not in changes and not getattr(f, "_initvar", False):
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, **kwargs):
    ns = dict(namespace or {})
    ann = {}
    for item in fields:
        if isinstance(item, str):
            ann[item] = "typing.Any"
        elif len(item) == 2:
            ann[item[0]] = item[1]
        else:
            ann[item[0]] = item[1]
            ns[item[0]] = item[2]
    ns["__annotations__"] = ann
    return dataclass(type(cls_name, bases, ns), **kwargs)
