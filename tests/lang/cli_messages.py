#!/usr/bin/env python3
"""Command-line mistakes get a message that names the real problem
(issue 17, item 11), and -X jit= is obeyed whichever side of --jit-report
it is on (issue 12).

usage: cli_messages.py P4JIT
"""
import os
import subprocess
import sys
import tempfile

# (arguments, expected exit status, text the message must contain, text it must not)
CASES = [
    (["compile", "x.py", "-o"], 2, "-o needs a file name", "unknown compile option"),
    (["dis", "--jit"], 2, "usage: p4jit dis", "can't open"),
    (["run", "-m", "1G", "x.py"], 2, "16K to 2047M", "at least 16K"),
    (["run", "-m", "4096M", "x.py"], 2, "16K to 2047M", "at least 16K"),
    (["run", "-m", "8K", "x.py"], 2, "16K to 2047M", None),
    (["objdump", "code.bin", "--vma", "0x100000000"], 2, "bad address '0x100000000'", None),
    (["objdump", "code.bin", "--vma", "4294967296"], 2, "bad address", None),
    (["objdump", "code.bin", "--vma", "-1"], 2, "bad address '-1'", None),
    (["objdump", "code.bin", "--vma", "0x"], 2, "bad address", None),
]


def main():
    p4jit = os.path.abspath(sys.argv[1])
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "x.py"), "w") as f:
            f.write("def f(n):\n    return n + 1\nfor i in range(40):\n    f(i)\nprint(f(1))\n")
        with open(os.path.join(tmp, "code.bin"), "wb") as f:
            f.write(bytes([0x13, 0x05, 0x15, 0x00]))  # addi a0, a0, 1
        for args, status, want, unwanted in CASES:
            p = subprocess.run([p4jit] + args, cwd=tmp, capture_output=True, text=True, timeout=60)
            if p.returncode != status or want not in p.stderr or (unwanted and unwanted in p.stderr):
                print("FAIL: p4jit %s: exit %d, stderr %r (want exit %d and %r)" %
                      (" ".join(args), p.returncode, p.stderr, status, want))
                failures += 1
        # the largest 32-bit address is still one
        p = subprocess.run([p4jit, "objdump", "code.bin", "--vma", "0xfffffffc"], cwd=tmp, capture_output=True,
                           text=True, timeout=60)
        if p.returncode != 0 or "fffffffc:" not in p.stdout:
            print("FAIL: --vma 0xfffffffc: exit %d %r %r" % (p.returncode, p.stdout, p.stderr))
            failures += 1
        # --jit-report turns on the host's JIT, but not against -X jit=off
        runs = {"report": ["--jit-report"], "off-first": ["-X", "jit=off", "--jit-report"],
                "off-last": ["--jit-report", "-X", "jit=off"]}
        for name, opts in runs.items():
            p = subprocess.run([p4jit, "run"] + opts + ["x.py"], cwd=tmp, capture_output=True, text=True,
                               timeout=60)
            reported = "JIT report" in p.stderr
            if p.returncode != 0 or p.stdout != "2\n" or reported != (name == "report"):
                print("FAIL: run %s: exit %d, stdout %r, report %s" % (" ".join(opts), p.returncode, p.stdout,
                                                                      reported))
                failures += 1
    total = len(CASES) + 4
    print("cli messages: %d of %d checks pass" % (total - failures, total))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
