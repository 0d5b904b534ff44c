# Lists of one numeric kind in compiled code: list[float], list[int] and
# lists of those (rows of a matrix, n-body style records); loads, stores,
# len, iteration, nested loops over rows, IndexError at the right line; a
# list with mixed items, or a store of another kind, keeps the function
# interpreted (still correct).


def total(a):
    t = 0.0
    for x in a:
        t += x
    return t


def scale(a, k):
    for i in range(len(a)):
        a[i] = a[i] * k
    return a[len(a) - 1]


def isum(a):
    t = 0
    for i in range(len(a)):
        t += a[i] * (i + 1)
    return t


def rows(m):
    s = 0.0
    for r in m:
        for j in range(len(r)):
            s += r[j] * (j + 1)
    return s


def pairs(bs):
    # every pair of records, both updated: the inner loop starts at i + 1
    e = 0.0
    for i in range(len(bs)):
        b = bs[i]
        for j in range(i + 1, len(bs)):
            c = bs[j]
            dx, dy = b[0] - c[0], b[1] - c[1]
            d2 = dx * dx + dy * dy
            b[2] -= d2
            c[2] += d2
            e += d2
    return e


def imatrix(m, n):
    s = 0
    for i in range(n):
        row = m[i]
        for j in range(len(row)):
            row[j] += i
            s += row[j]
    return s


def get(a, i):
    return a[i]


def mixed(a):
    t = 0.0
    for x in a:
        t += x
    return t


def store_int(a):
    a[0] = 1
    return len(a)


fl = [0.5, 1.25, -2.0, 3.75]
print("total", total(fl))
print("scale", scale(fl, 2.0), fl)
print("isum", isum([3, -1, 4, 1, -5, 9]))
print("rows", rows([[1.0, 2.0], [0.5, 0.25, 0.125], []]))
recs = [[0.0, 0.0, 1.0], [3.0, 4.0, 2.0], [6.0, 8.0, 3.0]]
print("pairs", pairs(recs), recs)
im = [[1, 2, 3], [4, 5], [6]]
print("imatrix", imatrix(im, 3), im)
for i in (0, 3, -1, -4, 4, -5):
    try:
        print("get", i, get(fl, i))
    except IndexError as e:
        print("get", i, "IndexError", e)
try:
    print(imatrix(im, 4))
except IndexError as e:
    print("imatrix IndexError", e)
print("mixed", mixed([1.0, 2, 3.5]))
fl2 = [1.0, 2.0]
print("store_int", store_int(fl2), fl2)
