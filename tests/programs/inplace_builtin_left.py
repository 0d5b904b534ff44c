# In-place operators whose left operand is a built-in value and whose right
# one decides the result, as in CPython (found by tests/lang/gen_lang.py at
# fresh seeds): `n *= deque` makes a deque (was a list), and `s %= obj`
# formats s with obj, never asking obj's __rmod__ (was called).
from collections import deque


class RMod:
    def __rmod__(self, other):
        return ('rmod', other)

    def __repr__(self):
        return 'RMod()'


class TupleLike(tuple):
    def __rmod__(self, other):
        return ('rmod', other)


d = deque([1, 2])
for n in (0, 1, 3, -2):
    x = n
    x *= d
    print(n, x, type(x).__name__, x is d)
x = 2
x *= deque([1, 2, 3], maxlen=4)
print(x)
for left in (bytearray(b''), bytearray(b'%s'), b'', '', '%s', 'x'):
    for right in (RMod(), TupleLike(('t',))):
        y = left
        try:
            y %= right
            print(repr(left), repr(y))
        except TypeError as e:
            print(repr(left), 'TypeError', e)
