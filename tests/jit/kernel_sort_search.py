# Sorting and searching kernels in compiled code: bubble sort with an early
# exit, insertion sort, selection sort (tuple swap), binary search (found,
# missing, both ends), lower bound, and a check that the result is sorted;
# over int, int16 and float arrays.
from array import array


def bubble(a):
    n = len(a)
    passes = 0
    for i in range(n):
        swapped = False
        for j in range(n - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
                swapped = True
        passes += 1
        if not swapped:
            break
    return passes


def insertion(a):
    for i in range(1, len(a)):
        v = a[i]
        j = i - 1
        while j >= 0 and a[j] > v:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = v


def selection(a):
    n = len(a)
    for i in range(n):
        m = i
        for j in range(i, n):
            if a[j] < a[m]:
                m = j
        a[i], a[m] = a[m], a[i]


def is_sorted(a):
    for i in range(1, len(a)):
        if a[i - 1] > a[i]:
            return False
    return True


def bsearch(a, x):
    lo = 0
    hi = len(a) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if a[mid] == x:
            return mid
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1


def lower_bound(a, x):
    lo = 0
    hi = len(a)
    while lo < hi:
        mid = (lo + hi) >> 1
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


vals = [(i * 7919) % 101 - 50 for i in range(40)]
a = array("i", vals)
print(bubble(a), is_sorted(a), list(a)[:10])
b = array("h", vals)
insertion(b)
print(is_sorted(b), list(b) == sorted(vals))
f = array("f", [v * 0.5 for v in vals])
selection(f)
print(is_sorted(f), list(f)[-5:])
s = array("i", [1])
print(bubble(s), bubble(array("i")), bubble(array("i", [1, 2, 3])))
print([bsearch(a, x) for x in (a[0], a[-1], a[17], -51, 51, 0)])
print([lower_bound(a, x) for x in (-100, -50, 0, 3, 49, 100)])
