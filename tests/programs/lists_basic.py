# List construction, indexing, slicing and mutation.
a = [3, 1, 4, 1, 5, 9, 2, 6]
print(a, len(a), a[0], a[-1], a[2:5], a[:3], a[5:], a[::2], a[::-1], a[-3:])
a.append(10)
a.insert(0, 0)
a.insert(-1, 99)
a.insert(100, 7)
print(a)
print(a.pop(), a.pop(0), a.pop(2), a)
a.extend([20, 30])
a += [40]
print(a, a.index(5), a.count(1), 9 in a, 8 in a)
a.remove(1)
a.reverse()
print(a)
a.sort()
print(a)
a.sort(reverse=True)
print(a)
b = a.copy()
b[0] = -1
print(a[0], b[0], a == b)
del b[0]
del b[1:3]
print(b)
b.clear()
print(b, [] == b, [0] * 4, [1, 2] * 2, [1] + [2, 3])
m = [[0] * 3 for _ in range(3)]
m[1][2] = 5
print(m)
