/*
 * rega.h - the register allocator's interface (rega.c): a target names its
 * allocatable registers, the allocator gives every value a location.
 */
#ifndef P4_JIT_REGA_H
#define P4_JIT_REGA_H

#include "jit/ir.h"

enum { LOC_NONE, LOC_REG, LOC_STACK };

typedef struct RegaLoc {
    uint8_t kind;   /* LOC_* */
    uint8_t reg;    /* x or f register number */
    uint16_t slot;  /* stack slot (4 bytes each) */
} RegaLoc;

typedef struct RegaTarget {
    const uint8_t *x_caller, *x_callee, *f_caller, *f_callee;
    uint32_t nx_caller, nx_callee, nf_caller, nf_callee;
    uint8_t x_arg0, f_arg0, x_ret, f_ret; /* a call's first argument registers and result registers */
    uint32_t x_narrow;  /* bit r: x register r fits the narrow register fields (PIE's) */
} RegaTarget;

typedef struct RegaResult {
    RegaLoc *loc;        /* per value (caller-allocated, ir->nins entries) */
    uint32_t *pos;       /* per value: its position (allocated here) */
    uint32_t nslots;
    bool reuse_slots;    /* set by the caller: a slot whose interval ended may be taken again */
    uint64_t used_callee; /* bit r: x register r, bit 32+r: f register r */
    bool has_calls;
} RegaResult;

/* order: the blocks in layout order; fused[v]: a compare emitted as part of
 * its branch (no location of its own). */
bool jit_rega(Ir *ir, const int32_t *order, uint32_t norder, const uint8_t *fused, const RegaTarget *t,
              RegaResult *r);

#endif
