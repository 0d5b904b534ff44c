# for over range() in compiled code with 1, 2 and 3 arguments: positive and
# negative steps, steps that overshoot the end, empty ranges (start == stop,
# start past stop, wrong-sign step), bounds near the 32-bit limits, and the
# loop variable's value after the loop (last value, or unchanged if empty).
def r1(n):
    s = 0
    for i in range(n):
        s += i
    return s


def r2(a, b):
    s = 0
    c = 0
    for i in range(a, b):
        s += i
        c += 1
    return s * 1000 + c


def r3(a, b, step):
    s = 0
    c = 0
    for i in range(a, b, step):
        s = s * 3 + i & 0xFFFFF
        c += 1
    return s * 1000 + c


def last(a, b, step):
    i = -999
    for i in range(a, b, step):
        pass
    return i


def const_steps(n):
    s = 0
    for i in range(0, n, 4):
        s += i
    for i in range(n, 0, -3):
        s -= i
    for i in range(n - 1, -1, -1):
        s += i * 2
    return s


def near_limits(k):
    c = 0
    for i in range(2147483647 - k, 2147483647):
        c += 1
    for i in range(-2147483648, -2147483648 + k):
        c += 1
    for i in range(2147483646, 2147483647 - k * 1000, -1000):
        c += 1
    return c


print([r1(n) for n in (-5, 0, 1, 2, 10, 1000)])
print([r2(a, b) for a, b in ((0, 0), (5, 3), (-3, 3), (-10, -5), (7, 8), (-1, 0))])
for a, b, step in ((0, 10, 3), (0, 10, 10), (0, 10, 11), (10, 0, -3), (10, 0, -10), (0, 10, -1), (10, 0, 1), (-5, 5, 2), (5, -5, -2), (3, 3, -1), (-20, 20, 7)):
    print(a, b, step, r3(a, b, step), last(a, b, step))
print(const_steps(0), const_steps(1), const_steps(25))
print(near_limits(0), near_limits(1), near_limits(5))
