# sys: argv, stdout/stderr.write, exit and SystemExit, and the facts of the
# implementation that CPython and P4JIT share.
import sys

print(type(sys.argv).__name__, len(sys.argv), sys.argv[0].split("/")[-1].split(".")[0])
print(sys.argv is sys.argv)
n = sys.stdout.write("written\n")
print(n, sys.stdout.write("é\n"))
sys.stdout.write("no newline")
sys.stdout.write(" then one\n")
sys.stdout.flush()
print(sys.maxsize >= 2147483647)
print(sys.byteorder)
print(sys.version_info[0], sys.version_info >= (3, 0), len(sys.version_info) >= 5)
print(type(sys.implementation.name).__name__, sys.implementation.name in ("cpython", "p4jit"))
print(type(sys.path).__name__, all(isinstance(p, str) for p in sys.path))
print(type(sys.platform).__name__)
try:
    sys.stdout.write(5)
except TypeError as e:
    print("TypeError", e)

# SystemExit: caught like any exception, with .code and .args
try:
    sys.exit()
except SystemExit as e:
    print("SystemExit", repr(e.code), e.args)
for arg in [0, 3, "message", None, (1, 2), (5,), [4]]:
    try:
        sys.exit(arg)
    except SystemExit as e:
        print("SystemExit", repr(e.code), e.args)
try:
    raise SystemExit(7)
except BaseException as e:
    print(type(e).__name__, e.code, isinstance(e, Exception), isinstance(e, BaseException))
try:
    raise SystemExit
except SystemExit as e:
    print("bare", e.code)

def leave(n):
    if n == 0:
        sys.exit(0)
    leave(n - 1)

try:
    leave(5)
finally:
    print("finally runs")
print("not reached")
