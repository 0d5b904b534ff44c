# Bound checks the JIT merges (cse.c): the same index checked twice, and a
# constant index below one already checked on the same list (p[6] before
# p[3]). Lists of every length around those indices: the IndexError must
# come from the same access as in CPython, after the same stores.


def touch(p, q, x):
    a = p[0] + q[1]
    b = p[6] * x  # checks 6: p[3], p[4], p[5] below need none
    p[3] -= a * b
    p[4] += b
    p[5] = p[5] * 0.5 + p[3]
    q[2] = p[0] + q[2]
    q[2] += 1.0  # the same index again
    return a + b + p[3] + p[4] + p[5] + q[2]


def run(n):
    p = [float(i) + 0.25 for i in range(n)]
    q = [float(i) * 2.0 for i in range(3)]
    try:
        r = touch(p, q, 1.5)
        print(n, "ok", r, p, q)
    except IndexError as e:
        print(n, "IndexError", e, p, q)


for n in range(9):
    run(n)
