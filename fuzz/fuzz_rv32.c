/*
 * fuzz_rv32.c - libFuzzer target for the RV32 decoder and disassembler:
 * arbitrary bytes never crash them or make them read past the buffer, and
 * every word that decodes re-encodes to itself; for the standard ISA and
 * for both ESP32-P4 PIE revisions, in both disassembly styles.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rv32/rv32.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char text[128];
    /* a copy of exactly `size` bytes: ASan catches any read past it */
    uint8_t *copy = malloc(size ? size : 1);
    if (!copy)
        return 0;
    memcpy(copy, data, size);
    static const RvRev revs[] = {RV_REV_NONE, RV_REV_1, RV_REV_3};
    for (unsigned r = 0; r < 3; r++) {
        for (size_t at = 0; at < size;) {
            int n = rv_disasm_rev(copy + at, size - at, (uint32_t)at, revs[r], 0, text, sizeof text);
            if (n <= 0 || (size_t)n > size - at)
                abort();
            /* the alias style reads the same instruction */
            if (rv_disasm_rev(copy + at, size - at, (uint32_t)at, revs[r], RV_DIS_ALIASES, text, sizeof text) != n)
                abort();
            if (n == 4) {
                uint32_t w;
                memcpy(&w, copy + at, 4);
                RvInsn d;
                uint32_t again;
                if (rv_decode_rev(w, revs[r], &d) == 4 && (!rv_encode_rev(&d, revs[r], &again) || again != w))
                    abort();
            }
            at += (size_t)n;
        }
    }
    free(copy);
    return 0;
}
