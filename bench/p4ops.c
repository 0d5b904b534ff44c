/* p4ops: the firmware's interpreter in p4sim, profiled per bytecode
 * instruction: every retired instruction and modelled cycle from one
 * dispatch (an indirect jump to an entry of run()'s label table) to the next
 * is charged to the instruction dispatched (callees included). Steps p4sim
 * one instruction at a time (about 5 M instructions a second).
 *
 *   python3 bench/p4ops_labels.py build/firmware/p4jit-fw.elf src/vm/opcodes.h > labels.txt
 *   gcc -O2 -Isrc -frounding-math -o p4ops bench/p4ops.c src/sim/{sim,elf,semihost,fpu,cycle,pie_exec}.c \
 *       build/src/rv32/libp4rv32.a -lm
 *   cd bench && ../p4ops ../labels.txt ../build/firmware/p4jit-fw.elf run -X jit=off nbody.py
 *
 * prints "count instructions cycles NAME" per handler (handlers that share a
 * label are reported under the first name). */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include "sim/sim.h"

int main(int argc, char **argv)
{
    if (argc < 3) { fprintf(stderr, "usage: p4ops LABELS ELF args...\n"); return 2; }
    static uint32_t addr[256]; static char name[256][40]; int n = 0;
    FILE *lf = fopen(argv[1], "r");
    while (n < 256 && fscanf(lf, "%x %39s", &addr[n], name[n]) == 2) n++;
    static uint64_t cnt[257], ins[257], cyc[257];
    P4SimConfig cfg;
    p4sim_config_default(&cfg);
    cfg.rev = 3;
    cfg.stack_guard = 4096;
    cfg.diag = fopen("/dev/null", "w");
    P4Sim *s = p4sim_new(&cfg);
    char err[512];
    if (p4sim_load_elf_file(s, argv[2], err, sizeof err) != 0) { fprintf(stderr, "%s\n", err); return 1; }
    p4sim_set_args(s, argc - 2, argv + 2);
    const P4SimStats *st = p4sim_stats(s);
    int cur = 256; /* outside any handler */
    for (;;) {
        uint32_t pc = p4sim_get_pc(s);
        uint16_t h = 0; uint32_t w = 0;
        p4sim_read_mem(s, pc, &h, 2);
        p4sim_read_mem(s, pc, &w, (h & 3) == 3 ? 4 : 2);
        bool indirect = ((h & 3) != 3) ? ((h & 0xF07F) == 0x8002 && (h & 0x0F80)) : ((w & 0x7F) == 0x67 && ((w >> 7) & 31) == 0);
        uint64_t c0 = st->cycles;
        P4SimStatus r = p4sim_run(s, st->instret + 1);
        ins[cur]++; cyc[cur] += st->cycles - c0;
        if (indirect) {
            uint32_t npc = p4sim_get_pc(s);
            for (int i = 0; i < n; i++) if (addr[i] == npc) { cur = i; cnt[i]++; goto found; }
            /* an indirect jump elsewhere (a return, a call through a pointer): stay */
        found:;
        }
        if (r != P4SIM_LIMIT) break;
    }
    /* merge entries at the same address */
    for (int i = 0; i <= n; i++)
        if (ins[i]) printf("%10llu %12llu %12llu %s\n", (unsigned long long)cnt[i], (unsigned long long)ins[i], (unsigned long long)cyc[i], i == 256 ? "(none)" : name[i]);
    fprintf(stderr, "p4ops: instret %llu cycles %llu\n", (unsigned long long)st->instret, (unsigned long long)st->cycles);
    return p4sim_exit_code(s);
}
