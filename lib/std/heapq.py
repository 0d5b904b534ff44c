"""heapq for P4JIT: a binary min-heap kept in a list, with CPython's
functions and heap layout (the same list after each operation).

Frozen into the runtime (scripts/freeze_lib.py -> src/vm/frozen_lib.c).
"""

__all__ = ["heappush", "heappop", "heapify", "heapreplace", "heappushpop", "nlargest", "nsmallest", "merge"]


def _sift_down(heap, start, pos):
    """Moves heap[pos] up towards start until its parent is not larger."""
    item = heap[pos]
    while pos > start:
        parent = (pos - 1) >> 1
        if item < heap[parent]:
            heap[pos] = heap[parent]
            pos = parent
        else:
            break
    heap[pos] = item


def _sift_up(heap, pos):
    """Fills the hole at pos with the smaller child, down to a leaf, then
    puts the item back and lets it rise (CPython's order of comparisons)."""
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _sift_down(heap, start, pos)


def _check(heap, fname):
    if not isinstance(heap, list):
        raise TypeError("%s() argument 1 must be list, not %s" % (fname, type(heap).__name__))


def heappush(heap, item):
    _check(heap, "heappush")
    heap.append(item)
    _sift_down(heap, 0, len(heap) - 1)


def heappop(heap):
    _check(heap, "heappop")
    if not heap:
        raise IndexError("index out of range")
    last = heap.pop()
    if heap:
        item = heap[0]
        heap[0] = last
        _sift_up(heap, 0)
        return item
    return last


def heapreplace(heap, item):
    _check(heap, "heapreplace")
    if not heap:
        raise IndexError("index out of range")
    top = heap[0]
    heap[0] = item
    _sift_up(heap, 0)
    return top


def heappushpop(heap, item):
    _check(heap, "heappushpop")
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _sift_up(heap, 0)
    return item


def heapify(x):
    _check(x, "heapify")
    for i in reversed(range(len(x) // 2)):
        _sift_up(x, i)


def nsmallest(n, iterable, key=None):
    items = list(iterable)
    if key is None:
        return sorted(items)[:n] if n > 0 else []
    return sorted(items, key=key)[:n] if n > 0 else []


def nlargest(n, iterable, key=None):
    items = list(iterable)
    if n <= 0:
        return []
    if key is None:
        return sorted(items, reverse=True)[:n]
    return sorted(items, key=key, reverse=True)[:n]


def merge(*iterables, key=None, reverse=False):
    items = []
    for it in iterables:
        items.extend(it)
    return iter(sorted(items, key=key, reverse=reverse))
