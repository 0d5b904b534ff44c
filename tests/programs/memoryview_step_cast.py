# memoryview: slices with a step (forwards, backwards, nested), cast() between
# byte and wider formats, toreadonly, shape/strides, writes through views
import array
import struct

data = bytearray(range(20))
m = memoryview(data)
for key in (slice(None, None, 2), slice(1, None, 3), slice(None, None, -1), slice(15, 2, -4),
            slice(None, None, 7), slice(5, 5, 2), slice(-3, None, -2)):
    v = m[key]
    print(key, list(v), len(v), v.tobytes(), v.hex(), v.strides, v.shape, v.contiguous, v.nbytes)
v = m[::2][1::3][::-1]
print(list(v), v[0], v[-1], v.tolist() == list(data[::2][1::3][::-1]))
m[::5] = b"\xf0\xf1\xf2\xf3"
print(list(data))
m[1::5] = m[2::5]
print(list(data))
m[::-2] = bytes(10)
print(list(data), bytes(m[1:8:2]), bytearray(m[::4]))
try:
    m[::2] = b"123"
except ValueError as e:
    print("ValueError", e)
w = m[::3]
w[2] = 99
print(data[6], w[2], 99 in w, w == bytearray(data[::3]), w[::-1].tolist()[:3])

a = array.array("h", [1, -2, 300, -400, 5, 6])
ma = memoryview(a)
print(list(ma[::2]), list(ma[::-3]), ma[1::2].tolist(), ma[::2].itemsize, ma[::2].strides)
ma[::2] = array.array("h", [7, 8, 9])
print(a.tolist())

# cast: bytes to wider formats and back
raw = bytearray(struct.pack("<4h", 1, -1, 1000, -32768))
mb = memoryview(raw)
h = mb.cast("h")
print(h.format, h.itemsize, len(h), h.tolist(), h.nbytes, h.shape, h.strides)
h[1] = 12345
print(list(raw[2:4]), struct.unpack("<h", raw[2:4])[0])
i = mb.cast("I")
print(i.tolist(), i.cast("B").tolist() == list(raw), mb.cast("b").tolist()[:4])
print(mb.cast("c")[:3].tolist(), mb.cast("B", [8]).tolist(), mb.cast("@H").tolist())
f = memoryview(bytearray(struct.pack("<2f", 1.5, -2.25))).cast("f")
print(f.tolist(), f[1])
q = memoryview(bytearray(struct.pack("<q", -5))).cast("q")
print(q[0], memoryview(bytearray(8)).cast("Q").tolist())
ai = memoryview(array.array("i", [1, 256])).cast("B")
print(ai.tolist(), ai.format, ai.obj.tolist())
for bad in (lambda: mb.cast("h").cast("i"), lambda: mb[::2].cast("h"), lambda: memoryview(bytearray(3)).cast("h"),
            lambda: mb.cast("x"), lambda: mb.cast("hh"), lambda: mb.cast("B", [5])):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for fmt, value in (("h", 40000), ("B", -1), ("h", "x"), ("c", b"ab"), ("b", 1.5)):
    try:
        memoryview(bytearray(8)).cast(fmt)[0] = value
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
ro = m.toreadonly()
print(ro.readonly, m.readonly, ro[::2][:3].tolist())
try:
    ro[0] = 1
except TypeError as e:
    print("TypeError", e)
mm = memoryview(b"abc")
print(mm[::-1].tobytes(), mm.readonly)
print(memoryview(b"abcdef")[::2] == b"ace", memoryview(b"abcdef")[1::2] == memoryview(b"bdf"))
# struct reads a contiguous view; a view with a step is refused
raw = b"0123456789"
print(struct.unpack("<h", memoryview(raw)[1:3]), struct.unpack_from("<i", memoryview(raw), 2))
try:
    struct.unpack("<h", memoryview(raw)[::5])
except BufferError:
    print("BufferError: not contiguous")
