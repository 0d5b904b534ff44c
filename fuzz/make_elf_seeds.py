#!/usr/bin/env python3
"""Regenerates fuzz_elf's seed corpus (fuzz/corpus/elf): two valid programs
and damaged variants of them, each aimed at one check of src/sim/elf.c.

  tiny.elf     fuzz/elf_seed_tiny.S, no C library (456 bytes)
  alu.elf      tests/sim/programs/int_alu.c with picolibc, -Os, stripped
  the rest     copies of those with one field or the length changed

usage: make_elf_seeds.py OUTDIR   (needs riscv64-unknown-elf-gcc and -strip)
"""
import os
import struct
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PICOLIBC = ["--specs=picolibc.specs", "-misa-spec=2.2", "-march=rv32imafc", "-mabi=ilp32f", "-Os",
            "--oslib=semihost", "--crt0=semihost",
            "-Wl,--defsym=__flash=0x80000000", "-Wl,--defsym=__flash_size=0x00200000",
            "-Wl,--defsym=__ram=0x80200000", "-Wl,--defsym=__ram_size=0x01000000",
            "-Wl,--defsym=__stack_size=0x10000"]


def build(out, *args):
    subprocess.run(["riscv64-unknown-elf-gcc", *args, "-o", out], check=True)
    subprocess.run(["riscv64-unknown-elf-strip", out], check=True)
    with open(out, "rb") as f:
        return f.read()


def patch(data, off, fmt, value):
    b = bytearray(data)
    struct.pack_into(fmt, b, off, value)
    return bytes(b)


def first_load(data):
    """Offset of the first PT_LOAD program header."""
    phoff, = struct.unpack_from("<I", data, 28)
    phnum, = struct.unpack_from("<H", data, 44)
    for i in range(phnum):
        if struct.unpack_from("<I", data, phoff + 32 * i)[0] == 1:
            return phoff + 32 * i
    raise SystemExit("no PT_LOAD")


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    tmp = os.path.join(out, ".tmp.elf")
    tiny = build(tmp, "-march=rv32imac", "-mabi=ilp32", "-nostdlib", "-static", "-Wl,-N",
                 "-Wl,-Ttext=0x80000000", "-Wl,--build-id=none", os.path.join(HERE, "elf_seed_tiny.S"))
    alu = build(tmp, *PICOLIBC, os.path.join(HERE, "..", "tests", "sim", "programs", "int_alu.c"))
    os.remove(tmp)
    ph = first_load(tiny)
    seeds = {
        "tiny.elf": tiny,
        "alu.elf": alu,
        "short_header.elf": tiny[:51],
        "header_only.elf": tiny[:52],
        "phdrs_cut.elf": tiny[:ph + 20],
        "segment_cut.elf": tiny[:0x90],
        "alu_half.elf": alu[:len(alu) // 2],
        "elf64.elf": patch(tiny, 4, "<B", 2),
        "big_endian.elf": patch(tiny, 5, "<B", 2),
        "not_exec.elf": patch(tiny, 16, "<H", 3),
        "x86.elf": patch(tiny, 18, "<H", 62),
        "phentsize.elf": patch(tiny, 42, "<H", 56),
        "phnum_huge.elf": patch(tiny, 44, "<H", 0xffff),
        "phoff_huge.elf": patch(tiny, 28, "<I", 0xfffffff0),
        "entry_odd.elf": patch(tiny, 24, "<I", 0x80000001),
        "entry_unmapped.elf": patch(tiny, 24, "<I", 0x10000000),
        "seg_unmapped.elf": patch(tiny, ph + 12, "<I", 0x20000000),
        "seg_wraps.elf": patch(patch(tiny, ph + 12, "<I", 0xfffffff0), ph + 20, "<I", 0x100),
        "seg_filesz.elf": patch(tiny, ph + 16, "<I", 0x1000),
        "seg_memsz_huge.elf": patch(tiny, ph + 20, "<I", 0xffffffff),
        "seg_offset.elf": patch(tiny, ph + 4, "<I", 0xfffffff0),
        "seg_bss_end_of_ram.elf": patch(patch(tiny, ph + 12, "<I", 0x811fffa8), ph + 20, "<I", 0x58),
    }
    for name, data in seeds.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    print(f"{len(seeds)} seeds in {out}")


if __name__ == "__main__":
    main()
