# OverflowError messages of array stores out of an element's range, as
# CPython's: 'b' converts through a C short first (beyond a short's range the
# short's message, found by tests/jit/gen_mixed.py), 'I' through a 64-bit C
# unsigned long (up to 2**64-1 "unsigned int is greater than maximum"). 'l'
# and 'L' are 4 bytes here (docs/language.md, deviation 30): not shown.
from array import array

VALUES = [127, 128, 256, -129, 32767, 32768, -32769, 40000, -40000, 70000, -70000, 2**31 - 1,
          2**31, -2**31 - 1, 2**32, 2**63 - 1, 2**63, -2**63 - 1, 2**64 - 1, 2**64, 2**70, -2**70]
for tc in 'bBhHiIqQ':
    for v in VALUES:
        a = array(tc, [0])
        try:
            a[0] = v
            r = 'stored'
        except OverflowError as e:
            r = str(e)
        print(tc, v, r)
# the other ways in: append, the constructor, slices, extend
for store in (lambda a, v: a.append(v), lambda a, v: array('b', [v]),
              lambda a, v: a.__setitem__(slice(0, 1), array('b', [v])), lambda a, v: a.extend([1, v])):
    for v in [200, 40000, -2**40]:
        try:
            store(array('b', [0]), v)
        except OverflowError as e:
            print(v, e)
