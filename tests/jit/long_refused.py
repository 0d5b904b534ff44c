# Compiled code has 32-bit ints: a function with an int constant beyond 32
# bits, an argument beyond 32 bits or such a global is refused (interpreted,
# with the reason in --jit-report: the tests jit/report-long-*), and computes
# the exact result.
BIG = 2 ** 40

def masked_sum(n):
    total = 0
    for i in range(n):
        total += (i * 2654435761) & 0xFFFFFFFF
    return total

def add_one(x):
    return x + 1

def inc(x):
    return x + 1

def scaled(n):
    return n * BIG

def small(n):
    s = 0
    for i in range(n):
        s += i
    return s

print(masked_sum(1000), add_one(2 ** 40), add_one(-(2 ** 63)), scaled(3), small(100))
print(inc(5), inc(2 ** 31 + 5), inc(5))  # compiled for a small argument, interpreted for a long one
