# String literals, escapes, indexing, slicing, concatenation.
s = "Hello, World"
print(s, len(s), s[0], s[-1], s[7:], s[:5], s[::2], s[::-1], s[-5:-1])
print('single' + "double" + '''triple''' + """also""")
print("tab\there", "new\\nline", 'quote\'s', "dq\"s", r"raw\n")
print("ab" * 3, 3 * "x", "" * 5, "-" * 10)
print("adjacent" " literals" ' join')
t = "x"
for i in range(3):
    t = t + str(i)
print(t, "ell" in s, "xyz" in s, "" in s, "l" not in s)
print(s.upper(), s.lower(), s.find("o"), s.find("z"), s.count("l"), s.index("W"))
print(s.replace("l", "L"), s.replace("l", "", 1), s.startswith("Hell"), s.endswith(("x", "ld")))
print(str(12), str(-3.5), str(True), str(None), str([1, 'a']), repr("it's"), repr('say "hi"'))
print("\x41\u00e9", len("\u00e9"), "caf\u00e9"[3], "\u00e9t\u00e9"[::-1])
print(ord("A"), chr(66), ord("\u00e9"), chr(233), hex(255), hex(-16), hex(0))
