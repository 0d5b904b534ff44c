#!/usr/bin/env python3
"""The vector loop of a matmul keeps its temporaries in registers (vec15).

Runs `p4jit dis --jit -X pie=rev3 [-X OPT]... PROG` and, in function FN's
code from its first esp.zero.qacc to its last esp.st.qacc (an output vector: its
taps, their pointers, the scalar tail's set-up, the QACC stores), counts
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
first, last = zeros[0], stores[-1]
STORE = re.compile(r"\b(?:c\.swsp|sw)\s+\w+,(\d+)\(sp\)")
LOAD = re.compile(r"\b(?:c\.lwsp|lw)\s+\w+,(\d+)\(sp\)")
pairs, stored = [], None
for i in range(first, last + 1):
    ld = LOAD.search(code[i])
    if ld and ld.group(1) == stored:
        pairs.append(code[i - 1].strip() + " / " + code[i].strip())
    st = STORE.search(code[i])
    stored = st.group(1) if st else None
if last - first < 40:
    sys.exit("no vector loop with QACC stores found (%d lines)" % (last - first))
if pairs:
    sys.exit("stored then loaded again from the stack:\n  " + "\n  ".join(pairs))
print("ok: %d instructions from esp.zero.qacc to the last esp.st.qacc, no store-then-reload" % (last - first + 1))
