# The operators on collections.deque, as CPython: + and * make a deque with
# the left one's maxlen, += and *= change the deque itself (every alias sees
# it), maxlen keeps the rightmost items, a deque never equals a list and
# does not concatenate with one. P4JIT's deque (a flagged list) got the
# list's operators: `deque * 2`, `2 * deque` and `deque + deque` gave plain
# lists, += and *= ignored maxlen, and deque([1]) == [1] was True (silent
# wrong results gen_lang.py's in-place section found).
from collections import deque


class Three:
    def __index__(self):
        return 3


def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


d = deque([1, 2])
attempt("d * 2", lambda: d * 2)
attempt("2 * d", lambda: 2 * d)
attempt("type", lambda: (type(d * 2).__name__, type(3 * d).__name__, type(d + d).__name__))
attempt("d * 0", lambda: d * 0)
attempt("d * -1", lambda: d * -1)
attempt("d * long", lambda: d * -(2 ** 40))
attempt("d * longer", lambda: d * -(2 ** 70))
attempt("list * longer", lambda: [1] * -(2 ** 70))
attempt("d * Three", lambda: d * Three())
attempt("maxlen *", lambda: deque([1, 2], 3) * 5)
attempt("* maxlen", lambda: 5 * deque([1, 2, 3], 4))
attempt("maxlen * big", lambda: deque([7, 8, 9], 2) * 10 ** 6)
attempt("d + d", lambda: d + deque([9]))
attempt("maxlen +", lambda: deque([1, 2], 2) + deque([3]))
attempt("d + list", lambda: d + [1])
attempt("list + d", lambda: [1] + d)
attempt("d * 2.0", lambda: d * 2.0)
attempt("==", lambda: (deque([1]) == [1], [1] == deque([1]), deque([1]) != [1], deque([1, 2]) == deque([1, 2])))
attempt("in list", lambda: ([deque([1])] == [[1]], deque([[1]]) == deque([[1]])))
print(d)

e = deque([1], 3)
alias = e
e += [2, 3, 4, 5]
print(alias, e is alias)
e *= 2
print(alias, e is alias)
e += e
print(alias)
f = deque([1, 2])
g = f
f *= 0
print(g, f is g)
h = deque("ab")
k = h
h *= Three()
h += "cd"
print(k, len(k), h is k)
lst = [0]
same = lst
lst += deque([1, 2])                # a list extends itself from a deque
print(same, lst is same)
for seq in ((1, 2), "ab", b"x", [3], deque([4])):
    attempt("neg long *", lambda: (seq * -(2 ** 40), -(2 ** 40) * seq))
