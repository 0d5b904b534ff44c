/*
 * fuzz_p4b.c - libFuzzer target for the .p4b loader. Each input is loaded
 * twice: as given, and with its size field and CRC repaired, so that the
 * fuzzer gets past the checksum to the structural checks. What loads must
 * also disassemble and become VM objects.
 *
 * The custom mutator alternates libFuzzer's byte mutations with
 * p4b_mutate.c's structure-aware ones (an instruction, a constant, an
 * exception entry, maxstack redeclared to what the verifier computes), and
 * repairs the envelope of what it makes. Running what loads is left to the
 * sweep (p4b_sweep.c), which can stop a mutant that loops forever.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "p4b_mutate.h"
#include "vm/p4b.h"
#include "vm/vm.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed);

size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed)
{
    if (seed % 4 == 0) { /* libFuzzer's own edits, then a valid envelope */
        size = LLVMFuzzerMutate(data, size, max_size);
        p4b_fix_envelope(data, size);
        return size;
    }
    return p4b_mutate(data, size, max_size, seed);
}

static void load(const uint8_t *data, size_t size)
{
    P4bModule *m = calloc(1, sizeof *m);
    char err[256];
    if (!m)
        return;
    if (p4b_read(data, size, m, err, sizeof err) != 0) {
        free(m);
        return;
    }
    FILE *sink = fopen("/dev/null", "w");
    if (sink) {
        p4b_dis(m, sink);
        fclose(sink);
    }
    VMConfig cfg;
    vm_config_default(&cfg);
    cfg.heap_size = 256 * 1024;
    VM *vm = vm_new(&cfg);
    if (vm) {
        vm_load_program(vm, m, NULL, 0); /* takes m */
        vm_free(vm);
    } else {
        p4b_free(m);
        free(m);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    load(data, size);
    if (size < 20 || size > (1u << 20))
        return 0;
    uint8_t *fixed = malloc(size);
    if (!fixed)
        return 0;
    memcpy(fixed, data, size);
    p4b_fix_envelope(fixed, size);
    load(fixed, size);
    free(fixed);
    return 0;
}
