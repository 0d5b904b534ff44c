#!/usr/bin/env python3
"""The JIT's compiler on random programs, in this build's own process.

`jit/random` runs genprog.py's programs in the firmware, where the compiler
runs on the simulated chip, out of reach of the sanitizers. Here each
program goes through `p4jit dis --jit` on the host, which compiles every
function it calls with the same passes; in the ASan+UBSan build any memory
error or undefined behaviour in them fails the test. With -X pie=rev3, as
on p4sim, so that vector.c runs on genprog's vectorisable nests too.

usage: dis_random.py P4JIT GENPROG WORKDIR FIRST:END
"""
import subprocess
import sys
from pathlib import Path

P4JIT, GENPROG, WORK, SEEDS = sys.argv[1], sys.argv[2], Path(sys.argv[3]), sys.argv[4]
WORK.mkdir(parents=True, exist_ok=True)
first, end = (int(x) for x in SEEDS.split(":"))
failures = functions = vectorised = 0
skipped = []
for seed in range(first, end):
    prog = WORK / f"seed-{seed}.py"
    subprocess.run([sys.executable, GENPROG, "gen", str(seed), "-o", str(prog)], check=True)
    try:
        r = subprocess.run([P4JIT, "dis", "--jit", "-X", "pie=rev3", str(prog)], capture_output=True, text=True,
                           timeout=300)
    except subprocess.TimeoutExpired:
        # dis --jit runs the program: with ints of any size a few generated
        # loops run for minutes (as genprog.py run skips them)
        skipped.append(seed)
        continue
    functions += r.stdout.count("\nfunction ") + r.stdout.startswith("function ")
    vectorised += sum("esp.vmulas" in part for part in ("\n" + r.stdout).split("\nfunction ")[1:])
    bad = r.returncode not in (0, 1) or "Sanitizer" in r.stderr or "runtime error" in r.stderr
    if bad:
        failures += 1
        print(f"FAIL seed {seed} (exit {r.returncode}): {prog}\n{r.stderr[-2000:]}")
    else:
        prog.unlink()
print(f"dis_random: {end - first} programs, {functions} specialisations compiled or refused "
      f"({vectorised} on PIE lanes), {failures} failures")
if skipped:
    print("skipped (past 300 s): " + " ".join(map(str, skipped)))
if len(skipped) > max(1, (end - first) // 50):
    print("FAIL: more than 2% of the programs passed the time limit")
    failures += 1
if functions < (end - first) * 10:
    print("FAIL: too few functions went through the compiler")
    failures += 1
sys.exit(1 if failures else 0)
