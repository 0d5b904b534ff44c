# Floor division and modulo in compiled code: all sign combinations, divisors
# that are constants (powers of two and others, which the JIT may strength
# reduce), variable divisors, the identity a == (a // b) * b + a % b, and
# division by zero caught in the interpreted caller.
def fdiv(a, b):
    return a // b


def fmod(a, b):
    return a % b


def by_const(a, which):
    if which == 0:
        return a // 2
    elif which == 1:
        return a // 8
    elif which == 2:
        return a // 7
    elif which == 3:
        return a // -4
    elif which == 4:
        return a % 2
    elif which == 5:
        return a % 16
    elif which == 6:
        return a % 10
    return a % -3


def identity(a, b):
    return (a // b) * b + a % b == a


def digits(n):
    s = 0
    n = abs(n)
    while n > 0:
        s += n % 10
        n //= 10
    return s


def safe(a, b):
    try:
        return fdiv(a, b)
    except ZeroDivisionError as e:
        return str(e)


def safe_mod(a, b):
    try:
        return fmod(a, b)
    except ZeroDivisionError as e:
        return str(e)


vals = [0, 1, -1, 2, -2, 3, -3, 7, -7, 10, -10, 100, -100, 2147483647, -2147483647]
for a in vals:
    print(a, [fdiv(a, b) for b in vals if b != 0])
    print(a, [fmod(a, b) for b in vals if b != 0])
    print(a, [by_const(a, w) for w in range(8)])
ok = 0
for a in vals[:13]:
    for b in vals[:13]:
        if b != 0 and identity(a, b):
            ok += 1
print("identity", ok)
print(digits(0), digits(9), digits(-12345), digits(2147483647))
print(safe(5, 0), safe(0, 0), safe(-5, 0), safe(5, 2))
print(safe_mod(5, 0), safe_mod(-1, 0), safe_mod(7, -2))
print(fdiv(-2147483648, 2), fmod(-2147483648, 3), fdiv(-2147483648, -2))
