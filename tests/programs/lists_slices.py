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
# slice bounds and steps beyond 32 bits clamp as in CPython (were a TypeError)
big = 2 ** 40
u = [1, 2, 3, 4]
print(u[big:], u[:big], u[-big:2], u[:-big], u[::big], u[::-big], u[-big::big])
print("abc"[big:], "abc"[-big::-1], (1, 2)[:-2 ** 70], b"xyz"[1:2 ** 33], range(5)[big:], range(5)[-big:2])
u[big:] = [5]
u[-big:1] = [0]
del u[-2:big]
print(u)
