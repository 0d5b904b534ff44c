#!/usr/bin/env python3
"""Differential test: build one C program for rv32imafc with picolibc (flags of
../shared/reference/rv32-toolchain.md), run it under qemu-system-riscv32 with
-icount shift=0 and under p4sim, and require identical stdout, stderr and exit
status. The programs print rdinstret differences, so instruction counts are
compared through stdout.

Programs named trap_* fault on purpose: QEMU runs picolibc's trap handler
(which prints "RISCV fault" and a register dump, exit 1) while p4sim stops at
the trap itself (exit 1, report on its diagnostics stream); their output is
compared up to the handler's first line.

usage: run_diff.py P4SIM SOURCE.c WORKDIR
"""
import os
import subprocess
import sys

CFLAGS = ["--specs=picolibc.specs", "-misa-spec=2.2", "-march=rv32imafc", "-mabi=ilp32f", "-O2",
          "--oslib=semihost", "--crt0=semihost",
          "-Wl,--defsym=__flash=0x80000000", "-Wl,--defsym=__flash_size=0x00200000",
          "-Wl,--defsym=__ram=0x80200000", "-Wl,--defsym=__ram_size=0x01000000",
          "-Wl,--defsym=__stack_size=0x10000"]
QEMU = ["qemu-system-riscv32", "-M", "virt", "-cpu", "rv32,d=false", "-bios", "none",
        "-icount", "shift=0,sleep=off", "-display", "none", "-serial", "none", "-monitor", "none",
        "-chardev", "stdio,id=sh0", "-semihosting-config", "enable=on,target=native,chardev=sh0"]


def run(cmd, cwd, merge=False):
    p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT if merge else subprocess.PIPE, timeout=120)
    return p.returncode, p.stdout.decode(errors="replace"), (p.stderr or b"").decode(errors="replace")


def main():
    p4sim, src, work = sys.argv[1], sys.argv[2], sys.argv[3]
    name = os.path.splitext(os.path.basename(src))[0]
    os.makedirs(work, exist_ok=True)
    elf = os.path.join(work, name + ".elf")
    subprocess.run(["riscv64-unknown-elf-gcc"] + CFLAGS + ["-o", elf, src, "-lm"], check=True)
    args = [os.path.join(work, name + ".tmp")] if name == "fileio" else []
    qemu_cmd = ["timeout", "60"] + QEMU + ["-kernel", elf]
    if args:
        qemu_cmd += ["-append", " ".join(args)]
    q = run(qemu_cmd, work)
    trap = name.startswith("trap_")
    # QEMU sends the guest's stdout and stderr to one chardev: merge p4sim's too
    s = run([p4sim, elf] + args, work, merge=not trap)
    qout, sout = q[1], s[1]
    qerr, serr = q[2], s[2]
    if trap:
        qout = qout.split("RISCV fault")[0]
        serr = qerr = ""
        if "p4sim: trap:" not in s[2]:
            print("p4sim did not report a trap:\n" + s[2])
            return 1
    ok = True
    if q[0] != s[0]:
        print(f"exit status: qemu {q[0]} p4sim {s[0]}")
        ok = False
    if qout != sout:
        print("stdout differs\n--- qemu\n" + qout + "\n--- p4sim\n" + sout)
        ok = False
    if qerr != serr:
        print("stderr differs\n--- qemu\n" + qerr + "\n--- p4sim\n" + serr)
        ok = False
    if not ok:
        print("p4sim stderr:\n" + s[2][-3000:])
        return 1
    print(sout[-2000:])
    print(f"{name}: identical (exit {s[0]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
