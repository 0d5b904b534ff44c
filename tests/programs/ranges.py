# range objects: bounds, steps, membership, indexing, equality.
for r in [range(5), range(2, 8), range(10, 0, -2), range(0), range(5, 5), range(-5, 5, 3), range(7, -7, -4)]:
    print(r, list(r), len(r), r[0] if len(r) else None, r[-1] if len(r) else None)
print(3 in range(10), 10 in range(10), -1 in range(-5, 0), 4 in range(0, 10, 2), 5 in range(0, 10, 2))
print(list(range(0, 20, 5)[1:3]), list(range(10)[::3]), list(range(10)[::-4]))
print(range(0, 3) == range(0, 3), range(0) == range(5, 5), range(1, 2) == range(1, 3))
print(sum(range(1, 101)), max(range(7)), min(range(3, 9)), sorted(range(3), reverse=True))
big = range(0, 2000000000, 7)
print(len(big), big[-1], big[1000])
