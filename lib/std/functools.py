"""functools for P4JIT: reduce and partial are the C ones (src/vm/functools.c,
imported as _functools); lru_cache, cache, total_ordering, cmp_to_key,
wraps, update_wrapper, cached_property and singledispatch are Python, with
CPython 3.11's behaviour. The cached wrappers are objects (P4JIT functions
cannot carry attributes): they have cache_info(), cache_clear(),
__wrapped__ and __name__, and bind as methods. wraps() copies what the
wrapper can take and skips the rest.

Frozen into the runtime (scripts/freeze_lib.py -> src/vm/frozen_lib.c).
"""

from _functools import reduce, partial

__all__ = ["reduce", "partial", "lru_cache", "cache", "total_ordering", "cmp_to_key", "wraps",
           "update_wrapper", "cached_property", "singledispatch", "WRAPPER_ASSIGNMENTS", "WRAPPER_UPDATES"]

WRAPPER_ASSIGNMENTS = ("__module__", "__name__", "__qualname__", "__doc__", "__annotations__")
WRAPPER_UPDATES = ("__dict__",)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for attr in assigned:
        try:
            setattr(wrapper, attr, getattr(wrapped, attr))
        except (AttributeError, TypeError):
            pass
    for attr in updated:
        try:
            getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
        except (AttributeError, TypeError):
            pass
    try:
        wrapper.__wrapped__ = wrapped
    except (AttributeError, TypeError):
        pass
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


_CacheInfo = None


def _cache_info_type():
    global _CacheInfo
    if _CacheInfo is None:
        from collections import namedtuple
        _CacheInfo = namedtuple("CacheInfo", ["hits", "misses", "maxsize", "currsize"])
    return _CacheInfo


_KWD_MARK = object()


class _BoundCached:
    def __init__(self, cached, obj):
        self._cached = cached
        self._obj = obj

    def __call__(self, *args, **kwargs):
        return self._cached(self._obj, *args, **kwargs)

    def cache_info(self):
        return self._cached.cache_info()

    def cache_clear(self):
        self._cached.cache_clear()


class _lru_cache_wrapper:
    def __init__(self, func, maxsize, typed):
        self.__wrapped__ = func
        self._maxsize = maxsize
        self._typed = typed
        self._cache = {}
        self._hits = self._misses = 0
        update_wrapper(self, func, updated=())

    def _key(self, args, kwargs):
        key = args
        if kwargs:
            key += (_KWD_MARK,) + tuple(kwargs.items())
        if self._typed:
            key += tuple(type(v) for v in args)
            if kwargs:
                key += tuple(type(v) for v in kwargs.values())
        elif len(key) == 1 and type(key[0]) in (int, str):
            return key[0]
        return key

    def __call__(self, *args, **kwargs):
        key = self._key(args, kwargs)
        cache = self._cache
        maxsize = self._maxsize
        if maxsize == 0:
            self._misses += 1
            return self.__wrapped__(*args, **kwargs)
        try:
            result = cache[key]
        except KeyError:
            pass
        else:
            self._hits += 1
            if maxsize is not None:
                del cache[key]          # most recently used goes last
                cache[key] = result
            return result
        self._misses += 1
        result = self.__wrapped__(*args, **kwargs)
        if key not in cache:
            if maxsize is not None and len(cache) >= maxsize:
                del cache[next(iter(cache))]
            cache[key] = result
        return result

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return _BoundCached(self, obj)

    def cache_info(self):
        return _cache_info_type()(self._hits, self._misses, self._maxsize, len(self._cache))

    def cache_clear(self):
        self._cache = {}
        self._hits = self._misses = 0

    def cache_parameters(self):
        return {"maxsize": self._maxsize, "typed": self._typed}


def lru_cache(maxsize=128, typed=False):
    if isinstance(maxsize, int) and not isinstance(maxsize, bool):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        return _lru_cache_wrapper(maxsize, 128, typed)
    elif maxsize is not None:
        raise TypeError("Expected first argument to be an integer, a callable, or None")

    def decorating_function(user_function):
        return _lru_cache_wrapper(user_function, maxsize, typed)

    return decorating_function


def cache(user_function):
    return _lru_cache_wrapper(user_function, None, False)


def _derived(root, negate, combine):
    """An ordering from the class's root one: (not) root, then `or ==` or
    `and !=`, as CPython's total_ordering derives them."""
    def method(self, other):
        r = getattr(type(self), root)(self, other)
        if r is NotImplemented:
            return r
        if negate:
            r = not r
        if combine == "or_eq":
            return r or self == other
        if combine == "and_ne":
            return r and self != other
        return r
    return method


_ORDER_RULES = {
    "__lt__": {"__gt__": (True, "and_ne"), "__le__": (False, "or_eq"), "__ge__": (True, None)},
    "__le__": {"__ge__": (True, "or_eq"), "__lt__": (False, "and_ne"), "__gt__": (True, None)},
    "__gt__": {"__lt__": (True, "and_ne"), "__ge__": (False, "or_eq"), "__le__": (True, None)},
    "__ge__": {"__le__": (True, "or_eq"), "__gt__": (False, "and_ne"), "__lt__": (True, None)},
}


def _defines(cls, name):
    for c in getattr(cls, "__mro__", (cls,)):
        if c is object:
            return False
        if name in getattr(c, "__dict__", {}):
            return True
    return False


def total_ordering(cls):
    roots = [op for op in _ORDER_RULES if _defines(cls, op)]
    if not roots:
        raise ValueError("must define at least one ordering operation: < > <= >=")
    root = max(roots)       # CPython's choice
    for name, (negate, combine) in _ORDER_RULES[root].items():
        if name not in roots:
            method = _derived(root, negate, combine)
            method.__name__ = name
            method.__qualname__ = cls.__qualname__ + "." + name
            setattr(cls, name, method)
    return cls


def cmp_to_key(mycmp):
    class K:
        __slots__ = ("obj",)

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None

    return K


class cached_property:
    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = getattr(func, "__doc__", None)

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError("Cannot assign the same cached_property to two different names (%r and %r)."
                            % (self.attrname, name))

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError("Cannot use cached_property instance without calling __set_name__ on it.")
        cache = instance.__dict__
        if self.attrname in cache:
            return cache[self.attrname]
        val = self.func(instance)
        cache[self.attrname] = val
        return val


class _SingleDispatch:
    def __init__(self, func):
        self.registry = {object: func}
        self.__wrapped__ = func
        update_wrapper(self, func, updated=())

    def dispatch(self, cls):
        mro = getattr(cls, "__mro__", None)
        if mro is not None:
            for c in mro:
                if c in self.registry:
                    return self.registry[c]
            return self.registry[object]
        # P4JIT's built-in types have no __mro__: the most derived match
        best = object
        for c in self.registry:
            if c is not object and issubclass(cls, c) and issubclass(c, best):
                best = c
        return self.registry[best]

    def register(self, cls, func=None):
        if func is None:
            if isinstance(cls, type):
                return lambda f: self.register(cls, f)
            ann = getattr(cls, "__annotations__", None)
            if not ann:
                raise TypeError("Invalid first argument to `register()`: %r. Use either `@register(some_class)` "
                                "or plain `@register` on an annotated function." % (cls,))
            func = cls
            cls = list(ann.values())[0]
        self.registry[cls] = func
        return func

    def __call__(self, *args, **kwargs):
        if not args:
            raise TypeError("%s requires at least 1 positional argument" % getattr(self, "__name__", "singledispatch function"))
        return self.dispatch(type(args[0]))(*args, **kwargs)


def singledispatch(func):
    return _SingleDispatch(func)
