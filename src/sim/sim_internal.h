/* sim_internal.h - the simulator state shared by sim.c, elf.c and semihost.c. */
#ifndef P4_SIM_INTERNAL_H
#define P4_SIM_INTERNAL_H

#include "rv32/rv32.h"
#include "sim/cycle.h"
#include "sim/pie_exec.h"
#include "sim/sim.h"

/* Memory regions: both maps at once, so one ELF linked for either runs.
 * Facts: QEMU virt RAM at 0x80000000 (the picolibc link in rv32-toolchain.md
 * uses 2 MB flash + 16 MB RAM there); P4 L2MEM 0x4FF00000-0x4FFC0000 and TCM
 * 8 KB at 0x30100000 (esp32p4.md, soc.h). */
typedef P4SimPie PieState;

typedef struct Region {
    const char *name;
    uint32_t base, size;
    uint8_t *mem;
    bool no_simd;         /* PIE (128-bit) accesses fault here (the TCM) */
    struct SimOp **code;  /* decode cache: one page of ops per 4 KB, on demand */
} Region;

enum { SIM_NREGIONS = 3, SIM_PAGE_SHIFT = 12 };

/* A pre-decoded instruction (decode cache entry): everything the run loop
 * needs, computed once (sim.c, decode_at). A zeroed entry is "not decoded
 * yet" (handler 0). */
typedef struct SimOp {
    uint8_t h;                  /* handler (sim.c), 0 = not decoded yet */
    uint8_t h0;                 /* H_LPEND (a loop's last instruction): its own handler */
    uint8_t sub;                /* the operation of a handler shared by several ops */
    uint8_t rd, rs1, rs2, rs3, rm;
    uint8_t len;                /* 2 (compressed) or 4 */
    uint8_t cls, mix;           /* enum CyClass; --stats mix class */
    uint8_t issue, result;      /* cy_params of the class */
    uint8_t cs1, cs2, cs3, cd;  /* scoreboard ids (cycle.h), 0 = none */
    uint16_t csr;
    int32_t imm;                /* branches and jal: the target address */
    uint32_t word;              /* raw bits (for trap reports) */
} SimOp;

enum { SIM_MAXFILES = 32 };
typedef struct SimFile {
    int kind;         /* 0 free, 1 stdin, 2 stdout, 3 stderr, 4 host file, 5 features */
    FILE *fp;
    uint32_t pos;     /* features file position */
} SimFile;

struct P4Sim {
    uint32_t x[32], f[32], pc;
    uint32_t fflags, frm;
    uint32_t mstatus, mtvec, mepc, mcause, mtval, mscratch, mie, mip;
    uint32_t hwlp[6], pie_state, hwlp_state;  /* loop 0 start/end/count, loop 1 (CSRs 0x7c6..) */
    bool lp_warned;          /* a loop was set up with a count below 2 (warned once) */
    uint32_t lp_marked[2];   /* pcs whose decode-cache entries are H_LPEND (1: none) */
    PieState pie;
    uint64_t pie_ready[PIE_RDY_COUNT]; /* cycle model: when q0-q7, QACC, XACC are ready */
    uint32_t resv_addr; bool resv;
    uint32_t guard_lo, guard_len; /* the stack guard (cfg.stack_guard at __heap_end): accesses fault */
    Region reg[SIM_NREGIONS];
    P4SimConfig cfg;
    P4SimStats stats;
    CyState cy;
    bool loaded, exited;
    int exit_code;
    uint32_t entry;
    char *cmdline;
    SimFile files[SIM_MAXFILES];
    int sh_errno;
    /* trap report */
    uint32_t trap_cause, trap_tval;
    const char *trap_what;
};

Region *sim_region(P4Sim *s, uint32_t addr, uint32_t len);
void sim_drop_code(P4Sim *s);  /* forget every decoded instruction (fence.i, a new load) */
void sim_lp_remark(P4Sim *s);  /* hardware loops changed: re-mark their last instructions */
int sim_semihost(P4Sim *s, uint32_t op, uint32_t arg, uint32_t *ret);
void sim_console(P4Sim *s, int fd, const char *p, size_t n);

#endif
