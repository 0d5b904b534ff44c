# Pascal's triangle and binomial coefficients.
rows = [[1]]
for i in range(12):
    prev = rows[-1]
    rows.append([1] + [prev[j] + prev[j + 1] for j in range(len(prev) - 1)] + [1])
for r in rows[:7]:
    print(" ".join(str(x) for x in r).center(30) if False else " ".join(str(x) for x in r))
def comb(n, k):
    if k < 0 or k > n:
        return 0
    c = 1
    for i in range(min(k, n - k)):
        c = c * (n - i) // (i + 1)
    return c
print([comb(12, k) for k in range(13)] == rows[12], comb(20, 10), sum(rows[10]))
