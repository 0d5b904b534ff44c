"""What the tests of bench/charts.py and scripts/mnist_modes.py share: the
repository's root on sys.path's terms (bench/ and scripts/ importable) and
check(), which records a failure and goes on, so that one run lists them all."""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
for d in ("bench", "scripts"):
    sys.path.insert(0, os.path.join(ROOT, d))

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)
