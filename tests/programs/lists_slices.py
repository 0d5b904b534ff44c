# Slice reads with every combination of bounds and steps; slice assignment.
a = list(range(10))
for s in [(None, None, 1), (2, 8, 1), (-3, None, 1), (None, -3, 1), (8, 2, -1), (None, None, -2),
          (1, 9, 3), (-1, -10, -3), (20, 30, 1), (-20, 3, 1), (5, 5, 1)]:
    print(s, a[s[0]:s[1]:s[2]])
b = list(range(6))
b[1:3] = [10, 20, 30]
print(b)
b[::2] = [0, 0, 0, 0]
print(b)
b[2:] = []
print(b)
b[:0] = [7, 8]
print(b)
b[:] = "xy"
print(b)
t = tuple(range(6))
print(t[1:4], t[::-2], "abcdef"[1::2], "abcdef"[-2:])
