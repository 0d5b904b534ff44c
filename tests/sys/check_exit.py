#!/usr/bin/env python3
"""sys.argv and the exit status of SystemExit, against CPython.

Runs small programs with command-line arguments under python3 and under
p4jit (with the extra p4jit options given, e.g. --on qemu) and compares the
exit status, stdout and stderr of each.
"""
import argparse
import os
import shlex
import subprocess
import sys
import tempfile

CASES = [
    ("import sys\nprint(sys.argv[1:])\nsys.exit(int(sys.argv[1]))\n", ["42", "x"]),
    ("import sys\nsys.exit(int(sys.argv[1]))\n", ["0"]),
    ("import sys\nsys.exit(int(sys.argv[1]))\n", ["256"]),
    ("import sys\nsys.exit(int(sys.argv[1]))\n", ["-1"]),
    ("import sys\nprint('out')\nsys.exit()\n", []),
    ("import sys\nsys.exit(None)\n", []),
    ("import sys\nsys.exit('fatal: ' + ' '.join(sys.argv[1:]))\n", ["a", "b"]),
    ("raise SystemExit(True)\n", []),
    ("raise SystemExit\n", []),
    ("raise SystemExit(3, 4)\n", []),
    ("def f(n):\n    if n == 0:\n        raise SystemExit(7)\n    f(n - 1)\ntry:\n    f(3)\nfinally:\n    print('cleanup')\n", []),
    ("import sys\nprint('a', file=sys.stderr)\nsys.stderr.write('b\\n')\nprint('c')\nsys.exit(sys.argv[1])\n", ["bye"]),
    ("import sys\ntry:\n    sys.exit(5)\nexcept SystemExit as e:\n    print('caught', e.code)\nprint(len(sys.argv))\n", ["1", "2", "3"]),
]


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, timeout=120)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--p4jit", required=True)
    ap.add_argument("--opts", default="")
    args = ap.parse_args()
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for i, (src, argv) in enumerate(CASES):
            path = os.path.join(tmp, "exit%d.py" % i)
            with open(path, "w") as f:
                f.write(src)
            want = run([sys.executable, path] + argv)
            got = run([args.p4jit, "run"] + shlex.split(args.opts) + [path] + argv)
            if want != got:
                failed += 1
                print("FAIL case %d %r %r:\n  CPython %r\n  p4jit   %r" % (i, src, argv, want, got))
    print("%d of %d cases differ" % (failed, len(CASES)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
