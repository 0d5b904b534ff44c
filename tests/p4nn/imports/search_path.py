#!/usr/bin/env python3
"""import of a .p4b module and the search path, against CPython.

A module compiled to .p4b (no source beside it) is found through
-X path=DIR and through $P4JIT_PATH, in the firmware under p4sim too; the
program's own directory comes first; a module found nowhere is
ModuleNotFoundError. CPython runs the same program with the .py module on
PYTHONPATH and is the oracle.

    search_path.py P4JIT [--on p4sim]
"""
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

MAIN = """import mod_counter
from mod_counter import scaled_dot, make
import shadow
a = make(33)
print(scaled_dot(a, a, 33), mod_counter.bump(4), mod_counter.__name__, shadow.where)
"""


def run(cmd, cwd, env=None):
    r = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=300, env=env)
    return r.returncode, r.stdout, r.stderr


def main():
    p4jit = os.path.abspath(sys.argv[1])
    on = ["--on", sys.argv[sys.argv.index("--on") + 1]] if "--on" in sys.argv else []
    with tempfile.TemporaryDirectory() as tmp:
        prog_dir, lib_dir = os.path.join(tmp, "prog"), os.path.join(tmp, "lib")
        os.mkdir(prog_dir)
        os.mkdir(lib_dir)
        with open(os.path.join(prog_dir, "main.py"), "w") as f:
            f.write(MAIN)
        # the program's directory wins over the path
        with open(os.path.join(prog_dir, "shadow.py"), "w") as f:
            f.write("where = 'program directory'\n")
        with open(os.path.join(lib_dir, "shadow.py"), "w") as f:
            f.write("where = 'search path'\n")
        code, out, err = run([p4jit, "compile", os.path.join(HERE, "mod_counter.py"), "-o",
                              os.path.join(lib_dir, "mod_counter.p4b")], tmp)
        if code:
            raise SystemExit("FAIL: compile: " + err)
        # CPython: the source module on PYTHONPATH
        src_dir = os.path.join(tmp, "src")
        os.mkdir(src_dir)
        shutil.copy(os.path.join(HERE, "mod_counter.py"), src_dir)
        env = dict(os.environ, PYTHONPATH=src_dir)
        code, want, err = run([sys.executable, "main.py"], prog_dir, env)
        if code:
            raise SystemExit("FAIL: CPython: " + err)
        fails = []
        env = dict(os.environ)
        env.pop("P4JIT_PATH", None)
        for how, args, e in (("-X path=", ["-X", "path=/nonexistent:" + lib_dir], env),
                             ("P4JIT_PATH", [], dict(env, P4JIT_PATH=lib_dir))):
            code, out, err = run([p4jit, "run"] + on + args + ["main.py"], prog_dir, e)
            if code or out != want:
                fails.append("%s: status %d\n%s%s" % (how, code, out, err))
        code, out, err = run([p4jit, "run"] + on + ["main.py"], prog_dir, env)
        if code != 1 or "ModuleNotFoundError: No module named 'mod_counter'" not in out + err:
            fails.append("without the path: status %d\n%s%s" % (code, out, err))
        if fails:
            raise SystemExit("FAIL: " + "\n".join(fails))
        print("ok: .p4b module through -X path= and P4JIT_PATH:", want.strip())


if __name__ == "__main__":
    main()
