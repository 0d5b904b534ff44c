# Convolution kernels in compiled code: 1-D valid and same-size (zero
# padded) convolution over int16 samples, a float moving average, and 2-D
# 3x3 convolution (box blur, Sobel edge magnitude) over a small uint8 image.
from array import array


def conv1d_valid(x, k, out):
    n = len(x) - len(k) + 1
    for i in range(n):
        s = 0
        for j in range(len(k)):
            s += x[i + j] * k[j]
        out[i] = s
    return n


def conv1d_same(x, k, out):
    half = len(k) // 2
    for i in range(len(x)):
        s = 0
        for j in range(len(k)):
            p = i + j - half
            if 0 <= p < len(x):
                s += x[p] * k[j]
        out[i] = s


def moving_avg(x, w, out):
    for i in range(len(x) - w + 1):
        s = 0.0
        for j in range(w):
            s += x[i + j]
        out[i] = s / w


def blur(img, w, h, out):
    for y in range(1, h - 1):
        for x in range(1, w - 1):
            s = 0
            for dy in range(-1, 2):
                for dx in range(-1, 2):
                    s += img[(y + dy) * w + x + dx]
            out[y * w + x] = s // 9


def sobel(img, w, h, out):
    for y in range(1, h - 1):
        for x in range(1, w - 1):
            p = y * w + x
            gx = img[p - w + 1] + 2 * img[p + 1] + img[p + w + 1] - img[p - w - 1] - 2 * img[p - 1] - img[p + w - 1]
            gy = img[p + w - 1] + 2 * img[p + w] + img[p + w + 1] - img[p - w - 1] - 2 * img[p - w] - img[p - w + 1]
            out[p] = min(255, abs(gx) + abs(gy))


x = array("h", [(i * 13) % 29 - 14 for i in range(20)])
k = array("h", [1, -2, 3, -2, 1])
out = array("i", [0] * 20)
print(conv1d_valid(x, k, out), list(out))
conv1d_same(x, k, out)
print(list(out))
f = array("f", [float(i % 5) for i in range(12)])
fo = array("f", [0.0] * 12)
moving_avg(f, 4, fo)
print([round(v, 3) for v in fo])
W, H = 8, 6
img = array("B", [(x * 40 + y * 25) % 256 if (x + y) % 4 else 255 for y in range(H) for x in range(W)])
o = array("B", [0] * (W * H))
blur(img, W, H, o)
print(list(o))
sobel(img, W, H, o)
print(list(o))
