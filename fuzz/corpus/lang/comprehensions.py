# List comprehensions: filters, nesting, scoping.
squares = [x * x for x in range(10)]
evens = [x for x in squares if x % 2 == 0]
pairs = [(x, y) for x in range(3) for y in range(3) if x != y]
flat = [c for word in ["ab", "cd"] for c in word]
matrix = [[i * j for j in range(4)] for i in range(3)]
print(squares, evens, pairs, flat, matrix, sep="\n")
x = "outer"
result = [x for x in range(3)]
print(result, x)
print([s.upper() for s in "a b c".split()], [len(w) for w in ["", "xy", "abc"]])
print(sum([i for i in range(101)]), max([abs(v) for v in [-5, 3, -9, 2]]))
print([[row[i] for row in matrix] for i in range(4)])
print([(i, c) for i, c in enumerate("abc") if i != 1])
print([a + b for a, b in zip([1, 2, 3], [10, 20, 30])])
print(sorted([w for w in "the cat sat on the mat".split() if len(w) == 3]))
print([n for n in range(2, 30) if [d for d in range(2, n) if n % d == 0] == []])
