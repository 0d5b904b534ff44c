"""enum for P4JIT: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique,
with CPython 3.11's members, iteration, value and name lookup, aliases and
repr/str/format.

EnumType (EnumMeta) turns the class body's plain names into members when
the class is made. P4JIT never calls a metaclass's __setattr__ (deviation
19), so reassigning a member (`Color.RED = 2`) is not an error here.

Frozen into the runtime (scripts/freeze_lib.py -> src/vm/frozen_lib.c).
"""

__all__ = ["EnumType", "EnumMeta", "Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "auto", "unique"]

_FUNCTION = type(lambda: 0)


class auto:
    """A member value filled in at class creation by _generate_next_value_."""
    _counter = 0

    def __init__(self):
        self.value = _auto_pending

    def __repr__(self):
        return "auto(%r)" % (self.value,)


_auto_pending = object()


def _is_descriptor(v):
    return type(v) in (_FUNCTION, classmethod, staticmethod, property) or hasattr(type(v), "__get__")


def _is_member_name(name):
    if len(name) > 1 and name[0] == "_" and name[-1] == "_":
        return False                       # _sunder_ and __dunder__ names
    return not name.startswith("_") or "__" not in name[1:]


def _mixin_of(bases):
    """The data type members are made from (int for IntEnum), or None."""
    for base in bases:
        for c in getattr(base, "__mro__", (base,)):
            if c in (int, str, float):
                return c
    return None


class EnumType(type):
    def __new__(mcls, name, bases, ns, boundary=None, **kwargs):
        for base in bases:
            if isinstance(base, EnumType) and base._member_names_:
                raise TypeError("<enum %r> cannot extend %r" % (name, base))
        ignore = ns.get("_ignore_", [])
        if isinstance(ignore, str):
            ignore = ignore.replace(",", " ").split()
        members = []
        body = {}
        for key, value in ns.items():
            if key in ignore or key == "_ignore_":
                continue
            if _is_member_name(key) and not _is_descriptor(value):
                members.append((key, value))
            else:
                body[key] = value
        cls = super().__new__(mcls, name, bases, body, **kwargs)
        cls._member_names_ = []
        cls._member_map_ = {}
        cls._value2member_map_ = {}
        mixin = _mixin_of(bases)
        cls._mixin_ = mixin
        init = body.get("__init__")
        last_values = []
        for key, value in members:
            if isinstance(value, auto):
                if value.value is _auto_pending:
                    value.value = cls._generate_next_value_(key, 1, len(last_values), last_values[:])
                value = value.value
            elif isinstance(value, tuple) and any(isinstance(v, auto) for v in value):
                value = tuple(cls._generate_next_value_(key, 1, len(last_values), last_values[:])
                              if isinstance(v, auto) else v for v in value)
            last_values.append(value)
            args = value if isinstance(value, tuple) else (value,)
            if mixin is not None and init is None:
                member = type.__call__(cls, *args)
                stored = value
            else:
                member = object.__new__(cls)
                stored = value
                if init is not None:
                    init(member, *args)
            if "_value_" not in getattr(member, "__dict__", {}):
                member._value_ = stored
            member._name_ = key
            canonical = None
            for other in cls._member_map_.values():
                if other._value_ == member._value_:
                    canonical = other
                    break
            if canonical is not None:
                member = canonical           # an alias
            else:
                cls._member_names_.append(key)
                try:
                    cls._value2member_map_[member._value_] = member
                except TypeError:
                    pass
            cls._member_map_[key] = member
            setattr(cls, key, member)
        return cls

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1, boundary=None):
        if names is not None:
            return cls._create_(value, names, type, start)
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        for member in cls._member_map_.values():
            if member._value_ == value:
                return member
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is not None:
            raise TypeError("error in %s._missing_: returned %r instead of None or a valid member"
                            % (cls.__name__, result))
        raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))

    def _create_(cls, class_name, names, mixin, start):
        if isinstance(names, str):
            names = names.replace(",", " ").split()
        ns = {}
        if names and isinstance(names[0], str) and not isinstance(names, dict):
            for i, n in enumerate(names):
                ns[n] = start + i
        else:
            items = names.items() if isinstance(names, dict) else names
            for n, v in items:
                ns[n] = v
        bases = (cls,) if mixin is None else (mixin, cls)
        return EnumType.__new__(EnumType, class_name, bases, ns)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[n] for n in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[n] for n in reversed(cls._member_names_))

    def __getattr__(cls, name):
        # reached only for a name the class lacks (members are in its
        # namespace): CPython 3.11's AttributeError, the bare name
        raise AttributeError(name)

    def __len__(cls):
        return len(cls._member_names_)

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and 'EnumType'" % type(member).__name__)
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __bool__(cls):
        return True

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

    @property
    def __members__(cls):
        return dict(cls._member_map_)


