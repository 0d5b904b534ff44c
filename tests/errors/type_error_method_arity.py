# A method's arity error counts the arguments without self on both sides.
words = ["a", "b"]
words.insert(1, "x")
print(words, "a-b".replace("-", "+"))
"a-b".replace("-")
