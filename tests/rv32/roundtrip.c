/*
 * roundtrip.c - encode(decode(w)) == w for a large sample of 32-bit words
 * (every word that decodes), and the disassembler never overruns its input.
 */
#include <stdio.h>
#include <string.h>

#include "rv32/rv32.h"

int main(void)
{
    unsigned long decoded = 0, failures = 0;
    uint32_t seed = 12345;
    for (uint32_t n = 0; n < (1u << 24); n++) {
        /* a random word, with its low bits forced to a 32-bit encoding and its
         * major opcode drawn from the ones the table uses half of the time */
        seed = seed * 1664525u + 1013904223u;
        uint32_t w = seed | 3;
        if (n & 1)
            w = (w & ~0x7fu) | (rv_info[(seed >> 7) % RV__COUNT].match & 0x7f);
        RvInsn d;
        if (rv_decode(w, &d) != 4)
            continue;
        decoded++;
        uint32_t again;
        if (!rv_encode(&d, &again) || again != w) {
            if (failures++ < 10)
                fprintf(stderr, "%s: %08lx re-encodes as %08lx\n", rv_info[d.op].name, (unsigned long)w,
                        (unsigned long)again);
        }
    }
    /* every 16-bit word: what decodes re-encodes to itself */
    unsigned long compressed = 0;
    for (uint32_t h = 0; h < 0x10000; h++) {
        if ((h & 3) == 3)
            continue;
        RvInsn d;
        if (rv_decode(h, &d) != 2)
            continue;
        compressed++;
        decoded++;
        uint32_t again = 0;
        if (!rv_encode(&d, &again) || again != h) {
            if (failures++ < 10)
                fprintf(stderr, "%s: %04lx re-encodes as %04lx\n", rv_info[d.op].name, (unsigned long)h,
                        (unsigned long)again);
        }
        RvInsn x = rv_expand(&d);
        if (x.op >= RV_FIRST_C) {
            if (failures++ < 10)
                fprintf(stderr, "%s does not expand to a 32-bit instruction\n", rv_info[d.op].name);
        }
    }
    printf("%lu of 49152 16-bit words are valid RV32FC instructions\n", compressed);
    /* truncated input: 0..3 bytes of a 32-bit instruction */
    const uint8_t bytes[4] = {0x13, 0x05, 0x15, 0x00};
    char text[128];
    for (size_t avail = 0; avail < 4; avail++)
        if (rv_disasm(bytes, avail, 0, text, sizeof text) > (int)avail)
            failures++;
    printf("%lu words decoded and re-encoded\n", decoded);
    printf("%lu passed, %lu failed\n", decoded - failures, failures);
    return failures ? 1 : 0;
}
