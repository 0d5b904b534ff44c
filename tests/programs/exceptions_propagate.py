# Exceptions crossing function calls and loops.
def level3(x):
    if x > 2:
        raise ValueError("too big: " + str(x))
    return x * 10
def level2(x):
    return level3(x) + 1
def level1(xs):
    out = []
    for x in xs:
        try:
            out.append(level2(x))
        except ValueError as e:
            out.append(str(e))
    return out
print(level1([1, 2, 3, 0]))
def safe_div(a, b):
    try:
        return a // b
    except ZeroDivisionError:
        return None
print([safe_div(10, b) for b in [3, 0, -4]])
def parse_all(items):
    good, bad = [], []
    for s in items:
        try:
            good.append(int(s))
        except ValueError:
            bad.append(s)
    return good, bad
print(parse_all(["1", "x", "-7", "3.5", " 42 ", "0x10"]))
def inner(events):
    try:
        events.append("enter")
        raise RuntimeError("boom")
    finally:
        events.append("cleanup")
def cleanup_order():
    events = []
    try:
        inner(events)
    except RuntimeError as e:
        events.append("caught " + str(e))
    return events
print(cleanup_order())
try:
    raise StopIteration
except StopIteration:
    print("StopIteration is catchable")
try:
    {}.pop("x")
except LookupError as e:
    print("LookupError covers KeyError:", repr(e))

# A bare raise in a function with no handler of its own re-raises the exception
# a caller is handling (was always RuntimeError; found reading compile_stmt.c)
def reraise():
    raise
def attempt(f):
    try:
        f()
    except Exception as e:
        return type(e).__name__ + repr(e.args)
print(attempt(reraise))
def handler_calls_helper():
    try:
        {}['k']
    except KeyError:
        reraise()
print(attempt(handler_calls_helper))
def nested():
    try:
        1 / 0
    except ZeroDivisionError:
        try:
            raise ValueError('inner')
        except ValueError:
            pass
        reraise()      # the inner handler is done: ZeroDivisionError again
print(attempt(nested))
class CM:
    def __enter__(self): return self
    def __exit__(self, t, v, tb):
        if t is KeyError:
            raise      # __exit__ runs while the exception is handled
        return False
def in_exit():
    with CM():
        raise KeyError('from with')
print(attempt(in_exit))
def after_handler():
    try:
        raise IndexError(1)
    except IndexError:
        pass
    reraise()
print(attempt(after_handler))
def gen():
    try:
        raise TypeError('g')
    except TypeError:
        yield 1
        reraise()
print(attempt(lambda: list(gen())))
try:
    raise LookupError('top')
except LookupError:
    print(attempt(reraise))
print(attempt(reraise))
