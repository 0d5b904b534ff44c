"""Retired instructions per call of lib/std/operator.py's callables (branch
stdlib2: which are worth moving to C), next to the lambda a program would
write instead:

    build/cli/p4jit run --on p4sim -X jit=off bench/operator_cost.py
"""
import p4
from operator import itemgetter, attrgetter, methodcaller, add, neg

N = 1000
PAIRS = [(i % 7, i) for i in range(N)]


class P:
    def __init__(self, x):
        self.x = x


OBJS = [P(i) for i in range(N)]


def per_call(label, fn, data):
    list(map(fn, data))                # warm
    t = p4.instret()
    list(map(fn, data))
    print("%-34s %8.1f" % (label, (p4.instret() - t) / len(data)))


def per_call2(label, fn):
    list(map(fn, PAIRS, PAIRS))
    t = p4.instret()
    list(map(fn, PAIRS, PAIRS))
    print("%-34s %8.1f" % (label, (p4.instret() - t) / N))


per_call("lambda p: p[1]", lambda p: p[1], PAIRS)
per_call("itemgetter(1)", itemgetter(1), PAIRS)
per_call("itemgetter(1, 0)", itemgetter(1, 0), PAIRS)
per_call("lambda o: o.x", lambda o: o.x, OBJS)
per_call("attrgetter('x')", attrgetter('x'), OBJS)
per_call("methodcaller('count', 1)", methodcaller('count', 1), PAIRS)
per_call("neg", neg, range(N))
per_call2("lambda a, b: a + b", lambda a, b: a + b)
per_call2("add", add)
