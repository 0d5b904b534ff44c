# try/except/else/finally ordering, including exits through finally.
log = []
def f(mode):
    try:
        log.append("try")
        if mode == 1:
            raise ValueError("v")
        if mode == 2:
            return "returned"
        log.append("end of try")
    except ValueError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return "fell through"
for m in range(3):
    log = []
    r = f(m)
    print(m, r, log)
def loop():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i if False else "f" + str(i))
    return out
print(loop())
def nested():
    try:
        try:
            raise KeyError("k")
        finally:
            print("inner finally")
    except KeyError as e:
        print("outer caught", e)
    finally:
        print("outer finally")
nested()
def return_in_finally_value():
    x = []
    try:
        x.append(1)
        return x
    finally:
        x.append(2)
print(return_in_finally_value())
def swallow():
    for i in range(3):
        try:
            raise ValueError(i)
        except ValueError as e:
            if e.args[0] == 1:
                continue
            print("caught", e)
swallow()
while True:
    try:
        break
    finally:
        print("finally on break")
# A bare `raise` in a finally block that an exception is passing through
# re-raises that exception, also inside an except clause handling another
# (found by tests/lang/gen_lang.py: the handled one was raised instead).
def reraise_in_finally(outer):
    try:
        if outer:
            raise KeyError("handled")
        raise LookupError("none handled")
    except LookupError:
        try:
            try:
                raise IndexError("passing")
            finally:
                raise
        except Exception as e:
            return repr(e)
print(reraise_in_finally(True), reraise_in_finally(False))
def reraise_in_finally_top():
    try:
        try:
            raise ValueError(3)
        finally:
            raise
    except Exception as e:
        return repr(e)
print(reraise_in_finally_top())
# A return from inside for loops, through a finally whose break or continue
# cancels it: the loops' iterators were left on the stack for the outer loop
# (an "internal compiler error ... inconsistent stack depth"; found by
# tests/lang/gen_lang.py)
def cancelled_returns(log):
    for a in range(3):
        for b in range(3):
            try:
                for c in range(2):
                    for d in range(2):
                        if d:
                            return (a, b, c, d)
                        log.append(d)
            finally:
                log.append('fin')
                if b < 2:
                    continue
                break
        log.append(('a', a))
    return 'fell', log
print(cancelled_returns([]))
def cancelled_twice(log):
    for a in 'xy':
        try:
            for c in range(3):
                try:
                    return c
                finally:
                    log.append('in')
                    if c == 1:
                        break
        finally:
            log.append('out')
            if a == 'x':
                continue
    return log
print(cancelled_twice([]))
def gen_cancelled():
    for i in range(3):
        try:
            for j in range(2):
                yield j
                return
        finally:
            if i < 2:
                continue
print(list(gen_cancelled()))
