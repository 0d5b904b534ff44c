# p4nn_model for CPython: load(path) -> {name: array or str}, as the native
# module of P4JIT (src/nn/model.c) returns it, so that programs using the
# p4nn library run unchanged under CPython (PYTHONPATH=lib/p4nn:lib/python).
# P4JIT never reads this file: its built-in module of the same name comes
# first. It checks the header, the CRC and the lengths; the native reader is
# the one that checks every field (docs/p4nn-model.md).
import struct
import zlib
from array import array


def load(path):
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 28 or data[:4] != b"P4NN":
        raise ValueError(path + ": invalid p4nn model: not a p4nn model file (bad magic)")
    major, minor, size, count, table, flags = struct.unpack_from("<HHIIII", data, 4)
    if (major, minor) != (1, 0) or size != len(data) or table != 24 or flags != 0:
        raise ValueError(path + ": invalid p4nn model: bad header")
    if struct.unpack_from("<I", data, size - 4)[0] != zlib.crc32(data[:-4]):
        raise ValueError(path + ": invalid p4nn model: CRC mismatch")
    out, pos = {}, 24
    for _ in range(count):
        (n,) = struct.unpack_from("<H", data, pos)
        name = data[pos + 2:pos + 2 + n].decode("ascii")
        typ, nd = chr(data[pos + 2 + n]), data[pos + 3 + n]
        pos += 4 + n + 4 * nd
        off, length = struct.unpack_from("<II", data, pos)
        pos += 8
        blob = data[off:off + length]
        if len(blob) != length:
            raise ValueError(path + ": invalid p4nn model: tensor '" + name + "' lies outside the file")
        if typ == "u":
            out[name] = blob.decode("utf-8")
        else:
            a = array(typ)
            a.frombytes(blob)
            out[name] = a
    return out
