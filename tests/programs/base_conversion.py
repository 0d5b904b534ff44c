# Converting integers between bases.
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
def to_base(n, b):
    if n == 0:
        return "0"
    neg = n < 0
    n = -n if neg else n
    out = []
    while n:
        out.append(DIGITS[n % b])
        n //= b
    return ("-" if neg else "") + "".join(reversed(out))
for n in [0, 5, 255, -255, 1000, 2147483647]:
    print(n, [to_base(n, b) for b in (2, 8, 16, 36)])
print([int(to_base(n, 7), 7) == n for n in [0, 1, 48, 343, 12345]])
print(int("zz", 36), int("-101", 2), int("7fffffff", 16), "{:b} {:o} {:x}".format(10, 10, 10))
