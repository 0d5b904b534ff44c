"""traceback for P4JIT: printing and formatting an exception.

The text is the runtime's own (sys.print_exception): the traceback CPython
prints for an uncaught exception, with its chain of causes. limit and chain
are taken and not honoured (the whole traceback, the whole chain), and
format_exception gives one string a line (docs/language.md, Library
modules).

Frozen into the runtime (scripts/freeze_lib.py -> src/vm/frozen_lib.c).
"""
import io
import sys

__all__ = ["print_exception", "format_exception", "format_exception_only", "print_exc", "format_exc"]

_NOT_GIVEN = object()


def _exception(exc, value):
    """print_exception(exc) as 3.10 has it, or (etype, value, tb) as before."""
    return exc if value is _NOT_GIVEN else value


def _text(value):
    if value is None:
        return "NoneType: None\n"
    out = io.StringIO()
    sys.print_exception(value, out)
    return out.getvalue()


def format_exception(exc, value=_NOT_GIVEN, tb=_NOT_GIVEN, limit=None, chain=True):
    return _text(_exception(exc, value)).splitlines(True)


def format_exception_only(exc, value=_NOT_GIVEN):
    value = _exception(exc, value)
    if value is None:
        return ["NoneType: None\n"]
    text = type(value).__name__
    message = str(value)
    module = getattr(type(value), "__module__", "builtins")
    if module not in ("builtins", "__main__"):
        text = module + "." + text
    return [text + (": " + message if message else "") + "\n"]


def print_exception(exc, value=_NOT_GIVEN, tb=_NOT_GIVEN, limit=None, file=None, chain=True):
    value = _exception(exc, value)
    if file is None:
        file = sys.stderr
    file.write(_text(value))


def format_exc(limit=None, chain=True):
    return _text(sys.exc_info()[1])


def print_exc(limit=None, file=None, chain=True):
    print_exception(sys.exc_info()[1], limit=limit, file=file, chain=chain)
