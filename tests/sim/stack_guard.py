#!/usr/bin/env python3
"""p4sim's stack guard (--stack-guard N, docs/p4sim.md): any access to the N
bytes at the ELF's __heap_end (the lowest bytes of the firmware's stack)
faults, so an overflow the guest's own checks missed is a trap, not a silent
write into the heap.

A small guest writes one word at __heap_end + OFFSET and prints what it read
back. With the guard covering that word p4sim must stop with a store access
fault at that address (exit status 1, nothing printed after); with no guard,
or a guard too short to cover it, the write succeeds. A word just past the
guard stays accessible (the bounds are exact).

usage: stack_guard.py P4SIM WORKDIR
"""
import os
import re
import subprocess
import sys

CFLAGS = ["--specs=picolibc.specs", "-misa-spec=2.2", "-march=rv32imafc", "-mabi=ilp32f", "-O2",
          "--oslib=semihost", "--crt0=semihost",
          "-Wl,--defsym=__flash=0x80000000", "-Wl,--defsym=__flash_size=0x00200000",
          "-Wl,--defsym=__ram=0x80200000", "-Wl,--defsym=__ram_size=0x01000000",
          "-Wl,--defsym=__stack_size=0x10000", "-Wl,--defsym=__heap_end=0x811f0000"]
GUEST = r"""
#include <stdio.h>
#include <stdlib.h>
extern char __heap_end[];
int main(int argc, char **argv)
{
    unsigned off = (unsigned)strtoul(argv[argc - 1], 0, 0);
    volatile unsigned *p = (volatile unsigned *)(__heap_end + off);
    printf("before\n");
    fflush(stdout);
    *p = 0x5a5a1234u;
    printf("wrote %x\n", *p);
    return 0;
}
"""
HEAP_END = 0x811f0000


def main():
    p4sim, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    src, elf = os.path.join(work, "guard.c"), os.path.join(work, "guard.elf")
    with open(src, "w") as f:
        f.write(GUEST)
    subprocess.run(["riscv64-unknown-elf-gcc"] + CFLAGS + ["-o", elf, src], check=True)
    fails = []

    def case(guard, off, trap):
        cmd = [p4sim] + (["--stack-guard", str(guard)] if guard is not None else []) + [elf, "%d" % off]
        p = subprocess.run(cmd, capture_output=True, timeout=60)
        out, err = p.stdout.decode(), p.stderr.decode()
        what = "guard %s, write at __heap_end + %d" % (guard, off)
        if trap:
            m = re.search(r"store access fault .*mtval 0x([0-9a-f]+)", err)
            if p.returncode != 1 or "wrote" in out or not m or int(m.group(1), 16) != HEAP_END + off:
                fails.append("%s: expected a store access fault at 0x%08x; status %d\n%s%s"
                             % (what, HEAP_END + off, p.returncode, out, err))
        elif p.returncode != 0 or "wrote 5a5a1234" not in out:
            fails.append("%s: expected the write to succeed; status %d\n%s%s" % (what, p.returncode, out, err))

    case(None, 100, False)     # no guard: the write lands (what used to corrupt the heap)
    case(4096, 100, True)      # inside the guard
    case(4096, 0, True)        # its first word
    case(4096, 4092, True)     # its last word
    case(4096, 4096, False)    # the first word past it
    case(64, 100, False)       # a guard too short to reach it
    for f in fails:
        print("FAIL:", f)
    print("stack guard: %d of 6 cases as expected" % (6 - len(fails)))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
