"""IDX files (the MNIST container): read any path, gzipped or not; write.

Layout (LeCun's MNIST page): two zero bytes, a type byte, the number of
dimensions, then each dimension as a big-endian u32, then the data in
row-major order, big-endian for multi-byte types.
"""
import gzip
import numpy as np

# type byte -> numpy dtype (big-endian where it matters)
IDX_TYPES = {
    0x08: np.dtype('u1'),
    0x09: np.dtype('i1'),
    0x0B: np.dtype('>i2'),
    0x0C: np.dtype('>i4'),
    0x0D: np.dtype('>f4'),
    0x0E: np.dtype('>f8'),
}

class IdxError(ValueError):
    pass


def _open_bytes(path):
    with open(path, 'rb') as f:
        raw = f.read()
    if raw[:2] == b'\x1f\x8b':        # gzip magic: decompress whatever the name says
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as e:
            raise IdxError(f"{path}: corrupt gzip stream ({e})") from None
    return raw


def parse_idx(raw, where='<bytes>'):
    """Parse IDX bytes into a numpy array (native byte order)."""
    if len(raw) < 4:
        raise IdxError(f"{where}: {len(raw)} bytes, too short for an IDX header")
    if raw[0] != 0 or raw[1] != 0:
        raise IdxError(f"{where}: not an IDX file (first two bytes {raw[0]:#04x} {raw[1]:#04x}, expected 0 0)")
    code, ndim = raw[2], raw[3]
    if code not in IDX_TYPES:
        raise IdxError(f"{where}: unknown IDX element type {code:#04x}")
    if ndim == 0:
        raise IdxError(f"{where}: IDX file with 0 dimensions")
    head = 4 + 4 * ndim
    if len(raw) < head:
        raise IdxError(f"{where}: header needs {head} bytes, file has {len(raw)}")
    dims = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], 'big') for i in range(ndim)]
    dtype = IDX_TYPES[code]
    count = 1
    for d in dims:
        count *= d
    want = head + count * dtype.itemsize
    if len(raw) != want:
        raise IdxError(f"{where}: dimensions {dims} of {dtype.name} need {want} bytes, file has {len(raw)}")
    data = np.frombuffer(raw, dtype=dtype, count=count, offset=head)
    return data.astype(dtype.newbyteorder('='), copy=True).reshape(dims)


def read_idx(path):
    """Read an IDX file (plain or gzipped) into a numpy array."""
    return parse_idx(_open_bytes(path), str(path))


def idx_bytes(array):
    """The IDX encoding of a numpy array (uint8, int8, int16, int32, float32, float64)."""
    a = np.asarray(array)
    if a.ndim == 0 or a.ndim > 255:
        raise IdxError(f"IDX needs 1..255 dimensions, array has {a.ndim}")
    for code, dt in IDX_TYPES.items():
        if a.dtype.kind == dt.kind and a.dtype.itemsize == dt.itemsize:
            break
    else:
        raise IdxError(f"no IDX element type for {a.dtype}")
    head = bytes([0, 0, code, a.ndim]) + b''.join(int(d).to_bytes(4, 'big') for d in a.shape)
    return head + np.ascontiguousarray(a, dtype=dt).tobytes()


def write_idx(path, array, compress=False):
    data = idx_bytes(array)
    if compress:
        data = gzip.compress(data, mtime=0)
    with open(path, 'wb') as f:
        f.write(data)
