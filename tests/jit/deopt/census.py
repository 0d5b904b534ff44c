#!/usr/bin/env python3
"""Deoptimisations in genprog.py's random programs, by cause (a diagnostic,
not a test): runs each seed's program with the JIT in the firmware under
p4sim and sums the --jit-report lines.

  census.py --p4jit build/cli/p4jit [--firmware ELF] [--seeds 0:250] [--jobs 2]

A specialisation's line gives its count and its last deoptimisation's cause;
a retired one's count beyond the limit (8) is what ran after it retired, and
newer builds print those ("N deoptimisations after it retired") and the
calls the trampoline sent to the interpreter instead."""
import argparse
import collections
import concurrent.futures
import os
import re
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import genprog  # noqa: E402

LINE = re.compile(r"deoptimised (\d+) times, last at line \d+ \(([^,]+), ")
AFTER = re.compile(r", (\d+) deoptimisations after it retired")
REDIRECTED = re.compile(r"nor compiled callers \((\d+) calls")
LIMIT = 8


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--p4jit", required=True)
    ap.add_argument("--firmware")
    ap.add_argument("--seeds", default="0:250")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    by_cause = collections.Counter()
    total = retired = after = redirected = specs_retired = 0
    t0 = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        def one(seed):
            path = os.path.join(tmp, "gen%d.py" % seed)
            with open(path, "w") as fh:
                fh.write(genprog.Gen(seed, None, None).program())
            res = genprog.run_p4jit(args.p4jit, args.firmware, path, "eager")
            return genprog.split_report(res[2])[1]

        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            for report in pool.map(one, genprog.parse_seeds(args.seeds)):
                for line in report:
                    m = LINE.search(line)
                    if not m:
                        continue
                    n = int(m.group(1))
                    total += n
                    by_cause[m.group(2)] += n
                    if "no longer enters it" in line:
                        specs_retired += 1
                        retired += n
                        a = AFTER.search(line)
                        after += int(a.group(1)) if a else max(n - LIMIT, 0)
                    r = REDIRECTED.search(line)
                    redirected += int(r.group(1)) if r else 0
    print("deoptimisations: %d in %.1f s (JIT runs only)" % (total, time.time() - t0))
    print("  in %d retired specialisations: %d, of them %d after they retired" % (specs_retired, retired, after))
    print("  calls of retired code sent to the interpreter instead: %d" % redirected)
    for cause, n in by_cause.most_common():
        print("  last cause %-40s %d" % (cause, n))


if __name__ == "__main__":
    main()
