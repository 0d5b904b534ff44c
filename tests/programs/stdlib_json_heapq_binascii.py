# json, heapq and binascii (P4JIT's are frozen Python modules, lib/std):
# round trips and CPython's exact text on generated data
import binascii
import heapq
import json

seed = 12345


def rnd(n):
    """A small deterministic generator (the same on every implementation)."""
    global seed
    seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
    return seed % n


def make(depth):
    k = rnd(9 if depth < 3 else 5)
    if k == 0:
        return None
    if k == 1:
        return rnd(2) == 1
    if k == 2:
        return rnd(2000) - 1000
    if k == 3:
        return "".join(chr(c) for c in (32 + rnd(95), 9, 200 + rnd(300), 34, 92)[:1 + rnd(5)])
    if k == 4:
        return (rnd(64) - 32) / 4
    if k in (5, 6):
        return [make(depth + 1) for _ in range(rnd(4))]
    return {"k%d" % rnd(50): make(depth + 1) for _ in range(rnd(4))}


for i in range(40):
    v = make(0)
    text = json.dumps(v)
    back = json.loads(text)
    print(text, back == v, json.dumps(v, separators=(",", ":"), sort_keys=True) == json.dumps(back, separators=(",", ":"), sort_keys=True))
print(json.dumps({"b": [1, {"c": None}], "a": "\u00e9\U0001f600"}, indent=2, sort_keys=True))
print(json.dumps({"x": [1, 2]}, indent="\t"), json.dumps([], indent=3), json.dumps("\u00e9", ensure_ascii=False))
print(json.dumps({1: 2, 2.5: 3, True: 4, None: 5}), json.dumps((1, (2,))), json.dumps(float("inf")))
print(json.loads('{"a": [1, 2.5e3, -0, 1E-2, "\\u00e9\\ud83d\\ude00\\n"], "b": {"c": {}}}'))
print(json.loads(b'[1, 2]'), json.loads("  7 "), json.loads('"\\/"'), json.loads('[NaN]')[0] != 0)
print(json.loads('{"a": 1}', object_hook=lambda d: sorted(d.items())), json.loads('[1.5]', parse_float=str))
for bad in ('[1, 2', '{"a" 1}', '{1: 2}', '[1,]', '"abc', 'tru', '[1] x', '', '"\\x"', '01'):
    try:
        json.loads(bad)
        print("accepted", bad)
    except ValueError as e:
        print(type(e).__name__, isinstance(e, json.JSONDecodeError), e)
for bad in ({1, 2}, {(1, 2): 3}, float("nan")):
    try:
        print(json.dumps(bad, allow_nan=False))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(json.dumps({"s": {1}}, default=sorted), json.dumps({(1,): 2}, skipkeys=True))
loop = []
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print("ValueError", e)

# heapq against sorting
for n in (0, 1, 2, 7, 30):
    data = [rnd(50) for _ in range(n)]
    h = []
    for x in data:
        heapq.heappush(h, x)
    h2 = list(data)
    heapq.heapify(h2)
    print(h, h2, [heapq.heappop(h) for _ in range(n)] == sorted(data))
h = [5, 1, 8, 3]
heapq.heapify(h)
print(heapq.heapreplace(h, 9), h, heapq.heappushpop(h, 0), heapq.heappushpop(h, 7), h)
print(heapq.nsmallest(3, [5, 2, 8, 1, 9]), heapq.nlargest(2, ["a", "ccc", "bb"], key=len), list(heapq.merge([1, 4], [2, 3])))
tasks = []
for prio, name in ((3, "c"), (1, "a"), (2, "b"), (1, "a2")):
    heapq.heappush(tasks, (prio, name))
print([heapq.heappop(tasks) for _ in range(4)])
for bad in (lambda: heapq.heappop([]), lambda: heapq.heappush((), 1), lambda: heapq.heapreplace([], 1)):
    try:
        bad()
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)

# binascii
for n in range(12):
    data = bytes(rnd(256) for _ in range(n))
    enc = binascii.b2a_base64(data)
    print(binascii.hexlify(data), enc, binascii.a2b_base64(enc) == data, binascii.crc32(data),
          binascii.unhexlify(binascii.hexlify(data)) == data, binascii.b2a_base64(data, newline=False) == enc[:-1])
print(binascii.hexlify(b"\x01\x02\x03\x04\x05", "-"), binascii.hexlify(b"\x01\x02\x03\x04\x05", b":", 2),
      binascii.hexlify(b"\x01\x02\x03\x04\x05", ".", -2), binascii.crc32(b"hello", binascii.crc32(b"abc")))
print(binascii.a2b_base64("aGVs\nbG8=\n"), binascii.a2b_base64(b"aGVsbG8=ignored"), binascii.unhexlify("ABcd"))
for bad in ("abc", "zz", b"a"):
    for fn in (binascii.unhexlify, binascii.a2b_base64):
        try:
            print(fn(bad))
        except ValueError as e:
            print(type(e).__name__, isinstance(e, binascii.Error), e)

# random.getrandbits beyond 31 bits (values differ from CPython's: only their range is checked)
import random
random.seed(7)
for k in (1, 31, 32, 33, 64, 100):
    xs = [random.getrandbits(k) for _ in range(50)]
    print(k, all(0 <= x < 2 ** k for x in xs), max(xs) >= 2 ** (k - 3), all(type(x) is int for x in xs))

# platform (P4JIT's values differ from CPython's: only their kinds are checked)
import platform
print([type(f()).__name__ for f in (platform.system, platform.machine, platform.python_version, platform.python_compiler,
                                    platform.platform, platform.python_implementation)],
      isinstance(platform.uname(), tuple), len(platform.uname()), len(platform.python_version_tuple()),
      type(platform.libc_ver()).__name__)

# errno: the common numbers and their names
import errno
names = ["EPERM", "ENOENT", "EINTR", "EIO", "EBADF", "EAGAIN", "EWOULDBLOCK", "ENOMEM", "EACCES", "EEXIST",
         "ENOTDIR", "EISDIR", "EINVAL", "ENOSPC", "EPIPE", "ERANGE", "ETIMEDOUT", "ECONNRESET", "EINPROGRESS",
         "EOPNOTSUPP", "ENOTSUP", "EADDRINUSE", "EHOSTUNREACH"]
print([getattr(errno, n) for n in names])
print([errno.errorcode[getattr(errno, n)] for n in names], str(OSError(errno.ENOENT, "gone")))
