# struct's 'e' (IEEE binary16): every bit pattern unpacks and packs back to
# itself (NaNs aside), rounding is to nearest even, and the range ends at
# 65504.
import struct

same = nans = 0
acc = 0
for h in range(65536):
    b = struct.pack("<H", h)
    x = struct.unpack("<e", b)[0]
    if x != x:
        nans += 1
        continue
    if struct.pack("<e", x) == b:
        same += 1
    acc = (acc * 31 + h * (1 if x > 0 else 3)) % 1000003
print(same, nans, acc)
for x in (0.0, -0.0, 1.0, 1.5, -2.25, 65504.0, 0.1, 1 / 3, 2 ** -24, 2 ** -25, 3 * 2 ** -26, 2 ** -14,
          1 + 2 ** -11, 1 + 3 * 2 ** -11, 65519.0, float("inf"), -float("inf"), 5e-8):
    b = struct.pack(">e", x)
    print("%.5g" % x, b, "%.5g %.5g" % (struct.unpack(">e", b)[0], struct.unpack("<e", struct.pack("<e", x))[0]))
print(struct.calcsize("e"), struct.calcsize("<3e"), struct.pack("<2e", 1, -1), struct.unpack("<2e", b"\x00\x3c\x00\xbc"))
for x in (65520.0, 1e6, -1e10):
    try:
        struct.pack("e", x)
    except OverflowError as e:
        print("OverflowError", e)
print(struct.unpack("e", struct.pack("e", float("nan")))[0] != 0)
