# p4: float-tolerance
# Loop-carried values in compiled code: several ints updated together with
# tuple swaps (Fibonacci, Euclid, Pell), float recurrences (logistic map,
# compound interest), an int and a float carried together, and values
# carried through both branches of an if.
def fib_iter(n):
    a, b = 0, 1
    for i in range(n):
        a, b = b, a + b
    return a


def pell(n):
    x, y = 1, 0
    for i in range(n):
        x, y = x + 2 * y, x + y
    return x * 1000 + y if x < 1000000 else x % 1000003


def rotate3(n):
    a, b, c = 1, 2, 3
    for i in range(n):
        a, b, c = b, c, a + i
    return a * 10000 + b * 100 + c


def logistic(r, x, n):
    for i in range(n):
        x = r * x * (1.0 - x)
    return x


def interest(p, rate, years):
    for y in range(years):
        p = p * (1.0 + rate)
    return p


def int_and_float(n):
    k = 0
    x = 1.0
    for i in range(n):
        if x > 10.0:
            x = x / 4.0
            k += 1
        else:
            x = x * 3.0
    return k * 100 + int(x)


def branches(n):
    s = 0
    t = 1
    for i in range(n):
        if i % 3 == 0:
            s += t
        elif i % 3 == 1:
            t = t * 2 % 1009
        else:
            s, t = t, s % 97
    return s * 1000 + t


print([fib_iter(n) for n in (0, 1, 2, 10, 30, 45)])
print(pell(0), pell(5), pell(20))
print(rotate3(0), rotate3(1), rotate3(10))
print(round(logistic(2.5, 0.5, 100), 4), round(logistic(3.2, 0.3, 200), 3), logistic(1.0, 0.0, 10))
print(round(interest(1000.0, 0.05, 10), 2), interest(1.0, 0.0, 5), round(interest(100.0, 0.5, 4), 3))
print(int_and_float(0), int_and_float(7), int_and_float(50))
print(branches(0), branches(10), branches(1000))
