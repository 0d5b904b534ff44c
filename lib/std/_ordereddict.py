"""collections.OrderedDict for P4JIT: a dict subclass (dicts keep insertion
order) whose == between two OrderedDicts also compares the order, with
move_to_end, popitem(last=) and CPython's repr. collections.OrderedDict
(vm/collections.c) is this class.

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
