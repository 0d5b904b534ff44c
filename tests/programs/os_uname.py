# os.uname(): a named tuple of five strings (CPython's posix.uname_result);
# the values are the system's, so only their shape is printed.
import os

u = os.uname()
print(type(u).__name__, len(u), isinstance(u, tuple), str(u).find("machine=") > 0)
print([isinstance(getattr(u, f), str) for f in ("sysname", "nodename", "release", "version", "machine")])
print(u[4] == u.machine, u.sysname == u[0], ("%s " * len(u)) % u == "".join(v + " " for v in u))
try:
    os.uname(1)
except TypeError as e:
    print("TypeError")
