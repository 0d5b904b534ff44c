#!/usr/bin/env python3
"""Checks --jit-report's line for every loop (and refused function) of a program.

Usage: check_report.py P4JIT PROGRAM.py
Runs `p4jit run -X jit=eager -X pie=rev3 --jit-report PROGRAM.py` (on the
host the code is generated, not run: the report is the same as on p4sim).
Each source line with a `# report: TEXT` comment must have a report line
`PROGRAM.py:LINE: TEXT` exactly, and every loop line of the report must be
one of those (a loop nobody expected fails too). `# report-function: TEXT`
on a `def` line: the function's report line must end with
`NAME: TEXT (PROGRAM.py, line LINE)`.
"""
import os
import re
import subprocess
import sys


def main():
    p4jit, program = sys.argv[1], sys.argv[2]
    base = os.path.basename(program)
    want, want_fn = {}, {}
    with open(program) as f:
        for no, text in enumerate(f, 1):
            m = re.search(r"#\s*report:\s*(.*\S)", text)
            if m:
                want[no] = m.group(1)
            m = re.search(r"^def (\w+).*#\s*report-function:\s*(.*\S)", text)
            if m:
                want_fn[m.group(1)] = (no, m.group(2))
    run = subprocess.run([p4jit, "run", "-X", "jit=eager", "-X", "pie=rev3", "--jit-report", program],
                         capture_output=True, text=True, timeout=120)
    report = run.stderr.splitlines()
    got = {}
    for line in report:
        m = re.match(r"^    (\S+):(\d+): (.*)$", line)
        if m and m.group(1).endswith(base):
            got.setdefault(int(m.group(2)), []).append(m.group(3))
    bad = []
    for no, text in sorted(want.items()):
        for g in got.get(no, ["(no report line)"]):
            if g != text:
                bad.append(f"line {no}: expected\n    {text}\n  got\n    {g}")
    for no in sorted(set(got) - set(want)):
        bad.append(f"line {no}: a loop with no expectation: {got[no]}")
    for name, (no, text) in want_fn.items():
        line = f"  {name}: {text}"
        if not any(r.startswith(line) and r.endswith(f"({base}, line {no})") or
                   r.startswith(line) and f"{base}, line {no})" in r for r in report):
            bad.append(f"function {name}: expected a report line starting\n{line}")
    if bad or run.returncode != 0:
        print("\n".join(bad) or f"p4jit exited with {run.returncode}")
        print("--- report ---\n" + run.stderr)
        sys.exit(1)
    print(f"{len(want)} loop lines and {len(want_fn)} refused functions as expected")


if __name__ == "__main__":
    main()
