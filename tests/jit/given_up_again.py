# A function the JIT gave up (called 16 times with what compiled code never
# takes: src/jit/jit.c give_up, which marks its code CODE_JIT_DECLINED for
# jit_call's first test) is judged afresh once a global store drops all
# compiled code (drop_all_code): then called with a list of ints, it is
# compiled (jit/report-given-up-again). Generators' codes are declined the
# same way and still run.
LIMIT = 10


def capped(n):
    s = 0
    for i in range(n):
        if i < LIMIT:
            s += i
    return s


def total(xs):
    t = 0
    for x in xs:
        t += 1
    return t


def evens(n):
    for i in range(n):
        if i % 2 == 0:
            yield i


words = ["ab", "cde", "f"]
print([total(words) for _ in range(20)][-1])  # given up: a list of strs
print(capped(30))     # compiled: reads LIMIT
LIMIT = 20            # compiled code baked LIMIT in: all of it is dropped
print(capped(30))
print(total([1, 2, 3, 4]), total(list(range(50))))
print(sum(evens(10)), sum(evens(11)), [sum(evens(k)) for k in range(5)])
