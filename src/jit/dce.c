/*
 * dce.c - dead-code elimination: values nobody uses and that have no effect
 * (pure operations, phis, loads) are removed, repeatedly, so a chain of
 * dead computations goes at once. Instructions that can fail stay even when
 * unused: the exception they would raise is an effect.
 */
#include <stdlib.h>

#include "jit/ir.h"

static void count_use(Ir *ir, int32_t *slot, void *ctx)
{
    ir->ins[*slot].uses++;
}

/* Recounts IrIns.uses over the live blocks. */
void ir_count_uses(Ir *ir)
{
    for (uint32_t v = 0; v < ir->nins; v++)
        ir->ins[v].uses = 0;
    for (uint32_t bi = 0; bi < ir->nblocks; bi++) {
        IrBlock *b = &ir->blocks[bi];
        if (b->dead)
            continue;
        for (uint32_t i = 0; i < b->nins; i++)
            ir_for_operands(ir, b->ins[i], count_use, NULL);
    }
}

static bool removable(const IrIns *in)
{
    uint8_t f = ir_opinfo[in->op].flags;
    if (in->op == IR_CALLRT)
        return in->aux != H__COUNT; /* the range length fails for step 0 */
    return (f & IR_PURE) || in->op == IR_PHI || in->op == IR_ALOAD || in->op == IR_ALEN || in->op == IR_ADATA;
}

void ir_dce(Ir *ir)
{
    for (bool changed = true; changed;) {
        changed = false;
        ir_count_uses(ir);
        for (uint32_t bi = 0; bi < ir->nblocks; bi++) {
            IrBlock *b = &ir->blocks[bi];
            if (b->dead)
                continue;
            for (uint32_t i = 0; i < b->nins; i++) {
                int32_t v = b->ins[i];
                IrIns *in = &ir->ins[v];
                /* a phi used only by itself is dead too */
                bool self_only = false;
                if (in->op == IR_PHI && in->uses > 0 && in->list >= 0) {
                    uint32_t self = 0;
                    for (uint32_t p = 0; p < b->npreds; p++)
                        self += ir->lists[in->list + (int32_t)p] == v;
                    self_only = self == (uint32_t)in->uses;
                }
                if ((in->uses == 0 || self_only) && removable(in)) {
                    ir_remove_ins(ir, v);
                    i--;
                    changed = true;
                }
            }
        }
    }
}
