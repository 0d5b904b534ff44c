# Scan and histogram kernels in compiled code: inclusive and exclusive
# prefix sums (in place and into another array), a histogram of byte values
# into an int array, a histogram with bucket arithmetic and clamping, a
# cumulative distribution from the histogram, and a counting sort built on it.
from array import array


def prefix_inplace(a):
    for i in range(1, len(a)):
        a[i] += a[i - 1]
    return a[-1]


def exclusive_scan(src, dst):
    acc = 0
    for i in range(len(src)):
        dst[i] = acc
        acc += src[i]
    return acc


def histogram(data, hist):
    for i in range(len(hist)):
        hist[i] = 0
    for v in data:
        hist[v] += 1


def bucketed(data, lo, width, hist):
    nb = len(hist)
    for i in range(len(data)):
        b = (data[i] - lo) // width
        b = max(0, min(b, nb - 1))
        hist[b] += 1


def counting_sort(data, counts, out):
    histogram(data, counts)
    exclusive_scan(counts, counts)
    for v in data:
        out[counts[v]] = v
        counts[v] += 1


a = array("i", [3, 1, 4, 1, 5, 9, 2, 6, 5, 3])
print(prefix_inplace(a), list(a))
d = array("i", [0] * 10)
print(exclusive_scan(array("h", [5, -2, 7, 0, 1, 1, 1, 100, -50, 3]), d), list(d))
data = bytearray([(i * 37 + i // 7) % 16 for i in range(500)])
hist = array("i", [0] * 16)
histogram(data, hist)
print(list(hist), sum(hist))
prefix_inplace(hist)
print(list(hist))
b = array("i", [0] * 5)
bucketed(array("h", [-50, 0, 5, 19, 20, 39, 40, 99, 100, 1000, -1]), 0, 20, b)
print(list(b))
small = bytearray([(i * 7919) % 10 for i in range(30)])
counts = array("i", [0] * 10)
out = bytearray(30)
counting_sort(small, counts, out)
print(list(out))
