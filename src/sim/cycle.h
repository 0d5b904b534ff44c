/*
 * cycle.h - table-driven timing model of the ESP32-P4 HP core.
 *
 * No pipeline figures are published (../shared/reference/esp32p4.md), so every
 * number lives in one table in cycle.c and is explained, with its calibration
 * against ESP-DSP's published cycle counts, in docs/p4sim.md ("The cycle
 * model").
 */
#ifndef P4_SIM_CYCLE_H
#define P4_SIM_CYCLE_H

#include <stdbool.h>
#include <stdint.h>

/* Instruction classes: the unit of the latency table and of --stats' mix. */
enum CyClass {
    CY_ALU, CY_BRANCH, CY_LOAD, CY_STORE, CY_MUL, CY_DIV, CY_FPU, CY_FDIV,
    CY_JUMP, CY_CSR, CY_PIE_LDST, CY_PIE_MAC, CY__COUNT
};

typedef struct CyParams {
    uint8_t issue[CY__COUNT];   /* cycles the instruction occupies the issue stage */
    uint8_t result[CY__COUNT];  /* cycles until its result can be used by the next insn */
    uint8_t mispredict;         /* branch mispredict penalty (pipeline refill) */
    uint8_t taken_branch;       /* extra cycles for a taken branch predicted taken */
    uint8_t taken_jump;         /* extra cycles for a taken jal/jalr (fetch redirect) */
    uint8_t cache_miss;         /* L1 miss penalty when the cache model is on */
} CyParams;

extern const CyParams cy_params;

typedef struct CyState {
    uint64_t ready[64];         /* cycle at which x0..x31, f0..f31 become available */
    uint8_t bht[1024];          /* 2-bit bimodal branch predictor, indexed by pc */
    uint32_t dtag[1024];        /* direct-mapped tag store approximating the D-cache */
    bool cache;
} CyState;

void cy_reset(CyState *c, bool cache);

/* Cycle cost bookkeeping for one instruction: src register ids (0..63, 0 = none
 * for x0), dst id (-1 none). Returns the new cycle count. */
static inline uint64_t cy_issue(CyState *c, uint64_t now, int cls, int s1, int s2, int s3, int dst)
{
    uint64_t t = now;
    if (c->ready[s1] > t) t = c->ready[s1];
    if (c->ready[s2] > t) t = c->ready[s2];
    if (c->ready[s3] > t) t = c->ready[s3];
    if (dst > 0) c->ready[dst] = t + cy_params.result[cls];
    return t + cy_params.issue[cls];
}

/* Conditional branch at pc: returns the extra cycles (mispredict penalty). */
static inline unsigned cy_branch(CyState *c, uint32_t pc, bool taken)
{
    uint8_t *e = &c->bht[(pc >> 1) & 1023];
    bool predicted = *e >= 2;
    if (taken && *e < 3) (*e)++;
    if (!taken && *e > 0) (*e)--;
    return predicted == taken ? (taken ? cy_params.taken_branch : 0) : cy_params.mispredict;
}

static inline unsigned cy_mem(CyState *c, uint32_t addr)
{
    if (!c->cache) return 0;
    uint32_t line = addr >> 6, *t = &c->dtag[line & 1023];
    if (*t == line + 1) return 0;
    *t = line + 1;
    return cy_params.cache_miss;
}

#endif
