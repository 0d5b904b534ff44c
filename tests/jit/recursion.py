# Recursion in compiled code: Fibonacci, Ackermann (small), a recursive
# power and GCD, binomial coefficients, Tower of Hanoi move counting, a
# recursive sum over an array slice by indices, and RecursionError from
# unbounded recursion caught in the interpreted caller.
from array import array


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


def rpow(b, e):
    if e == 0:
        return 1
    h = rpow(b, e // 2)
    if e % 2:
        return h * h * b
    return h * h


def rgcd(a, b):
    if b == 0:
        return a
    return rgcd(b, a % b)


def binom(n, k):
    if k == 0 or k == n:
        return 1
    return binom(n - 1, k - 1) + binom(n - 1, k)


def hanoi(n):
    if n == 0:
        return 0
    return 2 * hanoi(n - 1) + 1


def rsum(arr, lo, hi):
    if hi - lo == 1:
        return arr[lo]
    if hi <= lo:
        return 0
    mid = (lo + hi) // 2
    return rsum(arr, lo, mid) + rsum(arr, mid, hi)


def forever(n):
    return forever(n + 1) + 1


def fsum(x, n):
    if n == 0:
        return 0.0
    return x + fsum(x * 0.5, n - 1)


print([fib(n) for n in range(15)], fib(22))
print(ack(0, 0), ack(1, 5), ack(2, 3), ack(3, 3))
print(rpow(2, 30), rpow(3, 19), rpow(-2, 31), rpow(7, 0))
print(rgcd(1071, 462), rgcd(17, 5), rgcd(0, 9), rgcd(2147483647, 2147483646))
print([binom(10, k) for k in range(11)])
print([hanoi(n) for n in (0, 1, 2, 10, 30)])
a = array("i", list(range(1, 101)))
print(rsum(a, 0, 100), rsum(a, 10, 11), rsum(a, 5, 5))
print(round(fsum(1.0, 10), 4), fsum(3.0, 0))
try:
    forever(0)
except RecursionError:
    print("RecursionError")
print(fib(10))
