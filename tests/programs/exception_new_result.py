# An exception class whose __new__ gives something else: what raise C,
# raise C(...) and gen.throw(C) make of it, as CPython does.


class Other(Exception):
    pass


class Swaps(Exception):
    def __new__(cls, *args):
        print("Swaps.__new__", args)
        return Other(*args)


class Bad(Exception):
    def __new__(cls, *args):
        print("Bad.__new__", args)
        return 42


class Counted(Exception):
    made = 0

    def __init__(self, *args):
        Counted.made += 1
        super().__init__(*args)


def gen():
    try:
        yield 1
    except Exception as e:
        print("gen caught", type(e).__name__, e.args)
        yield 2


# (raise Swaps, a class whose __new__ gives another class's exception, is
# left out: CPython then calls the class again with that exception)
for make in (lambda: Swaps("m"), lambda: Bad("m"), lambda: Bad, lambda: Counted):
    try:
        raise make()
    except Exception as e:
        print(type(e).__name__, e.args if type(e) is not TypeError else str(e))

for cls, value in ((Bad, None), (Counted, "w"), (ValueError, 3)):
    g = gen()
    next(g)
    try:
        print("throw gave", g.throw(cls, value) if value is not None else g.throw(cls))
    except TypeError as e:
        print("TypeError", e)
print("Counted made", Counted.made)
