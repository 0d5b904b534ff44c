# Digit manipulation: sums, reversal, Armstrong numbers, Luhn check.
def digit_sum(n):
    s = 0
    while n:
        s += n % 10
        n //= 10
    return s
def reverse_int(n):
    r = 0
    while n > 0:
        r = r * 10 + n % 10
        n //= 10
    return r
print([digit_sum(n) for n in [0, 9, 123, 99999, 2147483647]])
print([reverse_int(n) for n in [1, 120, 12345, 1000000]])
arm = [n for n in range(1, 1000) if sum(int(d) ** len(str(n)) for d in str(n)) == n]
print(arm)
def luhn(number):
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0
print([luhn(s) for s in ["79927398713", "79927398710", "4539578763621486", "1234"]])
