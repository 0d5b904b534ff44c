# Augmented assignment on names, subscripts, and in-place list operators.
n = 10
n += 5; n -= 3; n *= 2; n //= 5; n **= 3; n %= 7
print(n)
f = 1.5
f += 1; f *= 4; f /= 2
print(f)
b = 0b1010
b |= 1; b &= 0b1110; b ^= 0b0100; b <<= 2; b >>= 1
print(b)
a = [1, 2, 3]
alias = a
a += [4]
a *= 2
print(a, alias is a, alias)
t = (1,)
t += (2,)
print(t)
s = "ab"
s += "cd"
s *= 2
print(s)
counts = [0] * 3
for i in range(10):
    counts[i % 3] += i
print(counts)
d = {"x": 1}
d["x"] += 10
d["y"] = d.get("y", 0) + 1
print(d)
grid = [[1, 2], [3, 4]]
grid[1][0] *= 10
print(grid)
calls = 0
def idx():
    global calls
    calls += 1
    return 0
arr = [5]
arr[idx()] += 1
print(arr, calls)
