"""itertools for P4JIT: CPython 3.11's iterator building blocks as
generators. Each public function checks its arguments and calls iter() on
its inputs when it is called, as CPython does (so `islice(1, 2)` raises
there, not at the first next()), then hands the work to a generator.

Frozen into the runtime (scripts/freeze_lib.py -> src/vm/frozen_lib.c).
The objects are generators: they print as such, not as `count(0)`.
"""

__all__ = ["count", "cycle", "repeat", "accumulate", "chain", "compress", "dropwhile", "filterfalse",
           "groupby", "islice", "pairwise", "starmap", "takewhile", "tee", "zip_longest", "product",
           "permutations", "combinations", "combinations_with_replacement"]


def _is_number(x):
    return isinstance(x, (int, float, complex))


def _count(n, step):
    while True:
        yield n
        n += step


def count(start=0, step=1):
    if not _is_number(start) or not _is_number(step):
        raise TypeError("a number is required")
    return _count(start, step)


def _cycle(it):
    saved = []
    for x in it:
        yield x
        saved.append(x)
    if not saved:
        return
    while True:
        for x in saved:
            yield x


def cycle(iterable):
    return _cycle(iter(iterable))


def _repeat_forever(obj):
    while True:
        yield obj


def _repeat_times(obj, times):
    for _ in range(times):
        yield obj


def repeat(object, times=None):
    if times is None:
        return _repeat_forever(object)
    if not isinstance(times, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(times).__name__)
    return _repeat_times(object, times)


def _add(a, b):
    return a + b


def _accumulate(it, func, initial):
    if initial is not None:
        total = initial
        yield total
    else:
        for total in it:
            yield total
            break
        else:
            return
    for x in it:
        total = func(total, x)
        yield total


def accumulate(iterable, func=None, *, initial=None):
    return _accumulate(iter(iterable), _add if func is None else func, initial)


def _chain(iterables):
    for it in iterables:
        yield from it


class chain:
    """chain(*iterables): a class only so that chain.from_iterable exists;
    calling it returns a generator."""

    def __new__(cls, *iterables):
        return _chain(iterables)

    @staticmethod
    def from_iterable(iterable):
        return _chain(iter(iterable))


def _compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


def compress(data, selectors):
    return _compress(iter(data), iter(selectors))


def _dropwhile(predicate, it):
    for x in it:
        if not predicate(x):
            yield x
            break
    yield from it


def dropwhile(predicate, iterable):
    return _dropwhile(predicate, iter(iterable))


def _takewhile(predicate, it):
    for x in it:
        if not predicate(x):
            return
        yield x


def takewhile(predicate, iterable):
    return _takewhile(predicate, iter(iterable))


def _filterfalse(predicate, it):
    if predicate is None:
        predicate = bool
    for x in it:
        if not predicate(x):
            yield x


def filterfalse(predicate, iterable):
    return _filterfalse(predicate, iter(iterable))


class _GroupbyState:
    """Shared by groupby's outer generator and its groups: only the newest
    group may advance the underlying iterator; advancing the outer one
    ends the older groups, as in CPython."""

    def __init__(self, it, keyfunc):
        self.it = it
        self.keyfunc = keyfunc
        self.have = False
        self.key = self.value = None
        self.generation = 0

    def step(self):
        v = next(self.it, _GroupbyState)
        if v is _GroupbyState:
            return False
        self.value = v
        self.key = v if self.keyfunc is None else self.keyfunc(v)
        self.have = True
        return True


def _group(state, key, generation):
    while state.generation == generation:
        if not state.have and not state.step():
            return
        if state.key != key:
            return
        state.have = False
        yield state.value


def _groupby(state):
    started = False
    key = None
    while True:
        state.generation += 1       # the previous group ends here
        while not state.have or (started and state.key == key):
            if not state.step():
                return
        started = True
        key = state.key
        state.generation += 1
        yield key, _group(state, key, state.generation)


def groupby(iterable, key=None):
    return _groupby(_GroupbyState(iter(iterable), key))


def _islice_arg(x, message):
    if x is None:
        return None
    if isinstance(x, int) and x >= 0:
        return x
    if not isinstance(x, int) and hasattr(x, "__index__"):
        x = x.__index__()
        if x >= 0:
            return x
    raise ValueError(message)


