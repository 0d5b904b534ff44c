# Dictionaries keep insertion order.
d = {"b": 2, "a": 1}
d["c"] = 3
d["a"] = 10
print(d, len(d), d["b"], d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
print(list(d.keys()), list(d.values()), list(d.items()))
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k, "->", v)
print(d.pop("b"), d, d.pop("nope", "default"))
del d["a"]
print(d)
d.update({"x": 1, "y": 2})
d.update([("z", 26)])
print(d, d.setdefault("x", 5), d.setdefault("w", 7), d)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts), sorted(counts.items()))
nums = {1: "one", 2.0: "two", True: "true?"}
print(nums, nums[1], nums[2])
print(dict(a=1) if False else dict([("k", "v")]), dict({"m": 1}), {})
e = {}
for i in range(50):
    e[i] = i * i
for i in range(0, 50, 2):
    del e[i]
print(len(e), e[49], sum(e.values()), list(e)[:5])
print(d.keys(), d.values())


# dict union (3.9): | makes a new dict (the right side wins), |= updates in
# place from any mapping or iterable of pairs
base = {"a": 1, "b": 2}
over = {"b": 20, "c": 30}
merged = base | over
print(merged, base, over | base, {} | {})
alias = base
base |= over
print(base, alias is base)
base |= [("d", 4)]
base |= {"e": 5}.items()
print(base)
try:
    base | [("x", 1)]
except TypeError:
    print("TypeError for dict | list")
