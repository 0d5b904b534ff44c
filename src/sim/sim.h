/*
 * sim.h - p4sim, an ESP32-P4 (RV32IMAFC) instruction-set simulator, as a library.
 *
 * The simulator reuses the RV32 machine-code layer (src/rv32) for decoding and
 * disassembly; it adds memory maps, an ELF32 loader, semihosting, the CSR file,
 * and a table-driven cycle model of the HP core (src/sim/cycle.h).
 *
 * Typical use (see src/sim/main.c):
 *     P4SimConfig cfg; p4sim_config_default(&cfg);
 *     P4Sim *s = p4sim_new(&cfg);
 *     if (p4sim_load_elf_file(s, "prog.elf", err, sizeof err) != 0) ...
 *     p4sim_set_args(s, argc, argv);
 *     P4SimStatus st = p4sim_run(s, max_insns);
 *     int code = p4sim_exit_code(s);
 *     p4sim_free(s);
 */
#ifndef P4_SIM_H
#define P4_SIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct P4Sim P4Sim;

/* Console output sink: fd is 1 (stdout) or 2 (stderr). When set, it receives
 * all guest console output instead of the FILE*s. */
typedef void (*P4SimWriteFn)(void *ctx, int fd, const char *data, size_t len);

typedef struct P4SimConfig {
    int rev;                /* silicon revision for PIE encodings: 1 (< 3.0) or 3 (>= 3.0) */
    uint32_t stack_guard;   /* bytes: when the ELF defines __heap_end (the stack's lowest address),
                               any access to [__heap_end, __heap_end + stack_guard) faults: an
                               overflow the guest's own checks missed (0: no guard) */
    FILE *out, *err;        /* guest stdout/stderr (default stdout/stderr) */
    FILE *in;               /* guest stdin (default stdin) */
    P4SimWriteFn write_fn;  /* optional: overrides out/err */
    void *write_ctx;
    FILE *diag;             /* trap reports and --trace lines (default stderr) */
    bool trace;             /* one line per instruction to diag */
    bool cycle_model;       /* model cycles (on by default); off: cycle == instret */
    bool cache_model;       /* optional L1 cache model in the cycle model */
    bool no_host_files;     /* semihosting open/remove/rename of host files fail (fuzzing) */
} P4SimConfig;

typedef enum P4SimStatus {
    P4SIM_EXITED,   /* the guest exited through semihosting; see p4sim_exit_code */
    P4SIM_TRAP,     /* precise trap: reported to diag, exit code 1 */
    P4SIM_LIMIT,    /* --max-insns reached: exit code 124 (like timeout(1)) */
    P4SIM_ERROR,    /* nothing loaded */
} P4SimStatus;

enum { P4SIM_NMIX = 10 }; /* instruction-mix classes, see p4sim_mix_names */

typedef struct P4SimStats {
    uint64_t instret;       /* retired instructions */
    uint64_t cycles;        /* modelled cycles */
    uint64_t mix[P4SIM_NMIX]; /* per class, see p4sim_mix_names */
    /* the lowest and highest values the program moved sp to (addi/add/sub
     * to sp; crt0's first one is the stack's top): peak stack depth is
     * sp_max - sp_min (p4sim_stack_peak) */
    uint32_t sp_min, sp_max;
} P4SimStats;

void p4sim_config_default(P4SimConfig *cfg);
P4Sim *p4sim_new(const P4SimConfig *cfg);
void p4sim_free(P4Sim *s);

/* Load an ELF32 RISC-V executable. Returns 0, or -1 with a message in err. */
int p4sim_load_elf(P4Sim *s, const uint8_t *data, size_t size, char *err, size_t errlen);
int p4sim_load_elf_file(P4Sim *s, const char *path, char *err, size_t errlen);

/* argv as the guest sees it through SYS_GET_CMDLINE (argv[0] is the program). */
void p4sim_set_args(P4Sim *s, int argc, char *const *argv);

/* Run until exit, trap or max_insns retired instructions (0: no limit). */
P4SimStatus p4sim_run(P4Sim *s, uint64_t max_insns);
int p4sim_exit_code(const P4Sim *s);
const P4SimStats *p4sim_stats(const P4Sim *s);
void p4sim_print_stats(const P4Sim *s, FILE *f);
/* Peak stack depth in bytes of the run so far (0 if sp never moved). */
uint32_t p4sim_stack_peak(const P4Sim *s);
extern const char *const p4sim_mix_names[P4SIM_NMIX];

/* Register and memory access for tests and embedders. */
uint32_t p4sim_get_x(const P4Sim *s, int r);
uint32_t p4sim_get_pc(const P4Sim *s);
bool p4sim_read_mem(P4Sim *s, uint32_t addr, void *buf, size_t len);
bool p4sim_write_mem(P4Sim *s, uint32_t addr, const void *buf, size_t len); /* drops decoded code */
void p4sim_set_x(P4Sim *s, int r, uint32_t v);
void p4sim_set_pc(P4Sim *s, uint32_t pc);
/* Loads raw code/data at addr (in a mapped region) and starts there: the
 * run begins at addr, as after an ELF load. Returns false if unmapped. */
bool p4sim_load_raw(P4Sim *s, uint32_t addr, const void *bytes, size_t n);
/* A control and status register as the guest reads it (false: none). */
bool p4sim_get_csr(P4Sim *s, uint32_t csr, uint32_t *v);

/* The PIE register state (docs/pie-semantics.md): q0-q7, QACC as 64 bytes
 * (QACC_L = bytes 0-31, QACC_H = 32-63; 8-bit MACs use 16 little-endian
 * 32-bit lanes, 16-bit MACs 8 64-bit lanes), XACC (40 bits, kept
 * sign-extended), UA_STATE, SAR, SAR_BYTES, FFT_BIT_WIDTH and CFG. */
typedef struct P4SimPie {
    uint8_t q[8][16];
    uint8_t qacc[64];
    int64_t xacc;
    uint8_t ua_state[16];
    uint32_t sar, sar_bytes, fft_bit_width, cfg;
} P4SimPie;
void p4sim_get_pie(const P4Sim *s, P4SimPie *out);
void p4sim_set_pie(P4Sim *s, const P4SimPie *in);

#endif
