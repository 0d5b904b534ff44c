def check(n):
    assert n >= 0, "n must be non-negative"
    return n
check(3)
check(-1)
