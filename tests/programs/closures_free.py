# Nested functions that use only their own names and globals (no closures).
SCALE = 3
def helper(v):
    return v * SCALE
def outer(xs):
    def twice(v):
        return helper(helper(v))
    return [twice(x) for x in xs]
print(outer([1, 2, 3]))
def make_table(n):
    def row(i, n):
        return [i * j for j in range(1, n + 1)]
    return [row(i, n) for i in range(1, n + 1)]
print(make_table(3))
