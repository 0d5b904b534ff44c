# Day of the week by Zeller's congruence, and leap years.
NAMES = ["Saturday", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
def weekday(y, m, d):
    if m < 3:
        m += 12
        y -= 1
    k, j = y % 100, y // 100
    return NAMES[(d + 13 * (m + 1) // 5 + k + k // 4 + j // 4 + 5 * j) % 7]
for date in [(2000, 1, 1), (1969, 7, 20), (2024, 2, 29), (1900, 3, 1), (2026, 11, 25)]:
    print(date, weekday(date[0], date[1], date[2]))
def leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
print([y for y in range(1896, 1920) if leap(y)], leap(2000), leap(2100))
