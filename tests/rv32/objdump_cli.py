#!/usr/bin/env python3
"""The `p4jit objdump` command itself (the library is tested by vectors.c and
pie_test.c): its output on a raw binary must equal riscv64-unknown-elf-objdump's
line for line (both styles, with --vma), --rev 1|3 must decode the ESP32-P4
instructions of that revision only, and bad use must fail with a message.

usage: objdump_cli.py P4JIT OBJDUMP WORKDIR
"""
import random
import re
import struct
import subprocess
import sys
from pathlib import Path

P4JIT, OBJDUMP, WORK = sys.argv[1], sys.argv[2], Path(sys.argv[3])
WORK.mkdir(parents=True, exist_ok=True)
failures = 0


def check(cond, what):
    global failures
    if not cond:
        failures += 1
        print("FAIL:", what)


def p4(*args):
    return subprocess.run([P4JIT, "objdump", *args], capture_output=True, text=True)


def binutils(path, vma, aliases):
    opts = [] if aliases else ["-M", "no-aliases"]
    out = subprocess.run([OBJDUMP, "-D", "-b", "binary", "-m", "riscv:rv32", *opts,
                          f"--adjust-vma={vma:#x}", str(path)], capture_output=True, text=True, check=True).stdout
    # instruction lines: an address, a colon and a tab
    return [l for l in out.splitlines() if re.match(r"^ *[0-9a-f]+:\t", l)]


# The ESP32-P4 worked examples of ../shared/reference/esp32p4-pie.md (from
# LLVM's esp32p4-valid.s, rev 1 = xespv2p1) and one hardware-loop word.
PIE_REV1 = [
    (0x1212A63B, "esp.vld.128.ip\tq1,a3,560"),
    (0xA25274BB, "esp.vmulas.s8.qacc.ld.ip\tq5,a2,64,q5,q0"),
    (0x7802A43B, "esp.srcmb.s8.qacc\tq1,a3,1"),
    (0x0000025B, "esp.zero.qacc"),
]

# 1. Standard code: random 16- and 32-bit words, valid and unknown; both
# styles and a non-zero --vma against binutils. Every line must be equal
# (objdump's "# address" notes aside) or one of the documented differences
# (docs/rv32.md): binutils decodes raw binaries for every extension it knows
# (D, reserved rounding modes, RV32C HINTs and shamt >= 32, more CSR names),
# where P4JIT is RV32IMAFC and prints those as unknown; P4JIT's default
# --rev 3 decodes the ESP32-P4's custom opcodes, which binutils does not know.
# (Longer encodings, low bits 11111, are left out: binutils groups them into
# .8byte and the like, P4JIT prints each unknown half-word.)
rng = random.Random(20261129)
blob = bytearray()
for _ in range(3000):
    if rng.random() < 0.3:
        blob += struct.pack("<H", rng.getrandbits(16) & ~3 | rng.randrange(3))
    else:
        w = rng.getrandbits(32) | 3
        if (w & 0x1C) == 0x1C:
            w &= ~0x10
        blob += struct.pack("<I", w)
std = WORK / "standard.bin"
std.write_bytes(bytes(blob))

D_OPS = re.compile(r"^(c\.)?f(l|s)d(sp)?$|\.d$|\.d\.|^fcvt\.[a-z]+\.d$")
HINT_OR_RESERVED = re.compile(r"^(c\.)?(add|mv|li|lui)\tzero,|^(c\.)?s[rl][la]i?\t[\w,]+,0x[23][0-9a-f]$|"
                              r"^c\.slli64|^c\.(addi|nop)\b|^c\.addi16sp|^c\.lui|^add\t(?P<r>\w+),(?P=r),0$|,unknown$")


def tolerated(ours, theirs):
    o, t = ours.split("\t", 2)[2:], theirs.split("\t", 2)[2:]
    if not o or not t:
        return False
    o, t = o[0], t[0]
    if o.startswith("esp."):
        return True  # ESP32-P4 custom opcodes (rev 3 by default)
    if o.startswith(".2byte") or o.startswith(".4byte"):
        mnemonic = t.split("\t")[0]
        return bool(D_OPS.search(mnemonic) or HINT_OR_RESERVED.search(t))
    if o.split("\t")[0] == t.split("\t")[0] and o.split("\t")[0].startswith("csrr"):
        return True  # a CSR P4JIT prints by number, binutils by name
    return False


for aliases in (False, True):
    for vma in (0, 0x40000000):
        args = [str(std), "--vma", hex(vma)] + (["--aliases"] if aliases else [])
        r = p4(*args)
        check(r.returncode == 0, f"objdump {' '.join(args)} exit {r.returncode}: {r.stderr}")
        ours = r.stdout.splitlines()
        theirs = [re.sub(r" *#.*$", "", l) for l in binutils(std, vma, aliases)]
        check(len(ours) == len(theirs), f"{args}: {len(ours)} lines, binutils {len(theirs)}")
        same = sum(a == b for a, b in zip(ours, theirs))
        bad = [(a, b) for a, b in zip(ours, theirs) if a != b and not tolerated(a, b)]
        check(not bad, f"{args}: {len(bad)} lines differ from binutils: {bad[:8]}")
        check(same >= 0.8 * len(theirs), f"{args}: only {same} of {len(theirs)} lines identical")

# 2. PIE: the worked examples decode with --rev 1, and only there.
pie = WORK / "pie.bin"
pie.write_bytes(b"".join(struct.pack("<I", w) for w, _ in PIE_REV1) + struct.pack("<I", 0x00500513))
r1 = p4(str(pie), "--rev", "1").stdout.splitlines()
check(len(r1) == 5, f"--rev 1: {len(r1)} lines")
for line, (word, text) in zip(r1, PIE_REV1):
    check(line.endswith(f"{word:08x}          \t{text}"), f"--rev 1: '{line}' is not {text}")
check(r1[4:] and r1[4].endswith("addi\ta0,zero,5"), "--rev 1 keeps the standard ISA")
r3 = p4(str(pie), "--rev", "3").stdout.splitlines()
for line, (word, _) in zip(r3, PIE_REV1):
    check(line.endswith(f"\t.4byte\t{word:#x}"), f"--rev 3 decodes a rev-1 word: '{line}'")
plain = p4(str(pie)).stdout.splitlines()
check(all(".4byte" in l for l in plain[:4]), "no --rev: PIE words are unknown")
ali = p4(str(pie), "--rev", "1", "--aliases").stdout.splitlines()
check(len(ali) == 5 and ali[4].endswith("\tli\ta0,5") and ali[0].endswith(PIE_REV1[0][1]),
      f"--rev 1 --aliases: {ali}")

# 3. Bad use: a clear message and a non-zero status, never a crash.
for args, needle in [([str(pie), "--rev", "2"], "--rev"), ([str(WORK / "missing.bin")], "missing.bin"),
                     ([str(pie), "--vma"], "--vma"), ([str(pie), "--vma", "zz"], "zz")]:
    r = p4(*args)
    check(r.returncode not in (0,) and r.returncode > 0 and needle in r.stderr,
          f"objdump {' '.join(args)}: exit {r.returncode}, stderr '{r.stderr.strip()}'")

empty = WORK / "empty.bin"
empty.write_bytes(b"")
r = p4(str(empty))
check(r.returncode == 0 and r.stdout == "", f"empty file: exit {r.returncode}, '{r.stdout}'")

print("objdump_cli:", "ok" if not failures else f"{failures} failures")
sys.exit(1 if failures else 0)
