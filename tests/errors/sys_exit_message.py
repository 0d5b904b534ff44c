# An uncaught SystemExit with a message: printed to stderr, no traceback, exit status 1.
import sys

print("before")
try:
    sys.exit(3)
except SystemExit as e:
    print("caught", e.code)
sys.exit("fatal: " + str(len(sys.argv)))
