# Sieve of Eratosthenes up to 200000, run 3 times.
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


for _ in range(3):
    r = sieve(200000)
print("primes", r)
