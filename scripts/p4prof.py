#!/usr/bin/env python3
"""Where a program running in p4sim spends its instructions, by function.

Runs `p4sim --trace ELF ARGS`, maps each executed pc to the ELF's function
(`nm -n`), follows calls (an instruction that writes ra) and their returns,
and prints per function the instructions executed in it (self) and under it
(total: it and what it calls). With --root FN only what runs under FN
counts, e.g. the JIT's compiler:

    scripts/p4prof.py --root compile build/firmware/p4jit-fw.elf run bench/matmul.py

The counts are retired instructions, not modelled cycles (p4sim's trace
has no cycles; the firmware's compile code runs at about 1.15 cycles per
instruction, so the shares are close).
"""
import argparse
import bisect
import collections
import os
import subprocess
import sys

ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
ap.add_argument("--root", help="count only instructions run under this function")
ap.add_argument("--callers", action="append", default=[], metavar="FN",
                help="also print FN's total split by the function calling it (repeatable)")
ap.add_argument("--lines", action="append", default=[], metavar="FN",
                help="also print FN's own instructions by source line (addr2line; repeatable)")
ap.add_argument("--top", type=int, default=40, help="functions to print (default 40)")
ap.add_argument("--p4sim", default=os.path.join(os.path.dirname(__file__), "..", "build", "src", "sim", "p4sim"))
ap.add_argument("--nm", default="riscv64-unknown-elf-nm")
ap.add_argument("elf")
ap.add_argument("args", nargs=argparse.REMAINDER)
opt = ap.parse_args()

addrs, names = [], []
for line in subprocess.run([opt.nm, "-n", opt.elf], capture_output=True, text=True, check=True).stdout.splitlines():
    f = line.split()
    if len(f) == 3 and f[1] in "tTwW":
        addrs.append(int(f[0], 16))
        names.append(f[2])

fn_cache = {}
def function_of(pc):
    name = fn_cache.get(pc)
    if name is None:
        i = bisect.bisect_right(addrs, pc) - 1
        name = fn_cache[pc] = names[i] if i >= 0 else "?"
    return name

self_n = collections.Counter()
total_n = collections.Counter()
pc_n = collections.Counter()      # per pc, for --lines
edge_n = collections.Counter()     # (caller, callee): instructions under calls from caller
# the call stack: (return address, callee name, instructions counted at the call)
stack = []
on_stack = collections.Counter()   # callee names on the stack (recursion counts once)
in_root = 0                        # frames of --root on the stack
count = 0                          # instructions counted so far
pending_call = None                # a call's return address, the callee known at the next pc

proc = subprocess.Popen([opt.p4sim, "--trace", opt.elf] + opt.args,
                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, bufsize=1 << 20)
for line in proc.stderr:
    if len(line) < 10 or line[8] != ":":
        continue
    try:
        pc = int(line[:8], 16)
    except ValueError:
        continue
    fn = function_of(pc)
    if pending_call is not None:
        stack.append((pending_call, fn, count))
        on_stack[fn] += 1
        if fn == opt.root:
            in_root += 1
        pending_call = None
    # a return (or a longjmp past frames): pop every frame whose return address is pc
    while stack and any(f[0] == pc for f in stack[-4:]):
        ret, callee, start = stack.pop()
        on_stack[callee] -= 1
        if on_stack[callee] == 0:
            total_n[callee] += count - start
            edge_n[(function_of(ret), callee)] += count - start
        if callee == opt.root:
            in_root -= 1
        if ret == pc:
            break
    counted = opt.root is None or in_root > 0
    if counted:
        self_n[fn] += 1
        count += 1
        if opt.lines:
            pc_n[pc] += 1
    ins = line[10:].split(None, 2)
    if len(ins) >= 2 and ins[0] in ("jal", "jalr", "c.jal", "c.jalr") and \
            (ins[0].startswith("c.") or ins[1].startswith("ra,")):
        pending_call = pc + (2 if ins[0].startswith("c.") else 4)
proc.wait()
grand = sum(self_n.values())
print(f"{grand} instructions" + (f" under {opt.root}" if opt.root else ""))
print(f"{'self':>10} {'%':>6} {'total':>10} {'%':>6}  function")
for name, n in self_n.most_common(opt.top):
    t = total_n.get(name, n)
    print(f"{n:10d} {100.0 * n / grand:6.2f} {t:10d} {100.0 * t / grand:6.2f}  {name}")
print("\nlargest totals:")
for name, t in sorted(total_n.items(), key=lambda kv: -kv[1])[:opt.top]:
    print(f"{t:10d} {100.0 * t / grand:6.2f}  {name}")
for fn in opt.callers:
    print(f"\n{fn} by caller:")
    for (caller, callee), t in sorted(edge_n.items(), key=lambda kv: -kv[1]):
        if callee == fn:
            print(f"{t:10d} {100.0 * t / grand:6.2f}  {caller}")
for fn in opt.lines:
    pcs = sorted(pc for pc in pc_n if function_of(pc) == fn)
    if not pcs:
        continue
    out = subprocess.run([opt.nm.replace("-nm", "-addr2line"), "-e", opt.elf] + [f"{pc:x}" for pc in pcs],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    by_line = collections.Counter()
    for pc, where in zip(pcs, out):
        by_line[where.split(" ")[0].rsplit("/", 1)[-1]] += pc_n[pc]
    print(f"\n{fn} by line ({self_n[fn]} instructions):")
    for where, k in by_line.most_common(opt.top):
        print(f"{k:10d} {100.0 * k / self_n[fn]:6.2f}  {where}")
