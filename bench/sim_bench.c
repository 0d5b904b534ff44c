/*
 * sim_bench.c - p4sim's speed on the host: simulated (retired) RV32
 * instructions per second of process CPU time (steadier than wall time on a
 * shared machine), through the library API, with the
 * cycle model on (as `p4sim` and `p4jit run --on p4sim` run by default).
 *
 * usage: p4sim_bench [--runs N] [--no-cycle-model] [--cache] PROG.elf [args...]
 * Prints the guest's output of the last run, then one line per run and the
 * best. Load time is excluded; decode-cache warm-up is included (each run
 * starts from a fresh simulator, as a real run does).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sim/sim.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

typedef struct Out { char buf[4096]; size_t n; } Out;

static void capture(void *ctx, int fd, const char *data, size_t len)
{
    Out *o = ctx;
    if (len > sizeof o->buf - 1 - o->n) len = sizeof o->buf - 1 - o->n;
    memcpy(o->buf + o->n, data, len);
    o->n += len;
    o->buf[o->n] = 0;
}

int main(int argc, char **argv)
{
    int runs = 3, i = 1;
    P4SimConfig cfg;
    p4sim_config_default(&cfg);
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (!strcmp(argv[i], "--runs") && i + 1 < argc) runs = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--no-cycle-model")) cfg.cycle_model = false;
        else if (!strcmp(argv[i], "--cache")) cfg.cache_model = true;
        else break;
    }
    if (i >= argc || runs < 1) {
        fprintf(stderr, "usage: p4sim_bench [--runs N] [--no-cycle-model] [--cache] PROG.elf [args...]\n");
        return 2;
    }
    static Out out;
    cfg.write_fn = capture, cfg.write_ctx = &out;
    double best = 0;
    uint64_t instret = 0, cycles = 0;
    for (int r = 0; r < runs; r++) {
        P4Sim *s = p4sim_new(&cfg);
        char err[512];
        if (!s || p4sim_load_elf_file(s, argv[i], err, sizeof err) != 0) {
            fprintf(stderr, "p4sim_bench: %s\n", s ? err : "out of memory");
            return 1;
        }
        p4sim_set_args(s, argc - i, argv + i);
        out.n = 0, out.buf[0] = 0;
        double t0 = now();
        P4SimStatus st = p4sim_run(s, 0);
        double t = now() - t0;
        if (st != P4SIM_EXITED || p4sim_exit_code(s) != 0) {
            fprintf(stderr, "p4sim_bench: the guest failed (status %d, exit %d)\n", (int)st, p4sim_exit_code(s));
            return 1;
        }
        instret = p4sim_stats(s)->instret, cycles = p4sim_stats(s)->cycles;
        double mips = (double)instret / t / 1e6;
        if (mips > best) best = mips;
        printf("run %d: %llu instructions, %llu cycles, %.3f s, %.1f M instructions/s\n", r + 1,
               (unsigned long long)instret, (unsigned long long)cycles, t, mips);
        p4sim_free(s);
    }
    printf("guest output: %s", out.buf);
    printf("best: %.1f M simulated instructions/s (cycle model %s%s)\n", best, cfg.cycle_model ? "on" : "off",
           cfg.cache_model ? ", cache model on" : "");
    return 0;
}
