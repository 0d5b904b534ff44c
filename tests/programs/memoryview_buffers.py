# memoryview over bytes, bytearray and array: items, slices that share the
# buffer, writes through a view, slice assignment (overlapping too), the
# buffer protocol where built-ins take bytes, comparisons and errors.
from array import array

b = b"hello world"
m = memoryview(b)
print(len(m), m[0], m[-1], list(m[6:]), m.readonly, m.itemsize, m.format, m.nbytes, m.ndim, m.obj is b)
print(m.tobytes(), m[2:5].tobytes(), m[::1].tolist()[:3], m.hex(), bytes(m[:5]), bytearray(m[6:]))
print(m == b, m[:5] == b"hello", b"world" == m[6:], m != b"x", m[1:3] == memoryview(b"el"), m == "hello world")
print([x for x in m[:4]], sum(m), max(m[:5]), bool(memoryview(b"")), bool(m), m[3:3].tobytes(), m[5:2].tolist())

ba = bytearray(range(10))
v = memoryview(ba)
w = v[2:8]
w[0] = 200
w[-1] = 201
print(ba, len(w), w.tolist(), w.readonly, w.obj is ba)
w[1:3] = b"\x07\x08"
print(ba)
v[1:] = v[:-1]  # overlapping: moves right
print(ba)
v[:-1] = v[1:]  # and left
print(ba)
w2 = memoryview(w)[1:4]
w2[0] = 99
print(ba[3], w2.tolist(), memoryview(memoryview(b"xyz")).tobytes())

a = array("h", [1, -2, 300, -32768])
ma = memoryview(a)
print(ma.itemsize, ma.format, ma.nbytes, ma.tolist(), ma[1:3].tolist(), list(ma[3:1]))
ma[0] = 12345
ma[2:4] = array("h", [7, 8])
print(a, ma == array("h", [12345, -2, 7, 8]), ma == [12345, -2, 7, 8], len(ma.tobytes()))
ai = array("i", [10, 20, 30, 40, 50])
mi = memoryview(ai)
mi[1:] = mi[:-1]
print(ai, memoryview(array("I", [4000000000])).tolist(), memoryview(array("f", [1.5, -0.25])).tolist())
af = array("f", [0.5, 1.5])
mf = memoryview(af)
mf[1] = 2.25
print(af, mf.format, bytes(memoryview(array("B", [1, 2, 255]))))

# the buffer protocol: bytes + view, bytearray slice assignment from a view,
# bytes.find, in
print(b"ab" + memoryview(b"cd"), bytearray(b"x") + memoryview(b"yz"), memoryview(b"ll") in b"hello")
t = bytearray(b"......")
t[1:4] = memoryview(b"abcdef")[3:6]
print(t, b"ll" in b"hello", bytes(memoryview(bytearray(3))))

def setitem(obj, key, value):
    obj[key] = value


for bad in (lambda: memoryview("text"), lambda: memoryview([1, 2]), lambda: memoryview(b"ab")[2],
            lambda: memoryview(b"ab")[-3], lambda: memoryview(b"ab")["x"], lambda: setitem(m, 0, 1),
            lambda: setitem(memoryview(b"ab"), slice(0, 1), b"x"), lambda: setitem(memoryview(ba)[0:2], slice(None), b"abc"),
            lambda: setitem(memoryview(ba), 0, 256), lambda: setitem(memoryview(ba), 0, "a"),
            lambda: setitem(memoryview(ai)[0:2], slice(None), b"12345678"), lambda: memoryview(b"") + b"",
            lambda: memoryview(b"a").nosuch, lambda: setitem(memoryview(ba), slice(0, 2), [1, 2])):
    try:
        print("no error", bad())
    except (TypeError, ValueError, IndexError, AttributeError) as e:
        print(type(e).__name__, e)
print(type(m).__name__, isinstance(m, memoryview), repr(m)[:10])

# hex() with a separator and a group size, as bytes.hex takes them
m = memoryview(b"\x00\x01\x7f\x80\xff")
print(m.hex(), m.hex(":"), m.hex(b"-", 2), m.hex(" ", -2), m[1:4].hex("."))
print(memoryview(bytearray(b"ab")).hex("_"), memoryview(b"").hex(":"))
