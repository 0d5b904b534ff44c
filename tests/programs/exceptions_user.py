# User exception classes: hierarchies caught by base class, args, str/repr,
# custom __init__/__str__, attributes, raise ... from and __cause__/__context__.


class AppError(Exception):
    pass


class ConfigError(AppError):
    def __init__(self, key, reason):
        super().__init__(key, reason)
        self.key = key
        self.reason = reason

    def __str__(self):
        return "bad config " + repr(self.key) + ": " + self.reason


class SensorError(AppError, ValueError):
    code = 7


class Timeout(SensorError):
    def __init__(self, seconds):
        self.seconds = seconds  # no super().__init__: args stay as given


def fail(kind):
    if kind == 0:
        raise AppError("plain", 1)
    if kind == 1:
        raise ConfigError("port", "not a number")
    if kind == 2:
        raise SensorError("no ack")
    if kind == 3:
        raise Timeout(2.5)
    if kind == 4:
        raise Timeout
    if kind == 5:
        raise KeyError("k")
    return "ok"


for kind in range(7):
    for catch in (Timeout, SensorError, ValueError, AppError, Exception):
        try:
            r = fail(kind)
            print(kind, "returned", r)
            break
        except catch as e:
            if kind == 4:  # CPython names the method Timeout.__init__ in the message
                print(kind, catch.__name__, type(e).__name__)
            else:
                print(kind, catch.__name__, type(e).__name__, e.args, str(e), repr(e))
            break
        except BaseException as e:
            pass

try:
    fail(1)
except AppError as e:
    print(e.key, e.reason, isinstance(e, ConfigError), isinstance(e, ValueError), e.args)
try:
    fail(3)
except (KeyError, SensorError) as e:
    print(e.seconds, e.code, e.args, issubclass(Timeout, ValueError), issubclass(Timeout, (KeyError, AppError)))

# exceptions are instances: attributes, rebinding args, re-raising
e = SensorError("a", "b")
e.detail = {"x": 1}
print(e.detail, e.args, str(e), repr(e), len(e.args))
e.args = ("only",)
print(str(e), e.args)
try:
    try:
        raise e
    except SensorError as inner:
        print(inner is e)
        raise
except ValueError as again:
    print("re-raised", again is e, again)

# built-in exceptions keep their behaviour and take attributes too
k = KeyError("missing")
k.note = 5
print(str(k), repr(k), k.note, k.args)
print(repr(ValueError()), str(ValueError()), repr(ValueError(1, 2)), str(ValueError(1, 2)))

# raise ... from: __cause__, __suppress_context__
def convert(text):
    try:
        return int(text)
    except ValueError as err:
        raise ConfigError("value", "not an int") from err


try:
    convert("x1")
except ConfigError as err:
    print(type(err.__cause__).__name__, err.__cause__, err.__suppress_context__)

try:
    raise AppError("hidden") from None
except AppError as err:
    print(err.__cause__, err.__suppress_context__)

try:
    raise Timeout(1) from SensorError
except Timeout as err:
    print(type(err.__cause__).__name__, err.__cause__.args)

x = AppError("y")
print(x.__cause__, x.__context__, x.__suppress_context__)
x.__cause__ = KeyError(1)
print(repr(x.__cause__), x.__suppress_context__)


# a custom __init__ with defaults, and __repr__
class HTTPError(Exception):
    def __init__(self, status, msg="error"):
        super().__init__(status)
        self.status = status
        self.msg = msg

    def __repr__(self):
        return "HTTPError(" + str(self.status) + ")"


errors = []
for s in (404, 500):
    try:
        raise HTTPError(s, msg="m" + str(s))
    except HTTPError as h:
        errors.append(h)
print(errors, [str(h) for h in errors], [h.msg for h in errors])

try:
    raise 5
except TypeError as t:
    print("TypeError:", t)
try:
    raise AppError from 3
except TypeError as t:
    print("TypeError:", t)


class NotAnError:
    pass


try:
    try:
        pass
    except NotAnError:
        pass
    print("no exception, no check")
    try:
        raise AppError("z")
    except NotAnError:
        pass
except TypeError as t:
    print("TypeError:", t)
