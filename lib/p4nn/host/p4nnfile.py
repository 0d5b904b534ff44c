"""The .p4nn model file of docs/p4nn-model.md (version 1.0): writer and a checking reader.

The reader exists for the host's round-trip tests and to inspect a file; the
device has its own (lib/p4nn). Both reject what the contract rejects.
"""
import re
import struct
import zlib

import numpy as np

MAGIC = b'P4NN'
VERSION = (1, 0)
HEADER = struct.Struct('<4sHHIIII')          # magic, major, minor, size, count, table offset, flags
ALIGN = 16
MAX_TENSORS = 1024
NAME_RE = re.compile(r'[A-Za-z0-9_.]{1,63}\Z')
ELEMENT = {'b': 1, 'i': 4, 'f': 4, 'u': 1}
DTYPE = {'b': np.dtype('<i1'), 'i': np.dtype('<i4'), 'f': np.dtype('<f4'), 'u': np.dtype('u1')}


class P4nnError(ValueError):
    pass


def _typed(name, value):
    """(type letter, dims, bytes) of a tensor: str -> 'u' text, else by numpy dtype."""
    if isinstance(value, str):
        data = value.encode('utf-8')
        return 'u', (len(data),), data
    a = np.asarray(value)
    for t, dt in DTYPE.items():
        if t != 'u' and a.dtype.kind == dt.kind and a.dtype.itemsize == dt.itemsize:
            break
    else:
        raise P4nnError(f"{name}: no .p4nn type for {a.dtype} (int8, int32, float32 or text)")
    if a.ndim > 4:
        raise P4nnError(f"{name}: {a.ndim} dimensions, at most 4")
    return t, a.shape, np.ascontiguousarray(a, dtype=DTYPE[t]).tobytes()


def encode(tensors):
    """tensors: list of (name, value) in file order -> the file's bytes."""
    if not 1 <= len(tensors) <= MAX_TENSORS:
        raise P4nnError(f"{len(tensors)} tensors, must be 1..{MAX_TENSORS}")
    entries, seen = [], set()
    for name, value in tensors:
        if not NAME_RE.match(name) or name in seen:
            raise P4nnError(f"tensor name {name!r} is repeated or not 1..63 of [A-Za-z0-9_.]")
        seen.add(name)
        entries.append((name,) + _typed(name, value))
    table_size = sum(2 + len(n) + 2 + 4 * len(dims) + 8 for n, _, dims, _ in entries)
    offset = HEADER.size + table_size
    table, blocks, layout = b'', [], []
    for name, t, dims, data in entries:
        offset = (offset + ALIGN - 1) // ALIGN * ALIGN
        layout.append(offset)
        table += struct.pack('<H', len(name)) + name.encode('ascii') + struct.pack('<BB', ord(t), len(dims))
        table += b''.join(struct.pack('<I', d) for d in dims) + struct.pack('<II', offset, len(data))
        offset += len(data)
    body = bytearray(offset)
    for (name, t, dims, data), off in zip(entries, layout):
        body[off:off + len(data)] = data
    size = offset + 4
    body[:HEADER.size] = HEADER.pack(MAGIC, VERSION[0], VERSION[1], size, len(entries), HEADER.size, 0)
    body[HEADER.size:HEADER.size + table_size] = table
    return bytes(body) + struct.pack('<I', zlib.crc32(body) & 0xFFFFFFFF)


def write(path, tensors):
    data = encode(tensors)
    with open(path, 'wb') as f:
        f.write(data)
    return len(data)


def decode(data, where='<bytes>'):
    """Check every field of a .p4nn image; return {name: numpy array or str} in file order.
    Arrays are read-only views of `data` (no copy of the weights)."""
    def bad(msg):
        raise P4nnError(f"{where}: {msg}")
    if len(data) < HEADER.size + 4:
        bad(f"{len(data)} bytes, too short for a .p4nn file")
    magic, major, minor, size, count, table_off, flags = HEADER.unpack_from(data, 0)
    if magic != MAGIC:
        bad(f"bad magic {magic!r} (expected {MAGIC!r})")
    if major != VERSION[0]:
        bad(f"version {major}.{minor}: this reader reads major version {VERSION[0]}")
    if minor > VERSION[1]:
        bad(f"version {major}.{minor} is newer than this reader ({VERSION[0]}.{VERSION[1]})")
    if size != len(data):
        bad(f"header says {size} bytes, file has {len(data)}")
    crc = struct.unpack_from('<I', data, size - 4)[0]
    if zlib.crc32(data[:size - 4]) & 0xFFFFFFFF != crc:
        bad("CRC-32 mismatch (corrupt file)")
    if not 1 <= count <= MAX_TENSORS:
        bad(f"tensor count {count}, must be 1..{MAX_TENSORS}")
    if table_off != HEADER.size:
        bad(f"tensor table at {table_off}, must be {HEADER.size}")
    if flags != 0:
        bad(f"flags {flags:#x}, must be 0")
    end_of_data = size - 4
    pos, out, spans = table_off, {}, []
    for k in range(count):
        if pos + 2 > end_of_data:
            bad(f"tensor table entry {k} runs past the data")
        n = struct.unpack_from('<H', data, pos)[0]
        if not 1 <= n <= 63 or pos + 2 + n + 2 > end_of_data:
            bad(f"tensor {k}: name length {n}")
        name = bytes(data[pos + 2:pos + 2 + n]).decode('ascii', 'replace')
        if not NAME_RE.match(name):
            bad(f"tensor {k}: name {name!r} has characters outside [A-Za-z0-9_.]")
        if name in out:
            bad(f"tensor name {name!r} repeated")
        pos += 2 + n
        t, ndim = chr(data[pos]), data[pos + 1]
        pos += 2
        if t not in ELEMENT:
            bad(f"{name}: unknown type {t!r}")
        if ndim > 4:
            bad(f"{name}: {ndim} dimensions, at most 4")
        if pos + 4 * ndim + 8 > end_of_data:
            bad(f"{name}: table entry runs past the data")
        dims = struct.unpack_from(f'<{ndim}I', data, pos)
        pos += 4 * ndim
        off, length = struct.unpack_from('<II', data, pos)
        pos += 8
        elems = 1
        for d in dims:
            elems *= d
            if elems * ELEMENT[t] >= 2**32:
                bad(f"{name}: dimensions {dims} overflow")
        if length != elems * ELEMENT[t]:
            bad(f"{name}: length {length} does not match dimensions {list(dims)} of type {t!r}")
        if off % ALIGN:
            bad(f"{name}: data offset {off} is not a multiple of {ALIGN}")
        if off + length > end_of_data:
            bad(f"{name}: data {off}..{off + length} lies outside the file")
        spans.append((off, off + length, name))
        out[name] = (t, dims, off, length)
    table_end = pos
    for start, stop, name in sorted(spans):
        if stop > start and start < table_end:
            bad(f"{name}: data overlaps the tensor table")
    live = sorted(s for s in spans if s[1] > s[0])
    for (a0, a1, an), (b0, b1, bn) in zip(live, live[1:]):
        if b0 < a1:
            bad(f"data of {an} and {bn} overlap")
    for name, (t, dims, off, length) in out.items():
        if t == 'u':
            try:
                out[name] = bytes(data[off:off + length]).decode('utf-8')
            except UnicodeDecodeError:
                bad(f"{name}: text is not UTF-8")
        else:
            out[name] = np.frombuffer(data, dtype=DTYPE[t], count=length // ELEMENT[t], offset=off).reshape(dims)
    return out


def read(path):
    with open(path, 'rb') as f:
        return decode(f.read(), str(path))
