# Direct calls between compiled functions: chains four deep, a compiled
# function called in a loop of another, arguments of every JIT type passed
# through (int, bool, float, arrays), results used in expressions and
# conditions, and a helper called with several specialisations.
from array import array


def sq(x):
    return x * x


def sum_sq(a, b):
    return sq(a) + sq(b)


def dist2(x1, y1, x2, y2):
    return sum_sq(x2 - x1, y2 - y1)


def closest(xs, ys, px, py):
    best = -1
    bestd = 2147483647
    for i in range(len(xs)):
        d = dist2(xs[i], ys[i], px, py)
        if d < bestd:
            bestd = d
            best = i
    return best * 100000 + bestd


def fsq(x):
    return x * x


def fnorm(a, b):
    return fsq(a) + fsq(b)


def pick(flag, a, b):
    if flag:
        return a
    return b


def select_sum(arr, flag):
    s = 0
    for i in range(len(arr)):
        s += pick(flag, arr[i], -arr[i])
    return s


def at(arr, i):
    return arr[i]


def sum_at(arr):
    s = 0
    for i in range(len(arr)):
        s += at(arr, i) * at(arr, -1 - i)
    return s


def depth4(n):
    return sum_sq(n, dist2(0, 0, n, 1)) % 1000


xs = array("h", [0, 10, -5, 7, 3])
ys = array("h", [0, -2, 8, 7, 3])
print(closest(xs, ys, 6, 6), closest(xs, ys, -5, 9), closest(xs, ys, 0, 0))
print(fnorm(3.0, 4.0), fnorm(0.5, -0.25), sq(-7), sq(46340))
print(select_sum(xs, True), select_sum(xs, False), pick(True, 1.5, 2.5))
print(sum_at(xs), sum_at(array("i", [1, 2, 3])), sum_at(bytearray(b"ab")))
print([depth4(n) for n in range(8)])
