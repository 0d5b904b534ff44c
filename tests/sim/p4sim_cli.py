#!/usr/bin/env python3
"""Checks of `p4jit run --on p4sim` beyond the program corpus:

- --stats prints the firmware's own counters and p4sim's whole-run line;
  the figures must be consistent (cycles >= instructions, the times are the
  cycles at 360 and 400 MHz, the program's share is below the whole run);
- a longer loop retires more instructions than a shorter one (the counters
  measure the guest, not something constant);
- the exit status of a failing program is 1, and its traceback arrives on
  stderr, its output on stdout (semihosting's two consoles);
- what a program printed arrives while it runs: a program that loops
  forever after printing, killed, has delivered its lines; and stopped
  inside the simulator (p4sim --max-insns, when P4SIM and
  P4SIM_FIRMWARE_ELF name the command and the firmware), so too;
- -X jit=off turns the JIT off with --jit-report before or after it;
- a missing or non-ELF firmware is a clear error with status 2.

usage: p4sim_cli.py P4JIT [FIRMWARE]   (FIRMWARE: passed with --firmware)
"""
import os
import re
import select
import subprocess
import sys
import tempfile
import time

STATS = re.compile(r"p4sim-stats: whole run \(firmware start-up included\): retired (\d+), "
                   r"modelled cycles (\d+) \(([\d.]+) cycles/insn\), ([\d.]+) us at 360 MHz, "
                   r"([\d.]+) us at 400 MHz")
FW_STATS = re.compile(r"p4jit-stats: instret (\d+) cycles (\d+) hz (\d+)")


def run(p4jit, fw, args, cwd):
    cmd = [p4jit, "run", "--on", "p4sim"] + (["--firmware", fw] if fw else []) + args
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=300)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def check(cond, what, *context):
    if not cond:
        print("FAIL:", what)
        for c in context:
            print(c)
        sys.exit(1)


def loop_stats(p4jit, fw, tmp, n):
    path = os.path.join(tmp, "loop%d.py" % n)
    with open(path, "w") as f:
        f.write("t = 0\nfor i in range(%d):\n    t += i * 3\nprint('t', t)\n" % n)
    code, out, err = run(p4jit, fw, ["--stats", os.path.basename(path)], tmp)
    check(code == 0, "loop%d exit status %d" % (n, code), out, err)
    check(out.startswith("t %d\n" % sum(i * 3 for i in range(n))), "loop%d output" % n, out, err)
    m, fm = STATS.search(err), FW_STATS.search(out + err)
    check(m is not None, "no p4sim-stats line", err)
    check(fm is not None, "no p4jit-stats line from the firmware", out, err)
    instret, cycles = int(m.group(1)), int(m.group(2))
    check(0 < instret <= cycles, "cycles %d < instructions %d" % (cycles, instret))
    check(abs(float(m.group(3)) - cycles / instret) < 0.001, "cycles/insn", m.group(0))
    check(abs(float(m.group(4)) - cycles / 360.0) < 0.1, "time at 360 MHz", m.group(0))
    check(abs(float(m.group(5)) - cycles / 400.0) < 0.1, "time at 400 MHz", m.group(0))
    fi, fc = int(fm.group(1)), int(fm.group(2))
    check(0 < fi < instret and 0 < fc < cycles, "program share not below the whole run", m.group(0), fm.group(0))
    check(fc >= fi, "firmware cycle CSR below instret: is the cycle model on?", fm.group(0))
    return instret, fi