EnumMeta = EnumType
Flag = None


class Enum(metaclass=EnumType):
    """Members are instances of their enum class, made once at class creation."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for last in reversed(last_values):
            try:
                return last + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        mixin = type(self)._mixin_
        v = repr(self._value_) if mixin is None else mixin.__repr__(self._value_)
        return "<%s.%s: %s>" % (type(self).__name__, self._name_, v)

    def __str__(self):
        return "%s.%s" % (type(self).__name__, self._name_)

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return type(self), (self._value_,)

    def __dir__(self):
        return ["__class__", "__doc__", "__eq__", "__hash__", "__module__", "name", "value"]


class ReprEnum(Enum):
    """str() and format() of the data type, repr() of the enum."""

    def __str__(self):
        return self._mixin_.__str__(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)


class IntEnum(int, ReprEnum):
    pass


class StrEnum(str, ReprEnum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class Flag(Enum):
    """Members are bit values; | & ^ ~ combine them into (pseudo-)members."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        high = max(last_values)
        return 1 << high.bit_length() if high > 0 else 1

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            return None
        all_bits = 0
        for m in cls._member_map_.values():
            all_bits |= m._value_
        if value < 0 or value & ~all_bits:
            return None
        pseudo = object.__new__(cls) if cls._mixin_ is None else type.__call__(cls, value)
        pseudo._value_ = value
        names = [m._name_ for m in cls if m._value_ & value == m._value_ and m._value_]
        pseudo._name_ = "|".join(names) if names else None
        cls._value2member_map_[value] = pseudo
        return pseudo

    def __contains__(self, other):
        if not isinstance(other, type(self)):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'"
                            % (type(other).__qualname__, type(self).__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return (m for m in type(self) if m._value_ & self._value_ == m._value_ and m._value_)

    def __len__(self):
        return bin(self._value_).count("1")

    def __bool__(self):
        return bool(self._value_)

    def _combine(self, other, bits):
        if not isinstance(other, type(self)):
            return NotImplemented
        return type(self)(bits(self._value_, other._value_))

    def __or__(self, other):
        return self._combine(other, lambda a, b: a | b)

    def __and__(self, other):
        return self._combine(other, lambda a, b: a & b)

    def __xor__(self, other):
        return self._combine(other, lambda a, b: a ^ b)

    def __invert__(self):
        all_bits = 0
        for m in type(self):
            all_bits |= m._value_
        return type(self)(all_bits & ~self._value_)

    def __str__(self):
        if self._name_ is None:
            return "%s(%r)" % (type(self).__name__, self._value_)
        return "%s.%s" % (type(self).__name__, self._name_)


class IntFlag(int, ReprEnum, Flag):
    pass


def unique(enumeration):
    duplicates = [(name, member._name_) for name, member in enumeration.__members__.items()
                  if name != member._name_]
    if duplicates:
        details = ", ".join("%s -> %s" % (alias, name) for alias, name in duplicates)
        raise ValueError("duplicate values found in %r: %s" % (enumeration, details))
    return enumeration
