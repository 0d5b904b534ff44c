# Unsigned bytes in int8 lanes on PIE (elementwise.c, vec10): array('B') and
# bytearray elements shifted right by a count of 1 or more (vmul.s8 by 1,
# then esp.andq with 0xff >> s: the value is in [0, 127], an int8 without a
# test) or less 128 (esp.xorq with 0x80), as an image's pixels become a
# network's int8 input (lib/p4nn's pixels_to_int8). Every length 0-40 and a
# few large, counts 0-12 (0 leaves values past int8: the scalar loop raises
# OverflowError at the store; a negative count raises ValueError), offsets,
# an index past the end, and the near misses that stay scalar (an unsigned
# byte used as it is).
from array import array


def pixels_to_int8(src, off, n, dst):
    for i in range(n):
        dst[i] = src[off + i] >> 1


def shifted(src, s, n, dst):
    for i in range(n):
        dst[i] = src[i] >> s


def centred(src, n, dst):
    for i in range(n):
        dst[i] = src[i] - 128


def centred_relu(src, n, b, dst):
    for i in range(n):
        dst[i] = max(src[i] + (-128), b[i])


def scaled(src, s, w, n, dst):
    # the shifted pixel then an int8 add (tested for saturation as any add)
    for i in range(n):
        dst[i] = (src[i] >> s) + w[i]


def as_is(src, n, dst):
    for i in range(n):
        dst[i] = src[i]


def checksum(x):
    s = 0
    for i in range(len(x)):
        s = (s * 31 + x[i] + 7) % 1000003
    return s


def attempt(f, *args):
    try:
        f(*args)
        return "ok"
    except Exception as e:
        return type(e).__name__ + ": " + str(e)


pix = bytearray([(i * 97 + 13) % 256 for i in range(300)])
upix = array("B", [(i * 61 + 200) % 256 for i in range(300)])
w8 = array("b", [(i * 7) % 100 - 50 for i in range(300)])

for n in list(range(0, 41)) + [64, 100, 255]:
    d1 = array("b", [3] * 300)
    pixels_to_int8(pix, 5, n, d1)
    d2 = array("b", [0] * 300)
    shifted(upix, 2, n, d2)
    d3 = array("b", [0] * 300)
    centred(pix, n, d3)
    d4 = array("b", [0] * 300)
    centred_relu(upix, n, w8, d4)
    d5 = array("b", [0] * 300)
    scaled(pix, 3, w8, n, d5)
    print(n, checksum(d1), checksum(d2), checksum(d3), checksum(d4), checksum(d5))

for s in range(-1, 13):
    d = array("b", [0] * 40)
    print("count", s, attempt(shifted, upix, s, 40, d), checksum(d))
    d = array("b", [0] * 40)
    print("count-bytearray", s, attempt(shifted, pix, s, 40, d), checksum(d))

# an add that leaves int8 in the last lane of a vector, and past the scalar tail
for at in [0, 15, 16, 33]:
    w = array("b", [0] * 40)
    w[at] = 127
    big = bytearray([255] * 40)
    d = array("b", [0] * 40)
    print("add-overflow", at, attempt(scaled, big, 1, w, 40, d), checksum(d))
# index past the end, in the source and the destination
d = array("b", [0] * 40)
print("short-src", attempt(pixels_to_int8, bytearray(range(30)), 0, 40, d), checksum(d))
d = array("b", [0] * 25)
print("short-dst", attempt(centred, pix, 40, d), checksum(d))
d = array("b", [0] * 40)
print("off-end", attempt(pixels_to_int8, pix, 280, 40, d), checksum(d))
# an unsigned byte stored as it is: values past 127 raise (scalar)
d = array("b", [0] * 40)
print("as-is", attempt(as_is, bytearray(range(0, 200, 5)), 40, d), checksum(d))
