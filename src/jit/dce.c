/*
 * dce.c - dead-code elimination: values nobody uses and that have no effect
 * (pure operations, phis, loads) are removed, and so are the values that
 * only they used (a worklist), so a chain of dead computations goes at once. Instructions that can fail stay even when
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

bool ir_removable(const IrIns *in)
{
    uint8_t f = ir_opinfo[in->op].flags;
    if (in->op == IR_CALLRT)
        return in->aux != H__COUNT; /* the range length fails for step 0 */
    return (f & IR_PURE) || in->op == IR_PHI || in->op == IR_ALOAD || in->op == IR_ALEN || in->op == IR_ADATA;
}

/* Use counts once, then a worklist: removing a dead value lowers its
 * operands' counts, and an operand that drops to zero goes on the list. */
typedef struct Work {
    int32_t *list;
    uint32_t n;
} Work;

static void unuse(Ir *ir, int32_t *slot, void *ctx)
{
    Work *w = ctx;
    IrIns *in = &ir->ins[*slot];
    if (--in->uses == 0 && in->block >= 0 && ir_removable(in))
        w->list[w->n++] = *slot;
}

static bool dead(const Ir *ir, int32_t v)
{
    const IrIns *in = &ir->ins[v];
    if (in->block < 0 || !ir_removable(in))
        return false;
    if (in->uses == 0)
        return true;
    if (in->op != IR_PHI || in->list < 0) /* a phi used only by itself is dead too */
        return false;
    const IrBlock *b = &ir->blocks[in->block];
    int32_t self = 0;
    for (uint32_t p = 0; p < b->npreds; p++)
        self += ir->lists[in->list + (int32_t)p] == v;
    return self == in->uses;
}

void ir_dce(Ir *ir)
{
    ir_count_uses(ir);
    IrTmpMark m = ir_tmp_mark(ir);
    Work w = {ir_tmp(ir, (2 * (size_t)ir->nins + 2) * sizeof(int32_t)), 0}; /* a self-used phi: twice */
    if (!w.list) {
        ir->oom = true;
        return;
    }
    for (uint32_t bi = 0; bi < ir->nblocks; bi++) {
        const IrBlock *b = &ir->blocks[bi];
        for (uint32_t i = 0; !b->dead && i < b->nins; i++)
            if (dead(ir, b->ins[i]))
                w.list[w.n++] = b->ins[i];
    }
    /* each value is listed at most once: when listed it is dead, and it is
     * removed (block -1) before its operands are looked at */
    while (w.n) {
        int32_t v = w.list[--w.n];
        if (ir->ins[v].block < 0 || !dead(ir, v))
            continue;
        ir_for_operands(ir, v, unuse, &w); /* before removal turns it into a nop */
        ir_remove_ins(ir, v);
        ir->ins[v].uses = 0;
    }
    ir_tmp_release(ir, m);
}
