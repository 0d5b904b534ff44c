# int.to_bytes / int.from_bytes in every form CPython 3.11 has: default
# arguments, keywords, signed edges (length 0, -2**k, one byte short), big
# ints, from_bytes of any buffer or iterable of ints or __bytes__, and the
# class method reached through bool and a subclass of int.
import array


def attempt(f):
    try:
        return repr(f())
    except (OverflowError, ValueError, TypeError) as e:
        return "%s: %s" % (type(e).__name__, e)


values = [0, 1, -1, 127, 128, -128, -129, 255, 256, 2**31 - 1, -2**31, 2**32,
          -2**63, 2**64 - 1, -(2**64), 10**30, -10**30]
for v in values:
    row = []
    for n in (0, 1, 2, 8, 9, 16):
        for order in ("big", "little"):
            for signed in (False, True):
                row.append(attempt(lambda: v.to_bytes(n, order, signed=signed)))
    print(v, row)
    # round trip through the shortest signed width
    n = (v.bit_length() + 8) // 8
    assert int.from_bytes(v.to_bytes(n, "little", signed=True), "little", signed=True) == v

print((5).to_bytes(), (5).to_bytes(2), attempt(lambda: (300).to_bytes()))
print((5).to_bytes(length=3, byteorder="little"), (True).to_bytes(2, "big"))
print(int.to_bytes(5, 2, "big"), int.to_bytes(2**40, 6, "little"), int.bit_length(255))
for bad in (lambda: (5).to_bytes(2, "little", True), lambda: (5).to_bytes(-1),
            lambda: (5).to_bytes(2, "middle"), lambda: (5).to_bytes(2, byteorder=1),
            lambda: (5).to_bytes(2.0), lambda: (-5).to_bytes(2, "big")):
    print(attempt(bad))


class Packet:
    def __bytes__(self):
        return b"\x01\x02\x03"


class Reading(int):
    pass


sources = [b"\x01\x02", bytearray(b"\xff\xfe"), [1, 2, 3], (255,) * 20, iter([1, 2]),
           (x for x in (1, 2, 3)), range(5), memoryview(b"\x00\x80"), memoryview(b"abcdef")[::2],
           array.array("B", [1, 2]), array.array("h", [-2, 3]), b"", Packet()]
for src in sources:
    print(attempt(lambda: int.from_bytes(src, "big", signed=True)))
for bad in ([256], [-1], [1.0], 5, "ab", None, 2.5):
    print(attempt(lambda: int.from_bytes(bad)))
print(int.from_bytes(bytes=b"\x01", byteorder="little", signed=False))
print(bool.from_bytes(b"\x01"), bool.from_bytes(b"\x00\x00"), type(bool.from_bytes(b"\x02")))
r = Reading.from_bytes(b"\x01\x00", "little")
print(type(r).__name__, r, r + 1, Reading.from_bytes([7]))
print(attempt(lambda: bytes([1, 256])), attempt(lambda: bytearray([256])), bytes(Packet()))
