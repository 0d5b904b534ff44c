# Ints of any size: every operator on operands at the 32-bit and 64-bit
# edges, mixing small ints, ints beyond 32 bits, bools and floats.
EDGES = [0, 1, -1, 2, -3, 7, 255, 65535, 2147483647, -2147483648, 2147483648, -2147483649,
         4294967295, 4294967296, -4294967296, 9223372036854775807, -9223372036854775808,
         9223372036854775808, 18446744073709551615, 18446744073709551616, -18446744073709551617,
         123456789012345678901234567890123456789, -98765432109876543210987654321]

def ev(op, a, b):
    # op is a str: compiled code takes no str, so this always runs interpreted
    if op == '<<': return a << b
    if op == '>>': return a >> b
    if op == '//': return a // b
    if op == '%': return a % b
    if op == '/': return a / b
    if op == '**': return a ** b
    if op == 'pow': return pow(a, b[0], b[1])
    if op == 'divmod': return divmod(a, b)
    if op == 'float': return float(a)
    if op == 'int': return int(a)
    return None

def show(label, op, a, b):
    try:
        print(label, ev(op, a, b))
    except (ZeroDivisionError, ValueError, OverflowError) as e:
        print(label, type(e).__name__, e)

for a in EDGES:
    for b in EDGES:
        # one line per pair keeps the output short and every result checked
        r = [a + b, a - b, a * b, a < b, a <= b, a == b, a != b, a > b, a >= b, a & b, a | b, a ^ b]
        if b != 0:
            r += [a // b, a % b, divmod(a, b)]
        print(a, b, r)

for a in EDGES:
    print(a, -a, +a, ~a, abs(a), bool(a))
    for k in [0, 1, 15, 16, 31, 32, 33, 63, 64, 65, 100]:
        print(' ', k, a << k, a >> k, a & ((1 << k) - 1), a & -(1 << k), a ** (k % 7))

show('neg lshift', '<<', 1, -1)
show('neg rshift', '>>', 2 ** 70, -1)
show('long neg shift', '<<', 2 ** 70, -(2 ** 70))
show('div0', '//', 2 ** 70, 0)
show('mod0', '%', 2 ** 70, 0)
show('truediv0', '/', 2 ** 70, 0)
show('divmod0', 'divmod', -(2 ** 70), 0)
for a, b in [(1, 31), (1, 32), (-1, 31), (-1, 32), (3, 62), (0, 2 ** 70), (5, 2 ** 70)]:
    show('shift', '<<' if a != 5 else '>>', a, b)
print('INT_MIN', -2147483648 // -1, -2147483648 % -1, -(-2147483648), abs(-2147483648), divmod(-2147483648, -1))
print('pow', 2 ** 31, 2 ** 32, 3 ** 40, (-3) ** 41, 10 ** 30, (-2) ** 63, 7 ** 0, 0 ** 0, (-1) ** (2 ** 70 + 1))
print('pow neg', 2 ** -2, (2 ** 40) ** -1 == 2.0 ** -40, (-2 ** 40) ** -1 < 0)
for args in [(2, 100, 1000000007), (3, 2 ** 70, 2 ** 61 - 1), (-5, 3, 7), (5, 3, -7), (2 ** 70, 2 ** 65 + 3, 10 ** 20 + 39),
             (7, -1, 2 ** 64 + 1), (123456789, -3, 10 ** 9 + 7), (2, 0, 1), (2, -1, 2 ** 64), (2, 5, 0),
             (-(2 ** 65), 3, -(10 ** 15)), (0, 0, 2 ** 40)]:
    show('pow mod', 'pow', args[0], (args[1], args[2]))
for a, b in [(2 ** 64, 2 ** 62), (10 ** 20, 10 ** 18), (-(2 ** 80), 2 ** 78), (3, 2), (2 ** 100, 2 ** 99), (1, 2 ** 70)]:
    print('truediv', a / b == float(a) / float(b), a / b > 0)
show('truediv huge', '/', 10 ** 400, 3)
show('float huge', 'float', 10 ** 400, 0)
print('int(float)', int(2.0 ** 40), int(-2.0 ** 63), int(3.0e9) > 0, int(2.0 ** 100) == 2 ** 100, int(-1.5e19) < -10 ** 19)
show('int(inf)', 'int', float('inf'), 0)
show('int(nan)', 'int', float('nan'), 0)
print('mixed float', 2 ** 40 * 2.0 == 2.0 ** 41, 2 ** 20 - 1.0 == 2 ** 20 - 1, 2 ** 31 + 1 > 2.0 ** 31, 2 ** 63 == 2.0 ** 63,
      2 ** 63 + 1 == 2.0 ** 63, 2 ** 63 + 1 > 2.0 ** 63, 2 ** 63 - 1 < 2.0 ** 63, -2 ** 70 < -1e21, 2 ** 200 > float('inf'),
      2 ** 200 < float('-inf'), 2 ** 200 == float('nan'), 2 ** 200 != float('nan'), 2.0 ** 64 <= 2 ** 64, 0.5 < 2 ** 40)
print('bools', True + 2 ** 40, 2 ** 40 * False, (2 ** 40 + 1) & True, True << 40, -True - 2 ** 40)
print('max/min/sorted', max(EDGES), min(EDGES), sorted(EDGES)[:5], sum(EDGES))
seq = [1, 2]


# hashing: equal values hash alike, small or not, int or float; CPython's values
for v in [0, 1, -1, -2, 2 ** 31, 2 ** 32, 2 ** 61 - 2, 2 ** 61 - 1, 2 ** 61, 2 ** 62, -2 ** 61, 2 ** 64,
          10 ** 30, -10 ** 30, 2 ** 100]:
    print(v, hash(v), hash(float(v)) == hash(v) if float(v) == v else None)
print(hash(0.5), hash(-1.5), hash(2.0 ** 80), hash(float('inf')))

# dict and set-like use: small and long keys, equal float keys
d = {}
for v in EDGES:
    d[v] = v % 1000
d[2 ** 40] = 'long'
d[5] = 'small'
print(d[2 ** 40], d[2.0 ** 40], d[5], d[10 // 2], len(d), 4294967296 in d, 4294967296.0 in d, 2 ** 200 in d)
k = 2 ** 33
k = k - 2 ** 33 + 5
print(k, type(k), d[k], k == 5, k is not None)
print(list(d.items())[:6])
