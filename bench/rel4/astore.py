from array import array
a = array('h', [0] * 1000)
b = bytearray(1000)
for r in range(20):
    for i in range(1000):
        a[i] = i - r
        b[i] = i & 255
print(sum(a), sum(b))
