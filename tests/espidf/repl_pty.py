#!/usr/bin/env python3
"""The REPL (cli/repl.c) driven through a pseudo-terminal, against CPython's
interactive mode as the oracle.

usage: repl_pty.py PYTHON -- COMMAND...   (COMMAND: p4jit, or p4sim FW repl)

Each session is typed line by line into both, each line sent when the
prompt (">>> " or "... ") is there, then end of input (Ctrl-D). The
transcripts (prompts, the terminal's echo, output, errors) must be equal
after two normalisations: line ends, and tracebacks reduced to their last
line (P4JIT counts one more line, and shows the source line CPython does not
have for <stdin>). The exit status must be 0.
"""
import os
import pty
import re
import select
import subprocess
import sys
import time

SESSIONS = [
    # expressions and their values, None not shown, _ keeps the last one
    ["1 + 2", "'text'", "None", "[1, 2] * 2", "_", "(1, 'a', 2.5)", "print('printed')", "{'k': 3}"],
    # globals persist; a function sees later assignments; blocks end with an empty line
    ["x = 5", "def f(a):", "    return a + x", "", "f(1)", "x = 10", "f(1)",
     "for i in range(3):", "    print(i, i * x)", "", "i"],
    # brackets and a block with else across lines
    ["values = [1,", "  2,", "  3]", "sum(values)",
     "if sum(values) > 5:", "    big = True", "else:", "    big = False", "", "big"],
    # errors: shown, and the session goes on with its state
    ["y = 3", "1 / 0", "y", "undefined_name", "[][1]", "y + 1",
     "def g(n):", "    return 10 // n", "", "g(0)", "g(5)"],
    # a function of an earlier input: a global defined later, then rebound
    ["def h():", "    return qqq_total * 2", "", "h()", "qqq_total = 4", "h()", "qqq_total = 'ab'", "h()"],
    # imports stay imported
    ["import math", "math.sqrt(16)", "from array import array", "a = array('b', [1, 2, 3])", "a", "sum(a)",
     "math.floor(2.5)"],
    # a while loop, nested functions, strings
    ["n = 0", "while n < 4:", "    n += 1", "", "n", "def outer():", "    def inner(v):", "        return v * 2",
     "    return inner(21)", "", "outer()", "s = 'ab' + 'cd'", "s.upper()", "len(s)"],
]

TRACEBACK = re.compile(r"Traceback \(most recent call last\):\n(?:  .*\n)*?(?=\w)")


def transcript(cmd, lines, timeout=60):
    master, slave = pty.openpty()
    env = dict(os.environ, TERM="dumb", PYTHONSTARTUP="")
    proc = subprocess.Popen(cmd, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True)
    os.close(slave)
    buf = bytearray()

    def read_some(wait):
        r, _, _ = select.select([master], [], [], wait)
        if not r:
            return True
        try:
            data = os.read(master, 4096)
        except OSError:
            return False
        buf.extend(data)
        return bool(data)

    sent = [0]  # buf's length when the last line was sent: a prompt after it

    def wait_prompt():
        end = time.time() + timeout
        while time.time() < end:
            if len(buf) > sent[0] and (buf.endswith(b">>> ") or buf.endswith(b"... ")):
                return True
            if not read_some(0.05):
                return False
        return False

    ok = True
    for line in lines:
        if not wait_prompt():
            ok = False
            break
        sent[0] = len(buf)
        os.write(master, line.encode() + b"\n")
    if ok and wait_prompt():
        os.write(master, b"\x04")
    end = time.time() + timeout
    while time.time() < end and read_some(0.05):
        if proc.poll() is not None and not select.select([master], [], [], 0)[0]:
            break
    try:
        rc = proc.wait(timeout=max(1, end - time.time()))
    except subprocess.TimeoutExpired:
        proc.kill()
        rc = "timeout"
    os.close(master)
    text = buf.decode(errors="replace").replace("\r\n", "\n")
    text = re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", text)
    return rc, TRACEBACK.sub("", text)


def main():
    if len(sys.argv) < 4 or sys.argv[2] != "--":
        sys.exit(__doc__)
    python, cmd = sys.argv[1], sys.argv[3:]
    failures = 0
    for k, lines in enumerate(SESSIONS):
        _, expected = transcript([python, "-q", "-i"], lines)
        rc, got = transcript(cmd, lines)
        if rc != 0 or got != expected:
            failures += 1
            print(f"session {k}: exit status {rc}\n--- CPython\n{expected}\n--- P4JIT\n{got}\n")
        else:
            print(f"session {k}: {len(lines)} lines, same transcript as CPython")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
