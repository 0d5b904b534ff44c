# split, join, strip, and friends.
line = "  alpha  beta\tgamma\n"
print(line.split(), line.strip(), line.lstrip(), "[" + line.rstrip() + "]")
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "".split(), "".split(","))
print("-".join(["x", "y", "z"]), "".join([]), ", ".join(str(i) for i in range(4)))
print("xxhixx".strip("x"), "abcba".strip("ab"), "  x ".strip())
print("hello world".startswith("hello"), "hello".startswith(("a", "h")), "abc".endswith("bc"))
print("3".isdigit(), "3a".isdigit(), "abc".isalpha(), " \t".isspace(), "".isdigit())
words = "the quick brown fox jumps over the lazy dog".split()
print(len(words), sorted(words), max(words), min(words))
print(" ".join(w[::-1] for w in words))
print("a b c".split(" "), "a  b".split(" "), "one two three".split(None, 1))
csv = "name=ada;lang=python;year=1843"
pairs = [p.split("=") for p in csv.split(";")]
print(pairs, dict(pairs))
print("Mississippi".count("ss"), "Mississippi".replace("ss", "SS"), "abc".encode())