def lines_before_kill(p4jit, fw, tmp):
    """Printed lines must reach the pipe while the program still runs: a
    simulator killed at a time limit must not take them with it."""
    with open(os.path.join(tmp, "forever.py"), "w") as f:
        f.write("for i in range(3):\n    print('line', i)\nwhile True:\n    pass\n")
    cmd = [p4jit, "run", "--on", "p4sim"] + (["--firmware", fw] if fw else []) + ["forever.py"]
    p = subprocess.Popen(cmd, cwd=tmp, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    got, deadline = b"", time.time() + 60
    try:
        while got.count(b"\n") < 3 and time.time() < deadline:
            ready, _, _ = select.select([p.stdout], [], [], deadline - time.time())
            if not ready:
                break
            chunk = os.read(p.stdout.fileno(), 4096)
            if not chunk:
                break
            got += chunk
    finally:
        p.kill()
        p.wait()
        p.stdout.close()
        p.stderr.close()
    check(got == b"line 0\nline 1\nline 2\n", "lines printed before a kill did not arrive", got)
    p4sim, elf = os.environ.get("P4SIM"), os.environ.get("P4SIM_FIRMWARE_ELF")
    if p4sim and elf:
        p = subprocess.run([p4sim, "--max-insns", "30000000", elf, "run", "forever.py"], cwd=tmp,
                           capture_output=True, timeout=300)
        check(p.returncode == 124 and p.stdout == b"line 0\nline 1\nline 2\n",
              "firmware stopped by --max-insns: exit %d, the lines printed before are lost" % p.returncode,
              p.stdout, p.stderr)


def jit_option_order(p4jit, fw, tmp):
    with open(os.path.join(tmp, "hot.py"), "w") as f:
        f.write("def f(n):\n    t = 0\n    for i in range(n):\n        t += i\n    return t\n"
                "for k in range(30):\n    f(10)\nprint(f(10))\n")
    code, out, err = run(p4jit, fw, ["--jit-report", "hot.py"], tmp)
    check(code == 0 and out == "45\n" and "JIT report" in err, "--jit-report alone: no report", out, err)
    for opts in (["-X", "jit=off", "--jit-report"], ["--jit-report", "-X", "jit=off"]):
        code, out, err = run(p4jit, fw, opts + ["hot.py"], tmp)
        check(code == 0 and out == "45\n" and "JIT report" not in err,
              "%s: the JIT ran although it is off" % " ".join(opts), out, err)


def main():
    p4jit = os.path.abspath(sys.argv[1])
    fw = sys.argv[2] if len(sys.argv) > 2 else None
    with tempfile.TemporaryDirectory() as tmp:
        small, small_prog = loop_stats(p4jit, fw, tmp, 100)
        big, big_prog = loop_stats(p4jit, fw, tmp, 5000)
        check(big_prog > small_prog + 4900, "5000 iterations do not cost more than 100",
              (small, small_prog), (big, big_prog))

        with open(os.path.join(tmp, "bad.py"), "w") as f:
            f.write("def f(a):\n    return a // 0\nprint('before')\nf(3)\n")
        code, out, err = run(p4jit, fw, ["bad.py"], tmp)
        both = out + err
        check(code == 1, "failing program: exit status %d, want 1" % code, both)
        check("before\n" in both and "ZeroDivisionError" in both and "line 2" in both,
              "failing program: output or traceback missing", both)

        check(out == "before\n", "failing program: stdout is not just its output", out)
        check(err.startswith("Traceback (most recent call last):\n") and "ZeroDivisionError" in err,
              "failing program: the traceback is not on stderr", err)

        lines_before_kill(p4jit, fw, tmp)
        jit_option_order(p4jit, fw, tmp)

        code, out, err = run(p4jit, os.path.join(tmp, "missing.elf"), ["bad.py"], tmp)
        check(code == 2 and "cannot open" in err, "missing firmware: status %d" % code, err)
        code, out, err = run(p4jit, os.path.join(tmp, "bad.py"), ["bad.py"], tmp)
        check(code == 2 and "not an ELF file" in err, "non-ELF firmware: status %d" % code, err)
    print("p4sim cli: ok (whole run %d/%d instructions, program %d/%d)" % (small, big, small_prog, big_prog))
    return 0


if __name__ == "__main__":
    sys.exit(main())
