#!/usr/bin/env python3
"""Runs the benchmarks and prints a Markdown table.

    bench/run.py --p4jit build/cli/p4jit [--callgrind] [--qemu] [NAME...]
    bench/run.py --p4jit build/cli/p4jit --chip [NAME...]
    bench/run.py --p4jit build/cli/p4jit --layers
    bench/run.py --p4jit build/cli/p4jit --py [NAME...]   (bench/pytable.py)

Every benchmark's output is checked against CPython's first (lines starting
with "kernel-" carry measurements and are not compared; float benchmarks
may differ slightly, P4JIT's floats being single precision).

Columns:
  CPython ms, p4jit ms   host wall time, best of 3 (noisy: compare ratios)
  host Minstr            host instructions of the whole p4jit run, from
                         valgrind --tool=callgrind (deterministic)
  host instr/MAC         the kernel's host instructions per multiply-accumulate
                         (matmul, conv2d): the run minus a run of the same
                         script with the kernel call (marked "# kernel")
                         removed, divided by the MACs
  RV32 Minstr (QEMU)     retired RV32 instructions of the whole run of the
                         firmware under qemu-system-riscv32 -icount
  RV32 instr/MAC         the kernel's retired instructions, measured inside
                         the program with p4.instret(), per MAC
  with --qemu, each RV32 column twice: "interp" (-X jit=off) and "JIT" (the
  default -X jit=auto, which compiles a function with a loop at its first
  call: the kernel's count includes compiling it), and the ratio

--chip prints another table: the program on the firmware under QEMU and
p4sim (`p4jit run --on qemu|p4sim --stats`), interpreter (-X jit=off) and
JIT (-X jit=auto) side by side. Counts are those of the program's load and
run as the firmware measures them with the counters (p4jit-stats), without
the firmware's start-up:
  QEMU Minstr            retired RV32 instructions under QEMU -icount
  p4sim Minstr           the same under p4sim: QEMU's count, except where the
                         JIT used PIE (p4sim runs with -X pie=rev3, QEMU has
                         no PIE and runs the scalar code; a note says so)
  p4sim Mcycles          p4sim's modelled cycles (docs/p4sim.md)
  ms @360 / @400         the modelled cycles at the P4's 360 and 400 MHz
  speedup                interpreter cycles / JIT cycles
  instr/MAC              matmul, conv2d: the kernel's instructions per MAC,
                         from p4.instret() inside the program (p4sim); the
                         first call includes compiling the kernel, the second
                         ("2nd call") runs compiled code only, and the kernel
                         speedups compare the two second calls, in
                         instructions and in p4sim's modelled cycles; the
                         QEMU column is the scalar code's (no PIE)
  compile                the JIT's modelled cycles to compile each function
                         per bytecode instruction, and its code bytes
                         (--jit-report)

--layers prints a table of bench/layers.py's int8 layers (sizes passed as
arguments) on p4sim, interpreter (-X jit=off) and JIT (-X jit=auto): each
layer's second call in modelled cycles, the speedup, the JIT's int8 MACs
per modelled cycle, and the layer's kernel function's code bytes and
compile cycles (--jit-report; one compiled function serves every layer of
its kind).

bench/charts.py runs --chip and --layers and examples/mnist.py, and draws
their numbers as PNG charts (bench/pipeline.png, bench/benchmarks.png).
"""
import argparse
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BENCHMARKS = ["matmul", "conv2d", "fib", "sieve", "mandelbrot", "nbody"]
FLOAT_BENCHMARKS = {"mandelbrot", "nbody"}


def run(cmd, env=None):
    p = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=HERE, timeout=3600)
    return p.returncode, p.stdout, p.stderr


def best_time(cmd, env=None, repeat=3):
    best = None
    for _ in range(repeat):
        t = time.perf_counter()
        code, out, err = run(cmd, env)
        dt = time.perf_counter() - t
        if code != 0:
            raise RuntimeError("%s failed:\n%s" % (" ".join(cmd), err))
        best = dt if best is None or dt < best else best
    return best, out


def results(out):
    return [l for l in out.splitlines() if not l.startswith("kernel-")]


def numbers_close(a, b, rel):
    ta, tb = a.split(), b.split()
    if len(ta) != len(tb):
        return False
    for x, y in zip(ta, tb):
        if x == y:
            continue
        try:
            fx, fy = float(x), float(y)
        except ValueError:
            return False
        if abs(fx - fy) > rel * max(abs(fx), abs(fy), 1.0):
            return False
    return True


def callgrind_total(p4jit, script):
    code, _, err = run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", p4jit, "run", script])
    m = re.search(r"Collected : (\d+)", err)
    return int(m.group(1)) if m and code == 0 else None


