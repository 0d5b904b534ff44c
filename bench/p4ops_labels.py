"""Prints the firmware interpreter's dispatch table (run()'s labels.0) as
"address OPCODE" lines for bench/p4ops.c: p4ops_labels.py FIRMWARE.elf src/vm/opcodes.h"""
import sys, subprocess, re, struct
elf, opcodes = sys.argv[1], sys.argv[2]
names = re.findall(r"^\s*X\((\w+),", open(opcodes).read(), re.M)
addr = size = None
for l in subprocess.run(["riscv64-unknown-elf-nm", "-S", elf], capture_output=True, text=True).stdout.splitlines():
    p = l.split()
    if len(p) == 4 and p[3] == "labels.0": addr, size = int(p[0], 16), int(p[1], 16)
# read the bytes via objdump -s
out = subprocess.run(["riscv64-unknown-elf-objdump", "-s", "--start-address=%d" % addr, "--stop-address=%d" % (addr + size), elf], capture_output=True, text=True).stdout
data = b""
for l in out.splitlines():
    m = re.match(r"\s*([0-9a-f]{8}) ((?:[0-9a-f]{1,8} ?){1,4})", l)
    if m and int(m.group(1), 16) >= addr:
        for w in m.group(2).split():
            data += bytes.fromhex(w)
n = size // 4
vals = struct.unpack("<%dI" % n, data[:4 * n])
assert len(names) >= n, (len(names), n)
for i, v in enumerate(vals):
    print("%08x %s" % (v, names[i]))
