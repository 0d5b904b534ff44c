# Number-theory kernels in compiled code: GCD and LCM, extended Euclid,
# primality by trial division, a sieve into a bytearray, counting primes,
# Collatz record lengths, modular exponentiation (products kept small), and
# digit reversal and palindromes.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def lcm(a, b):
    return a // gcd(a, b) * b


def egcd_x(a, b):
    x0, x1 = 1, 0
    while b:
        q = a // b
        a, b = b, a - q * b
        x0, x1 = x1, x0 - q * x1
    return x0


def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d <= n // d:
        if n % d == 0:
            return False
        d += 2
    return True


def sieve_count(flags):
    n = len(flags)
    for i in range(n):
        flags[i] = 1
    flags[0] = 0
    flags[1] = 0
    for i in range(2, n):
        if flags[i] != 0 and i * i < n:
            for m in range(i * i, n, i):
                flags[m] = 0
    c = 0
    for f in flags:
        c += f
    return c


def collatz_record(limit):
    best = 0
    arg = 0
    for s in range(1, limit):
        n = s
        steps = 0
        while n != 1:
            n = n // 2 if n % 2 == 0 else 3 * n + 1
            steps += 1
        if steps > best:
            best = steps
            arg = s
    return arg * 1000 + best


def modpow(b, e, m):
    r = 1
    b %= m
    while e > 0:
        if e & 1:
            r = r * b % m
        b = b * b % m
        e >>= 1
    return r


def reverse_digits(n):
    r = 0
    while n > 0:
        r = r * 10 + n % 10
        n //= 10
    return r


def palindromes(lo, hi):
    c = 0
    for n in range(lo, hi):
        if reverse_digits(n) == n:
            c += 1
    return c


print(gcd(48, 18), gcd(0, 5), gcd(17, 0), gcd(2147483647, 1), lcm(4, 6), lcm(21, 6))
print(egcd_x(240, 46), egcd_x(17, 5), egcd_x(1, 1))
print([n for n in range(60) if is_prime(n)], is_prime(2147483647), is_prime(1000003 * 1))
print(sieve_count(bytearray(100)), sieve_count(bytearray(10000)))
print(collatz_record(1000))
print(modpow(2, 30, 46337), modpow(3, 1000, 46337), modpow(7, 0, 13), modpow(10, 9, 7))
print(reverse_digits(12345), reverse_digits(1000), palindromes(1, 10000))
