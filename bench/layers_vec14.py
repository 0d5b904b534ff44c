# layers_vec14: matmul shapes for the packed panel of b (vec14,
# bench/RESULTS.md): issue 12's 64^3, two shapes not tuned for (48x80x24,
# 100x33x17), few rows (the panel's copy is made only from 16 rows on),
# and inner counts below 16 (no 16-tap loop). Each runs twice; the second
# call is measured (layers_vec4.measure). Run it with
#   p4jit run --on p4sim [-X pie=off | -X jit=off] bench/layers_vec14.py
from array import array
from layers import int8s, matmul
from layers_vec4 import measure


def mm(M, N, K):
    a = int8s(M * K, 7, 3)
    b = int8s(K * N, 5, 1)
    c = array("i", bytes(4 * M * N))
    measure("matmul_%dx%dx%d" % (M, N, K), matmul, (a, b, c, M, N, K), M * N * K, c)


if __name__ == "__main__":  # (bench/layers_vec15.py imports mm)
    for shape in ((64, 64, 64), (48, 80, 24), (100, 33, 17), (1, 64, 64), (8, 64, 64), (15, 64, 64),
                  (16, 64, 64), (24, 64, 64), (64, 16, 16), (64, 64, 15), (32, 200, 40)):
        mm(*shape)
