# Numeric kernels on arrays: int8 dot products, prefix sums, saturation.
from array import array
n = 64
a = array("b", [(i * 37) % 256 - 128 for i in range(n)])
b = array("b", [(i * 91 + 7) % 256 - 128 for i in range(n)])
dot = 0
for i in range(n):
    dot += a[i] * b[i]
print(dot)
prefix = array("i", [0] * (n + 1))
for i in range(n):
    prefix[i + 1] = prefix[i] + a[i]
print(prefix[n], prefix[n // 2], max(prefix), min(prefix))
def saturate(v):
    return 127 if v > 127 else -128 if v < -128 else v
scaled = array("b", [saturate(v * 3) for v in a])
print(scaled[:8], sum(scaled))
h = array("h", [0] * 16)
for v in a:
    h[(v + 128) // 16] += 1
print(h.tolist())
f = array("f", [v / 4 for v in range(8)])
print(f, sum(f))
