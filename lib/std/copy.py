"""copy for P4JIT: shallow and deep copies as CPython 3.11 makes them:
immutable atoms are returned as they are, containers are rebuilt, class
instances use __copy__/__deepcopy__ when they define them, else a new
instance (no __init__ call) gets their __dict__ (copied, for deepcopy) and
their __slots__. deepcopy keeps a memo, so shared and cyclic references
are copied once.

Frozen into the runtime (scripts/freeze_lib.py -> src/vm/frozen_lib.c).
"""

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error

_ATOMS = (type(None), int, float, bool, complex, str, bytes, range, type, type(len), type(lambda: 0),
          frozenset, slice, property)


def _is_atom(x):
    return type(x) in _ATOMS or x is Ellipsis or x is NotImplemented


def _slot_names(cls):
    names = []
    for c in getattr(cls, "__mro__", (cls,)):
        namespace = getattr(c, "__dict__", None)
        s = () if namespace is None else namespace.get("__slots__", ())
        if isinstance(s, str):
            s = (s,)
        for n in s:
            if n not in ("__dict__", "__weakref__") and n not in names:
                names.append(n)
    return names


def _new_like(x):
    cls = type(x)
    if cls is object:
        return object()
    if not hasattr(x, "__dict__") and not _slot_names(cls):
        raise TypeError("cannot pickle '%s' object" % cls.__name__)
    return cls.__new__(cls)


def _copy_state(x, y, copy_value):
    if hasattr(x, "__dict__"):
        for k, v in x.__dict__.items():
            setattr(y, k, copy_value(v))
    for n in _slot_names(type(x)):
        if hasattr(x, n):
            setattr(y, n, copy_value(getattr(x, n)))


def _same(v):
    return v


def copy(x):
    cls = type(x)
    if _is_atom(x) or cls is tuple:
        return x
    if cls in (list, dict, set, bytearray):
        return x.copy()
    f = getattr(cls, "__copy__", None)
    if f is not None:
        return f(x)
    if isinstance(x, (list, dict, set)):
        y = cls.__new__(cls)
        if isinstance(x, dict):
            y.update(x)
        elif isinstance(x, list):
            y.extend(x)
        else:
            y.update(x)
        _copy_state(x, y, _same)
        return y
    y = _new_like(x)
    _copy_state(x, y, _same)
    return y


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if _is_atom(x):
        return x
    if cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        items = [deepcopy(a, memo) for a in x]
        # a tuple holding only atoms is its own copy; a cycle may already have copied it
        if d in memo:
            return memo[d]
        if all(i is j for i, j in zip(items, x)):
            y = x
        else:
            y = tuple(items)
    elif cls is dict:
        y = {}
        memo[d] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls is set:
        y = set(deepcopy(a, memo) for a in x)
    elif cls is bytearray:
        y = bytearray(x)
    else:
        f = getattr(cls, "__deepcopy__", None)
        if f is not None:
            y = f(x, memo)
        else:
            y = _new_like(x)
            memo[d] = y
            if isinstance(x, dict):
                for k, v in x.items():
                    y[deepcopy(k, memo)] = deepcopy(v, memo)
            elif isinstance(x, list):
                for a in x:
                    y.append(deepcopy(a, memo))
            _copy_state(x, y, lambda v: deepcopy(v, memo))
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    # the memo is keyed by id(): keep the originals alive so no id is reused
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]
