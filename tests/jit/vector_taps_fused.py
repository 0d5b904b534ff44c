# The 16-tap loop's broadcast lanes fused into its last tap (vec9, emit.c
# hw_fuse_taps): in a hardware loop, the 16 elements a[k .. k+15] whose
# lanes the taps multiply are loaded once before the loop, and each
# iteration's last tap loads the next 16 (esp.vsmulas.s8.qacc.ld.incp).
# Depths around every count of 16-tap groups (0, 1: no set-up, the
# preload's 16 bytes and the last tap's wasted; 2 and more: the loop),
# one after another (a group of one right after loops that went round);
# the broadcast array exactly as long as read (the last row's fused load
# reads 16 bytes past it); a dense layer with transposed weights (lib
# p4nn's dense_t_acc) whose x is the broadcast; a short array (the scalar
# loop raises where the interpreter does). Compared with CPython.
from array import array


def mm(p, q, r, rows, cols, depth):  # the taps' lanes from p, 16 at a time
    for i in range(rows):
        for j in range(cols):
            s = 0
            for t in range(depth):
                s += p[i * depth + t] * q[t * cols + j]
            r[i * cols + j] = s


def dense_t(x, n, wt, m, acc):  # x broadcast, wt's rows in lanes
    for o in range(m):
        a = 0
        for i in range(n):
            a += x[i] * wt[i * m + o]
        acc[o] = a


def data(n, mul, add):
    return array("b", [(i * mul + add) % 256 - 128 for i in range(n)])


def checksum(c):
    s = 0
    for v in c:
        s = (s * 31 + v) & 0xFFFFFF
    return s


def attempt(f, *args):
    try:
        f(*args)
        return "ok"
    except IndexError as e:
        return "IndexError " + str(e)


for depth in (0, 1, 15, 16, 17, 31, 32, 33, 47, 48, 63, 64, 65, 80, 100, 128):
    for rows, cols in ((1, 16), (3, 17), (2, 40)):
        p, q = data(rows * depth, 7, 3), data(depth * cols, 5, 1)
        r = array("i", [0] * (rows * cols))
        mm(p, q, r, rows, cols, depth)
        print("mm", depth, rows, cols, checksum(r), r[0], r[-1])
# one group right after loops that went round, and the other way round
for depth in (64, 16, 48, 17, 32, 16, 100, 31):
    p, q = data(2 * depth, 11, 7), data(depth * 20, 3, 2)
    r = array("i", [0] * 40)
    mm(p, q, r, 2, 20, depth)
    print("mm seq", depth, checksum(r), r[0], r[-1])
# extreme values: every product -128 * -128
for depth in (16, 64, 96):
    p, q = array("b", [-128] * (2 * depth)), array("b", [-128] * (depth * 16))
    r = array("i", [0] * 32)
    mm(p, q, r, 2, 16, depth)
    print("mm extreme", depth, r[0], r[31])
for n in (0, 1, 16, 17, 32, 40, 64, 129, 256):
    for m in (1, 16, 21):
        x, wt = data(n, 7, 3), data(n * m, 5, 1)
        acc = array("i", [0] * m)
        dense_t(x, n, wt, m, acc)
        print("dense_t", n, m, checksum(acc), acc[0], acc[-1])
# one weight short: the last output's last product
x, wt = data(64, 7, 3), data(64 * 16 - 1, 5, 1)
acc = array("i", [0] * 16)
print("dense_t short", attempt(dense_t, x, 64, wt, 16, acc), checksum(acc))
p, q = data(2 * 48 - 1, 7, 3), data(48 * 16, 5, 1)
r = array("i", [0] * 32)
print("mm short", attempt(mm, p, q, r, 2, 16, 48), checksum(r))
