/*
 * elf.c - ELF32 little-endian RISC-V executable loader with full validation.
 * Field layout: the System V ABI (gABI) ELF header and program header; only
 * PT_LOAD segments are loaded; every offset and size is range-checked
 * before use, so a malformed file is an error message, never a crash.
 */
#include <stdlib.h>
#include <string.h>

#include "sim/sim_internal.h"

static uint16_t rd16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }
static uint32_t rd32(const uint8_t *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24; }

#define FAIL(...) do { snprintf(err, errlen, __VA_ARGS__); return -1; } while (0)

enum { EHDR_SIZE = 52, PHDR_SIZE = 32, EM_RISCV = 243, ET_EXEC = 2, PT_LOAD = 1 };

enum { SHDR_SIZE = 40, SYM_SIZE = 16, SHT_SYMTAB = 2 };

/* The value of symbol name in the file's symbol table, if it has one (a
 * stripped file has none: then no guard). Every offset is range-checked. */
static bool symbol_value(const uint8_t *d, size_t n, const char *name, uint32_t *value)
{
    uint32_t shoff = rd32(d + 32);
    uint16_t shentsize = rd16(d + 46), shnum = rd16(d + 48);
    if (shentsize != SHDR_SIZE || shoff > n || (uint64_t)shnum * SHDR_SIZE > n - shoff)
        return false;
    size_t len = strlen(name);
    for (unsigned i = 0; i < shnum; i++) {
        const uint8_t *sh = d + shoff + i * SHDR_SIZE;
        uint32_t off = rd32(sh + 16), size = rd32(sh + 20), link = rd32(sh + 24);
        if (rd32(sh + 4) != SHT_SYMTAB || off > n || size > n - off || link >= shnum)
            continue;
        const uint8_t *str = d + shoff + link * SHDR_SIZE;
        uint32_t stroff = rd32(str + 16), strsize = rd32(str + 20);
        if (stroff > n || strsize > n - stroff)
            continue;
        for (uint32_t k = 0; k + SYM_SIZE <= size; k += SYM_SIZE) {
            uint32_t nm = rd32(d + off + k);
            if (nm < strsize && strsize - nm > len && memcmp(d + stroff + nm, name, len + 1) == 0) {
                *value = rd32(d + off + k + 4);
                return true;
            }
        }
    }
    return false;
}

/* cfg.stack_guard bytes at the stack's lowest address fault (docs/p4sim.md):
 * the firmware's stack is RAM from __heap_end up, and it stops recursing
 * above the guard, so only a missed check reaches it. */
static void stack_guard(P4Sim *s, const uint8_t *d, size_t n)
{
    uint32_t lo;
    s->guard_lo = s->guard_len = 0;
    if (s->cfg.stack_guard && symbol_value(d, n, "__heap_end", &lo) && lo <= UINT32_MAX - s->cfg.stack_guard) {
        s->guard_lo = lo;
        s->guard_len = s->cfg.stack_guard;
    }
}

int p4sim_load_elf(P4Sim *s, const uint8_t *d, size_t n, char *err, size_t errlen)
{
    if (n < EHDR_SIZE) FAIL("not an ELF file: %zu bytes, shorter than an ELF header", n);
    if (memcmp(d, "\177ELF", 4) != 0) FAIL("not an ELF file (bad magic)");
    if (d[4] != 1) FAIL("not ELF32 (class %u): p4sim runs RV32 executables", d[4]);
    if (d[5] != 1) FAIL("not little-endian (data encoding %u)", d[5]);
    if (d[6] != 1) FAIL("unknown ELF version %u", d[6]);
    if (rd16(d + 16) != ET_EXEC) FAIL("not an executable (e_type %u)", rd16(d + 16));
    if (rd16(d + 18) != EM_RISCV) FAIL("not a RISC-V file (e_machine %u)", rd16(d + 18));
    if (rd32(d + 20) != 1) FAIL("unknown ELF version %u", rd32(d + 20));
    uint32_t entry = rd32(d + 24), phoff = rd32(d + 28);
    uint16_t ehsize = rd16(d + 40), phentsize = rd16(d + 42), phnum = rd16(d + 44);
    if (ehsize < EHDR_SIZE) FAIL("bad e_ehsize %u", ehsize);
    if (phnum == 0) FAIL("no program headers");
    if (phentsize != PHDR_SIZE) FAIL("bad e_phentsize %u (want %u)", phentsize, PHDR_SIZE);
    if (phoff > n || (uint64_t)phnum * PHDR_SIZE > n - phoff)
        FAIL("program headers (offset %u, %u entries) lie outside the file", phoff, phnum);
    /* two passes: every segment and the entry point are checked before
     * anything is written, so a rejected file leaves the simulator as it was
     * (an earlier program stays loaded, with its decode cache intact) */
    int loads = 0;
    for (int pass = 0; pass < 2; pass++) {
        for (unsigned i = 0; i < phnum; i++) {
            const uint8_t *ph = d + phoff + i * PHDR_SIZE;
            if (rd32(ph) != PT_LOAD) continue;
            uint32_t off = rd32(ph + 4), paddr = rd32(ph + 12), filesz = rd32(ph + 16), memsz = rd32(ph + 20);
            if (memsz == 0) continue;
            /* load at the physical address (LMA): picolibc keeps .data's image in
             * flash and copies it to RAM at startup, exactly like QEMU's loader */
            Region *r = sim_region(s, paddr, memsz);
            if (pass == 0) {
                if (filesz > memsz) FAIL("segment %u: file size %u exceeds memory size %u", i, filesz, memsz);
                if (off > n || filesz > n - off)
                    FAIL("segment %u: data (offset %u, %u bytes) lies outside the file", i, off, filesz);
                if (!r)
                    FAIL("segment %u: 0x%08x..0x%08llx is not inside a memory region of p4sim", i, paddr,
                         (unsigned long long)paddr + memsz - 1);
                loads++;
                continue;
            }
            memcpy(r->mem + (paddr - r->base), d + off, filesz);
            memset(r->mem + (paddr - r->base) + filesz, 0, memsz - filesz);
        }
        if (pass == 0 && !loads) FAIL("no loadable segments");
        if (pass == 0 && (!sim_region(s, entry, 2) || (entry & 1)))
            FAIL("entry point 0x%08x is not in memory or misaligned", entry);
    }
    stack_guard(s, d, n);
    sim_drop_code(s); /* code decoded from an earlier load is stale */
    s->entry = entry;
    s->pc = entry;
    s->loaded = true;
    return 0;
}

int p4sim_load_elf_file(P4Sim *s, const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) FAIL("%s: cannot open", path);
    if (fseek(f, 0, SEEK_END) != 0) { fclose(f); FAIL("%s: cannot seek", path); }
    long n = ftell(f);
    if (n < 0 || n > (64L << 20)) { fclose(f); FAIL("%s: unreadable or larger than 64 MB", path); }
    rewind(f);
    uint8_t *buf = malloc((size_t)n + 1);
    if (!buf) { fclose(f); FAIL("%s: out of memory", path); }
    size_t got = fread(buf, 1, (size_t)n, f);
    fclose(f);
    int rc = -1;
    if (got != (size_t)n)
        snprintf(err, errlen, "%s: short read", path);
    else {
        rc = p4sim_load_elf(s, buf, got, err, errlen);
        if (rc != 0) {
            /* prefix the file name */
            char tmp[256];
            snprintf(tmp, sizeof tmp, "%s", err);
            snprintf(err, errlen, "%s: %s", path, tmp);
        }
    }
    free(buf);
    return rc;
}
