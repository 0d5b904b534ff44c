/*
 * objdump.c - `p4jit objdump FILE.bin [--vma ADDR] [--rev 1|3] [--aliases]`:
 * disassembles a raw binary, one line per instruction in the layout of
 * `riscv64-unknown-elf-objdump -D -b binary -m riscv:rv32 -M no-aliases`
 * (without -M no-aliases with --aliases). --rev picks the ESP32-P4 PIE
 * encoding: 1 for silicon before rev 3.0, 3 (the default) from rev 3.0 on.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rv32/rv32.h"

int rv32_objdump_main(int argc, char **argv)
{
    const char *path = NULL;
    unsigned long vma = 0;
    RvRev rev = RV_REV_3;
    unsigned flags = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--vma") == 0 && i + 1 < argc) {
            char *end;
            errno = 0;
            unsigned long long v = strtoull(argv[++i], &end, 0);
            /* RV32 addresses: 32 bits, and no sign (strtoull takes "-1") */
            if (*end || end == argv[i] || errno || v > 0xffffffffull || strchr(argv[i], '-')) {
                fprintf(stderr, "p4jit objdump: bad address '%s' (an RV32 address: 0 to 0xffffffff)\n", argv[i]);
                return 2;
            }
            vma = (unsigned long)v;
        } else if (strcmp(argv[i], "--rev") == 0 && i + 1 < argc) {
            i++;
            if (strcmp(argv[i], "1") == 0)
                rev = RV_REV_1;
            else if (strcmp(argv[i], "3") == 0)
                rev = RV_REV_3;
            else {
                fprintf(stderr, "p4jit objdump: --rev takes 1 or 3, not '%s'\n", argv[i]);
                return 2;
            }
        } else if (strcmp(argv[i], "--aliases") == 0) {
            flags |= RV_DIS_ALIASES;
        } else if (argv[i][0] == '-') {
            fprintf(stderr, "p4jit objdump: unknown option '%s'\n", argv[i]);
            return 2;
        } else {
            path = argv[i];
        }
    }
    if (!path) {
        fprintf(stderr, "usage: p4jit objdump FILE.bin [--vma ADDR] [--rev 1|3] [--aliases]\n");
        return 2;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "p4jit objdump: can't open '%s'\n", path);
        return 2;
    }
    size_t cap = 4096, len = 0;
    uint8_t *data = malloc(cap);
    size_t got;
    while (data && (got = fread(data + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap) {
            uint8_t *nd = realloc(data, cap *= 2);
            if (!nd)
                free(data);
            data = nd;
        }
    }
    fclose(f);
    if (!data) {
        fprintf(stderr, "p4jit objdump: out of memory\n");
        return 2;
    }
    /* objdump pads addresses to 4 columns while the section ends below
     * 0x1000, to 8 beyond (found by comparing with binutils 2.40) */
    int width = vma + len > 0xfff ? 8 : 4;
    char text[128];
    for (size_t at = 0; at < len;) {
        uint32_t pc = (uint32_t)(vma + at);
        int n = rv_disasm_rev(data + at, len - at, pc, rev, flags, text, sizeof text);
        if (n == 4)
            printf("%*lx:\t%02x%02x%02x%02x          \t%s\n", width, (unsigned long)pc, data[at + 3], data[at + 2],
                   data[at + 1], data[at], text);
        else if (n == 2)
            printf("%*lx:\t%02x%02x                \t%s\n", width, (unsigned long)pc, data[at + 1], data[at], text);
        else
            printf("%*lx:\t%02x                  \t%s\n", width, (unsigned long)pc, data[at], text);
        at += (size_t)(n > 0 ? n : 1);
    }
    free(data);
    return 0;
}
