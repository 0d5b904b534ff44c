# Bitwise operators and shifts on 32-bit values.
for a in [0, 1, 5, -1, -6, 255, 1023]:
    print(a, a & 12, a | 12, a ^ 12, ~a, a << 3, a >> 1, -a >> 2)
print(1 << 30, (1 << 30) >> 29, -1 >> 31, 123456 >> 40, -123456 >> 40)
print(0xFF & 0x0F, 0o17 | 0b1000, 0x7FFFFFFF ^ 0x55555555)
print(True & False, True | False, True ^ True, type(True & True) is bool)
x = 0
for i in range(8):
    x |= 1 << (i * 3)
print(x)
mask = 0
for b in [1, 4, 9, 16, 25]:
    mask ^= 1 << b
print(mask, mask & -mask)
