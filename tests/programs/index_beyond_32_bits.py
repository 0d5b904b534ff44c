# Indexes beyond 32 bits into every sequence: CPython's IndexError "list
# index out of range" while the index fits its 64-bit Py_ssize_t, "cannot fit
# 'int' into an index-sized integer" beyond. Before, P4JIT gave the second
# from 2**31 on, and str, bytes and range raised TypeError (found by
# tests/jit/gen_mixed.py: a compiled loop's list index grown past 2**31).
from array import array
from collections import deque

for i in [3, -4, 2**31 - 1, 2**31, -2**31 - 1, 2**40, -2**40, 2**62, 2**63 - 1, 2**63, 2**64, -2**63, -2**63 - 1]:
    for what in ('list', 'tuple', 'str', 'bytes', 'array', 'bytearray', 'range', 'deque'):
        seq = {'list': [1, 2, 3], 'tuple': (1, 2), 'str': 'ab', 'bytes': b'ab', 'array': array('i', [1]),
               'bytearray': bytearray(b'a'), 'range': range(3), 'deque': deque([1])}[what]
        for op in ('get', 'set', 'del'):
            try:
                if op == 'get':
                    seq[i]
                elif op == 'set':
                    seq[i] = 1
                else:
                    del seq[i]
                r = 'done'
            except Exception as e:
                r = type(e).__name__ + ': ' + str(e)
            print(what, i, op, r)
