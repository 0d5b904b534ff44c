# bytearray shares the bytes methods; results that are byte strings come
# back as bytearrays; bytes, bytearray and array mix in +, comparisons, `in`;
# str/bytes/bytearray constructors with an encoding.
from array import array

ba = bytearray(b"  Hello, World  ")
for r in (ba.strip(), ba.lstrip(), ba.rstrip(b" d"), ba.upper(), ba.lower(), ba.swapcase(),
          ba.title(), ba.replace(b"l", b"L"), ba.center(20, b"*"), ba.ljust(18), ba.zfill(20),
          ba.removeprefix(b"  He"), ba.removesuffix(b"  ")):
    print(type(r).__name__, r)
print(ba.split(), ba.split(b","), ba.rsplit(None, 1))
print(ba.partition(b","), ba.rpartition(b"o"), ba.partition(b"#"))
print(ba.find(b"o"), ba.rfind(b"o"), ba.find(ord("W")), ba.index(b"W"), ba.count(b"l"),
      ba.count(bytearray(b"l")))
print(ba.startswith(b"  H"), ba.endswith(bytearray(b"d  ")), ba.isspace(), bytearray(b"12").isdigit(),
      bytearray(b"ab").isalpha(), bytearray(b"AB").isupper(), bytearray(b"ab").islower())
print(bytearray(b"caf\xc3\xa9").decode(), bytearray(b"a\xffb").decode("utf-8", "replace"),
      bytearray(b"a\xffb").decode(errors="ignore"), bytearray(b"\x01\xab").hex())
print(bytearray(b"-").join([b"a", bytearray(b"b"), b"c"]), b"-".join([bytearray(b"x"), b"y"]))
print(bytearray(b"a\nb\r\nc").splitlines(), bytearray(b"a\tb").expandtabs(4))
try:
    ba.index(b"zz")
except ValueError as e:
    print("ValueError", e)
try:
    ba.rindex(b"zz")
except ValueError as e:
    print("ValueError", e)
print(bytearray.count(bytearray(b"aaa"), b"a"), list(map(bytearray.upper, [bytearray(b"x")])))

# + and += across bytes, bytearray and array
print(b"12" + bytearray(b"34"), bytearray(b"12") + b"34", bytearray(b"1") + bytearray(b"2"))
print(b"ab" + array("b", [1, 2]), bytearray(b"ab") + array("h", [0x4142]))
b = bytearray(b"xy")
alias = b
b += b"z"
b += bytes(b)
b += array("B", [33])
print(b, alias is b, alias)
b.extend(b)
print(len(b), b[:9])
try:
    b"a" + "b"
except TypeError as e:
    print("TypeError", e)
try:
    b"a" + [1]
except TypeError as e:
    print("TypeError", e)

# ordering and membership
for x, y in ((b"abc", bytearray(b"abd")), (bytearray(b"ab"), b"ab"), (b"b", bytearray(b"abc")),
             (bytearray(b""), b"")):
    print(x < y, x <= y, x > y, x >= y, x == y, x != y)
print(array("b", [1, 2]) in b"\x00\x01\x02", bytearray(b"\x02\x03") in b"\x01\x02\x03",
      bytearray(b"\x05") in b"\x01")

# constructors with an encoding
print(str(b"abc", "utf-8"), str(bytearray(b"caf\xc3\xa9"), "utf-8"), str(b"a\xffb", "ascii", "ignore"),
      str(b"a\xffb", encoding="utf-8", errors="replace"))
print(bytes("héllo", "utf-8"), bytearray("héllo", "latin-1"), bytes("x€y", "ascii", "replace"))
for bad in (lambda: str("abc", "utf-8"), lambda: str(1, "utf-8"), lambda: bytes(1, "utf-8"),
            lambda: bytes("é", "ascii"), lambda: str(b"\xff", "utf-8")):
    try:
        print(bad())
    except (TypeError, UnicodeError) as e:
        print(type(e).__name__, e)
