# String comparison, sorting and searching.
words = ["banana", "Apple", "cherry", "apple", "Banana", "", "a", "ab"]
print(sorted(words))
print(min(words), max(words), "apple" < "banana", "Zebra" < "apple", "abc" == "abc")
print([w for w in words if w.startswith("a")], [w.lower() for w in words if w][:3])
print("b" * 3 > "bb", "abc" < "abcd", "abd" > "abc", ("a", 1) < ("a", 2))
pos = "hello world".find("o")
print(pos, "hello world".find("o", ) , "hello world"[pos + 1:].find("o") + pos + 1)
print("A".lower() == "a", "é" > "e", sorted(["é", "e", "f"]))
