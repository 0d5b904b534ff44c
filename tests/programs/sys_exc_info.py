# sys.exc_info() and sys.exception(): the exception being handled, in the
# handler, in functions it calls, in nested handlers, finally blocks,
# __exit__, generators; (None, None, None) outside any handler.
import sys


def info():
    t, v, tb = sys.exc_info()
    # the traceback (the third item) is None in P4JIT inside a handler too
    return (t.__name__ if t else None, repr(v) if v is not None else None)


def current():
    e = sys.exception()
    return None if e is None else type(e).__name__


print("outside", info(), current(), sys.exc_info())
try:
    raise ValueError("value", 123)
except ValueError:
    print("handler", info(), current())
    try:
        raise KeyError("inner")
    except KeyError:
        print("nested", info())
    print("back", info())
print("after", info(), current())


class AppError(Exception):
    pass


def raiser():
    raise AppError("deep")


try:
    raiser()
except Exception:
    print("user class", info(), sys.exc_info()[0] is AppError)

try:
    try:
        raise TypeError("t")
    finally:
        print("finally with exception", info())
except TypeError:
    pass
try:
    pass
finally:
    print("finally without", info())


class Manager:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        print("exit args", exc[0].__name__ if exc[0] else None, "info", info())
        return True


with Manager():
    raise IndexError("in with")
with Manager():
    pass


def gen():
    try:
        raise RuntimeError("in gen")
    except RuntimeError:
        yield info()
        yield info()


g = gen()
print("gen 1", next(g))
print("between", info())
print("gen 2", next(g))

try:
    raise ZeroDivisionError
except ZeroDivisionError as e:
    print("same object", sys.exc_info()[1] is e, sys.exception() is e)

for exc in (StopIteration(5), OSError(2, "missing"), KeyboardInterrupt()):
    try:
        raise exc
    except BaseException:
        print(info())
print("end", info())
print("module names", sys.__name__, __name__)
