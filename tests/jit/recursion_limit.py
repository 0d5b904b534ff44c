# Where RecursionError starts, exactly: compiled code counts its recursion
# budget itself (docs/jit.md) and must raise at the same depth as the
# interpreter. The limit is P4JIT's own (CPython's differs), so the expected
# output is the interpreter's, in recursion_limit.expected.
# p4: deviation


def down(n):  # one call per frame, no early return
    return 0 if n == 0 else 1 + down(n - 1)


def leaf_first(n):  # an early return before the frame, then two calls
    if n < 1:
        return n
    return leaf_first(n - 1) + leaf_first(0)


def helper(n):  # a compiled callee that makes no calls
    return n + 1


def via_helper(n):  # the helper called at the deepest frame
    if n == 0:
        return helper(n)
    return via_helper(n - 1)


def deepest(f):
    """The largest n for which f(n) returns, searched upwards."""
    n = 0
    step = 256
    while step > 0:
        try:
            f(n + step)
            n += step
        except RecursionError:
            step //= 2
    return n


if __name__ == "__main__":  # deopt/retired_depth.py imports deepest
    for f in (down, leaf_first, via_helper):
        print(f.__name__, deepest(f))
