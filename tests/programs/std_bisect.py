# bisect against CPython: searches, insorts with lo/hi/key, errors
import bisect
from bisect import bisect_left, bisect_right, insort, insort_left

a = [1, 2, 2, 2, 3, 5, 8]
for x in (0, 1, 2, 4, 8, 9):
    print(x, bisect_left(a, x), bisect_right(a, x), bisect.bisect(a, x), bisect_left(a, x, 2), bisect_right(a, x, 0, 3))
print(bisect_left([], 1), bisect_right([], 1))
l = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    insort(l, x)
print(l)
insort_left(l, 4)
bisect.insort_right(l, 7, 0, len(l))
print(l)
recs = [('a', 1), ('b', 3), ('c', 5)]
print(bisect_left(recs, 3, key=lambda r: r[1]), bisect_right(recs, 3, key=lambda r: r[1]))
insort(recs, ('z', 4), key=lambda r: r[1])
print(recs)
grades = 'FDCBA'
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in [33, 99, 77, 70, 89, 90, 100]])
for f, args in [(bisect_left, ([1], 1, -1)), (bisect_right, ([1, 2], 'x')), (insort, (None, 1))]:
    try:
        print(f(*args))
    except Exception as e:
        print(type(e).__name__, e)
