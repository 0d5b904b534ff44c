"""The runner the random language generators share (gen_lang.py,
gen_closures.py): each seed's program under CPython and `p4jit run`,
stdout and exit status compared; a program CPython fails is skipped.

A generator module calls main(__doc__, make, default_seeds, prefix), where
make(seed) returns the program's text; its command line is then

  GEN gen SEED                          print one program
  GEN run P4JIT [--seeds A:B] [--jobs N] [-- RUN-OPTIONS]
        a mismatch is written to PREFIX_SEED.py in the current directory
        and fails the run
"""
import concurrent.futures
import os
import subprocess
import sys
import tempfile


def run_one(make, prefix, p4jit, seed, opts, tmp):
    text = make(seed)
    path = os.path.join(tmp, '%s_%d.py' % (prefix, seed))
    with open(path, 'w') as f:
        f.write(text)
    want = subprocess.run([sys.executable, path], capture_output=True, text=True, timeout=60)
    if want.returncode != 0:
        os.unlink(path)
        return seed, None, 'skipped', '', ''
    try:
        got = subprocess.run([p4jit, 'run'] + opts + [path], capture_output=True, text=True, errors='backslashreplace',
                             timeout=120)   # (bytes that are not UTF-8 differ, visibly)
    except subprocess.TimeoutExpired:
        return seed, text, want.stdout, '(timed out)\n', ''
    os.unlink(path)
    if got.returncode == 0 and got.stdout == want.stdout:
        return seed, None, None, None, None
    return seed, text, want.stdout, got.stdout, got.stderr


def run(make, prefix, p4jit, seeds, opts, jobs):
    ok = skipped = 0
    bad = []
    with tempfile.TemporaryDirectory() as tmp, concurrent.futures.ThreadPoolExecutor(jobs) as ex:
        results = ex.map(lambda s: run_one(make, prefix, p4jit, s, opts, tmp), seeds)
        for n, (seed, text, want, got, err) in enumerate(results):
            if n % 500 == 499:   # long runs: how far they got
                print('%d programs run (up to seed %d), %d differ' % (n + 1, seed, len(bad)), flush=True)
            if text is None:
                if want == 'skipped':
                    skipped += 1
                else:
                    ok += 1
                continue
            bad.append(seed)
            with open('%s_%d.py' % (prefix, seed), 'w') as f:
                f.write(text)
            wl, gl = want.splitlines(), got.splitlines()
            i = 0
            while i < min(len(wl), len(gl)) and wl[i] == gl[i]:
                i += 1
            print('seed %d differs at line %d (program in %s_%d.py):\n  CPython: %s\n  p4jit:   %s\n%s'
                  % (seed, i + 1, prefix, seed, wl[i] if i < len(wl) else '(end)',
                     gl[i] if i < len(gl) else '(end)', err[-2000:]), flush=True)
    print('%d programs alike, %d skipped (CPython fails them), %d differ' % (ok, skipped, len(bad)))
    return 1 if bad or ok == 0 else 0


def main(doc, make, default_seeds, prefix):
    args = sys.argv[1:]
    if len(args) == 2 and args[0] == 'gen':
        print(make(int(args[1])), end='')
        return 0
    if len(args) >= 2 and args[0] == 'run':
        p4jit, rest = args[1], args[2:]
        opts = rest[rest.index('--') + 1:] if '--' in rest else []
        rest = rest[:rest.index('--')] if '--' in rest else rest
        seeds, jobs = default_seeds, 1
        while len(rest) >= 2:
            if rest[0] == '--seeds':
                a, b = rest[1].split(':')
                seeds = range(int(a), int(b))
            elif rest[0] == '--jobs':
                jobs = int(rest[1])
            else:
                break
            rest = rest[2:]
        if not rest:
            return run(make, prefix, p4jit, seeds, opts, jobs)
    print(doc)
    return 2
