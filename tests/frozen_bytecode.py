#!/usr/bin/env python3
"""lib/std's modules as the build freezes them: .p4b images compiled on the
host (cli/freeze_p4b.c), imported without compiling (vm/module.c).

1. The bytecode-only firmware (no compiler on board) imports them: a .p4b
   program that uses most of lib/std prints under p4sim what CPython prints.
   Source-only freezing could not import anything there.
2. A traceback through a frozen module shows its source lines, read in
   place from the frozen source text (PROGRAM_CONST_SOURCE), with CPython's
   line numbers of lib/std's file."""
import argparse
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

PROGRAM = '''\
import json, heapq, re, binascii, errno, hashlib, asyncio, unittest
from collections import namedtuple
print(json.dumps({"a": [1, 2]}), json.loads("[3, 4]"))
h = [5, 1, 3]
heapq.heapify(h)
print(heapq.heappop(h), h)
print(re.sub(r"\\d+", "#", "a1b22"))
print(binascii.hexlify(b"\\x01\\xff"), errno.ENOENT)
print(hashlib.sha256(b"abc").hexdigest())
P = namedtuple("P", "x y")
print(P(1, 2))


async def main():
    await asyncio.sleep(0)
    return 7


print(asyncio.run(main()), unittest.TestCase.__name__)
'''


def check(ok, what):
    print(("ok: " if ok else "FAIL: ") + what)
    return ok


def bytecode_only(p4jit, firmware, tmp):
    src = os.path.join(tmp, "uses_std.py")
    image = os.path.join(tmp, "uses_std.p4b")
    with open(src, "w") as f:
        f.write(PROGRAM)
    subprocess.run([p4jit, "compile", src, "-o", image], check=True)
    want = subprocess.run([sys.executable, src], capture_output=True, text=True, check=True).stdout
    got = subprocess.run([p4jit, "run", "--on", "p4sim", "--firmware", firmware, image],
                         capture_output=True, text=True, timeout=600)
    if got.returncode != 0 or got.stdout != want:
        print(got.stdout + got.stderr)
    return check(got.returncode == 0 and got.stdout == want,
                 "the bytecode-only firmware imports lib/std's frozen .p4b images")


def traceback_lines(p4jit, tmp):
    src = os.path.join(tmp, "bad_json.py")
    with open(src, "w") as f:
        f.write('import json\njson.loads("{")\n')
    r = subprocess.run([p4jit, "run", src], capture_output=True, text=True, timeout=120)
    with open(os.path.join(ROOT, "lib", "std", "json.py")) as f:
        lines = f.read().splitlines()
    frames = re.findall(r'File "<frozen json>", line (\d+), in \w+\n    (.*)\n', r.stderr)
    ok = bool(frames) and all(lines[int(n) - 1].strip() == text for n, text in frames)
    if not ok:
        print(r.stderr)
    return check(ok, "tracebacks through a frozen module show its source lines (%d frames)" % len(frames))


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--p4jit", required=True)
    ap.add_argument("--firmware-bc", help="the bytecode-only firmware (p4jit-fw-bc.elf)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        ok = traceback_lines(args.p4jit, tmp)
        if args.firmware_bc:
            ok = bytecode_only(args.p4jit, args.firmware_bc, tmp) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
