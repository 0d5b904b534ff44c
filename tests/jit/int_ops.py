# The JIT's integer operators against CPython: every operator, signs, edge values.
def ops(a, b):
    r = a + b
    r = r * 3 - b
    q = a // b
    m = a % b
    x = (a & b) | (a ^ 0x5A5A) 
    s = (a << 3) >> 2
    n = -a + ~b
    return r + q + m + x + s + n


def floor_ops(a, b):
    return a // b * 1000 + a % b


def shifts(a, k):
    return (a << k) + (a >> k)


vals = [1, -1, 7, -7, 13, -13, 1000, -1000, 32767, -32768]
total = 0
for a in vals:
    for b in vals:
        total = (total * 7 + ops(a, b)) & 0xFFFFFF
        print(a, b, floor_ops(a, b), floor_ops(a, 4), floor_ops(a, -8), floor_ops(a, 3))
print(total)
for k in range(0, 16):
    print(k, shifts(-12345, k), shifts(99, k))
