# Nested loops 2, 3 and 4 deep in compiled code: rectangular and triangular
# bounds depending on outer variables, break and continue at different
# levels, an early return from the innermost loop, and counting lattice
# points and partitions.
def grid(n, m):
    s = 0
    for i in range(n):
        for j in range(m):
            s += i * m + j
    return s


def cube(n):
    c = 0
    for i in range(n):
        for j in range(n):
            for k in range(n):
                if (i + j + k) % 3 == 0:
                    c += 1
    return c


def four(n):
    c = 0
    for a in range(n):
        for b in range(a, n):
            for d in range(b, n):
                for e in range(d, n):
                    c += a ^ b ^ d ^ e
    return c


def sum_to(target, n):
    # the number of (i, j, k) with i < j < k < n and i + j + k == target
    c = 0
    for i in range(n):
        for j in range(i, n):
            for k in range(j, n):
                if i < j < k and i + j + k == target:
                    c += 1
    return c


def staircase(n, t):
    # the inner loop breaks at a bound that depends on the outer variable
    c = 0
    for i in range(n):
        for j in range(n):
            if i + j >= t:
                break
            c += 1
    return c


def first_pair(n, target):
    for i in range(n):
        for j in range(n):
            if i * j == target:
                return i * 1000 + j
    return -1


def skip_diag(n):
    s = 0
    for i in range(n):
        for j in range(n):
            if i == j:
                continue
            s += i - j + 2 * i * j
    return s


def lattice(r):
    c = 0
    for x in range(-r, r + 1):
        for y in range(-r, r + 1):
            if x * x + y * y <= r * r:
                c += 1
    return c


print(grid(0, 5), grid(5, 0), grid(7, 9), grid(40, 40))
print(cube(1), cube(5), cube(12))
print(four(1), four(4), four(9))
print(sum_to(10, 10), sum_to(15, 20), sum_to(0, 5))
print(staircase(4, 4), staircase(10, 5), staircase(6, 0), staircase(5, 100))
print(first_pair(10, 12), first_pair(10, 97), first_pair(50, 0))
print(skip_diag(1), skip_diag(10))
print(lattice(0), lattice(1), lattice(10), lattice(30))
