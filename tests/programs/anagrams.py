# Group words into anagram classes.
words = "listen silent enlist google elgoog inlets banana tinsel abc cab bca".split()
groups = {}
for w in words:
    key = "".join(sorted(w))
    if key not in groups:
        groups[key] = []
    groups[key].append(w)
for key in sorted(groups):
    print(key, sorted(groups[key]))
print(max([len(g) for g in groups.values()]))
