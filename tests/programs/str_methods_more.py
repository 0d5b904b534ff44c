# str and bytes methods beyond the basics: rsplit/partition, justification,
# case, splitlines, rfind, classification, translate, hex; keyword arguments
# and start/end arguments; unbound methods (str.upper) and dict methods.
texts = ["", "a", "a b  c", "  lead and trail  ", "k=v=w", "x,y,,z", "Hello World", "hello  world\tfoo",
         "ABC def", "a1_b2", "__init__", "3abc", "MiXeD cAsE 42", "+12", "-7", "line1\nline2\r\nline3\rend\n"]
for t in texts:
    print(repr(t))
    print(" rsplit", t.rsplit(), t.rsplit(None, 1), t.rsplit(" "), t.rsplit(",", 1), t.rsplit("=", maxsplit=1))
    print(" split ", t.split(sep=","), t.split(maxsplit=1), t.split(" ", maxsplit=2))
    print(" part  ", t.partition("="), t.rpartition("="), t.partition(" "), t.rpartition(" "))
    print(" just  ", [t.ljust(8), t.rjust(8, "*"), t.center(9, "-"), t.center(10), t.zfill(6), t.center(3)])
    print(" case  ", [t.title(), t.capitalize(), t.swapcase(), t.casefold()])
    print(" is    ", [t.isupper(), t.islower(), t.istitle(), t.isalnum(), t.isdecimal(), t.isnumeric(),
                      t.isidentifier(), t.isprintable(), t.isascii(), t.isdigit(), t.isalpha(), t.isspace()])
    print(" find  ", t.rfind("a"), t.rfind("a", 1), t.rfind("a", 0, 2), t.rfind(""), t.find("l", 2, 9),
          t.count(" ", 1, -1), t.startswith("a", 0, 1), t.endswith(("c", "d"), 0, 6), t.rfind("a", 50))
    print(" trim  ", [t.removeprefix("a"), t.removesuffix("c"), t.removeprefix(""), t.expandtabs(4)])
    print(" lines ", t.splitlines(), t.splitlines(True), t.splitlines(keepends=True))
print("a\tbc\td\n\te".expandtabs(), "a\tb".expandtabs(tabsize=3), "x\ty".expandtabs(0))
print("a\x0bb\x0cc\x1cd\x85e\u2028f".splitlines())
print("abc".rindex("c"), "aXbXc".rsplit("X", 1), "a  b  c".rsplit(None, 1), "  a b".rsplit(None, 1))
def attempt(s, name, a, b=None):
    try:
        if b is None:
            print(getattr(s, name)(a))
        else:
            print(getattr(s, name)(a, b))
    except (ValueError, TypeError) as e:
        print(name, type(e).__name__, e)

attempt("abc", "rindex", "z")
attempt("a", "center", 3, "xy")
attempt("a", "ljust", 3, 5)
attempt("a", "partition", "")
attempt("a", "rsplit", "")
attempt("a", "partition", 5)
attempt("a", "zfill", "3")
attempt(b"a", "rjust", 3, "x")
attempt(b"a", "rsplit", "x")
try:
    "a".split(sep=1)
except TypeError as e:
    print("TypeError", e)
try:
    "a".split(bad=1)
except TypeError as e:
    print("TypeError", e)
# translate / maketrans
table = str.maketrans("abc", "xyz", "d")
print(sorted(table.items()), "abcdef".translate(table), "aaa".translate({97: "bb"}), "abc".translate({98: None}))
print(sorted(str.maketrans({"a": "1", 98: None}).items()), "héllo".translate({233: "e", 108: 76}))
# bytes
b = b"  Hello, World\tx\r\ny  "
print(b.rsplit(), b.rsplit(b",", 1), b.partition(b","), b.rpartition(b"o"), b.ljust(25, b"."), b.rjust(24))
print(b.center(26, b"*"), b.zfill(5), b"-5".zfill(4), b.title(), b.capitalize(), b.swapcase(), b.splitlines(),
      b.splitlines(True))
print(b.rfind(b"o"), b.rfind(111), b.rindex(b"l"), b.isupper(), b"ABC".isupper(), b"abc".islower(), b"a1".isalnum(),
      b.isascii(), b"12".isdigit(), b"ab".isalpha(), b" \t".isspace(), b.lstrip(), b.rstrip(), b.lstrip(b" H"))
print(b.removeprefix(b"  "), b.removesuffix(b"  "), b"\x00\xffab".hex(), bytes.fromhex("00 ff 1a2B"),
      b"a\tb".expandtabs(4), b"x".hex())
try:
    bytes.fromhex("0g")
except ValueError as e:
    print("ValueError", e)
# unbound methods on the classes
print(list(map(str.upper, ["a", "b"])), str.join("-", ["x", "y"]), dict.get({1: 2}, 1))
lst = [3, 1, 2]
list.sort(lst)
print(lst, str.split("a b"), str.strip("  s  "), bytes.upper(b"q"), float.is_integer(2.0), tuple.index((5, 6), 6))
try:
    str.upper(5)
except TypeError as e:
    print("TypeError", e)
# dict: popitem, update with keywords, fromkeys, dict(**kw)
d = dict(a=1, b=2)
d.update(c=3)
d.update({"d": 4}, e=5)
d.update([("f", 6)])
print(d, d.popitem(), d.popitem(), d)
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), dict({"x": 1}, y=2), dict([(1, 2)], z=3))
e = {}
try:
    e.popitem()
except KeyError as err:
    print("KeyError", err)
print(d.setdefault("z", 26), d.setdefault("a", 99), d)
# list.index with start and end, sort with key and reverse
nums = [5, 3, 5, 1, 5]
print(nums.index(5, 1), nums.index(5, 3, 5), sorted(nums, key=abs, reverse=True))
try:
    nums.index(3, 2)
except ValueError as err:
    print("ValueError", err)
