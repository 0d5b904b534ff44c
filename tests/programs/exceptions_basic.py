# Raising and catching built-in exceptions.
def check(f):
    try:
        f()
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    except (IndexError, KeyError) as e:
        print("lookup:", type(e).__name__, e)
    except ValueError as e:
        print("ValueError:", e)
    except TypeError as e:
        print("TypeError:", e)
    except Exception as e:
        print("other:", type(e).__name__, e)
    else:
        print("no error")
def div0(): return 1 // 0
def fdiv0(): return 1.0 / 0
def idx(): return [1, 2][5]
def key(): return {}["missing"]
def val(): return int("12x")
def typ(): return 1 + "a"
def name(): return undefined_name
def ok(): return 1
def attr(): return [].nosuch
def assertion(): assert 1 > 2, "math is broken"
for f in [div0, fdiv0, idx, key, val, typ, name, ok, attr, assertion]:
    check(f)
try:
    raise ValueError("custom message")
except ValueError as e:
    print("caught", e, e.args, repr(e))
try:
    raise KeyError
except KeyError as e:
    print("bare class", repr(e))
try:
    try:
        raise IndexError("inner")
    except IndexError:
        print("handling")
        raise
except IndexError as e:
    print("re-raised", e)
try:
    raise TypeError("a", 1)
except TypeError as e:
    print(e, e.args)
print(isinstance(ZeroDivisionError(), ArithmeticError), isinstance(KeyError(), LookupError))


# The name of `except E as name` is unbound when the clause is left: at
# the end, by return, break or continue; in functions, at module level and
# in class bodies.
def as_name_after(mode):
    for i in range(2):
        try:
            raise ValueError(i)
        except ValueError as err:
            if mode == "break":
                break
            if mode == "continue":
                continue
            if mode == "return":
                return "returned", err.args
    try:
        return err
    except NameError:
        return mode, "unbound"


print([as_name_after(m) for m in ("end", "break", "continue", "return")])
try:
    raise KeyError("k")
except KeyError as module_err:
    kept = module_err
try:
    module_err
except NameError:
    print("module-level name unbound; kept", repr(kept))


class Holder:
    try:
        raise IndexError(3)
    except IndexError as class_err:
        copy = class_err.args


print(hasattr(Holder, "class_err"), Holder.copy)
