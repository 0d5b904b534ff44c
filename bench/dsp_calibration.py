#!/usr/bin/env python3
"""p4sim's cycle model against ESP-DSP's published plain-C cycle counts.

Runs bench/dsp_kernels.c (cross-built as dsp_kernels.elf) under p4sim, checks
every kernel's result against the same computation done here on the host
(same input generator; the float kernels' products and partial sums are exact
in double, so rounding each step to float32 reproduces the guest bit for bit),
and requires each modelled cycle count to be within TOLERANCE of the figure
ESP-DSP publishes for its "ANSI" build on the ESP32-P4 (docs/en/
esp-dsp-benchmarks.rst, copied in ../shared/reference/esp32p4.md).

usage: dsp_calibration.py P4SIM DSP_KERNELS.ELF [--markdown]
  --markdown  also print the comparison as a Markdown table
Exit status 0 when every result is right and every count within tolerance.
"""
import re
import struct
import subprocess
import sys

TOLERANCE = 0.25

# kernel -> (published cycles, ESP-DSP benchmark row)
PUBLISHED = {
    "dsps_dotprod_s16": (3385, "dsps_dotprod_s16, N=256"),
    "dsps_dotprod_f32": (1563, "dsps_dotprod_f32, N=256"),
    "dspm_mult_s16": (60715, "dspm_mult_s16 16x16x16"),
    "dspm_mult_f32": (31481, "dspm_mult_f32 16x16x16"),
    "dspi_dotprod_s8": (33723, "dspi_dotprod_s8 64x64"),
    "dspi_dotprod_s8_16x16": (2436, "dspi_dotprod_s8 16x16"),
    "dspi_dotprod_s16": (13888, "dspi_dotprod_s16 32x32"),
}


def f32(x):
    return struct.unpack("<f", struct.pack("<f", x))[0]


def f32_bits(x):
    return struct.unpack("<I", struct.pack("<f", x))[0]


def wrap(v, bits):
    m = 1 << bits
    v &= m - 1
    return v - m if v >= m >> 1 else v


class Rand:
    """The guest's generator (dsp_kernels.c, next_rand)."""

    def __init__(self):
        self.seed = 0x2545F491

    def __call__(self, lo, hi):
        self.seed = (self.seed * 1664525 + 1013904223) & 0xFFFFFFFF
        return lo + (self.seed >> 8) % (hi - lo + 1)


def expected():
    r = Rand()
    va, vb, fa, fb, ma, mb, mfa, mfb, img, filt, img16, filt16 = ([] for _ in range(12))
    for _ in range(256):
        va.append(r(-4096, 4095)), vb.append(r(-4096, 4095))
    for _ in range(256):
        fa.append(r(-1000, 1000) / 256.0), fb.append(r(-1000, 1000) / 256.0)
    for _ in range(256):
        ma.append(r(-8192, 8191)), mb.append(r(-8192, 8191))
    for _ in range(256):
        mfa.append(r(-100, 100) / 16.0), mfb.append(r(-100, 100) / 16.0)
    for _ in range(64 * 64):
        img.append(r(-128, 127)), filt.append(r(-128, 127))
    for _ in range(32 * 32):
        img16.append(r(-4096, 4095)), filt16.append(r(-4096, 4095))

    out = {}
    acc = 0x7FFF + sum(a * b for a, b in zip(va, vb))
    out["dsps_dotprod_s16"] = str(wrap(acc >> 15, 16))

    acc = 0.0
    for a, b in zip(fa, fb):
        acc = f32(acc + a * b)
    out["dsps_dotprod_f32"] = "%08x" % f32_bits(acc)

    h = 0
    for i in range(16):
        for j in range(16):
            acc = 0x7FFF + sum(ma[i * 16 + s] * mb[s * 16 + j] for s in range(16))
            h = (h * 31 + (wrap(acc >> 15, 16) & 0xFFFF)) & 0xFFFFFFFF
    out["dspm_mult_s16"] = "%08x" % h

    h = 0
    for i in range(16):
        for j in range(16):
            acc = 0.0
            for s in range(16):
                acc = f32(acc + mfa[i * 16 + s] * mfb[s * 16 + j])
            h = (h * 31 + f32_bits(acc)) & 0xFFFFFFFF
    out["dspm_mult_f32"] = "%08x" % h

    acc = 64 + sum(a * b for a, b in zip(img, filt))
    out["dspi_dotprod_s8"] = str(wrap(acc >> 7, 8))
    acc = 64 + sum(img[y * 64 + x] * filt[y * 64 + x] for y in range(16) for x in range(16))
    out["dspi_dotprod_s8_16x16"] = str(wrap(acc >> 7, 8))
    acc = (1 << 14) + sum(a * b for a, b in zip(img16, filt16))
    out["dspi_dotprod_s16"] = str(wrap(acc >> 15, 16))
    return out


# ESP-DSP's unit tests (modules/dotprod/test/test_dotprod_s16.c,
# test_dspi_dotprod_s8_ansi.c): the s16 dot product of 100 elements 0x80 and
# 0x100 is (100 * 0x8000 + (0x7fff >> shift)) >> (15 - shift); the s8 image
# dot products of the test's two 4x4 samplings are 67 and 73.
SEMANTICS = "semantics dotprod_s16 %d %d dspi_dotprod_s8 67 73" % (
    (100 * 0x8000 + 0x7FFF) >> 15, (100 * 0x8000 + (0x7FFF >> 2)) >> 13)

LINE = re.compile(r"^(\w+) cycles (\d+) result (\S+)$")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    markdown = "--markdown" in sys.argv
    if len(args) != 2:
        print(__doc__)
        return 2
    p = subprocess.run([args[0], args[1]], capture_output=True, timeout=120)
    text = p.stdout.decode(errors="replace")
    if p.returncode != 0:
        print(f"p4sim exited with {p.returncode}\n{text}\n{p.stderr.decode(errors='replace')}")
        return 1
    got = {}
    for line in text.splitlines():
        m = LINE.match(line.strip())
        if m:
            got[m.group(1)] = (int(m.group(2)), m.group(3))
    want = expected()
    ok = SEMANTICS in text.splitlines()
    print(f"{'ok  ' if ok else 'FAIL'} semantics on ESP-DSP's test cases: want '{SEMANTICS}'")
    rows = []
    for name, (pub, row) in PUBLISHED.items():
        if name not in got:
            print(f"FAIL {name}: no line in the guest's output\n{text}")
            ok = False
            continue
        cycles, result = got[name]
        dev = (cycles - pub) / pub
        good_result = result == want[name]
        good_cycles = abs(dev) <= TOLERANCE
        ok &= good_result and good_cycles
        print(f"{'ok  ' if good_result and good_cycles else 'FAIL'} {name:18s} model {cycles:6d} "
              f"published {pub:6d} ({dev:+.1%}); result {result} (host {want[name]})")
        rows.append((row, cycles, pub, dev))
    if markdown:
        print()
        print("| kernel (ESP-DSP plain C, -O2) | p4sim model | published (ESP32-P4) | model / published |")
        print("|---|---:|---:|---:|")
        for row, cycles, pub, dev in rows:
            print(f"| {row} | {cycles} | {pub} | {cycles / pub:.3f} ({dev:+.1%}) |")
    print("calibration", "ok" if ok else "FAILED", f"(tolerance {TOLERANCE:.0%})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