def _islice(it, start, stop, step):
    # CPython's order: skip to the next wanted index, then check stop, so
    # exactly the skipped and yielded items are taken from the iterator
    end = _islice
    if step == 1:
        # the common case in fewer steps a item (same items consumed)
        for _ in range(start):
            if next(it, end) is end:
                return
        if stop is None:
            yield from it
            return
        n = stop - start
        if n <= 0:
            return
        for x in it:
            yield x
            n -= 1
            if not n:
                return
        return
    cnt = 0
    nxt = start
    while True:
        while cnt < nxt:
            if next(it, end) is end:
                return
            cnt += 1
        if stop is not None and cnt >= stop:
            return
        item = next(it, end)
        if item is end:
            return
        cnt += 1
        nxt += step
        if stop is not None and nxt > stop:
            nxt = stop
        yield item


def islice(iterable, *args):
    if not args:
        raise TypeError("islice expected at least 2 arguments, got 1")
    if len(args) > 3:
        raise TypeError("islice expected at most 4 arguments, got %d" % (len(args) + 1))
    it = iter(iterable)
    if len(args) == 1:
        start, stop, step = 0, args[0], 1
        stop = _islice_arg(stop, "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
    else:
        start, stop = args[0], args[1]
        step = args[2] if len(args) == 3 else 1
        start = _islice_arg(start, "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
        stop = _islice_arg(stop, "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
        if start is None:
            start = 0
        if step is None:
            step = 1
        elif not isinstance(step, int) or step <= 0:
            raise ValueError("Step for islice() must be a positive integer or None.")
    return _islice(it, start, stop, step)


def _pairwise(it):
    for a in it:
        break
    else:
        return
    for b in it:
        yield a, b
        a = b


def pairwise(iterable):
    return _pairwise(iter(iterable))


def _starmap(function, it):
    for args in it:
        yield function(*args)


def starmap(function, iterable):
    return _starmap(function, iter(iterable))


def _tee_branch(it, buffers, mine):
    while True:
        if not mine:
            try:
                v = next(it)
            except StopIteration:
                return
            for b in buffers:
                b.append(v)
        yield mine.pop(0)


def tee(iterable, n=2):
    if not isinstance(n, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(n).__name__)
    if n < 0:
        raise ValueError("n must be >= 0")
    it = iter(iterable)
    buffers = [[] for _ in range(n)]
    return tuple(_tee_branch(it, buffers, b) for b in buffers)


def _zip_longest(its, fillvalue):
    active = len(its)
    if not active:
        return
    while True:
        row = []
        for i in range(len(its)):
            it = its[i]
            if it is None:
                row.append(fillvalue)
                continue
            try:
                row.append(next(it))
            except StopIteration:
                active -= 1
                if not active:
                    return
                its[i] = None
                row.append(fillvalue)
        yield tuple(row)


def zip_longest(*iterables, fillvalue=None):
    return _zip_longest([iter(x) for x in iterables], fillvalue)


def _product(pools):
    if any(not p for p in pools):
        return
    n = len(pools)
    idx = [0] * n
    cur = [p[0] for p in pools]        # the current tuple's items, changed in place
    yield tuple(cur)
    while True:
        i = n - 1
        while i >= 0:
            j = idx[i] + 1
            pool = pools[i]
            if j < len(pool):
                idx[i] = j
                cur[i] = pool[j]
                break
            idx[i] = 0
            cur[i] = pool[0]
            i -= 1
        if i < 0:
            return
        yield tuple(cur)


def product(*iterables, repeat=1):
    if not isinstance(repeat, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(repeat).__name__)
    if repeat < 0:
        raise ValueError("repeat argument cannot be negative")
    pools = [tuple(x) for x in iterables] * repeat
    return _product(pools)


def _check_r(r):
    if not isinstance(r, int):
        raise TypeError("Expected int as r")
    if r < 0:
        raise ValueError("r must be non-negative")


def _permutations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple([pool[i] for i in indices[:r]])
    while n:
        i = r - 1
        while i >= 0:
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple([pool[k] for k in indices[:r]])
                break
            i -= 1
        if i < 0:
            return


def permutations(iterable, r=None):
    pool = tuple(iterable)
    if r is None:
        r = len(pool)
    _check_r(r)
    return _permutations(pool, r)


def _combinations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple([pool[i] for i in indices])
    while True:
        i = r - 1
        while i >= 0 and indices[i] == i + n - r:
            i -= 1
        if i < 0:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple([pool[k] for k in indices])


def combinations(iterable, r):
    pool = tuple(iterable)
    _check_r(r)
    return _combinations(pool, r)


def _combinations_wr(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple([pool[i] for i in indices])
    while True:
        i = r - 1
        while i >= 0 and indices[i] == n - 1:
            i -= 1
        if i < 0:
            return
        v = indices[i] + 1
        for j in range(i, r):
            indices[j] = v
        yield tuple([pool[k] for k in indices])


def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    _check_r(r)
    return _combinations_wr(pool, r)
