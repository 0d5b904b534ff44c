# sorted() and list.sort() are stable, also in reverse.
people = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30), ("eve", 22)]
by_age = sorted([(age, i, name) for i, (name, age) in enumerate(people)])
print([name for age, i, name in by_age])
words = ["bb", "a", "ccc", "dd", "e", "fff"]
pairs = sorted([(len(w), w) for w in words], reverse=True)
print(pairs)
nums = [3, 1, 2, 3, 1, 2]
nums.sort()
print(nums)
mixed = [2.5, 1, 3, -1.5, 0, True]
print(sorted(mixed))
print(sorted(["b", "A", "a", "B"]), sorted([[2, 1], [1, 2], [1]]))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
