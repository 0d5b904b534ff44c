SCALE = 3


def scale(a, n):
    for i in range(n):
        a[i] = a[i] * SCALE % 1000


def extra(n):
    t = 0
    for i in range(n):
        t += EXTRA
    return t
