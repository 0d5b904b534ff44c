# Word frequencies, Caesar cipher, palindromes, run-length encoding.
text = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness"""
words = [w.strip(",.").lower() for w in text.split()]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items())
print(top)
by_count = sorted([(-c, w) for w, c in freq.items()])[:4]
print([(w, -c) for c, w in by_count])
def caesar(s, k):
    out = []
    for ch in s:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - 97 + k) % 26 + 97))
        elif "A" <= ch <= "Z":
            out.append(chr((ord(ch) - 65 + k) % 26 + 65))
        else:
            out.append(ch)
    return "".join(out)
enc = caesar("Hello, World!", 3)
print(enc, caesar(enc, -3))
def is_pal(s):
    t = [c.lower() for c in s if c.isalpha()]
    return t == t[::-1]
print([is_pal(s) for s in ["racecar", "A man, a plan, a canal: Panama", "hello", ""]])
def rle(s):
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(s[i] + str(j - i))
        i = j
    return "".join(out)
def unrle(s):
    out = ""
    i = 0
    while i < len(s):
        ch = s[i]
        j = i + 1
        while j < len(s) and s[j].isdigit():
            j += 1
        out += ch * int(s[i + 1:j])
        i = j
    return out
r = rle("aaabccddddde")
print(r, unrle(r), unrle(r) == "aaabccddddde")
