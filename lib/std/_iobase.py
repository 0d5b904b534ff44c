"""io.IOBase for P4JIT: the base of user streams, which define read,
readline or write themselves; this class gives them close/closed, `with`,
line iteration and the capability queries. io.IOBase (vm/iomod.c) is this
class.

Frozen into the runtime (scripts/freeze_lib.py -> src/vm/frozen_lib.c).
"""


class IOBase:
    __module__ = "io"
    closed = False

    def close(self):
        self.closed = True

    def flush(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")

    def __enter__(self):
        self.flush()  # the closed check, as CPython's
        return self

    def __exit__(self, *exc):
        self.close()

    def readable(self):
        return False

    def writable(self):
        return False

    def seekable(self):
        return False

    def isatty(self):
        return False

    def __iter__(self):
        self.flush()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=-1):
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if 0 < hint < total:  # past the hint (CPython: a line that ends at it does not stop)
                break
        return lines

    def writelines(self, lines):
        for line in lines:
            self.write(line)
