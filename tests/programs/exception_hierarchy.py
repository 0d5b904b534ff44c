# Catching by base classes follows the built-in hierarchy.
cases = [ZeroDivisionError("z"), OverflowError("o"), IndexError("i"), KeyError("k"),
         ValueError("v"), TypeError("t"), NameError("n"), AttributeError("a"),
         AssertionError("as"), RecursionError("r"), StopIteration("s")]
for exc in cases:
    caught = []
    for cls in [ArithmeticError, LookupError, RuntimeError, Exception, BaseException]:
        try:
            raise exc
        except cls:
            caught.append(cls.__name__)
        except BaseException:
            pass
    print(type(exc).__name__, caught)
try:
    raise ZeroDivisionError
except (ValueError, ArithmeticError) as e:
    print("tuple match", repr(e))
try:
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
except TypeError as e:
    print("new exception from handler:", e)
