/*
 * main.c - the p4sim command: p4sim [options] prog.elf [args...]
 */
#include <stdlib.h>
#include <string.h>

#include "sim/sim.h"

static int usage(FILE *f, int status)
{
    fprintf(f,
            "usage: p4sim [options] prog.elf [args...]\n"
            "  --stats          print retired instructions, modelled cycles, time and mix to stderr\n"
            "  --trace          one line per instruction: pc, disassembly, registers written\n"
            "  --rev 1|3        PIE encoding: silicon before rev 3.0 (1) or from 3.0 (3, default)\n"
            "  --stack-guard N  fault on any access to the N bytes at __heap_end (the\n"
            "                   firmware stack's lowest; p4jit run --on p4sim: 4096)\n"
            "  --max-insns N    stop after N instructions (exit status 124)\n"
            "  --no-cycle-model cycle CSR counts instructions\n"
            "  --cache          enable the L1 D-cache model\n"
            "  --help           this text\n"
            "exit status: the guest's, 1 on a trap or load error, 124 at --max-insns,\n"
            "2 on a bad command line; details: docs/p4sim.md\n");
    return status;
}

int main(int argc, char **argv)
{
    P4SimConfig cfg;
    p4sim_config_default(&cfg);
    bool stats = false;
    uint64_t max = 0;
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
        const char *o = argv[i];
        if (!strcmp(o, "--help")) return usage(stdout, 0);
        if (!strcmp(o, "--stats")) stats = true;
        else if (!strcmp(o, "--trace")) cfg.trace = true;
        else if (!strcmp(o, "--no-cycle-model")) cfg.cycle_model = false;
        else if (!strcmp(o, "--cache")) cfg.cache_model = true;
        else if (!strcmp(o, "--rev") && i + 1 < argc) {
            cfg.rev = atoi(argv[++i]);
            if (cfg.rev != 1 && cfg.rev != 3) return usage(stderr, 2);
        } else if (!strcmp(o, "--stack-guard") && i + 1 < argc) {
            char *end;
            unsigned long long g = strtoull(argv[++i], &end, 0);
            if (*end || g > (1u << 24)) return usage(stderr, 2);
            cfg.stack_guard = (uint32_t)g;
        } else if (!strcmp(o, "--max-insns") && i + 1 < argc) {
            char *end;
            max = strtoull(argv[++i], &end, 0);
            if (*end || !max) return usage(stderr, 2);
        } else return usage(stderr, 2);
    }
    if (i >= argc) return usage(stderr, 2);
    P4Sim *s = p4sim_new(&cfg);
    if (!s) { fprintf(stderr, "p4sim: out of memory\n"); return 1; }
    char err[512];
    if (p4sim_load_elf_file(s, argv[i], err, sizeof err) != 0) {
        fprintf(stderr, "p4sim: %s\n", err);
        p4sim_free(s);
        return 1;
    }
    p4sim_set_args(s, argc - i, argv + i);
    P4SimStatus st = p4sim_run(s, max);
    fflush(stdout);
    if (stats) p4sim_print_stats(s, stderr);
    int code = st == P4SIM_ERROR ? 1 : p4sim_exit_code(s);
    p4sim_free(s);
    return code;
}
