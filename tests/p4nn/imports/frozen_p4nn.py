#!/usr/bin/env python3
"""The inference library frozen into the runtime (scripts/freeze_lib.py,
cli/freeze_p4b.c): `import p4nn` needs no file system.

1. The bytecode-only firmware (no compiler on board) imports p4nn and runs
   its kernels: it can only be the frozen .p4b image (lib/p4nn/p4nn.py is
   source, which that image cannot compile).
2. A traceback through p4nn names "<frozen p4nn>" with lib/p4nn/p4nn.py's
   lines, host and p4sim: no lib/p4nn directory is searched any more.
3. A program's own p4nn.py still wins over the frozen module, as over
   lib/std's (host and p4sim).

    frozen_p4nn.py P4JIT [--firmware-bc ELF] [--on p4sim]
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

USES = '''from array import array
import p4nn
x = array("b", [0, -3, 5, 9, -128])
p4nn.relu8(x, 5)
print(list(x), p4nn.argmax(array("i", [3, 9, 2]), 3))
p4nn.argmax(None, 3)
'''


def check(ok, what, detail=""):
    print(("ok: " if ok else "FAIL: ") + what)
    if not ok and detail:
        print(detail)
    return ok


def frozen_traceback(stderr):
    """The <frozen p4nn> frames of a traceback each show p4nn.py's line."""
    with open(os.path.join(ROOT, "lib", "p4nn", "p4nn.py")) as f:
        lines = f.read().splitlines()
    frames = re.findall(r'File "<frozen p4nn>", line (\d+), in \w+\n    (.*)\n', stderr)
    return bool(frames) and all(lines[int(n) - 1].strip() == text for n, text in frames)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("p4jit")
    ap.add_argument("--firmware-bc", help="the bytecode-only firmware (p4jit-fw-bc.elf)")
    ap.add_argument("--on", help="p4sim: the full firmware too")
    args = ap.parse_args()
    on = ["--on", args.on] if args.on else []
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        prog = os.path.join(tmp, "uses_p4nn.py")
        with open(prog, "w") as f:
            f.write(USES)
        want = "[0, 0, 5, 9, 0] 1\n"
        r = subprocess.run([args.p4jit, "run"] + on + [prog], capture_output=True, text=True, timeout=300)
        ok &= check(r.stdout == want and "TypeError" in r.stderr and frozen_traceback(r.stderr),
                    "import p4nn finds the frozen module; its traceback lines are p4nn.py's",
                    r.stdout + r.stderr)
        if args.firmware_bc:
            image = os.path.join(tmp, "uses_p4nn.p4b")
            subprocess.run([args.p4jit, "compile", prog, "-o", image], check=True)
            r = subprocess.run([args.p4jit, "run", "--on", "p4sim", "--firmware", args.firmware_bc, image],
                               capture_output=True, text=True, timeout=300)
            ok &= check(r.stdout == want and "<frozen p4nn>" in r.stderr,
                        "the bytecode-only firmware imports p4nn's frozen .p4b image", r.stdout + r.stderr)
        # the program's own directory first
        with open(os.path.join(tmp, "p4nn.py"), "w") as f:
            f.write("WHO = 'the program directory'\n")
        with open(os.path.join(tmp, "shadow.py"), "w") as f:
            f.write("import p4nn\nprint(p4nn.WHO)\n")
        r = subprocess.run([args.p4jit, "run"] + on + [os.path.join(tmp, "shadow.py")], capture_output=True,
                           text=True, timeout=300)
        ok &= check(r.returncode == 0 and r.stdout == "the program directory\n",
                    "a program's own p4nn.py shadows the frozen one", r.stdout + r.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
