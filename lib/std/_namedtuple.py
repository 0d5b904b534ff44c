"""collections.namedtuple for P4JIT: the class it makes is a real subclass
of tuple (so it can be subclassed, with super() and overridden methods), its
fields read-only properties. collections.namedtuple (vm/collections.c)
calls namedtuple() here, naming the caller's module.

Frozen into the runtime (scripts/freeze_lib.py -> src/vm/frozen_lib.c).
"""


def _field_names(typename, field_names, rename):
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    names = [str(n) for n in field_names]
    if rename:
        seen = []
        for i in range(len(names)):
            n = names[i]
            if not n.isidentifier() or n.startswith("_") or n in seen or n in _KEYWORDS:
                names[i] = "_%d" % i
            seen.append(names[i])
    for n in [typename] + names:
        if type(n) is not str:
            raise TypeError("Type names and field names must be strings")
        if not n.isidentifier():
            raise ValueError("Type names and field names must be valid identifiers: %r" % n)
        if n in _KEYWORDS:
            raise ValueError("Type names and field names cannot be a keyword: %r" % n)
    seen = []
    for n in names:
        if n.startswith("_") and not rename:
            raise ValueError("Field names cannot start with an underscore: %r" % n)
        if n in seen:
            raise ValueError("Encountered duplicate field name: %r" % n)
        seen.append(n)
    return tuple(names)


_KEYWORDS = ("False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
             "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
             "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield")


def _getter(index):
    return property(lambda self: self[index])


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    fields = _field_names(typename, field_names, rename)
    nfields = len(fields)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > nfields:
            raise TypeError("Got more default values than field names")
        for i in range(len(defaults)):
            field_defaults[fields[nfields - len(defaults) + i]] = defaults[i]
    argnames = ", ".join(fields)

    def __new__(_cls, *args, **kwargs):
        if len(args) > nfields:
            raise TypeError("%s.__new__() takes %d positional argument%s but %d were given" % (
                typename, nfields + 1, "" if nfields == 0 else "s", len(args) + 1))
        for name in fields[:len(args)]:
            if name in kwargs:
                raise TypeError("%s.__new__() got multiple values for argument '%s'" % (typename, name))
        values = list(args)
        for name in fields[len(args):]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif name in field_defaults:
                values.append(field_defaults[name])
            else:
                missing = [n for n in fields[len(values):] if n not in kwargs and n not in field_defaults]
                if len(missing) == 1:
                    raise TypeError("%s.__new__() missing 1 required positional argument: '%s'" % (
                        typename, missing[0]))
                raise TypeError("%s.__new__() missing %d required positional arguments: %s and '%s'" % (
                    typename, len(missing), ", ".join("'%s'" % n for n in missing[:-1]), missing[-1]))
        for name in kwargs:
            raise TypeError("%s.__new__() got an unexpected keyword argument '%s'" % (typename, name))
        return super(klass, _cls).__new__(_cls, values)

    def _make(cls, iterable):
        values = tuple(iterable)
        if len(values) != nfields:
            raise TypeError("Expected %d arguments, got %d" % (nfields, len(values)))
        return super(klass, cls).__new__(cls, values)

    def _replace(self, **kwargs):
        values = [kwargs.pop(name, value) for name, value in zip(fields, self)]
        if kwargs:
            raise ValueError("Got unexpected field names: %r" % list(kwargs))
        return self._make(values)

    def __repr__(self):
        return "%s(%s)" % (type(self).__name__, ", ".join(
            "%s=%r" % (name, value) for name, value in zip(fields, self)))

    def _asdict(self):
        return dict(zip(fields, self))

    def __getnewargs__(self):
        return tuple(self)

    ns = {
        "__new__": __new__,
        "__repr__": __repr__,
        "_make": classmethod(_make),
        "_replace": _replace,
        "_asdict": _asdict,
        "__getnewargs__": __getnewargs__,
        "_fields": fields,
        "_field_defaults": field_defaults,
        "__slots__": (),
        "__match_args__": fields,
        "__module__": module if module is not None else "__main__",
    }
    for i in range(nfields):
        ns[fields[i]] = _getter(i)
    klass = type(typename, (tuple,), ns)
    return klass
