# A compiled method recursing past the recursion limit raises RecursionError.
# jit.c's jit_rt_fail took only CALL's failed budget check for recursion:
# at CALL_METHOD (self.depth(...)) it re-ran the instruction as a binary
# operator, "TypeError: unsupported operand type(s) for ?: 'int' and 'int'"
# (found by hand beside tests/jit/gen_mixed.py's recursion).
class Node:
    def depth(self, k):
        if k <= 0:
            return k
        return self.depth(k - 1) + 1

    def fdepth(self, k, x):
        if k <= 0:
            return x
        return self.fdepth(k - 1, x + 0.5) * 1.0

    def other(self, peer, k):
        return 0 if k <= 0 else peer.other(self, k - 1) + 1


a, b = Node(), Node()
for n in (10, 900, 1001, 5000, 100000):
    try:
        print(n, a.depth(n))
    except RecursionError as e:
        print(n, 'RecursionError', e)
    try:
        print(n, a.fdepth(n, 0.0))
    except RecursionError as e:
        print(n, 'RecursionError', e)
    try:
        print(n, a.other(b, n))
    except RecursionError as e:
        print(n, 'RecursionError', e)
print(a.depth(20), b.depth(20), a.other(b, 7))
