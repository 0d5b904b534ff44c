"""binascii for P4JIT: hexlify/unhexlify (b2a_hex/a2b_hex), base64 lines
(b2a_base64/a2b_base64) and crc32, as CPython's module computes them.

Frozen into the runtime (scripts/freeze_lib.py -> src/vm/frozen_lib.c).
"""

__all__ = ["hexlify", "unhexlify", "b2a_hex", "a2b_hex", "b2a_base64", "a2b_base64", "crc32", "Error"]


class Error(ValueError):
    pass


class Incomplete(Exception):
    pass


def _bytes_of(data, name="argument"):
    if isinstance(data, str):
        try:
            return data.encode("ascii")
        except UnicodeError:
            raise ValueError("string argument should contain only ASCII characters")
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)


def hexlify(data, sep=None, bytes_per_sep=1):
    data = bytes(data) if not isinstance(data, str) else _bytes_of(data)
    text = data.hex()
    if sep is not None and data:
        if isinstance(sep, bytes):
            sep = sep.decode()
        step = abs(bytes_per_sep) * 2
        if bytes_per_sep >= 0:  # groups counted from the right
            first = len(text) % step or step
            parts = [text[:first]] + [text[i:i + step] for i in range(first, len(text), step)]
        else:
            parts = [text[i:i + step] for i in range(0, len(text), step)]
        text = sep.join(parts)
    return text.encode()


b2a_hex = hexlify


def unhexlify(hexstr):
    data = _bytes_of(hexstr)
    if len(data) % 2:
        raise Error("Odd-length string")
    try:
        return bytes.fromhex(data.decode())
    except ValueError:
        raise Error("Non-hexadecimal digit found")


a2b_hex = unhexlify

_B64 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def b2a_base64(data, *, newline=True):
    data = bytes(data)
    out = bytearray()
    for i in range(0, len(data) - len(data) % 3, 3):
        n = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]
        out += bytes((_B64[n >> 18], _B64[(n >> 12) & 63], _B64[(n >> 6) & 63], _B64[n & 63]))
    rest = len(data) % 3
    if rest == 1:
        n = data[-1] << 16
        out += bytes((_B64[n >> 18], _B64[(n >> 12) & 63])) + b"=="
    elif rest == 2:
        n = (data[-2] << 16) | (data[-1] << 8)
        out += bytes((_B64[n >> 18], _B64[(n >> 12) & 63], _B64[(n >> 6) & 63])) + b"="
    if newline:
        out += b"\n"
    return bytes(out)


def a2b_base64(data, *, strict_mode=False):
    data = _bytes_of(data)
    out = bytearray()
    acc = 0
    bits = 0
    count = 0  # valid characters seen
    pads = 0
    for c in data:
        if c == 61:  # '='
            if count % 4 >= 2 and count % 4 + pads < 4:
                pads += 1
                if count % 4 + pads == 4:  # the group is complete: what follows is ignored, as CPython
                    acc, bits, pads = 0, 0, 0
                    count = 0
                    break
            continue
        v = _B64.find(bytes((c,)))
        if v < 0:
            continue  # not base64: skipped
        pads = 0
        acc = (acc << 6) | v
        bits += 6
        count += 1
        if bits >= 8:
            bits -= 8
            out.append((acc >> bits) & 0xFF)
            acc &= (1 << bits) - 1
    if count % 4 == 1:
        raise Error("Invalid base64-encoded string: number of data characters (%d) cannot be 1 more than a multiple of 4" % len([c for c in data if _B64.find(bytes((c,))) >= 0]))
    if count % 4 and bits:
        raise Error("Incorrect padding")
    return bytes(out)


def _crc_table():
    table = []
    for n in range(256):
        c = n
        for _ in range(8):
            c = (c >> 1) ^ 0xEDB88320 if c & 1 else c >> 1
        table.append(c)
    return table


_CRC_TABLE = None


def crc32(data, crc=0):
    global _CRC_TABLE
    if _CRC_TABLE is None:
        _CRC_TABLE = _crc_table()
    table = _CRC_TABLE
    crc = ~crc & 0xFFFFFFFF
    for b in bytes(data):
        crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return ~crc & 0xFFFFFFFF
