def get(items, i):
    return items[i]
print(get([1, 2, 3], 1))
print(get([1, 2, 3], 3))
