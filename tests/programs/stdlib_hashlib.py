# hashlib (P4JIT's is a frozen Python module): md5, sha1, sha256 digests
# around the padding boundaries, in pieces, copied, by name
import hashlib

for n in (0, 3, 55, 56, 64, 65):
    data = bytes((i * 7 + n) & 255 for i in range(n))
    print(n, [hashlib.new(name, data).hexdigest() for name in ("md5", "sha1", "sha256")])
h = hashlib.sha256(b"hello ")
g = h.copy()
h.update(b"world")
g.update(bytearray(b"there"))
print(h.hexdigest(), g.hexdigest(), h.digest() == hashlib.sha256(b"hello world").digest(), h.digest() == h.digest())
m = hashlib.md5()
for piece in (b"a", b"bc" * 40, memoryview(b"xyz")):
    m.update(piece)
print(m.hexdigest(), m.name, m.digest_size, m.block_size, hashlib.sha1().digest_size, len(hashlib.sha256().digest()))
for bad in (lambda: hashlib.sha256("text"), lambda: hashlib.new("nope")):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
