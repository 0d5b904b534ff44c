# for over every kind of iterable.
for i in range(3):
    print("range", i)
for i in range(10, 0, -3):
    print("down", i)
for ch in "hey":
    print("char", ch)
for x in [1.5, "s", None]:
    print("list", x)
for x in (True, False):
    print("tuple", x)
for k in {"one": 1, "two": 2}:
    print("dict", k)
for i, v in enumerate(["a", "b", "c"]):
    print("enum", i, v)
for i, v in enumerate("xy", 10):
    print("enum10", i, v)
for a, b in zip([1, 2, 3], "abcd"):
    print("zip", a, b)
for a, b, c in zip(range(2), range(5, 7), "pq"):
    print("zip3", a, b, c)
for b in b"AB":
    print("bytes", b)
for b in bytearray([7, 8]):
    print("bytearray", b)
for x in reversed([1, 2, 3]):
    print("rev", x)
for x in sorted([3, 1, 2]):
    print("sorted", x)
total = 0
for i in range(100):
    total += i
else:
    print("else runs", total)
for i in range(5):
    if i == 2:
        break
else:
    print("not printed")
print("after break", i)
