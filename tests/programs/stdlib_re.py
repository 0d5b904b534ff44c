# re (P4JIT's is a frozen Python module, lib/std/re.py): a table of
# patterns against subjects through every API, compared with CPython
import re

patterns = [
    r"a+b", r"(a|b)*c", r"^\d{2,3}-\d+$", r"(\w+)@(\w+)\.com", r"x*", r"(?P<k>\w+)=(?P<v>[^;]*);?", r"\bcat\b",
    r"(a+?)(a*)", r"(.)\1", r"(?=\d)\w", r"q(?!u)", r"(x)?y",
]
subjects = ["aab", "abbc c", "12-345", "bob@site.com", "", "a=1;b=;c=33", "cat concat", "aabbcd", "quiet qat",
            "y xy", "11 44"]
for p in patterns:
    r = re.compile(p)
    print("pattern", repr(p), r.groups, sorted(r.groupindex.items()))
    for s in subjects:
        m = r.match(s)
        sm = r.search(s)
        f = r.fullmatch(s)
        row = [m and (m.group(), m.span(), m.groups()), sm and (sm.group(0), sm.start(), sm.end(), sm.groups("-")),
               f is not None, r.findall(s), r.split(s), r.subn("<\\g<0>>", s)]
        if r.groupindex and sm:
            row.append(sorted(sm.groupdict().items()))
        print(" ", repr(s), row)

print(re.sub(r"(\w+) (\w+)", r"\2 \1", "hello world, big sky"), re.sub("a", lambda m: m.group().upper(), "banana", 2))
print(re.split(r"(,)\s*", "a, b,c", maxsplit=1), re.split("x*", "axbc"), re.findall(r"(\w)(\d)", "a1 b2 c"))
print(re.match("abc", "ABC", re.I), re.match("abc", "ABC", re.IGNORECASE).group(), re.findall("^b", "a\nb\nb", re.M))
print(re.match("a.c", "a\nc"), re.match("a.c", "a\nc", re.S).group(), re.search("[a-z]+", "ABc", re.I).group())
print(re.escape("a.b*c"), [m.span() for m in re.finditer(r"\d+", "a1b22c333")], re.match(b"[a-c]+", b"abcd").group())
print(re.sub(b"b+", b"-", b"abbbcb"), re.split(b",", b"1,2,,3"), re.compile("a(b)").match("ab")[1], repr(re.compile("x")))
m = re.search(r"(?P<year>\d{4})-(?P<mon>\d\d)", "on 2024-05-17")
print(m.group("year", "mon"), m.start("mon"), m.lastindex, m.expand(r"\g<mon>/\1"), m.re.pattern, m.string)
for bad in ("a**", "(ab", "ab)", "[ab", "*a", r"\q", "(?P<1>a)", "a{3,1}", r"(a)\2", "(?<x>a)"):
    try:
        re.compile(bad)
        print("compiled", bad)
    except re.error as e:
        print("re.error", e)
for call in (lambda: re.match("a", b"a"), lambda: re.match(b"a", "a"), lambda: re.sub("(a)", r"\2", "a"),
             lambda: re.match("(a)", "a").group(2)):
    try:
        call()
    except (TypeError, re.error, IndexError) as e:
        print(type(e).__name__, e)
print(re.match(r"(a*)*b", "aaaaaaaaaaaaaaaaaaaab").span(), len(re.findall("a", "a" * 200)), re.match(".*", "x" * 1000).end())
