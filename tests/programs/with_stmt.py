# The with statement: __enter__/__exit__, `as` targets, several managers,
# exceptions passed to __exit__, suppression, and leaving the body by
# return, break and continue; files opened by open() as context managers.

log = []


class Managed:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        log.append("enter " + self.name)
        return self.name.upper()

    def __exit__(self, typ, val, tb):
        if typ is None:
            log.append("exit " + self.name + " clean")
        else:
            log.append("exit " + self.name + " " + typ.__name__ + ":" + str(val))  # P4JIT passes None for the traceback
        return self.suppress


def flush(title):
    print(title, log)
    log.clear()


with Managed("a") as v:
    log.append("body " + v)
flush("plain")

with Managed("a") as x, Managed("b") as y:
    log.append(x + y)
flush("two")

with Managed("a"), Managed("b", suppress=True), Managed("c"):
    raise KeyError("k")
flush("suppressed by the middle one")

try:
    with Managed("a"):
        log.append("about to fail")
        1 / 0
        log.append("not reached")
except ZeroDivisionError as e:
    log.append("caught " + str(e))
flush("propagated")


def early(n):
    with Managed("r" + str(n)):
        if n > 0:
            return "returned " + str(n)
        log.append("fell through")
    return "end"


print(early(1), early(0))
flush("return")

for i in range(4):
    with Managed("loop" + str(i)):
        if i == 1:
            continue
        if i == 2:
            break
        log.append("body " + str(i))
flush("break/continue")

# the target can be any assignment target
box = [None, None]


class PairExit:
    def __enter__(self):
        return (1, 2)

    def __exit__(self, a, b, c):
        return None


with PairExit() as (p, q):
    print(p, q)
with PairExit() as box[0]:
    pass
print(box)


class Holder:
    pass


h = Holder()
with PairExit() as h.value:
    pass
print(h.value)

# __exit__ sees the exception object itself and may inspect it
class Inspect:
    def __enter__(self):
        return self

    def __exit__(self, typ, val, tb):
        self.seen = (typ, val.args if val is not None else None)
        return isinstance(val, ValueError)


with Inspect() as ins:
    raise ValueError("v", 2)
print(ins.seen[0].__name__, ins.seen[1])
try:
    with Inspect() as ins:
        raise IndexError("i")
except IndexError as e:
    print("escaped", e, ins.seen[0].__name__)

# an exception inside __exit__ replaces the one from the body
class Bad:
    def __enter__(self):
        return None

    def __exit__(self, t, v, tb):
        raise RuntimeError("exit failed")


try:
    with Bad():
        raise ValueError("body")
except RuntimeError as e:
    print("RuntimeError:", e)
except ValueError as e:
    print("ValueError:", e)

# nested with inside try/finally and a loop, all the exits in order
def nested():
    out = []
    try:
        for i in range(3):
            with Managed("n" + str(i)) as tag:
                try:
                    if i == 1:
                        raise KeyError(i)
                    out.append(tag)
                finally:
                    out.append("fin" + str(i))
    except KeyError as e:
        out.append("key " + str(e))
    finally:
        out.append("outer")
    return out


print(nested())
flush("nested")

# objects that are not context managers
for thing in (5, Holder()):
    try:
        with thing:
            pass
    except TypeError as e:
        print("TypeError:", e)

# a with statement around a file: closed on the way out, also after an error
import_name = "with_stmt.py"
with open(import_name, "rb") as fh:
    first = fh.read()
print(first[:7] == b"# The w", len(first) > 100)
try:
    fh.read()
except ValueError as e:
    print("ValueError:", e)
try:
    with open(import_name, "rb") as fb:
        data = fb.read()
        raise ZeroDivisionError("inside")
except ZeroDivisionError as e:
    print("caught", e, data[:5])
try:
    fb.read()
except ValueError as e:
    print("ValueError:", e)
