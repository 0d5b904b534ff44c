#!/usr/bin/env python3
"""Checks the RV32 encoder and disassembler against GNU binutils.

1. Our disassembly of every vector must equal riscv64-unknown-elf-objdump's
   (-M no-aliases, raw binary), line by line (objdump's "# address" notes
   aside); so must our alias-style disassembly equal objdump's default.
2. Our assembler text, assembled by riscv64-unknown-elf-as, must give exactly
   our bytes.
"""
import os
import re
import subprocess
import sys
import tempfile


def main():
    gen, work = sys.argv[1], tempfile.mkdtemp()
    out = os.path.join(work, "v")
    r = subprocess.run([gen, out], capture_output=True, text=True)
    print(r.stdout.strip())
    if r.returncode != 0:
        print(r.stderr)
        return 1
    failures = 0
    for suffix, options in ((".dis", ["-M", "no-aliases"]), (".alias.dis", [])):
        ours = open(out + suffix).read().splitlines()
        dump = subprocess.run(["riscv64-unknown-elf-objdump", "-D", "-b", "binary", "-m", "riscv:rv32"] + options +
                              [out + ".bin"], capture_output=True, text=True, check=True).stdout
        theirs = [re.sub(r" # .*$", "", l) for l in dump.splitlines() if re.match(r"^\s*[0-9a-f]+:\t", l)]
        if len(ours) != len(theirs):
            print("FAIL: %d lines from us, %d from objdump %s" % (len(ours), len(theirs), " ".join(options)))
            failures += 1
        shown = 0
        for a, b in zip(ours, theirs):
            if a != b:
                failures += 1
                shown += 1
                if shown <= 20:
                    print("objdump %s differs:\n  ours:    %r\n  objdump: %r" % (" ".join(options), a, b))
    ours = open(out + ".dis").read().splitlines()
    with open(out + ".S", "w") as f:
        f.write(".option norvc\n")
        f.write(open(out + ".s").read())
    subprocess.run(["riscv64-unknown-elf-as", "-march=rv32imafc_zicsr_zifencei", "-mabi=ilp32f",
                    out + ".S", "-o", out + ".o"], check=True)
    subprocess.run(["riscv64-unknown-elf-objcopy", "-O", "binary", "-j", ".text", out + ".o", out + ".as.bin"],
                   check=True)
    mine, assembled = open(out + ".bin", "rb").read(), open(out + ".as.bin", "rb").read()
    if mine != assembled:
        failures += 1
        for i in range(0, min(len(mine), len(assembled)), 4):
            if mine[i:i + 4] != assembled[i:i + 4]:
                print("FAIL: as gives %s for line %d (%s), we gave %s" % (
                    assembled[i:i + 4][::-1].hex(), i // 4 + 1, ours[i // 4].split("\t")[-2:], mine[i:i + 4][::-1].hex()))
                break
        if len(mine) != len(assembled):
            print("FAIL: %d bytes from us, %d from as" % (len(mine), len(assembled)))
    n = len(ours)
    print("%d passed, %d failed" % (n - min(failures, n), min(failures, n)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
