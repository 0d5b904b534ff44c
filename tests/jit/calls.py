# Direct calls between compiled functions, recursion, defaults, results of
# every type, a function that only returns None.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


def hyp(a, b=4.0):
    return (a * a + b * b) ** 0.5 if False else a * a + b * b


def is_even(n):
    return n % 2 == 0


def count_even(n):
    c = 0
    for i in range(n):
        if is_even(i):
            c += 1
    return c


def nothing(n):
    s = 0
    for i in range(n):
        s += i


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def sum_gcd(n):
    s = 0
    for i in range(1, n):
        for j in range(1, n):
            s += gcd(i, j)
    return s


print(fib(20), fact(12), hyp(3.0), hyp(1.0, 2.0), count_even(101), nothing(10))
print(sum_gcd(40))
