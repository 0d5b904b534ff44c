# A dense layer's output loop versioned on the row length (vec8): one
# compiled function runs its three copies across calls (rows below 16: the
# scalar copy; 16 to 383 with a tail of 4 or more: the single-row vector
# loop; the rest: the row-pair nest), and each copy must give what the
# interpreter gives: sums, an accumulator leaving int32 (the interpreter's
# int beyond 32 bits), w one element short (IndexError in the last row).
from array import array
def dense(x, w, y, n, m):
    for o in range(m):
        acc = 0
        for i in range(n):
            acc += x[i] * w[o * n + i]
        y[o] = acc
def biased(x, w, y, n, m, bias):
    for o in range(m):
        acc = bias
        for i in range(n):
            acc += w[o * n + i] * x[i]
        y[o] = (acc - bias) & 0x7FFFFFFF
for n in (0, 1, 3, 4, 5, 15, 16, 17, 19, 20, 31, 35, 36, 64, 383, 384, 387, 388, 400):
    x = array('b', [(i * 37 + 5) % 256 - 128 for i in range(n)])
    for m in (1, 2, 3, 5):
        for short in (0, 1):
            w = array('b', [127 if i % 3 else -128 for i in range(max(n * m - short, 0))])
            y = array('i', [7] * m)
            try:
                dense(x, w, y, n, m)
                print(n, m, short, list(y))
            except IndexError as e:
                print(n, m, short, 'IndexError', list(y))
        w = array('b', [(i * 101 + 3) % 256 - 128 for i in range(n * m)])
        for bias in (0, 2**31 - 1 - 100, -2**31 + 50):
            y = array('i', [0] * m)
            biased(x, w, y, n, m, bias)
            print(n, m, bias, list(y))
