# Integer arithmetic with Python's rules for floor division, modulo and powers.
vals = [-7, -3, -1, 0, 1, 2, 5, 13, 100]
for a in vals:
    row = []
    for b in vals:
        if b != 0:
            row.append((a // b, a % b))
    print(a, row)
print(2 ** 10, 3 ** 0, (-2) ** 3, 7 ** 2, 0 ** 0)
print(17 // 5, -17 // 5, 17 // -5, -17 // -5)
print(17 % 5, -17 % 5, 17 % -5, -17 % -5)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5))
print(abs(-12), abs(0), abs(12), -(-5), +3)
print(1 + 2 * 3 - 4 // 2, (1 + 2) * 3, 2 ** 3 ** 2, -2 ** 2)
print(2147483647, -2147483648, 2147483647 - 1, -2147483647 - 1)
print(10 / 4, 9 / 3, -1 / 2)
print(pow(2, 5), pow(3, 4, 5), pow(-3, 3, 7), pow(7, 0, 3))
