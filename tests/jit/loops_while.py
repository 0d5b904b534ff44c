# while loops in compiled code: counted and condition-driven loops, while
# True with break, continue that skips the update, nested while loops,
# while ... else, early return out of a loop, and loops that run zero times.
def isqrt(n):
    x = 0
    while (x + 1) * (x + 1) <= n:
        x += 1
    return x


def collatz_len(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n //= 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


def first_multiple(n, k):
    i = n
    while True:
        if i % k == 0:
            break
        i += 1
    return i


def odd_sum(n):
    s = 0
    i = 0
    while i < n:
        i += 1
        if i % 2 == 0:
            continue
        s += i
    return s


def search(n, target):
    i = 0
    while i < n:
        j = 0
        while j < n:
            if i * n + j == target:
                return i * 100 + j
            j += 1
        i += 1
    return -1


def with_else(n, bad):
    i = 0
    while i < n:
        if i == bad:
            break
        i += 1
    else:
        return -i
    return i


def zero_times(n):
    s = 7
    while n < 0:
        s += 1
    return s


def log2_floor(n):
    k = -1
    while n > 0:
        n >>= 1
        k += 1
    return k


print([isqrt(n) for n in (0, 1, 2, 3, 4, 15, 16, 17, 99, 100, 10000)])
print([collatz_len(n) for n in (1, 2, 3, 7, 27, 97, 871)])
print(first_multiple(10, 7), first_multiple(14, 7), first_multiple(1, 1))
print(odd_sum(0), odd_sum(1), odd_sum(10), odd_sum(999))
print(search(10, 57), search(10, 100), search(0, 0))
print(with_else(5, 3), with_else(5, 9), with_else(0, 0))
print(zero_times(5), [log2_floor(n) for n in (0, 1, 2, 3, 1024, 2147483647)])
