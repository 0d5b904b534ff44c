# bytearray in compiled code: loads and stores, ValueError for a byte out of
# range(0, 256) at the right element, a checksum (Fletcher-16), run-length
# counting, a Caesar shift over letters, and a bytes object passed to the
# same functions (bytes is not a JIT type: those calls stay interpreted).
def fletcher16(data):
    s1 = 0
    s2 = 0
    for i in range(len(data)):
        s1 = (s1 + data[i]) % 255
        s2 = (s2 + s1) % 255
    return (s2 << 8) | s1


def runs(data):
    n = 0
    prev = -1
    for i in range(len(data)):
        if data[i] != prev:
            n += 1
            prev = data[i]
    return n


def caesar(data, k):
    for i in range(len(data)):
        c = data[i]
        if 97 <= c <= 122:
            data[i] = (c - 97 + k) % 26 + 97
        elif 65 <= c <= 90:
            data[i] = (c - 65 + k) % 26 + 65


def ramp(data, start, step):
    v = start
    for i in range(len(data)):
        data[i] = v
        v += step
    return v


msg = bytearray(b"Hello, World! abcxyz")
print(fletcher16(msg), runs(msg), fletcher16(b"abcde"), runs(b"aaabbbcccd"))
caesar(msg, 3)
print(msg)
caesar(msg, 23)
print(msg)
for start, step in ((0, 30), (255, -30), (200, 20), (20, -10)):
    buf = bytearray(8)
    try:
        print(start, step, ramp(buf, start, step), list(buf))
    except ValueError as e:
        print(start, step, "ValueError:", e, list(buf))
print(fletcher16(bytearray(0)), runs(bytearray(b"\x00\x00\xff")))
