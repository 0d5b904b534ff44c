"""hashlib for P4JIT: md5, sha1 and sha256 in Python (update, digest,
hexdigest, copy; new(name)), as CPython's module computes them. Slow next
to C: for checksums of configuration data and messages, not bulk data.

Frozen into the runtime (scripts/freeze_lib.py -> src/vm/frozen_lib.c).
"""

__all__ = ["md5", "sha1", "sha256", "new", "algorithms_available", "algorithms_guaranteed"]

_M = 0xFFFFFFFF


def _rotl(x, n):
    return ((x << n) | (x >> (32 - n))) & _M


def _rotr(x, n):
    return ((x >> n) | (x << (32 - n))) & _M


class _Hash:
    block_size = 64

    def __init__(self, data=b"", *, usedforsecurity=True):
        self._h = list(self._IV)
        self._pending = b""
        self._length = 0
        if data:
            self.update(data)

    def update(self, data):
        if isinstance(data, str):
            raise TypeError("Strings must be encoded before hashing")
        data = self._pending + bytes(data)
        self._length += len(data) - len(self._pending)
        n = len(data) - len(data) % 64
        for i in range(0, n, 64):
            self._block(data[i:i + 64])
        self._pending = data[n:]

    def copy(self):
        other = type(self)()
        other._h = list(self._h)
        other._pending = self._pending
        other._length = self._length
        return other

    def digest(self):
        tail = self.copy()
        bits = self._length * 8
        pad = b"\x80" + bytes((55 - self._length) % 64)
        size = bits.to_bytes(8, "little" if self._LITTLE else "big")
        tail.update(pad + size)
        order = "little" if self._LITTLE else "big"
        return b"".join(x.to_bytes(4, order) for x in tail._h[:self.digest_size // 4])

    def hexdigest(self):
        return self.digest().hex()


class md5(_Hash):
    name = "md5"
    digest_size = 16
    _LITTLE = True
    _IV = (0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476)
    _S = (7, 12, 17, 22) * 4 + (5, 9, 14, 20) * 4 + (4, 11, 16, 23) * 4 + (6, 10, 15, 21) * 4

    def _block(self, chunk):
        K = _MD5_K  # floor(abs(sin(i + 1)) * 2**32): a table, as float32 cannot compute it
        w = [int.from_bytes(chunk[i:i + 4], "little") for i in range(0, 64, 4)]
        a, b, c, d = self._h
        S = self._S
        for i in range(64):
            if i < 16:
                f = (b & c) | (~b & d)
                g = i
            elif i < 32:
                f = (d & b) | (~d & c)
                g = (5 * i + 1) % 16
            elif i < 48:
                f = b ^ c ^ d
                g = (3 * i + 5) % 16
            else:
                f = c ^ (b | (~d & _M))
                g = (7 * i) % 16
            f = (f + a + K[i] + w[g]) & _M
            a, d, c = d, c, b
            b = (b + _rotl(f, S[i])) & _M
        h = self._h
        self._h = [(h[0] + a) & _M, (h[1] + b) & _M, (h[2] + c) & _M, (h[3] + d) & _M]


_MD5_K = (
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
)


class sha1(_Hash):
    name = "sha1"
    digest_size = 20
    _LITTLE = False
    _IV = (0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0)

    def _block(self, chunk):
        w = [int.from_bytes(chunk[i:i + 4], "big") for i in range(0, 64, 4)]
        for i in range(16, 80):
            w.append(_rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1))
        a, b, c, d, e = self._h
        for i in range(80):
            if i < 20:
                f = (b & c) | ((~b & _M) & d)
                k = 0x5A827999
            elif i < 40:
                f = b ^ c ^ d
                k = 0x6ED9EBA1
            elif i < 60:
                f = (b & c) | (b & d) | (c & d)
                k = 0x8F1BBCDC
            else:
                f = b ^ c ^ d
                k = 0xCA62C1D6
            a, b, c, d, e = (_rotl(a, 5) + f + e + k + w[i]) & _M, a, _rotl(b, 30), c, d
        self._h = [(x + y) & _M for x, y in zip(self._h, (a, b, c, d, e))]


_SHA256_K = (
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
)


class sha256(_Hash):
    name = "sha256"
    digest_size = 32
    _LITTLE = False
    _IV = (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)

    def _block(self, chunk):
        w = [int.from_bytes(chunk[i:i + 4], "big") for i in range(0, 64, 4)]
        for i in range(16, 64):
            s0 = _rotr(w[i - 15], 7) ^ _rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
            s1 = _rotr(w[i - 2], 17) ^ _rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
            w.append((w[i - 16] + s0 + w[i - 7] + s1) & _M)
        a, b, c, d, e, f, g, h = self._h
        K = _SHA256_K
        for i in range(64):
            s1 = _rotr(e, 6) ^ _rotr(e, 11) ^ _rotr(e, 25)
            ch = (e & f) ^ ((~e & _M) & g)
            t1 = (h + s1 + ch + K[i] + w[i]) & _M
            s0 = _rotr(a, 2) ^ _rotr(a, 13) ^ _rotr(a, 22)
            maj = (a & b) ^ (a & c) ^ (b & c)
            t2 = (s0 + maj) & _M
            h, g, f, e, d, c, b, a = g, f, e, (d + t1) & _M, c, b, a, (t1 + t2) & _M
        self._h = [(x + y) & _M for x, y in zip(self._h, (a, b, c, d, e, f, g, h))]


_ALGORITHMS = {"md5": md5, "sha1": sha1, "sha256": sha256}
algorithms_guaranteed = algorithms_available = set(_ALGORITHMS)


def new(name, data=b"", **kwargs):
    cls = _ALGORITHMS.get(name.lower())
    if cls is None:
        raise ValueError("unsupported hash type " + name)
    return cls(data)
