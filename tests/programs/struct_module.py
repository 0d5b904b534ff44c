# struct: pack/unpack/calcsize/unpack_from/pack_into over every code and
# byte order (native '@' only with codes whose size and alignment RV32 and
# x86-64 share), and struct.error for bad formats and values.
import struct

values = {"b": [-128, -1, 0, 127], "B": [0, 1, 255], "h": [-32768, -2, 32767], "H": [0, 65535, 4660],
          "i": [-2147483648, -5, 2147483647], "I": [0, 7, 2147483647], "l": [-9, 2147483647],
          "L": [0, 123456789], "q": [-1, 0, 2147483647, -2147483648], "Q": [0, 2147483647],
          "?": [True, False, 0, 3, "", "x"], "f": [0.0, 1.5, -2.25, 1e10], "d": [0.5, -1.0, 3.0]}
for order in "<>!=":
    for code in values:
        fmt = order + code
        for v in values[code]:
            b = struct.pack(fmt, v)
            back = struct.unpack(fmt, b)
            print(fmt, struct.calcsize(fmt), b.hex(), back)
for fmt in ["@bhq", "@bi", "@hb", "@bd", "bhbi", "@i?h", "<bhq", "5s", "<2h3b", "3x", "<bx2xh", "@4b", "0s", "x", "", "c"]:
    print(repr(fmt), struct.calcsize(fmt))
print(struct.pack(">2h3sc?", 1, -2, b"abcd", b"z", True), struct.pack("<5s", b"ab"), struct.pack("2s", bytearray(b"xyz")))
print(struct.unpack(">2h3sc?", b"\x00\x01\xff\xfeabcz\x01"), struct.unpack("<4B", bytearray(b"\x01\x02\x03\x04")))
print(struct.pack("@bhi", 1, 2, 3).hex(), struct.unpack("@bhi", bytes(range(8))), struct.pack("<bx2xh", 1, 2))
print(struct.pack(b"<h", 5), struct.unpack("< h i ", b"\x01\x00\x02\x00\x00\x00"))
buf = bytes(range(12))
print(struct.unpack_from("<hh", buf), struct.unpack_from("<hh", buf, 4), struct.unpack_from(">I", buf, offset=8),
      struct.unpack_from("<b", buf, -1))
ba = bytearray(8)
struct.pack_into("<hI", ba, 1, -3, 65537)
print(ba, struct.pack_into(">h", ba, -2, 258), ba)
print(struct.unpack("<f", struct.pack("<f", 0.1))[0] == struct.unpack("<f", struct.pack("<f", 0.1))[0])
cases = [("<b", (128,)), ("<B", (-1,)), ("<h", (40000,)), ("<H", (-1,)), ("<I", (-1,)), ("<Q", (-1,)),
         ("<i", ("x",)), ("<f", ("x",)), ("<s", (5,)), ("<c", (b"ab",)), ("<z", (1,)), ("<hh", (1,)),
         ("<h", (1, 2)), ("3", ()), ("<L", (-5,))]
for fmt, args in cases:
    try:
        if len(args) == 0:
            print(struct.pack(fmt))
        elif len(args) == 1:
            print(struct.pack(fmt, args[0]))
        else:
            print(struct.pack(fmt, args[0], args[1]))
    except struct.error as e:
        print(fmt, type(e).__name__, e)
for fmt, data in [("<h", b"\x01"), ("<i", b"\x00" * 5), ("<h", "ab"), ("<q", b"\x00" * 3)]:
    try:
        print(struct.unpack(fmt, data))
    except (struct.error, TypeError) as e:
        print(fmt, type(e).__name__, e)
try:
    struct.unpack_from("<i", b"abc", 2)
except struct.error as e:
    print("error", e)
try:
    struct.unpack_from("<i", b"abcdefgh", 6)
except struct.error as e:
    print("error", e)
try:
    struct.calcsize(5)
except TypeError as e:
    print("TypeError", e)
print(isinstance(struct.error("x"), Exception))
