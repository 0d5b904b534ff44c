/*
 * verify.c - the IR's single-assignment rule checked (-X ir-verify=on):
 * every operand is made where it is available. A non-phi's operand is made
 * in a block that dominates the user's block (earlier in the block when it
 * is the same one); a phi's operand for predecessor p is made in a block
 * that dominates p. A pass that breaks it leaves code that reads a register
 * nothing wrote, which a later pass may hide (licm moving the value out)
 * or not; so the check runs after each stage, not only at the end.
 * Only what dce would keep is checked: a pass may leave values nothing
 * reads (version.c's exit phis for every value of a loop) for dce to take.
 * Reads of void values (a local unassigned on some path: IR_UNDEF and the
 * phis of it) are not checked: they are never emitted, since a function
 * still reading one is refused after the passes (jit.c, maybe_unbound),
 * and version.c gives them no exit phis.
 */
#include <stdio.h>
#include <string.h>
#include "jit/jit_int.h"

/* what dce would keep: the values that cannot go, and what they read */
typedef struct Need {
    uint8_t *kept;
    int32_t *work;
    uint32_t n;
} Need;

static void need(Ir *ir, int32_t *slot, void *ctx)
{
    Need *k = ctx;
    if (*slot >= 0 && (uint32_t)*slot < ir->nins && !k->kept[*slot])
        k->kept[*slot] = 1, k->work[k->n++] = *slot;
}

static void mark_kept(Ir *ir, Need *k)
{
    for (uint32_t b = 0; b < ir->nblocks; b++)
        for (uint32_t i = 0; !ir->blocks[b].dead && i < ir->blocks[b].nins; i++) {
            int32_t v = ir->blocks[b].ins[i];
            if (!ir_removable(&ir->ins[v]))
                need(ir, &v, k);
        }
    while (k->n)
        ir_for_operands(ir, k->work[--k->n], need, k);
}

typedef struct Check {
    const int32_t *pos;  /* an instruction's place in its block */
    int32_t user, block; /* the instruction whose operands are walked, and where it is */
    bool at_end;         /* a phi's operand: read where its edge leaves block */
    uint32_t bad;
    const char *stage, *function;
} Check;

static void report(Ir *ir, Check *c, int32_t v, const char *why)
{
    if (c->bad++ < 8)
        fprintf(stderr, "ir-verify: %s, after %s: v%d (block %d, pc %u) reads v%d (block %d%s): %s\n", c->function,
                c->stage, (int)c->user, (int)c->block, (unsigned)ir->ins[c->user].pc, (int)v, (int)ir->ins[v].block,
                ir->ins[v].op == IR_CONST ? ", a constant" : "", why);
}

/* build.c's value of a local unassigned on some path (see above) */
static bool unassigned(const IrIns *in)
{
    return in->op == IR_UNDEF || (in->op == IR_PHI && in->type == TY_VOID);
}

static void operand(Ir *ir, int32_t *slot, void *ctx)
{
    Check *c = ctx;
    int32_t v = *slot, d = v >= 0 && (uint32_t)v < ir->nins ? ir->ins[v].block : -2;
    if (d == -2) {
        if (c->bad++ < 8)
            fprintf(stderr, "ir-verify: %s, after %s: v%d reads v%d: no such value\n", c->function, c->stage,
                    (int)c->user, (int)v);
        return;
    }
    if (d < 0) /* constants and arguments: made before the first block */
        return;
    if (unassigned(&ir->ins[v]))
        return;
    if (ir->blocks[d].dead)
        return report(ir, c, v, "made in a dead block");
    if (c->pos[v] < 0)
        return report(ir, c, v, "not in its block's list");
    if (d == c->block ? !c->at_end && c->pos[v] >= c->pos[c->user] : !ir_dominates(ir, d, c->block))
        report(ir, c, v, "not available there");
}

bool ir_verify(Ir *ir, const char *stage, const char *function)
{
    if (ir->oom)
        return true;
    IrTmpMark m = ir_tmp_mark(ir);
    int32_t *pos = ir_tmp(ir, (ir->nins + 1) * sizeof *pos);
    Need k = {ir_tmp0(ir, ir->nins + 1), ir_tmp(ir, (ir->nins + 1) * sizeof(int32_t)), 0};
    if (!pos || !k.kept || !k.work) {
        ir_tmp_release(ir, m);
        return true;
    }
    ir_dominators(ir);
    mark_kept(ir, &k);
    Check c = {pos, -1, -1, false, 0, stage, function};
    memset(pos, 0xff, (ir->nins + 1) * sizeof *pos);
    for (uint32_t b = 0; b < ir->nblocks; b++)
        for (uint32_t i = 0; i < ir->blocks[b].nins; i++)
            if ((int32_t)b == ir->ins[ir->blocks[b].ins[i]].block)
                pos[ir->blocks[b].ins[i]] = (int32_t)i;
    for (uint32_t b = 0; b < ir->nblocks; b++) {
        IrBlock *bl = &ir->blocks[b];
        if (bl->dead)
            continue;
        for (uint32_t i = 0; i < bl->nins; i++) {
            int32_t v = bl->ins[i];
            IrIns *in = &ir->ins[v];
            if (!k.kept[v])
                continue;
            c.user = v;
            c.at_end = in->op == IR_PHI;
            if (!c.at_end) {
                c.block = (int32_t)b;
                ir_for_operands(ir, v, operand, &c);
                continue;
            }
            for (uint32_t p = 0; p < bl->npreds; p++) { /* each operand where its edge leaves */
                int32_t *slot = &ir->lists[in->list + (int32_t)p];
                c.block = bl->preds[p];
                if (*slot >= 0 && !ir->blocks[c.block].dead)
                    operand(ir, slot, &c);
            }
        }
    }
    ir_tmp_release(ir, m);
    return c.bad == 0;
}
