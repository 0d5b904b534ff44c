# An exception thrown into a generator and not handled there: the traceback
# shows the throw() call, then the yield where it was raised.


def gen():
    total = 0
    while True:
        try:
            x = yield total
        except KeyError:
            print("KeyError handled, total", total)
            continue
        total += x


g = gen()
g.__next__()
g.send(5)
g.throw(KeyError("k"))
g.throw(ValueError("thrown in"))
