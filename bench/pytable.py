"""The Python-style benchmarks (bench/py/*.py) on p4sim: `bench/run.py --py`.

Each program runs at the fixed size below (its first argument) under
CPython (the oracle: output must match, floats within float32's precision),
p4jit on the host (wall time, best of 3), and the firmware in p4sim with
--stats: interpreter (-X jit=off), the default JIT (-X jit=auto) and every
function compiled at its first call (-X jit=eager). Counts are the
firmware's p4jit-stats (program load and run, without the firmware's
start-up). "compiled" is how many of the functions the JIT saw it compiled
(--jit-report, default JIT), with the commonest reason for the others.
"""
import collections
import os
import re
import subprocess
import sys
import time

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "py")
# name -> size (argument 1): some hundred million modelled cycles interpreted
SIZES = collections.OrderedDict([
    ("pystone_like", 10000), ("raytrace", 40), ("chaos", 6000), ("nqueens", 8),
    ("puzzle", 4), ("state_machine", 30000), ("event_loop", 20000),
])
# the MicroPython-style performance benchmarks among them (the other two are
# issue 14's "realistic programs")
MICROPYTHON_STYLE = ("pystone_like", "raytrace", "chaos", "nqueens", "puzzle")
NUMBER = re.compile(r"-?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?")
REPORT = re.compile(r"^  \w+: (compiled|not compiled)(.*)$", re.M)


def run(cmd):
    t = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, cwd=HERE, timeout=600)
    return p.returncode, p.stdout, p.stderr, time.perf_counter() - t


def same_output(want, got):
    """Equal text, numbers within a relative 1e-5 (float32)."""
    if NUMBER.split(want) != NUMBER.split(got):
        return False
    for x, y in zip(NUMBER.findall(want), NUMBER.findall(got)):
        fx, fy = float(x), float(y)
        if x != y and abs(fx - fy) > 1e-6 + 1e-5 * max(abs(fx), abs(fy)):
            return False
    return True


def program_output(out):
    return "\n".join(l for l in out.splitlines()
                     if not l.startswith(("p4jit-stats", "p4sim-stats", "JIT report")) and not REPORT.match(l))


def checked(cmd, want):
    code, out, err, dt = run(cmd)
    if code != 0 or not same_output(want, program_output(out)):
        raise RuntimeError("%s: exit %d, prints\n%s\nCPython prints\n%s\n%s" % (" ".join(cmd), code, out, want, err))
    return out + err, dt


def reason(why):
    """A --jit-report reason without the names of the program."""
    why = re.sub(r"^ ?(\(\w*\))?: ", "", why)
    why = re.sub(r" \(\S+\.py, line \d+\)$", "", why)
    if re.match(r"argument \d+ is of type (int|float|str|tuple|list|dict|set|frozenset|function)$", why):
        return re.sub(r"argument \d+", "an argument", why)
    why = re.sub(r"argument \d+ is of type \w+", "an argument is an instance", why)
    why = re.sub(r"global '\w+' is", "a global is", why)
    return re.sub(r"class '\w+'", "a class", why)


def sim(p4jit, name, size, mode, want):
    text, _ = checked([p4jit, "run", "--on", "p4sim", "--stats", "--jit-report", "-X", "jit=" + mode,
                       name + ".py", str(size)], want)
    m = re.search(r"p4jit-stats: instret (\d+) cycles (\d+)", text)
    verdicts = REPORT.findall(text)
    compiled = sum(1 for v, _ in verdicts if v == "compiled")
    reasons = collections.Counter(reason(why) for v, why in verdicts if v != "compiled")
    return int(m.group(1)), int(m.group(2)), compiled, len(verdicts), reasons


def py_table(p4jit, names):
    names = names or list(SIZES)
    head = ["benchmark", "size", "CPython ms", "p4jit host ms", "p4sim Minstr interp", "p4sim Mcycles interp",
            "ms @400 interp", "p4sim Mcycles JIT", "ms @400 JIT", "speedup JIT", "p4sim Mcycles JIT eager",
            "speedup eager", "compiled (JIT)", "commonest reason not compiled"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for name in names:
        size = SIZES[name]
        code, want, err, _ = run([sys.executable, name + ".py", str(size)])
        if code != 0:
            raise RuntimeError("CPython: %s" % err)
        want = want.rstrip("\n")
        cpy = min(run([sys.executable, name + ".py", str(size)])[3] for _ in range(3))
        host = min(checked([p4jit, "run", name + ".py", str(size)], want)[1] for _ in range(3))
        ii, ic, _, _, _ = sim(p4jit, name, size, "off", want)
        _, jc, comp, seen, reasons = sim(p4jit, name, size, "auto", want)
        _, ec, _, _, _ = sim(p4jit, name, size, "eager", want)
        why = "%s (%d)" % reasons.most_common(1)[0] if reasons else "-"
        print("| %s | %d | %.0f | %.0f | %.1f | %.1f | %.1f | %.1f | %.1f | %.2fx | %.1f | %.2fx | %d of %d | %s |" % (
            name, size, cpy * 1e3, host * 1e3, ii / 1e6, ic / 1e6, ic / 400e3, jc / 1e6, jc / 400e3, ic / jc,
            ec / 1e6, ic / ec, comp, seen, why), flush=True)
    ran = [n for n in names if n in MICROPYTHON_STYLE]
    print("\n%d of the %d MicroPython-style benchmarks here run and match CPython (%s)."
          % (len(ran), len(MICROPYTHON_STYLE), ", ".join(ran)))
    return 0
