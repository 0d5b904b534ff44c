# A text histogram of dice sums (deterministic pseudo-random numbers).
seed = 7
def rand6():
    global seed
    seed = (seed * 171) % 30269
    return seed % 6 + 1
counts = [0] * 13
for _ in range(600):
    counts[rand6() + rand6()] += 1
for total in range(2, 13):
    print("{:2d} {:3d} {}".format(total, counts[total], "*" * (counts[total] // 5)))
print(sum(counts), counts.index(max(counts)))
