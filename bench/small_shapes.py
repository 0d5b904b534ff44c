# small_shapes: int8 and int16 kernels at the small shapes where the vector
# path's fixed cost matters (issue 12's rule: no vector path slower than
# the scalar code it replaces). Dot products, dense layers (both weight
# layouts), and a 3x3 convolution with few channels, the sizes passed as
# arguments; each runs twice, the second call measured. Run it as
#   p4jit run --on p4sim [-X pie=off] bench/small_shapes.py
# bench/small_shapes_table.py runs both and prints the comparison.
from array import array
from layers import dense, dense_t_acc, conv3x3
from layers_vec4 import measure


def dot(a, b, n, out, unused):              # (five parameters: layers_vec4.call)
    acc = 0
    for i in range(n):
        acc += a[i] * b[i]
    out[0] = acc


def filled(code, n, mul, add):
    a = array(code, bytes((1 if code == "b" else 2) * n))
    lim = 256 if code == "b" else 4096           # int16 beyond int8, sums far from overflow
    for i in range(n):
        a[i] = (i * mul + add) % lim - lim // 2
    return a


if __name__ == "__main__":
    sizes = (1, 2, 3, 4, 5, 7, 8, 12, 15, 16, 17, 20, 24, 31, 32, 33, 40, 47, 48, 63, 64)
    for code in ("b", "h"):
        for n in sizes:
            a, b, out = filled(code, n, 7, 3), filled(code, n, 5, 1), array("i", [0])
            measure("dot_%s_%d" % (code, n), dot, (a, b, n, out, 0), n, out)
        for m in (1, 2, 3, 4):
            for n in sizes:
                x, w, y = filled(code, n, 7, 3), filled(code, n * m, 5, 1), array("i", bytes(4 * m))
                measure("dense_%s_%d_%d" % (code, n, m), dense, (x, w, y, n, m), n * m, y)
                measure("dense_t_%s_%d_%d" % (code, n, m), dense_t_acc, (x, n, w, m, y), n * m, y)
        for H in (4, 6, 10):
            for C in (1, 2, 3, 4):
                F = 2
                inp, wts = filled(code, H * H * C, 13, 5), filled(code, 9 * C * F, 29, 11)
                out = array("i", bytes(4 * (H - 2) * (H - 2) * F))
                measure("conv_%s_%dx%d_%d_%d" % (code, H, H, C, F), conv3x3, (inp, wts, out, H, H, C, F),
                        (H - 2) * (H - 2) * F * 9 * C, out)
