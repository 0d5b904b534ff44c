#!/usr/bin/env python3
"""p4sim's peak stack against programs of known depth (stack_probe.c).

usage: stack_probe.py RV32_GCC P4SIM WORKDIR

Builds stack_probe.c with 1, 3 and 6 nested 4,000-byte frames and checks
p4sim --stats' peak stack: at least the frames, at most 1 KB more (the
frames' saved registers and alignment, main, crt0), growing by the frames'
size from one build to the next.
"""
import os
import re
import subprocess
import sys

FRAME = 4000


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    gcc, p4sim, work = sys.argv[1:]
    os.makedirs(work, exist_ok=True)
    src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "stack_probe.c")
    peaks, fails = {}, []
    for depth in (0, 2, 5):
        elf = os.path.join(work, f"stack_probe_{depth}.elf")
        subprocess.run([gcc, "--specs=picolibc.specs", "-misa-spec=2.2", "-march=rv32imafc", "-mabi=ilp32f", "-O2",
                        f"-DDEPTH={depth}", "--oslib=semihost", "--crt0=semihost",
                        "-Wl,--defsym=__flash=0x80000000", "-Wl,--defsym=__flash_size=0x00200000",
                        "-Wl,--defsym=__ram=0x80200000", "-Wl,--defsym=__ram_size=0x01000000",
                        "-Wl,--defsym=__stack_size=0x80000", src, "-o", elf], check=True, timeout=120)
        r = subprocess.run([p4sim, "--stats", elf], capture_output=True, text=True, timeout=120)
        m = re.search(r"^peak stack\s+(\d+) bytes", r.stderr, re.M)
        if r.returncode != 0 or not m:
            sys.exit(f"stack_probe: depth {depth}: exit {r.returncode}, no peak stack:\n{r.stderr}")
        peak, frames = int(m.group(1)), (depth + 1) * FRAME
        peaks[depth] = peak
        print(f"{depth + 1} frames of {FRAME} bytes: peak stack {peak}")
        if not frames <= peak <= frames + 1024:
            fails.append(f"{depth + 1} frames: peak {peak} not within [{frames}, {frames + 1024}]")
    step = (peaks[5] - peaks[2]) / 3
    if not FRAME <= step <= FRAME + 32:
        fails.append(f"a frame adds {step} bytes, not about {FRAME}")
    for f in fails:
        print("FAIL:", f)
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