def without_kernel(script):
    """A copy of the script whose kernel call is replaced by `pass`."""
    with open(os.path.join(HERE, script)) as f:
        lines = f.read().splitlines(True)
    out = [re.sub(r"^(\s*)\S.*# kernel\s*$", r"\1pass", l.rstrip("\n")) + "\n" for l in lines]
    name = ".baseline_" + script
    with open(os.path.join(HERE, name), "w") as f:
        f.writelines(out)
    return name


def kernel(out, which="kernel"):
    m = re.search(which + r"-instret (\d+) macs (\d+)", out)
    return (int(m.group(1)), int(m.group(2))) if m else None


def chip_run(p4jit, on, mode, script, want, rel):
    """One firmware run: (instret, cycles, kernel (instret, macs) or None, report lines)."""
    code, out, err = run([p4jit, "run", "--on", on, "--stats", "--jit-report", "-X", "jit=" + mode, script])
    extra = re.compile(r"^(p4jit-stats|JIT report|  \w+: (compiled|not compiled|interpreted))")
    got = results("\n".join(l for l in out.splitlines() if not extra.match(l)))
    if code != 0 or len(got) != len(want) or not all(numbers_close(a, b, rel) for a, b in zip(want, got)):
        raise RuntimeError("%s on %s with jit=%s prints %s, CPython %s\n%s" % (script, on, mode, got, want, err))
    m = re.search(r"p4jit-stats: instret (\d+) cycles (\d+)", out + err)
    report = re.findall(r"^  (\w+): compiled .*?, (\d+) bytes of code, (\d+) bytecode instructions, "
                        r"(\d+) cycles to compile", out + err, re.M)
    kc = re.search(r"kernel-again-cycles (\d+)", out)
    return int(m.group(1)), int(m.group(2)), (kernel(out), kernel(out, "kernel-again"), int(kc.group(1)) if kc else 0), report


