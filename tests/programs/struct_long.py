# struct with ints of any size: q/Q pack and unpack all 64 bits, I/L all 32
# unsigned bits, and values out of a code's range raise struct.error with
# CPython's message (whether the int is small or long). Standard sizes only
# ('<', '>', '!', '='), where P4JIT and a 64-bit CPython agree.
import struct

edges = [0, 1, -1, 127, 128, -128, -129, 255, 256, 32767, 32768, -32768, -32769, 65535, 65536,
         2**31 - 1, 2**31, -2**31, -2**31 - 1, 2**32 - 1, 2**32, 2**40 + 12345, -2**40 - 7,
         2**53 + 1, 2**62, 2**63 - 1, 2**63, -2**63, -2**63 - 1, 2**64 - 1, 2**64, -2**64, 2**70, -2**70,
         0x0123456789ABCDEF, 0xFEDCBA9876543210, True, False]
for order in "<>!=":
    for code in "bBhHiIlLqQ":
        fmt = order + code
        ok = 0
        for v in edges:
            try:
                b = struct.pack(fmt, v)
            except struct.error as e:
                print(fmt, v, "error:", e)
                continue
            back = struct.unpack(fmt, b)[0]
            ok += 1
            if order == "<" or code in "qQ":
                print(fmt, v, b.hex(), back, back == v)
        print(fmt, ok, "packed")

# every 8-byte pattern with high bits set unpacks to the same int as CPython's
for order in "<>":
    for hi in (0x00, 0x7F, 0x80, 0xFF):
        data = bytes([hi, 0x80, 0x01, 0xFE, 0x00, 0x7F, 0x55, hi ^ 0xAA])
        print(order, data.hex(), struct.unpack(order + "qQ", data + data), struct.unpack(order + "2iII", data + data))

# mixed formats, pack_into and unpack_from with long values
ba = bytearray(24)
struct.pack_into("<qQI", ba, 2, -2**63, 2**64 - 2, 2**32 - 3)
print(ba.hex(), struct.unpack_from("<qQI", ba, 2), struct.unpack_from(">Q", ba, 10))
print(struct.pack(">QqL", 18446744073709551615, -9223372036854775808, 4000000000).hex())
print(struct.unpack(">QqL", bytes(range(20))))
h = 14695981039346656037
for c in b"p4jit":
    h = ((h ^ c) * 1099511628211) % 2**64
print(h, struct.pack("<Q", h).hex(), struct.unpack("<q", struct.pack("<Q", h)))
for fmt, v in [("<q", 1.5), ("<Q", "1"), ("<I", None)]:
    try:
        struct.pack(fmt, v)
    except struct.error as e:
        print(fmt, "error:", e)
