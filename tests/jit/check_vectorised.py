#!/usr/bin/env python3
"""Checks which functions vector.c puts on PIE lanes.

Usage: check_vectorised.py [--insn MNEMONIC [--times N]] [-X OPTION] P4JIT PROGRAM.py NAME... [-- NAME...]
The functions named before `--` must be compiled with a PIE multiply-
accumulate (esp.vmulas; or the instruction --insn names, as esp.vst.128 for
elementwise.c's loops) in `p4jit dis --jit -X pie=rev3`, those after it
must be compiled without one. With --times N: N times or more before `--`,
fewer after (vec21: a second 16-tap loop). Output comparison alone cannot tell: the
scalar loop computes the same results.
"""
import re
import subprocess
import sys


def main():
    args, insn, times = sys.argv[1:], "esp.vmulas", 1
    if args[0] == "--insn":
        insn, args = args[1], args[2:]
    if args[0] == "--times":
        times, args = int(args[1]), args[2:]
    opts = []
    if args[0] == "-X":  # one more JIT option (-X panel=on)
        opts, args = ["-X", args[1]], args[2:]
    p4jit, program, names = args[0], args[1], args[2:]
    want = names[: names.index("--")] if "--" in names else names
    unwanted = names[names.index("--") + 1:] if "--" in names else []
    out = subprocess.run([p4jit, "dis", "--jit", "-X", "pie=rev3"] + opts + [program], check=True,
                         capture_output=True, text=True).stdout
    parts = re.split(r"^function (\w+): ", out, flags=re.M)
    funcs = {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}
    bad = []
    for name in want + unwanted:
        text = funcs.get(name)
        if text is None or not text.startswith("compiled"):
            bad.append(f"{name}: not compiled")
        elif (text.count(insn) >= times) != (name in want):
            bad.append(f"{name}: {insn} {text.count(insn)} times")
    for b in bad:
        print(b)
    print("ok" if not bad else f"{len(bad)} wrong")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
