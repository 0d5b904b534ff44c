/*
 * fuzz_elf.c - libFuzzer target for p4sim's ELF loader (src/sim/elf.c) and
 * what follows a successful load: arbitrary bytes are either rejected with a
 * message or loaded and run for a bounded number of instructions (traps,
 * the instruction limit and guest exits are all fine outcomes; crashes,
 * reads outside the input and leaks are not). A rejected second file must
 * leave the first program loaded.
 *
 * The guest may reach semihosting: console output goes to a sink, stdin is
 * /dev/null and host files are off (no_host_files), so a mutated program
 * cannot create, remove or rename files on the fuzzing machine.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/sim.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void sink(void *ctx, int fd, const char *p, size_t n) { (void)ctx, (void)fd, (void)p, (void)n; }

enum { MAX_INSNS = 10000 };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *null;
    if (!null && !(null = fopen("/dev/null", "r+"))) abort();
    /* an exact-size copy: ASan catches any read past the input */
    uint8_t *copy = malloc(size ? size : 1);
    if (!copy) return 0;
    memcpy(copy, data, size);

    P4SimConfig cfg;
    p4sim_config_default(&cfg);
    cfg.out = cfg.err = cfg.diag = cfg.in = null;
    cfg.write_fn = sink;
    cfg.no_host_files = true;
    cfg.cycle_model = !(size & 1);   /* both run loops */
    cfg.cache_model = (size & 2) != 0;
    P4Sim *s = p4sim_new(&cfg);
    if (!s) { free(copy); return 0; }
    char err[256];
    err[0] = 0;
    if (p4sim_load_elf(s, copy, size, err, sizeof err) != 0) {
        if (!err[0] || !memchr(err, 0, sizeof err)) abort(); /* a rejection always says why */
    } else {
        static char *const argv[] = {"fuzz.elf", "a"};
        p4sim_set_args(s, 2, argv);
        P4SimStatus st = p4sim_run(s, MAX_INSNS);
        if (st == P4SIM_ERROR || p4sim_stats(s)->instret > MAX_INSNS) abort();
        /* a truncated copy is rejected or loads; a rejection keeps the program */
        uint32_t pc = p4sim_get_pc(s);
        if (size > 64 && p4sim_load_elf(s, copy, size / 2, err, sizeof err) != 0) {
            if (p4sim_get_pc(s) != pc || p4sim_run(s, 100) == P4SIM_ERROR) abort();
        }
    }
    p4sim_free(s);
    free(copy);
    return 0;
}
