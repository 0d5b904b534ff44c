# Float arithmetic; values printed rounded, so float32 and float64 agree.
xs = [0.5, 1.25, -2.75, 3.0, 10.5]
for x in xs:
    print(round(x * 2, 3), round(x / 4, 4), round(x ** 2, 3), x // 1, x % 2)
print(round(7.5 // 2, 2), round(-7.5 // 2, 2), round(7.5 % 2, 2), round(-7.5 % 2, 2))
print(1.5 + 2, 3 * 0.5, 2 - 0.25, 1 / 4)
print(float(3), float("2.5"), float("-1e3"), int(3.99), int(-3.99))
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5))
print(round(1.23456, 2), round(123.456, -1), round(-0.5), round(2.675, 1))
print(abs(-2.5), min(1.5, 2), max(-1, -0.5))
print(1e10, 1.5e-5, 12345.0, 0.001, 100.0, 1e16, 1e-5)
print(float("inf"), -float("inf"), float("inf") > 1e30)
print(0.0 == -0.0, 1.0 == 1, 2 < 2.5 < 3)
