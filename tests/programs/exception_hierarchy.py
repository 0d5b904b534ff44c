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


# OSError's named arguments and str; the other OSError subclasses, EOFError,
# BufferError and the warning categories
for args in ((), ("msg",), (5, "I/O error"), (1, 2, 3, 4, 5, 6)):
    e = OSError(*args)
    print(repr(str(e)), e.errno, e.strerror, e.filename, e.args)
print(str(OSError(5, "I/O error", "a.txt")), OSError(5, "I/O error", "a.txt").filename)
for cls in (EOFError, BufferError, PermissionError, FileExistsError, IsADirectoryError, NotADirectoryError,
            TimeoutError, ConnectionError, Warning, UserWarning, DeprecationWarning, RuntimeWarning,
            IndentationError, TabError):
    try:
        raise cls("x")
    except Exception as e:
        print(cls.__name__, isinstance(e, OSError), isinstance(e, Warning), str(e))
try:
    raise PermissionError(13, "Permission denied")
except OSError as e:
    print(type(e).__name__, e.errno, e)


class DriverError(OSError):
    pass


print(DriverError(5, "bus fault").errno, str(DriverError(5, "bus fault")))
