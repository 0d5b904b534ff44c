# Arrays, bytearrays and lists resized by a callee while a compiled caller
# holds them: a call into the interpreter (vmcall.c), or a compiled callee's
# call of one. cse.c merged the array's length and data pointer across the
# call, licm.c hoisted them out of loops with calls, and range.c took two
# lengths of one array for the same: the caller read the old length (a sum
# of 3 items where 53 were there), read freed or shrunk memory (a sum past
# the end where CPython raises IndexError) and stored into it. The same
# in the outer loops of PIE kernels (a dot product on lanes, an elementwise
# loop) whose arrays grow or shrink between inner loops.
from array import array


def grow_list(lst, n):
    for i in range(n):
        lst.append(i * 3)
    return 0


def sum_after_grow(lst, n):
    s = lst[0]
    grow_list(lst, n)
    for i in range(len(lst)):
        s += lst[i]
    return s


def grow_arr(a, n):
    for i in range(n):
        a.append((i * 7) % 100 - 50)


def arr_after_grow(a, n):
    s = 0
    for i in range(len(a)):
        s += a[i]
    grow_arr(a, n)
    for i in range(len(a)):
        s += a[i] * 2
    return s


def shrink_arr(a):
    while len(a) > 1:
        a.pop()


def arr_after_shrink(a):
    n = len(a)
    shrink_arr(a)
    s = 0
    for i in range(n):
        s += a[i]
    return s


def ba_grow(b, n):
    b.extend(bytes(n))


def ba_after(b, n):
    b[0] = 7
    ba_grow(b, n)
    b[len(b) - 1] = 9
    return b[0] + b[len(b) - 1] + len(b)


def grow_in_loop(a, k):
    # the loop's own length and data pointer change on every iteration
    s = 0
    i = 0
    while i < len(a):
        s += a[i] * (i + 1)
        if i < k:
            grow_arr(a, 3)
        i += 1
    return s, len(a)


def shrink_in_loop(a):
    s = 0
    for i in range(len(a)):
        s += a[i]
        if i == 2:
            shrink_arr(a)
    return s


def stores_after_shrink(a):
    n = len(a)
    a[n - 1] = 5
    shrink_arr(a)
    a[n - 1] = 6
    return a[0]


def via_compiled(a, n):
    # a compiled callee that calls the interpreter
    grow_arr(a, n)
    return len(a)


def caller_of_compiled(a, n):
    m = len(a)
    k = via_compiled(a, n)
    return m, k, len(a), a[len(a) - 1]


def shrink_by(a, k):
    for i in range(k):
        a.pop()


def dot_grown(x, w, n, k):
    t = 0
    for r in range(4):
        acc = 0
        for i in range(n):
            acc += x[i] * w[i]
        t += acc * (r + 1)
        grow_arr(x, k)
        grow_arr(w, k)
        n = len(x) if len(x) < len(w) else len(w)
    return t


def dot_shrunk(x, w, n):
    t = 0
    for r in range(4):
        acc = 0
        for i in range(n):
            acc += x[i] * w[i]
        t += acc
        shrink_by(x, 5)
    return t


def ew_grown(a, b, out, n):
    for r in range(3):
        for i in range(n):
            out[i] = a[i] + b[i]
        grow_arr(out, 20)
        grow_arr(a, 20)
        grow_arr(b, 20)
        n += 20
    s = 0
    for i in range(len(out)):
        s += out[i] * (i % 7)
    return s


for rep in range(3):
    x = array('b', [(i * 13) % 200 - 100 for i in range(40)])
    w = array('b', [(i * 29) % 200 - 100 for i in range(40)])
    print('dot_grown', dot_grown(x, w, 40, 16 + rep * 7), len(x))
    x = array('b', [(i * 13) % 200 - 100 for i in range(40)])
    try:
        print('dot_shrunk', dot_shrunk(x, w, 33))
    except IndexError as e:
        print('dot_shrunk IndexError', e, len(x))
    a = array('b', [(i * 5) % 100 for i in range(32)])
    b = array('b', [(i * 3) % 27 for i in range(32)])
    print('ew_grown', ew_grown(a, b, array('b', bytes(32)), 32))

for rep in range(4):
    print('sum_after_grow', sum_after_grow([1, 2, 3], 50 + rep))
    print('arr_after_grow', arr_after_grow(array('i', [1, 2, 3]), 200 + rep))
    for f, a in ((arr_after_shrink, array('i', [5, 6, 7, 8])), (shrink_in_loop, array('h', [1, 2, 3, 4, 5])),
                 (stores_after_shrink, array('i', [1, 2, 3]))):
        try:
            print(f.__name__, f(a), list(a))
        except IndexError as e:
            print(f.__name__, 'IndexError', e, list(a))
    print('ba_after', ba_after(bytearray(3), 100 + rep))
    print('grow_in_loop', grow_in_loop(array('i', [1, 2, 3]), 5 + rep))
    print('grow_in_loop', grow_in_loop(array('f', [0.5, 1.5]), rep))
    print('caller_of_compiled', caller_of_compiled(array('b', [1, 2]), 40 + rep))
