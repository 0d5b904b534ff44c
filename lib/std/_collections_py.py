"""collections.OrderedDict, defaultdict and Counter for P4JIT: dict
subclasses in Python (collections' native module, vm/collections.c, gives
these classes). OrderedDict's == between two OrderedDicts also compares the
order; defaultdict and Counter fill missing keys through __getitem__ (P4JIT
calls no __missing__ of its own).

Frozen into the runtime (scripts/freeze_lib.py -> src/vm/frozen_lib.c).
"""


class OrderedDict(dict):
    __module__ = "collections"

    def __repr__(self):
        if not self:
            return "%s()" % type(self).__name__
        return "%s(%r)" % (type(self).__name__, list(self.items()))

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict(self.items()) == dict(other.items()) and list(self) == list(other)
        if isinstance(other, dict):
            return dict(self.items()) == dict(other.items())
        return NotImplemented

    def __ne__(self, other):
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    __hash__ = None

    def move_to_end(self, key, last=True):
        value = self.pop(key)
        if last:
            self[key] = value
            return
        rest = list(self.items())
        self.clear()
        self[key] = value
        for k, v in rest:
            self[k] = v

    def popitem(self, last=True):
        if not self:
            raise KeyError("dictionary is empty")
        keys = list(self)
        key = keys[-1] if last else keys[0]
        return key, self.pop(key)

    def copy(self):
        return type(self)(self.items())

    def __reversed__(self):
        return reversed(list(self))

    @classmethod
    def fromkeys(cls, iterable, value=None):
        d = cls()
        for k in iterable:
            d[k] = value
        return d


class defaultdict(dict):
    """A dict that makes a missing key's value with default_factory()."""
    __module__ = "collections"

    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        super().__init__(*args, **kwargs)
        self.default_factory = default_factory

    def __getitem__(self, key):
        if key in self:
            return super().__getitem__(key)
        return self.__missing__(key)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def __repr__(self):
        factory = self.default_factory
        name = "None" if factory is None else getattr(factory, "__qualname__", None) or repr(factory)
        if isinstance(factory, type):
            name = "<class '%s'>" % factory.__name__
        elif factory is not None and hasattr(factory, "__name__"):
            name = repr(factory)
        return "defaultdict(%s, %s)" % (name, repr(dict(self.items())))

    def copy(self):
        return type(self)(self.default_factory, self.items())


class Counter(dict):
    """A dict of counts: missing keys count 0."""
    __module__ = "collections"

    def __init__(self, iterable=None, **kwds):
        super().__init__()
        self.update(iterable, **kwds)

    def __getitem__(self, key):
        if key in self:
            return super().__getitem__(key)
        return 0

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        items = sorted(self.items(), key=lambda kv: kv[1], reverse=True)
        return items if n is None else items[:n]

    def elements(self):
        out = []
        for k, v in self.items():
            out.extend([k] * v)
        return iter(out)

    def update(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for k, v in iterable.items():
                    self[k] = self[k] + v
            else:
                for k in iterable:
                    self[k] = self[k] + 1
        for k, v in kwds.items():
            self[k] = self[k] + v

    def subtract(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for k, v in iterable.items():
                    self[k] = self[k] - v
            else:
                for k in iterable:
                    self[k] = self[k] - 1
        for k, v in kwds.items():
            self[k] = self[k] - v

    def copy(self):
        return Counter(dict(self.items()))

    def __repr__(self):
        if not self:
            return "Counter()"
        return "Counter({%s})" % ", ".join("%r: %r" % kv for kv in self.most_common())

    def _keep_positive(self, pairs):
        out = Counter()
        for k, v in pairs:
            if v > 0:
                out[k] = v
        return out

    def __add__(self, other):
        keys = list(self) + [k for k in other if k not in self]
        return self._keep_positive((k, self[k] + other[k]) for k in keys)

    def __sub__(self, other):
        return self._keep_positive((k, self[k] - other[k]) for k in list(self) + [k for k in other if k not in self])

    def __or__(self, other):
        keys = list(self) + [k for k in other if k not in self]
        return self._keep_positive((k, max(self[k], other[k])) for k in keys)

    def __and__(self, other):
        return self._keep_positive((k, min(self[k], other[k])) for k in self if k in other)
