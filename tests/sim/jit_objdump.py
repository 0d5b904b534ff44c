#!/usr/bin/env python3
"""Every byte the JIT generates for the corpus is valid RV32IMAFC+C code.

For each program (tests/programs, tests/jit, bench), the RV32 firmware runs
`dis --jit` under p4sim (the code listed is the code the firmware generated
and ran). Each compiled function's bytes are taken from the listing, written
to a raw file and disassembled by riscv64-unknown-elf-objdump: every
instruction must decode (no .2byte/.4byte) and read the same as in P4JIT's
own listing, whose disassembler is RV32IMAFC+C only (so D-extension or
reserved words, which objdump would accept, are caught too).

The programs after `--pie` run again with `-X pie=rev3`. Debian's objdump
has no ESP32-P4 PIE (and reads rev-3 PIE words as 48-bit lengths), so the
words P4JIT's own decoder lists as `esp.` instructions (its tables are
checked against the LLVM and binutils encodings in tests/rv32) become `nop`
for objdump; everything else must still read the same, and there must be
some PIE.

usage: jit_objdump.py P4SIM FIRMWARE OBJDUMP WORKDIR PROGRAM... [--pie PROGRAM...]
"""
import re
import subprocess
import sys
from pathlib import Path

P4SIM, FIRMWARE, OBJDUMP, WORK = sys.argv[1], sys.argv[2], sys.argv[3], Path(sys.argv[4])
PROGRAMS = sys.argv[5:]
PIE = PROGRAMS[PROGRAMS.index("--pie") + 1:] if "--pie" in PROGRAMS else []
PROGRAMS = PROGRAMS[:PROGRAMS.index("--pie")] if "--pie" in PROGRAMS else PROGRAMS
pie_words = 0
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


for prog, opts in [(p, []) for p in PROGRAMS] + [(p, ["-X", "pie=rev3"]) for p in PIE]:
    r = subprocess.run([P4SIM, FIRMWARE, "dis", "--jit"] + opts + [prog], capture_output=True, text=True, timeout=600)
    for header, lines in listings(r.stdout):
        functions += 1
        blob = bytearray()
        for off, hexw, text in lines:
            if off != len(blob):
                failures += 1
                print(f"FAIL {prog}: {header}: listing gap at {off:#x}")
                break
            w = int(hexw, 16)
            if opts and text.startswith("esp."):
                w, pie_words = 0x00000013, pie_words + 1
            blob += w.to_bytes(len(hexw) // 2, "little")
        nbytes += len(blob)
        binfile = WORK / "code.bin"
        binfile.write_bytes(bytes(blob))
        dump = subprocess.run([OBJDUMP, "-D", "-b", "binary", "-m", "riscv:rv32", "-M", "no-aliases", str(binfile)],
                              capture_output=True, text=True, check=True).stdout
        theirs = [re.sub(r" *#.*$", "", l).split("\t", 2)[2] for l in dump.splitlines()
                  if re.match(r"^ *[0-9a-f]+:\t", l)]
        ours = [t for _, _, t in lines]
        pie = [bool(opts) and a.startswith("esp.") and b == "addi\tzero,zero,0" for a, b in zip(ours, theirs)]
        bad = [(i, a, b) for i, (a, b) in enumerate(zip(ours, theirs))
               if not pie[i] and (a != b or b.startswith(".2byte") or b.startswith(".4byte"))]
        if len(ours) != len(theirs) or bad:
            failures += 1
            print(f"FAIL {prog}: {header}: {len(ours)} instructions, objdump {len(theirs)}; first differences {bad[:3]}")

print(f"jit_objdump: {len(PROGRAMS)} programs (and {len(PIE)} with PIE), {functions} compiled functions, "
      f"{nbytes} bytes of code, {pie_words} PIE words, {failures} failures")
if PIE and not pie_words:
    print("FAIL: no PIE instruction in the programs run with -X pie=rev3")
    failures += 1
if functions < len(PROGRAMS) // 2:
    print("FAIL: too few compiled functions to check")
    failures += 1
sys.exit(1 if failures else 0)
