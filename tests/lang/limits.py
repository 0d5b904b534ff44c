#!/usr/bin/env python3
"""Programs past the compiler's old fixed limits, run by p4jit and by CPython
(the oracle): the output must be the same.

- 300 try/except, 300 try/finally and 600 comprehensions in one scope (a
  function's and the module's): each used to take a hidden local slot of
  its own, and the 256th failed with "too many local variables";
- a try statement with 100 except clauses (the compiler stopped at 64);
- chained assignment to 100 names in a function and 1000 at module level
  (the compiler stopped at 64);
- empty targets: `[] = []`, `() = ()`, `for [] in ...`, and the ValueError
  of `[] = [1]` (the compiler called them starred assignment).

usage: limits.py P4JIT [P4JIT RUN OPTIONS...]
"""
import os
import subprocess
import sys
import tempfile


def many_handlers(n):
    body = ["def f(k):", "    t = 0"]
    for i in range(n):
        body += ["    try:",
                 "        t += k // %d" % (i % 3),
                 "    except ZeroDivisionError as e:",
                 "        t += len(str(e)) %% %d" % (i % 5 + 2),
                 "    try:",
                 "        t -= %d" % i,
                 "    finally:",
                 "        t += 1",
                 "    t += sum([j * %d for j in range(3)])" % i,
                 "    t += len([c for c in 'x%d' if c != 'y'])" % i]
    body += ["    u = t + 1", "    return u", "print(f(7), f(-3))"]
    # the same at module level, with a user variable made after them all
    for i in range(n):
        body += ["s%d = [j + %d for j in range(2)]" % (i % 4, i),
                 "try:",
                 "    raise ValueError(%d)" % i,
                 "except ValueError as e:",
                 "    last = e.args[0]",
                 "finally:",
                 "    last += 1"]
    body += ["after_all = last * 2", "print(s0, s3, last, after_all)"]
    return "\n".join(body) + "\n"


def chained(n, in_function):
    """n names: globals, and locals of a function when in_function (a
    function keeps the format's limit of 255 locals)"""
    names = " = ".join("v%d" % i for i in range(n))
    src = "%s = [5]\nprint(v0 is v%d, v%d)\n" % (names, n - 1, n // 2)
    if in_function:
        src += "def g():\n    %s = 6\n    return v0 + v%d\nprint(g())\n" % (names, n - 1)
    return src


def many_excepts(n):
    """one try statement with n except clauses (the compiler stopped at 64)"""
    lines = ["def f(k):", "    try:", "        raise [ValueError, KeyError, IndexError][k % 3](k)"]
    for i in range(n):
        lines += ["    except ZeroDivisionError as e:" if i % 2 == 0 else "    except (TypeError, NameError):",
                  "        return %d" % i]
    lines += ["    except KeyError as e:", "        return 'key'", "    except Exception as e:",
              "        return type(e).__name__", "    else:", "        return 'none'",
              "print([f(k) for k in range(4)])"]
    return "\n".join(lines) + "\n"


EMPTY = """[] = []
() = ()
[] = ''
() = range(0)
[] = {}
for [] in [[], (), '']:
    print('empty target')
def f(x):
    [] = x
    () = x
    return 'ok'
print(f([]), f(()))
for bad in ([1], (1, 2), 'a'):
    try:
        [] = bad
    except ValueError as e:
        print('ValueError:', e)
try:
    () = 5
except TypeError as e:
    print('TypeError:', e)
"""


def main():
    p4jit, opts = sys.argv[1], sys.argv[2:]
    cases = {"handlers300": many_handlers(300), "chained100": chained(100, True), "chained1000": chained(1000, False),
             "excepts100": many_excepts(100), "empty_targets": EMPTY}
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, src in cases.items():
            path = os.path.join(tmp, name + ".py")
            with open(path, "w") as f:
                f.write(src)
            want = subprocess.run([sys.executable, path], capture_output=True, text=True, timeout=120)
            got = subprocess.run([p4jit, "run"] + opts + [path], capture_output=True, text=True, timeout=300)
            if want.returncode != 0:
                print("FAIL %s: CPython itself failed:\n%s" % (name, want.stderr))
                failures += 1
            elif (got.returncode, got.stdout, got.stderr) != (0, want.stdout, ""):
                print("FAIL %s: p4jit exit %d\nwant:\n%s\ngot:\n%s\n%s" %
                      (name, got.returncode, want.stdout, got.stdout, got.stderr))
                failures += 1
    print("limits: %d of %d programs as CPython" % (len(cases) - failures, len(cases)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
