#!/usr/bin/env python3
"""Checks the packed panel's 16-tap hardware loop of each named function.

Usage: check_panel_count.py P4JIT PROGRAM.py NAME...
In `p4jit dis --jit -X pie=rev3`, one of each function's hardware loops of
esp.vsmulas.s8.qacc.ld.incp (the 16 taps on the panel: the nest's copy
without run-time choices, vec17) must take its count from a value made
before the loops around (vec20, vector_panel.c count_taps: no shift among
the set-up's instructions, which computed ((lim - k - 1) >> 4) + 1 at every
output vector before) and be left by a conditional branch, the scalar
taps' guard (emit.c hw_exit), not a jump. (The original nest's loop, run
when the copy's conditions fail, keeps its set-up.)
Output comparison alone cannot tell: both compute the same.
"""
import re
import subprocess
import sys

SETUP_WINDOW = 8  # instructions before esp.lp.setup that belong to its set-up


def main():
    p4jit, program, names = sys.argv[1], sys.argv[2], sys.argv[3:]
    out = subprocess.run([p4jit, "dis", "--jit", "-X", "pie=rev3", program], check=True,
                         capture_output=True, text=True).stdout
    parts = re.split(r"^function (\w+): ", out, flags=re.M)
    funcs = {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}
    bad = []
    for name in names:
        text = funcs.get(name, "")
        code = [m.group(1) for m in re.finditer(r"^\s+[0-9a-f]+:\t[0-9a-f]+\t(\S+)", text, flags=re.M)]
        seen = []
        for i, op in enumerate(code):
            if op != "esp.lp.setup" or "esp.vsmulas.s8.qacc.ld.incp" not in code[i + 1:i + 4]:
                continue
            counted = not any(o in ("srli", "c.srli") for o in code[max(0, i - SETUP_WINDOW):i])
            end = i + 1
            while end < len(code) and (code[end].startswith("esp.vsmulas") or code[end].startswith("esp.vld")):
                end += 1
            left = code[end] if end < len(code) else "nothing"
            seen.append(f"count {'made before' if counted else 'at the set-up'}, left by {left}")
            if counted and left.startswith("b"):
                break
        else:
            bad.append(f"{name}: no 16-tap loop on a packed panel with its count made before and a branch after"
                       f" ({'; '.join(seen) or 'none'})")
    for b in bad:
        print(b)
    print("ok" if not bad else f"{len(bad)} wrong")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
