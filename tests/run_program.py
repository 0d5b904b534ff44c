#!/usr/bin/env python3
"""Runs one Python program under p4jit and compares it with the oracle.

The oracle is CPython itself: the program's stdout (and, for error tests, its
stderr and exit status) must match what python3 prints. A program that
exercises a documented deviation from CPython carries its expected output
beside it instead (NAME.expected for stdout, NAME.err for stderr).

Markers in the program (comment lines):
  # p4: float-tolerance   numbers may differ by a relative 1e-5 (float32)
  # p4: deviation         expected outputs come from files, not CPython
  # p4: args OPTIONS      extra p4jit run options, e.g. -m 64K

Modes: corpus (must succeed) and error (must fail with exit status 1; the
stderr must equal NAME.err, which for non-deviation programs must in turn
still equal CPython's stderr without its caret lines).
"""
import argparse
import difflib
import os
import re
import shlex
import signal
import subprocess
import sys

TIMEOUT = 120
NUMBER = re.compile(r"-?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?|-?inf|nan")


def markers(source):
    found = {}
    for line in source.splitlines():
        m = re.match(r"\s*#\s*p4:\s*([\w-]+)\s*(.*)$", line)
        if m:
            found[m.group(1)] = m.group(2).strip()
    return found


def run(cmd, cwd):
    try:
        p = subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, b"", b"timeout after %d s" % TIMEOUT
    return p.returncode, p.stdout, p.stderr


def describe_status(code):
    if code is None:
        return "timeout"
    if code < 0:
        try:
            return "killed by %s" % signal.Signals(-code).name
        except ValueError:
            return "killed by signal %d" % -code
    return "exit %d" % code


def cpython_stderr(text, path):
    """CPython's traceback with the absolute path shortened and 3.11's
    caret/tilde marker lines removed (P4JIT prints no markers)."""
    text = text.replace(os.path.abspath(path), os.path.basename(path))
    lines = [l for l in text.splitlines(True) if not re.fullmatch(r"\s*[\^~]+\s*\n?", l)]
    return "".join(lines)


def close_enough(expected, actual):
    """Token-wise comparison with a float32 tolerance for numbers."""
    ew, aw = NUMBER.split(expected), NUMBER.split(actual)
    en, an = NUMBER.findall(expected), NUMBER.findall(actual)
    if ew != aw or len(en) != len(an):
        return False
    for x, y in zip(en, an):
        if x == y:
            continue
        try:
            fx, fy = float(x), float(y)
        except ValueError:
            return False
        if fx != fx and fy != fy:
            continue
        if abs(fx - fy) > 1e-6 + 1e-5 * max(abs(fx), abs(fy)):
            return False
    return True


def diff(name, expected, actual):
    return "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                        "expected " + name, "p4jit " + name))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--p4jit", required=True)
    ap.add_argument("--python", default=os.environ.get("PYTHON", "python3"))
    ap.add_argument("--mode", choices=["corpus", "error"], default="corpus")
    ap.add_argument("--wrap", default="", help="command prefix, e.g. 'valgrind -q'")
    ap.add_argument("--opts", default=os.environ.get("P4JIT_OPTS", ""),
                    help="extra p4jit run options, e.g. '--gc-stress'")
    ap.add_argument("--merged", action="store_true",
                    help="the target may print stderr on stdout (one console)")
    ap.add_argument("program")
    args = ap.parse_args()

    path = os.path.abspath(args.program)
    cwd, base = os.path.dirname(path), os.path.basename(path)
    stem = os.path.splitext(path)[0]
    with open(path, encoding="utf-8") as f:
        source = f.read()
    mark = markers(source)
    deviation = "deviation" in mark

    cmd = shlex.split(args.wrap) + [os.path.abspath(args.p4jit), "run"]
    cmd += shlex.split(args.opts) + shlex.split(mark.get("args", "")) + [base]
    code, out, err = run(cmd, cwd)
    out, err = out.decode("utf-8", "replace"), err.decode("utf-8", "replace")

    # What is expected: files for deviations, otherwise CPython.
    if deviation or os.path.exists(stem + ".expected"):
        with open(stem + ".expected", encoding="utf-8") if os.path.exists(stem + ".expected") else open(os.devnull) as f:
            want_out = f.read()
        want_code = 1 if args.mode == "error" else 0
        py_err = None
    else:
        pcode, pout, perr = run([args.python, base], cwd)
        if pcode is None:
            print("FAIL: CPython timed out on", base)
            return 1
        want_out, want_code = pout.decode(), pcode
        py_err = cpython_stderr(perr.decode(), path)
        if args.mode == "corpus" and pcode != 0:
            print("FAIL: the program fails under CPython:\n" + perr.decode())
            return 1

    failures = []
    if args.mode == "error":
        with open(stem + ".err", encoding="utf-8") as f:
            want_err = f.read()
        if py_err is not None and py_err != want_err:
            failures.append("%s.err no longer matches CPython:\n%s" % (base, diff("stderr", py_err, want_err)))
        if args.merged and not err:
            # only a target with one console mixes them (the firmware has two since issue 17)
            out, err = out[: len(want_out)], out[len(want_out):]
        if err != want_err:
            failures.append("stderr differs:\n" + diff("stderr", want_err, err))
    elif err:
        failures.append("unexpected stderr:\n" + err)
    if code != want_code:
        failures.append("status: expected exit %d, got %s" % (want_code, describe_status(code)))
    if out != want_out and not ("float-tolerance" in mark and close_enough(want_out, out)):
        failures.append("stdout differs:\n" + diff("stdout", want_out, out))

    if failures:
        print("FAIL: %s (%s)" % (base, " ".join(cmd)))
        for f in failures:
            print(f)
        return 1
    print("ok:", base)
    return 0


if __name__ == "__main__":
    sys.exit(main())
