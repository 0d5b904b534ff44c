#!/usr/bin/env python3
"""The demo's disassembly sections (scripts/demo.sh) find matmul's inner loop:
scripts/inner_loop.py must print a loop holding the multiply-accumulate, for the
scalar JIT (four `lb`/`mul` copies, a backward branch) and for PIE (a hardware
loop of esp.v(s)mulas), and must fail with a message where there is none.

usage: inner_loop.py P4JIT"""
import os
import re
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
SCRIPT = os.path.join(ROOT, 'scripts', 'inner_loop.py')
DEMO = os.path.join(ROOT, 'examples', 'demo.py')


def listing(p4jit, *opts):
    r = subprocess.run([p4jit, 'dis', '--jit', *opts, DEMO], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    return r.stdout


def loop(text, func, pattern):
    return subprocess.run([sys.executable, SCRIPT, func, pattern], input=text, capture_output=True,
                          text=True, timeout=60)


def main():
    p4jit = sys.argv[1]
    failures = []

    def check(name, ok, detail):
        print('%s: %s' % ('ok' if ok else 'FAIL', name))
        if not ok:
            failures.append('%s\n%s' % (name, detail))

    scalar = loop(listing(p4jit), 'matmul', r'^lb\t.*,3\(')
    lines = scalar.stdout.splitlines()
    check('scalar loop found', scalar.returncode == 0 and 4 <= len(lines) <= 60, scalar.stdout + scalar.stderr)
    check('scalar loop: four loads at offsets 0-3 and a multiply',
          all(any(re.search(r'\tlb\t.*,%d\(' % k, l) for l in lines) for k in range(4))
          and any('\tmul\t' in l for l in lines), scalar.stdout)
    check('scalar loop ends in a backward branch', bool(lines) and re.search(r'\tb\w+\t', lines[-1]) is not None,
          scalar.stdout)

    for rev in ('rev1', 'rev3'):
        pie = loop(listing(p4jit, '-X', 'pie=' + rev), 'matmul', r'^esp\.v(s)?mulas')
        lines = pie.stdout.splitlines()
        check('PIE %s loop found' % rev, pie.returncode == 0 and 2 <= len(lines) <= 80, pie.stdout + pie.stderr)
        check('PIE %s loop holds esp.v(s)mulas' % rev, any(re.search(r'\tesp\.v(s)?mulas', l) for l in lines),
              pie.stdout)

    missing = loop(listing(p4jit), 'matmul', r'^esp\.vmulas')
    check('no PIE op in scalar code: exit 1 with a message',
          missing.returncode == 1 and 'no instruction' in missing.stderr and not missing.stdout, missing.stderr)
    nofunc = loop(listing(p4jit), 'no_such_function', r'^lb')
    check('unknown function: exit 1 with a message', nofunc.returncode == 1 and 'no compiled function' in nofunc.stderr,
          nofunc.stderr)

    if failures:
        print('\n\n'.join(failures))
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
