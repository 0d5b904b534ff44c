#!/usr/bin/env python3
"""`p4jit run`'s JIT options mean the same in any order (issue 12's defect:
`-X jit=off --jit-report` ran the JIT where `--jit-report -X jit=off` did
not), on the host and in the firmware under p4sim, where the options travel
through the semihosting command line and are parsed again.

For every order of the option groups (-X jit=MODE, --jit-report, --stats):
the program's output (it prints p4.jit_info of a function with a loop) and
stderr (figures masked) must be the same as for the first order, and:
- jit=off: the function is interpreted, the report says the JIT is off and
  lists nothing compiled, and --stats shows the same cycle count in every
  order (no compilation happened in any of them);
- jit=eager: the function is compiled (on p4sim: compiled code ran).

usage: jit_options.py P4JIT [FIRMWARE]
"""
import itertools
import os
import re
import subprocess
import sys
import tempfile

PROGRAM = """import p4
def f(n):
    t = 0
    for i in range(n):
        t += i * i
    return t
print(f(50), f(60))
print(p4.jit_info(f).split(',')[0])
"""


def run(p4jit, fw, on, opts, prog):
    cmd = [p4jit, "run"] + (["--on", on] if on != "host" else []) + (["--firmware", fw] if fw and on != "host" else [])
    p = subprocess.run(cmd + opts + [prog], capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout, p.stderr


def masked(err):
    return re.sub(r"\d+", "N", err)


def main():
    p4jit = os.path.abspath(sys.argv[1])
    fw = sys.argv[2] if len(sys.argv) > 2 else None
    bad = []
    with tempfile.TemporaryDirectory() as tmp:
        prog = os.path.join(tmp, "opts.py")
        with open(prog, "w") as f:
            f.write(PROGRAM)
        for on in ("host", "p4sim"):
            for mode in ("off", "eager"):
                first = None
                cycles = set()
                for groups in itertools.permutations([["-X", "jit=" + mode], ["--jit-report"], ["--stats"]]):
                    opts = [o for g in groups for o in g]
                    code, out, err = run(p4jit, fw, on, opts, prog)
                    what = "%s %s" % (on, " ".join(opts))
                    if code != 0 or not out.startswith("40425 70210\n"):
                        bad.append("%s: exit %d, output %r\n%s" % (what, code, out, err))
                        continue
                    if mode == "off":
                        if "interpreted" not in out or ": compiled" in err or "the JIT is off" not in err:
                            bad.append("%s: the JIT is not off\n%s%s" % (what, out, err))
                        m = re.search(r"p4jit-stats: instret (\d+) cycles (\d+)", err)
                        if on == "p4sim" and m:
                            cycles.add(m.group(1))
                    elif "compiled" not in out or "f: compiled" not in err:
                        bad.append("%s: f is not compiled\n%s%s" % (what, out, err))
                    # (host stats are nanoseconds: masked; the firmware's are counts)
                    if first is None:
                        first = (opts, out, masked(err))
                    elif (out, masked(err)) != first[1:]:
                        bad.append("%s differs from %s:\n%s%s\n---\n%s%s" % (what, " ".join(first[0]), out, err,
                                                                          first[1], first[2]))
                if len(cycles) > 1:
                    bad.append("%s jit=off: retired instructions differ with the order: %s" % (on, sorted(cycles)))
    if bad:
        print("\n\n".join(bad))
        sys.exit(1)
    print("JIT options: the same meaning in all 6 orders, host and p4sim, jit=off and jit=eager")


if __name__ == "__main__":
    main()
