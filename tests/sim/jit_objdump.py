#!/usr/bin/env python3
"""Every byte the JIT generates for the corpus is valid RV32IMAFC+C code.

For each program (tests/programs, tests/jit, bench), the RV32 firmware runs
`dis --jit` under p4sim (the code listed is the code the firmware generated
and ran). Each compiled function's bytes are taken from the listing, written
to a raw file and disassembled by riscv64-unknown-elf-objdump: every
instruction must decode (no .2byte/.4byte) and read the same as in P4JIT's
own listing, whose disassembler is RV32IMAFC+C only (so D-extension or
reserved words, which objdump would accept, are caught too).

usage: jit_objdump.py P4SIM FIRMWARE OBJDUMP WORKDIR PROGRAM...
"""
import re
import subprocess
import sys
from pathlib import Path

P4SIM, FIRMWARE, OBJDUMP, WORK = sys.argv[1], sys.argv[2], sys.argv[3], Path(sys.argv[4])
PROGRAMS = sys.argv[5:]
WORK.mkdir(parents=True, exist_ok=True)
LINE = re.compile(r"^ +([0-9a-f]+):\t([0-9a-f]{4}|[0-9a-f]{8})\t(.*)$")
failures = functions = nbytes = 0


def listings(text):
    """(function header, [(offset, hex, text)]) for each compiled function."""
    out, name, lines, in_code = [], None, [], False
    for l in text.splitlines():
        if l.startswith("function "):
            if name and lines:
                out.append((name, lines))
            name, lines, in_code = l, [], False
        elif l.startswith("RV32IMAFC code:"):
            in_code = True
        elif in_code:
            m = LINE.match(l)
            if m:
                lines.append((int(m.group(1), 16), m.group(2), m.group(3)))
    if name and lines:
        out.append((name, lines))
    return out


for prog in PROGRAMS:
    r = subprocess.run([P4SIM, FIRMWARE, "dis", "--jit", prog], capture_output=True, text=True, timeout=600)
    for header, lines in listings(r.stdout):
        functions += 1
        blob = bytearray()
        for off, hexw, _ in lines:
            if off != len(blob):
                failures += 1
                print(f"FAIL {prog}: {header}: listing gap at {off:#x}")
                break
            w = int(hexw, 16)
            blob += w.to_bytes(len(hexw) // 2, "little")
        nbytes += len(blob)
        binfile = WORK / "code.bin"
        binfile.write_bytes(bytes(blob))
        dump = subprocess.run([OBJDUMP, "-D", "-b", "binary", "-m", "riscv:rv32", "-M", "no-aliases", str(binfile)],
                              capture_output=True, text=True, check=True).stdout
        theirs = [re.sub(r" *#.*$", "", l).split("\t", 2)[2] for l in dump.splitlines()
                  if re.match(r"^ *[0-9a-f]+:\t", l)]
        ours = [t for _, _, t in lines]
        bad = [(i, a, b) for i, (a, b) in enumerate(zip(ours, theirs))
               if a != b or b.startswith(".2byte") or b.startswith(".4byte")]
        if len(ours) != len(theirs) or bad:
            failures += 1
            print(f"FAIL {prog}: {header}: {len(ours)} instructions, objdump {len(theirs)}; first differences {bad[:3]}")

print(f"jit_objdump: {len(PROGRAMS)} programs, {functions} compiled functions, {nbytes} bytes of code, "
      f"{failures} failures")
if functions < len(PROGRAMS) // 2:
    print("FAIL: too few compiled functions to check")
    failures += 1
sys.exit(1 if failures else 0)
