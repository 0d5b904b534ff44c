# array typecodes q Q (64-bit), l L (C long: only values both sizes hold), d
# (8-byte doubles holding exactly representable values).
from array import array

q = array('q', [-2**63, -1, 0, 1, 2**40, 2**63 - 1])
Q = array('Q', [0, 1, 2**32, 2**63, 2**64 - 1])
print(q, Q, q.itemsize, Q.itemsize, q.typecode, Q.typecode)
print(bytes(array('q', [-2])), bytes(array('Q', [2**64 - 2])), len(bytes(q)))
print(q[0], q[-1], Q[-1], Q[3] - Q[2], sum(q[1:4]), q.tolist()[4], list(reversed(Q))[0])
q[1] = 2**62
Q[0] = 12345678901234567890
q.append(-5)
Q.extend([7, 2**50])
print(q, Q, len(q), len(Q), 2**62 in q, q.index(-5) if hasattr(q, 'index') else 6)
print(array('q', bytes(array('q', [5, -6]))), array('Q', b'\xff' * 8), array('q', range(3)) + array('q', [9]))
print(q == array('q', q.tolist()), q[2:4], q[::-2], max(Q), min(q), sorted(Q)[:2])

l, L = array('l', [-2**31, -1, 0, 2**31 - 1]), array('L', [0, 1, 2**32 - 1])
print(l, L, l[0] + L[2], sum(L), L.typecode, l.tolist())
l[1] += 10
L[1] = 2**31
print(l, L)

d = array('d', [1.5, -0.25, 3, 2**20, 1e10])
print(d, d.itemsize, d[0] + d[1], d[-1], sum(d[:3]), d.typecode)
d.append(0.5)
d[2] = -8
print(d, len(bytes(array('d', [1.0]))), bytes(array('d', [1.0, -2.0])))
print(array('d', bytes(array('d', [6.5, 0.125]))), array('f', [1.5]) == array('d', [1.5]))

for tc, bad in [('q', 2**63), ('q', -2**63 - 1), ('Q', -1), ('Q', 2**64), ('L', -1), ('L', 2**64), ('d', 'x'),
                ('q', 1.5), ('Q', None)]:
    try:
        array(tc, [bad])
        print(tc, 'stored')
    except (OverflowError, TypeError) as e:
        print(tc, type(e).__name__, e)
for tc in 'zjw':
    try:
        array(tc)
    except ValueError as e:
        print(tc, 'ValueError', e)
