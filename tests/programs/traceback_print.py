# sys.print_exception's text through traceback.print_exception,
# format_exception, format_exc and print_exc (file= a StringIO), and
# sys.print_exception(exc, file) where the runtime has it. File lines are
# cut to their function (CPython's path is absolute), and source lines
# that CPython 3.11 underlines with carets are left out.
import io
import sys
import traceback


def shown(text):
    for line in text.split("\n"):
        if line.startswith("  File "):
            print("  in", line.rsplit(" ", 1)[1])
        elif not line.startswith("    "):
            print(line)


def f():
    g()


def g():
    raise ValueError("bad")


try:
    f()
except ValueError as e:
    buf = io.StringIO()
    traceback.print_exception(e, file=buf)
    shown(buf.getvalue())
    print("".join(traceback.format_exception(None, e, e.__traceback__)) == buf.getvalue())
    print(traceback.format_exception_only(e))
    print(traceback.format_exc() == buf.getvalue())
    other = io.StringIO()
    traceback.print_exc(file=other)
    print(other.getvalue() == buf.getvalue())
    if hasattr(sys, "print_exception"):
        mine = io.StringIO()
        sys.print_exception(e, mine)
        print(mine.getvalue() == buf.getvalue())
    else:
        print(True)

try:
    try:
        {}["missing"]
    except KeyError as k:
        raise RuntimeError("while looking") from k
except RuntimeError:
    shown(traceback.format_exc())
print(traceback.format_exception_only(None))


class Sink:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


try:
    f()
except ValueError as e:
    sink = Sink()
    traceback.print_exception(e, file=sink)
    shown("".join(sink.parts))
