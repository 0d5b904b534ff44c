# str.encode and bytes.decode with the codecs P4JIT has (utf-8, ascii,
# latin-1, by any of their spellings), the error handlers strict, ignore and
# replace, and CPython's UnicodeEncodeError/UnicodeDecodeError messages.
texts = ["abc", "\u00e9t\u00e9", "x\u20ac\u20acy", "\U0001f600!", "", "\xff\x80"]
codecs = ["utf-8", "UTF8", "ascii", "US-ASCII", "latin-1", "Latin_1", "iso-8859-1", "l1"]
for t in texts:
    for c in codecs:
        for errors in ["strict", "ignore", "replace"]:
            try:
                print(repr(t), c, errors, t.encode(c, errors))
            except UnicodeEncodeError as e:
                print(repr(t), c, errors, "UnicodeEncodeError:", e)

blobs = [b"abc", b"\xc3\xa9", b"\xff", b"a\xc3", b"\xe2\x82\x28", b"\xe2\x28\xa1", b"\xed\xa0\x80",
         b"\xf0\x9f\x98\x80", b"\xf4\x90\x80\x80", b"\xc0\x80", b"ok\x80\x81ok", b"\xe2\x82"]
for b in blobs:
    for c in ["utf-8", "ascii", "latin-1"]:
        for errors in ["strict", "ignore", "replace"]:
            try:
                print(b, c, errors, repr(b.decode(c, errors)))
            except UnicodeDecodeError as e:
                print(b, c, errors, "UnicodeDecodeError:", e)

print("\u00e9".encode(encoding="latin-1"), b"\xe9".decode(encoding="latin-1", errors="strict"), "a".encode())
for bad in ["klingon", "utf-9"]:
    try:
        "a".encode(bad)
    except LookupError as e:
        print("LookupError:", e)
try:
    "\u00e9".encode("ascii", "bogus")
except LookupError as e:
    print("LookupError:", e)
print("a".encode("ascii", "bogus"))
try:
    b"\xff".decode()
except ValueError as e:  # UnicodeDecodeError is a ValueError
    print("ValueError caught:", e)
