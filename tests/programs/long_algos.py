# Programs that need ints beyond 32 bits: checksums and hashes with 32- and
# 64-bit masks, big factorials and powers, modular arithmetic, timestamps.

def crc32(data):
    crc = 0xFFFFFFFF
    for b in data:
        crc ^= b
        for _ in range(8):
            if crc & 1:
                crc = (crc >> 1) ^ 0xEDB88320
            else:
                crc >>= 1
    return crc ^ 0xFFFFFFFF

def crc32_table():
    table = []
    for n in range(256):
        c = n
        for _ in range(8):
            c = (c >> 1) ^ 0xEDB88320 if c & 1 else c >> 1
        table.append(c)
    return table

def crc32_fast(data, table):
    crc = 0xFFFFFFFF
    for b in data:
        crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return ~crc & 0xFFFFFFFF

FNV64_OFFSET = 0xcbf29ce484222325
FNV64_PRIME = 0x100000001b3
MASK64 = (1 << 64) - 1

def fnv1a64(data):
    h = FNV64_OFFSET
    for b in data:
        h ^= b
        h = (h * FNV64_PRIME) & MASK64
    return h

def fnv1a32(data):
    h = 0x811c9dc5
    for b in data:
        h = ((h ^ b) * 16777619) & 0xFFFFFFFF
    return h

def xorshift64(state, n):
    out = []
    for _ in range(n):
        state ^= (state << 13) & MASK64
        state ^= state >> 7
        state ^= (state << 17) & MASK64
        out.append(state)
    return out

def factorial(n, one):
    r = one
    for i in range(2, n + 1):
        r *= i
    return r

def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x

def gcd(a, b):
    while b:
        a, b = b, a % b
    return a

tests = [b'', b'a', b'123456789', b'hello world', b'The quick brown fox jumps over the lazy dog', bytes(range(256))]
table = crc32_table()
print(table[:4], table[255], sum(table))
for t in tests:
    print(len(t), crc32(t), hex(crc32_fast(t, table)), fnv1a64(t), hex(fnv1a64(t)), fnv1a32(t))
print(xorshift64(88172645463325252, 5))

# module-level loops: results cross 2**31 in the interpreter (compiled code
# leaving for the interpreter on overflow is the JIT's deoptimisation, tested there)
f100 = 1
for i in range(2, 101):
    f100 *= i
fibs = [0, 1]
while len(fibs) <= 300:
    fibs.append(fibs[-1] + fibs[-2])
print(f100)
print(len(str(f100)), sum(int(c) for c in str(f100)), f100 % (10 ** 9 + 7), f100.bit_length())
digits = str(2 ** 1000)
print(len(digits), sum(int(c) for c in digits))
print(fibs[300], fibs[93], fibs[94], factorial(25, 2 ** 40) // 2 ** 40)
print(isqrt(10 ** 60), isqrt(2 * 10 ** 40), isqrt(2 ** 127 - 1))
print(gcd(f100 // 10 ** 50, fibs[120]), gcd(2 ** 64 - 1, 2 ** 96 - 1), gcd(12345678901234567890, 98765432109876543210))

# toy RSA with 64-bit primes
p, q = 18446744073709551557, 18446744073709551533
n, phi, e = p * q, (p - 1) * (q - 1), 65537
d = pow(e, -1, phi)
msg = int.from_bytes(b'P4JIT!', 'big')
c = pow(msg, e, n)
print(n, d, c, pow(c, d, n) == msg, pow(c, d, n).to_bytes(6, 'big'))

# a microsecond clock past 2**31 and 2**32: differences and wrap-around masks
t0 = 2147483000
ticks = [t0 + k * 1000003 for k in range(0, 5000, 700)]
print([t & 0xFFFFFFFF for t in ticks[-3:]], ticks[-1] - ticks[0], [(b - a) for a, b in zip(ticks, ticks[1:])][:3])
print((ticks[-1] * 1000) // 1000000007, divmod(ticks[-1] * 3600, 86400000000))
print(0x80000000, 0x80000000 | 0x1, 0xFFFFFFFF & ~0x80000000, (0x12345678 << 4) & 0xFFFFFFFF, -0x80000000 >> 3)

# compiled under -X jit=eager (32-bit ints): loops whose values cross 2**31
# and 2**32; the failing overflow check deoptimises and the interpreter goes
# on with the int beyond 32 bits (docs/jit.md, "Deoptimisation")
def factorial_of(n):
    f = 1
    for i in range(2, n + 1):
        f *= i
    return f

def fib_of(n):
    a = 0
    b = 1
    for _ in range(n):
        t = a + b
        a = b
        b = t
    return a

def lcg_sum(seed, n):
    s = 0
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        s += x
    return s

print(factorial_of(12), factorial_of(13), factorial_of(30), fib_of(46), fib_of(47), fib_of(100), lcg_sum(1, 1000))
