# bytearray(n) in compiled code: a zeroed array the function fills and
# reads; a negative size raises ValueError from the allocating line; an
# allocation inside a loop keeps the function interpreted (still correct).


def sieve(n):
    composite = bytearray(n + 1)
    composite[0] = composite[1] = 1
    i = 2
    while i * i <= n:
        if not composite[i]:
            for m in range(i * i, n + 1, i):
                composite[m] = 1
        i += 1
    count = 0
    for i in range(n + 1):
        if not composite[i]:
            count += 1
    return count


def two(n):
    a = bytearray(n)
    b = bytearray(2 * n)
    for i in range(n):
        a[i] = i & 255
        b[2 * i] = a[i]
    s = 0
    for i in range(2 * n):
        s += b[i]
    return s + len(a) + len(b)


def negative(n):
    t = 0
    a = bytearray(n)
    return len(a) + t


def in_loop(n):
    s = 0
    for i in range(n):
        a = bytearray(i + 1)
        a[i] = i & 255
        s += a[i] + len(a)
    return s


def make(n):
    a = bytearray(n)
    a[n - 1] = 7
    return a[n - 1] + len(a)


def caller(n):
    # calls an allocating function: stays interpreted (compiled code
    # allocates only when the interpreter called it), results the same
    s = 0
    for i in range(n):
        s += make(1000 + i)
    return s


def deep(n):
    if n <= 0:
        return 0
    a = bytearray(100)
    return deep(n - 1) + len(a)


for n in (1, 2, 10, 1000, 30000):
    print("sieve", n, sieve(n))
try:
    sieve(0)
except IndexError as e:
    print("IndexError", e)
print("two", two(100), two(0))
try:
    print(negative(-5))
except ValueError as e:
    print("ValueError", e)
print("in_loop", in_loop(50))
print("caller", caller(20))
print("deep", deep(50))
