#!/usr/bin/env python3
"""Compares p4jit with CPython over MicroPython's test corpus (not part of ctest).

The corpus is not in the repository; extract it first, for example
  git --git-dir=/work/.mirror/micropython+micropython/repo archive HEAD \
      tests/basics tests/float tests/unicode tests/misc tests/io tests/stress \
      | tar -x -C /tmp/mp
then run  tests/mp_corpus.py /tmp/mp/tests [--p4jit build/cli/p4jit] [-j 2].

Files that CPython itself fails, or that print SKIP under CPython, are left
out of the count. A file counts as identical when p4jit's stdout and exit
status equal CPython's. The failing files are listed with the first line
that differs, so they can be grouped by cause.
"""
import argparse
import concurrent.futures
import os
import subprocess
import sys

TIMEOUT = 30


def run(cmd, cwd):
    try:
        p = subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, b"", b"timeout"
    return p.returncode, p.stdout, p.stderr


def first_difference(want, got, err):
    w, g = want.splitlines(), got.splitlines()
    for i in range(max(len(w), len(g))):
        a = w[i] if i < len(w) else b"<end>"
        b = g[i] if i < len(g) else b"<end>"
        if a != b:
            tail = err.strip().splitlines()[-1:] if err.strip() else [b""]
            return "line %d: want %r got %r | %s" % (
                i + 1, a[:60], b[:60], tail[0][:120].decode("utf-8", "replace"))
    return "exit status"


def compare(path, p4jit):
    cwd = os.path.dirname(path)
    name = os.path.basename(path)
    code, want, _ = run([sys.executable, name], cwd)
    if code != 0 or b"SKIP" in want.split(b"\n", 1)[0] or want.strip() == b"SKIP":
        return path, "skip", ""
    pcode, got, err = run([p4jit, "run", name], cwd)
    if pcode == code and got == want:
        return path, "same", ""
    return path, "differ", first_difference(want, got, err)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root", help="the extracted tests/ directory")
    ap.add_argument("--p4jit", default=os.path.join("build", "cli", "p4jit"))
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("--dirs", default="basics,float,unicode,misc,io,stress")
    args = ap.parse_args()
    p4jit = os.path.abspath(args.p4jit)
    files = []
    for d in args.dirs.split(","):
        top = os.path.join(args.root, d)
        for f in sorted(os.listdir(top)):
            if f.endswith(".py"):
                files.append(os.path.join(top, f))
    counts = {"same": 0, "differ": 0, "skip": 0}
    failures = []
    with concurrent.futures.ThreadPoolExecutor(args.j) as pool:
        for path, verdict, why in pool.map(lambda f: compare(f, p4jit), files):
            counts[verdict] += 1
            if verdict == "differ":
                failures.append((os.path.relpath(path, args.root), why))
    for rel, why in failures:
        print("DIFFER %s: %s" % (rel, why))
    compared = counts["same"] + counts["differ"]
    print("%d/%d identical (%d skipped: CPython fails or prints SKIP)"
          % (counts["same"], compared, counts["skip"]))


if __name__ == "__main__":
    main()