def chip_table(p4jit, names, env):
    head = ["benchmark", "QEMU Minstr interp", "p4sim Minstr interp", "p4sim Mcycles interp", "ms @360 interp",
            "ms @400 interp", "QEMU Minstr JIT", "p4sim Minstr JIT", "p4sim Mcycles JIT", "ms @360 JIT",
            "ms @400 JIT", "speedup", "instr/MAC interp", "instr/MAC JIT", "instr/MAC JIT 2nd call",
            "instr/MAC JIT 2nd call, QEMU",
            "kernel speedup 2nd call (instr)", "kernel speedup 2nd call (p4sim cycles)", "compile cycles/bc insn, code bytes"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for name in names:
        script = name + ".py"
        _, py_out = best_time([sys.executable, script], env, repeat=1)
        want, rel = results(py_out), 2e-3 if name in FLOAT_BENCHMARKS else 0.0
        row, cycles, per_mac, again, kcycles, qagain = [name], [], [], [], [], None
        for mode in ("off", "auto"):
            qi, _, qk, _ = chip_run(p4jit, "qemu", mode, script, want, rel)
            qagain = qk[1]
            si, sc, k, report = chip_run(p4jit, "p4sim", mode, script, want, rel)
            if qi != si:
                print("note: %s jit=%s: QEMU %d instructions, p4sim %d" % (name, mode, qi, si), file=sys.stderr)
            row += ["%.2f" % (qi / 1e6), "%.2f" % (si / 1e6), "%.2f" % (sc / 1e6),
                    "%.2f" % (sc / 360e3), "%.2f" % (sc / 400e3)]
            cycles.append(sc)
            per_mac.append("%.1f" % (k[0][0] / k[0][1]) if k[0] else "")
            again.append(k[1])
            kcycles.append(k[2])
        per_mac_again = again_speedup = again_cycles = ""
        if again[0] and again[1]:
            per_mac_again = "%.1f" % (again[1][0] / again[1][1])
            again_speedup = "%.1fx" % (again[0][0] / again[1][0])
        if kcycles[0] and kcycles[1]:
            again_cycles = "%.1fx" % (kcycles[0] / kcycles[1])
        row += ["%.1fx" % (cycles[0] / cycles[1]), per_mac[0], per_mac[1], per_mac_again,
                "%.1f" % (qagain[0] / qagain[1]) if qagain else "",
                again_speedup, again_cycles, "; ".join("%s %.0f, %s B" % (fn, int(cyc) / int(bc), size)
                                         for fn, size, bc, cyc in report) or "-"]
        print("| " + " | ".join(row) + " |", flush=True)
    return 0


def layer_run(p4jit, mode, want):
    """layers.py on p4sim: {layer: (kernel, cycles, macs)}, {kernel: (code bytes, compile cycles)}."""
    code, out, err = run([p4jit, "run", "--on", "p4sim", "--stats", "--jit-report", "-X", "jit=" + mode, "layers.py"])
    extra = re.compile(r"^(p4jit-stats|JIT report|  \w+: (compiled|not compiled|interpreted))")
    got = results("\n".join(l for l in out.splitlines() if not extra.match(l)))
    if code != 0 or got != want:
        raise RuntimeError("layers.py with jit=%s prints %s, CPython %s\n%s" % (mode, got, want, err))
    layers = {m.group(1): (m.group(2), int(m.group(3)), int(m.group(4)))
              for m in re.finditer(r"^kernel-layer (\S+) (\S+) (\d+) macs (\d+)", out, re.M)}
    report = {m.group(1): (int(m.group(2)), int(m.group(3)))
              for m in re.finditer(r"^  (\w+): compiled .*?, (\d+) bytes of code, \d+ bytecode instructions, "
                                   r"(\d+) cycles to compile", out + err, re.M)}
    return layers, report


def layers_table(p4jit, env):
    _, py_out = best_time([sys.executable, "layers.py"], env, repeat=1)
    want = results(py_out)
    interp, _ = layer_run(p4jit, "off", want)
    jit, report = layer_run(p4jit, "auto", want)
    head = ["layer", "MACs", "interp cycles", "JIT cycles", "speedup", "MACs/cycle JIT", "kernel",
            "code bytes", "compile cycles"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for name, (kern, cycles, macs) in jit.items():
        size, comp = report.get(kern, (0, 0))
        print("| %s | %d | %d | %d | %.1fx | %.2f | %s | %d | %d |" % (
            name, macs, interp[name][1], cycles, interp[name][1] / cycles, macs / cycles, kern, size, comp))
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--p4jit", required=True)
    ap.add_argument("--callgrind", action="store_true")
    ap.add_argument("--qemu", action="store_true")
    ap.add_argument("--chip", action="store_true")
    ap.add_argument("--layers", action="store_true")
    ap.add_argument("--py", action="store_true", help="the Python-style programs of bench/py on p4sim")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    p4jit = os.path.abspath(args.p4jit)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(os.path.join(ROOT, "lib", d) for d in ("python", "p4nn")))
    names = args.names or BENCHMARKS
    if args.chip:
        return chip_table(p4jit, names, env)
    if args.layers:
        return layers_table(p4jit, env)
    if args.py:
        import pytable
        return pytable.py_table(p4jit, args.names)

    head = ["benchmark", "CPython ms", "p4jit ms"]
    if args.callgrind:
        head += ["host Minstr", "host instr/MAC"]
    if args.qemu:
        head += ["RV32 Minstr interp", "RV32 Minstr JIT", "speedup",
                 "RV32 instr/MAC interp", "RV32 instr/MAC JIT"]
    rows = []
    for name in names:
        script = name + ".py"
        py_time, py_out = best_time([sys.executable, script], env)
        p4_time, p4_out = best_time([p4jit, "run", script])
        rel = 2e-3 if name in FLOAT_BENCHMARKS else 0.0
        want, got = results(py_out), results(p4_out)
        if len(want) != len(got) or not all(numbers_close(a, b, rel) for a, b in zip(want, got)):
            print("FAIL: %s prints %s, CPython %s" % (name, got, want), file=sys.stderr)
            return 1
        row = [name, "%.1f" % (py_time * 1e3), "%.1f" % (p4_time * 1e3)]
        k = kernel(p4_out)
        if args.callgrind:
            total = callgrind_total(p4jit, script)
            per_mac = ""
            if total and k:
                base = without_kernel(script)
                try:
                    rest = callgrind_total(p4jit, base)
                finally:
                    os.remove(os.path.join(HERE, base))
                if rest:
                    per_mac = "%.0f" % ((total - rest) / k[1])
            row += ["%.1f" % (total / 1e6) if total else "?", per_mac]
        if args.qemu:
            total, per_mac = [], []
            for mode in ("off", "auto"):
                instret, _, (kq, _, _), _ = chip_run(p4jit, "qemu", mode, script, want, rel)
                total.append(instret)
                per_mac.append("%.1f" % (kq[0] / kq[1]) if kq else "")
            row += ["%.1f" % (total[0] / 1e6), "%.1f" % (total[1] / 1e6),
                    "%.1fx" % (total[0] / total[1]) if total[1] else "?", per_mac[0], per_mac[1]]
        rows.append(row)
        print("done:", name, file=sys.stderr)

    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for r in rows:
        print("| " + " | ".join(r) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
