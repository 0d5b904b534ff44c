#!/usr/bin/env python3
"""The vector loop of a matmul keeps its temporaries in registers (vec15).

Runs `p4jit dis --jit -X pie=rev3 [-X OPT]... PROG` and, in function FN's
code from each esp.zero.qacc to the last esp.st.qacc before the next one (an
output vector: its taps, their pointers, the scalar tail's set-up, the QACC
stores; one per copy of the nest), counts
the stack stores whose slot the next instruction loads again. Before vec15
the panel's second 16-tap loop held the registers and the path from
esp.zero.qacc to the QACC stores had such pairs (rega.c: a value's spill
weight now counts its definition's store). Usage:
    check_qacc_spills.py P4JIT PROG.py FN [-X OPT]...
"""
import re
import subprocess
import sys

p4jit, prog, fn, opts = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
out = subprocess.run([p4jit, "dis", "--jit", "-X", "pie=rev3"] + opts + [prog],
                     capture_output=True, text=True, check=True).stdout
listing = out[out.index("function %s: compiled" % fn):]
listing = listing[:listing.find("\nfunction ", 1) % (len(listing) + 1)]
code = listing[listing.index("RV32IMAFC code:"):].splitlines()
zeros = [i for i, l in enumerate(code) if "esp.zero.qacc" in l]
stores = [i for i, l in enumerate(code) if "esp.st.qacc" in l]
if not zeros or not stores:
    sys.exit("%s: no esp.zero.qacc or esp.st.qacc in its code" % fn)
# each nest's output vector (vec17: vector_panel.c's copy of the nest has
# its own): from an esp.zero.qacc to the last esp.st.qacc before the next
regions = []
for k, first in enumerate(zeros):
    before = zeros[k + 1] if k + 1 < len(zeros) else len(code)
    last = max((s for s in stores if first < s < before), default=first)
    regions.append((first, last))
STORE = re.compile(r"\b(?:c\.swsp|sw)\s+\w+,(\d+)\(sp\)")
LOAD = re.compile(r"\b(?:c\.lwsp|lw)\s+\w+,(\d+)\(sp\)")
pairs, count = [], 0
for first, last in regions:
    stored = None
    for i in range(first, last + 1):
        ld = LOAD.search(code[i])
        if ld and ld.group(1) == stored:
            pairs.append(code[i - 1].strip() + " / " + code[i].strip())
        st = STORE.search(code[i])
        stored = st.group(1) if st else None
    count += last - first + 1
if max(last - first for first, last in regions) < 40:
    sys.exit("no vector loop with QACC stores found")
if pairs:
    sys.exit("stored then loaded again from the stack:\n  " + "\n  ".join(pairs))
print("ok: %d instructions from esp.zero.qacc to the last esp.st.qacc after it (%d nests), no store-then-reload"
      % (count, len(regions)))
