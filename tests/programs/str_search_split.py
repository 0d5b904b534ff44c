# str/bytes methods at their edges: split with maxsplit keeps the last
# piece's trailing whitespace; Unicode whitespace (str) versus ASCII
# whitespace (bytes); strip by characters; find/index/count/startswith/
# endswith with start and end, compared over a grid of bounds.
print("a b  ".split(None, 1), b"a b  ".split(None, 1), "  a  b  c  ".split(None, 2))
print(" x ".split(None, 0), "".split(None, 1), "   ".split(None, 1), "a\tb\n".split(None, 5))
print("  a\x1cb\u3000c\u2028d\x85e\xa0f ".split(), b"a\x1cb c".split())
print("x\x1c".strip(), repr("\u2000y\u205f".strip()), " \u00a0".isspace(), "\x1c\x1f".isspace(), "".isspace())
print(repr(b" \x1cz\x0b".strip()), repr(" \t z \n".lstrip()), repr(" \t z \n".rstrip()))
print("\u00e9t\u00e9\u00e9".strip("\u00e9"), "\u00e9a\u00e9".lstrip("\u00e9"), "xay".strip("xy"), "\u00e9".strip("\u00c3"))
print(int(" \u3000 42\xa0"), float("\u2003 1.5 \x85"), int(b" 7\t"))
try:
    int("42\x1c")  # the separators are str whitespace, but not around a number
except ValueError as e:
    print("ValueError", e)
print(float("0." + "0" * 150 + "1e151"), float("1" + "0" * 200 + "e-200"), float("  -" + "9" * 130 + "e-130  "))

words = ["abcabcab", "h\u00e9llo w\u00f6rld", "", "aaaa"]
subs = ["", "a", "ab", "b", "l", "\u00f6", "aa", "zz"]
bounds = [None, -100, -3, -1, 0, 1, 2, 5, 100]
for w in words:
    for sub in subs:
        row = []
        for start in bounds:
            for end in [None, -2, 0, 3, 100]:
                row.append(str(w.find(sub, start, end)))
                row.append(str(w.count(sub, start, end)))
                row.append("T" if w.startswith(sub, start, end) else "f")
                row.append("T" if w.endswith(sub, start, end) else "f")
        print(repr(w), repr(sub), "".join(x if len(x) == 1 else "(" + x + ")" for x in row))
    print(w.find("b", 2), w.count("a", 1), w.startswith(("x", "a"), 0), w.endswith(("b", "x"), 0, 2))

bw = b"abcabcab"
print(bw.find(b"b", 2), bw.find(98, 3, 100), bw.count(b"ab", 1), bw.startswith(b"bc", 1), bw.endswith(b"ca", 0, -2))
try:
    "abc".index("c", 0, 2)
except ValueError as e:
    print("ValueError", e)
try:
    "abc".find("a", "1")
except TypeError as e:
    print("TypeError", e)
# an empty pattern's replace goes between characters, not between the bytes
# of one (found by tests/lang/gen_lang.py: 'h+\xc3+\xa9llo', not UTF-8)
t = "héllo wörld €𝄞"
print(t.replace("", "+", 3), t.replace("", "XY"), t.replace("", "", 2), "".replace("", "é"),
      b"h\xc3\xa9".replace(b"", b"+"), t.replace("", "|", 0), len(t.replace("", "-")), t.count(""))
