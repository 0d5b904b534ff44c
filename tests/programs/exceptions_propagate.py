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
