# Dict insertion order through updates, deletes and re-inserts.
d = {}
for k in "zyxwv":
    d[k] = ord(k)
print(list(d))
del d["x"]
d["x"] = 0
d["z"] = -1
print(list(d.items()))
print({1: "a", 1.0: "b"}, {True: 1, 1: 2})
keys = [str(i) for i in range(20)]
e = dict([(k, None) for k in keys])
for k in keys[::2]:
    del e[k]
print(list(e), len(e))
print(d == {"z": -1, "y": 121, "w": 119, "v": 118, "x": 0}, {} == {}, {1: 2} != {1: 3})
