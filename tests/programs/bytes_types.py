# bytes and bytearray.
b = b"hello"
print(b, len(b), b[0], b[-1], b[1:3], b[::-1], b + b"!", b * 2)
print(list(b), bytes([65, 66, 67]), bytes(3), b"a\x00b", b"\xff\x10")
print(b.decode(), "text".encode(), b.startswith(b"he"), b.find(b"l"), b.count(b"l"), 108 in b)
ba = bytearray(b"abc")
ba[0] = 120
ba.append(100)
print(ba, len(ba), ba[1], bytearray(4), bytearray([1, 2]), list(ba))
print(b"x" == b"x", b"a" < b"b", bytes(ba), b"ab" in b"cabd")
total = 0
for byte in b"\x01\x02\x03":
    total += byte
print(total, b"a,b".split(b","), b"  x ".strip())

# a count beyond any index: OverflowError, not "not iterable"
for make in (bytes, bytearray):
    for count in (1 << 65, -(1 << 70)):
        try:
            make(count)
        except OverflowError as e:
            print(make.__name__, "OverflowError", e)
