# keys(), values(), items() views.
d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k), "a" in k, 2 in v, ("b", 2) in it)
d["d"] = 4
print(list(k), list(v), sorted(it, reverse=True))
print([key.upper() for key in d.keys()], sum(d.values()), dict(d.items()) == d)
for key, val in sorted(d.items()):
    print(key, val, end="; ")
print()
try:
    for key in d:
        d[key + key] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
