# Ints of any size as text and bytes: str/repr/hex/oct/bin/format, int(str,
# base), bit_length, to_bytes/from_bytes.
VALUES = [0, 1, -1, 255, -256, 2147483647, -2147483648, 2147483648, -2147483649, 4294967295, 4294967296,
          2 ** 63 - 1, -2 ** 63, 2 ** 64, -(2 ** 64) - 1, 10 ** 18, 10 ** 19, 10 ** 40 + 1, -(7 ** 77),
          1234567890123456789012345678901234567890, 0xDEADBEEFCAFEBABE0123456789ABCDEF, 2 ** 200 - 1]

for v in VALUES:
    print(v, repr(v), str(v), hex(v), oct(v), bin(v) if abs(v) < 2 ** 70 else len(bin(v)), v.bit_length())

SPECS = ['', 'd', ',', '_', 'x', 'X', '#x', '#X', 'o', '#o', 'b', '#b', '_x', '_b', '+d', ' d', '>40', '<40',
         '^40', '*^44,', '040', '+040,', '=+30', '#040x', '-', 'n']
for v in VALUES:
    for s in SPECS:
        print(repr(s), format(v, s))
    print(f'{v:,} {v:>45_} {v:#_x} {v % 1000:5d}|{v!r}')
    if abs(v) < 2 ** 64:  # floats are binary32 in P4JIT: 'e' of larger ints would overflow
        print(f'{-v:.3e} {v:.2e}')
    print('{0:,} {0:x} {1}'.format(v, [v, -v]))

def parse(text, base):
    # a str argument: compiled code never takes it, so this always runs interpreted
    try:
        return int(text, base)
    except ValueError as e:
        return 'ValueError: ' + str(e)

for text, base in [('4294967296', 10), ('-9223372036854775809', 10), ('  +123_456_789_012_345_678_901  ', 10),
                   ('ffffffffffffffffffff', 16), ('0xFFFF_FFFF_FFFF_FFFF', 0), ('0b' + '1' * 100, 0),
                   ('0o7777777777777777777777', 0), ('-0x8000000000000000', 16), ('zzzzzzzzzzzzzzz', 36),
                   ('1' * 300, 10), ('1' * 300, 2), ('12__3', 10), ('_123', 10), ('123_', 10), ('0x', 16),
                   ('12345678901234567890a', 10), ('00012345678901234567890', 10), ('0012345678901234567890', 0),
                   ('9' * 50, 11), ('-', 10), ('0x_1_0000_0000', 0), ('1_0000_0000_0000', 16)]:
    print(repr(text)[:40], base, parse(text, base))

for v in [0, 1, 127, 128, 255, 256, -1, -128, -129, 65535, 2 ** 31, -(2 ** 31), 2 ** 63, 2 ** 64 - 1, -(2 ** 63),
          10 ** 30]:
    for length in [1, 2, 4, 8, 9, 16]:
        for order in ['big', 'little']:
            for signed in [False, True]:
                try:
                    b = v.to_bytes(length, order, signed=signed)
                    back = int.from_bytes(b, order, signed=signed)
                    print(v, length, order, signed, b, back == v)
                except OverflowError as e:
                    print(v, length, order, signed, 'OverflowError:', e)
print(int.from_bytes(b'\xff' * 20, 'big'), int.from_bytes(b'\xff' * 20, 'little', signed=True),
      int.from_bytes(bytearray(b'\x01\x00\x00\x00\x00\x00'), 'little'), int.from_bytes([1, 2, 3, 4, 5], 'big'),
      int.from_bytes(b'', 'big'), (2 ** 64 + 7).to_bytes(9, byteorder='big'), (5).to_bytes(2, 'little'))
print(int(2 ** 70), int(-(2 ** 70)), int('4294967296') == 2 ** 32, float(2 ** 70) == 2.0 ** 70, round(2 ** 70),
      round(-(2 ** 70), 2), round(2 ** 70, -5), round(-(2 ** 70), -5), round(25 * 10 ** 20, -21), round(35 * 10 ** 20, -21), round(-15 * 10 ** 30, -31), round(2 ** 70, -9999), (2 ** 70).real, (2 ** 70).imag, isinstance(2 ** 70, int), type(2 ** 70) is int, type(2 ** 70).__name__)

# arrays keep their element types: ints beyond 32 (and 64) bits are OverflowError, with CPython's messages
from array import array
for tc in 'bBhHiI':
    for v in [2 ** 70, -2 ** 70, 2 ** 40, -2 ** 40, 2 ** 32 - 1, 2 ** 31, -2 ** 31 - 1]:
        x = array(tc, [0])
        try:
            x[0] = v
            print(tc, v, 'stored', x[0], x.tolist())
        except OverflowError as e:
            print(tc, v, 'OverflowError:', e)
big = array('I', [4294967295, 2147483648, 7])
print(big, big[0] + big[1], sum(big), list(reversed(big)), big == array('I', [4294967295, 2147483648, 7]))
for v in [2 ** 40, -1, 256]:
    try:
        bytearray(2)[0] = v
    except (ValueError, OverflowError) as e:
        print(v, type(e).__name__, e)
for v in [2 ** 40, -(2 ** 40), 2 ** 80]:
    try:
        print(chr(v))
    except OverflowError as e:
        print('chr', v, 'OverflowError:', e)

# CPython 3.11's limit of 4300 decimal digits for int <-> str conversions
x = 10 ** 4299
print(len(str(x)), len(str(-x)), len(format(x, ',')) > 4300, len(hex(10 ** 5000)), x % 97)
for k in range(5):
    try:
        if k == 0: print(str(10 ** 4300))
        if k == 1: print(int('7' * 4301))
        if k == 2: print(len(str(int('7' * 4300))))
        if k == 3: print(format(-(10 ** 4400), 'd'))
        if k == 4: print(int('f' * 5000, 16) % 1000, f'{10 ** 4300:x}'[:10])
    except ValueError as e:
        print(k, 'ValueError:', e)
for b in [14284, 14285, 14286, 14287, 14288, 14289, 14290]:
    for v in [2 ** b - 1, 2 ** b, 10 ** 4300 - 1, 10 ** 4300]:
        try:
            print(b, len(str(v)))
        except ValueError:
            print(b, 'ValueError')
