/*
 * licm.c - loop-invariant code motion.
 *
 * A pure instruction in a loop whose operands are all defined outside the
 * loop computes the same value on every iteration: it moves to the loop's
 * preheader (the one block that enters the loop), where it runs once.
 * Inner loops go first, so an invariant of two nested loops climbs out of
 * both. Pure operations cannot fail, so running one that the loop would
 * not have run (zero iterations, a branch not taken) changes nothing
 * observable. Array length and data pointer count as pure in a loop
 * without calls: compiled code cannot resize an array, but a callee may
 * run the interpreter, which can. A check must not move (that would move the
 * exception), so an invariant checked add, sub, mul or bound is taken
 * apart first: the plain operation and a pure overflow flag (ovf), which
 * move out, and a check of the flag (one branch), which stays.
 *
 * A header entered from outside through a block that also goes elsewhere
 * gets a new preheader on that edge.
 */
#include <stdlib.h>
#include <string.h>

#include "jit/ir.h"

static bool hoistable(const IrIns *in, bool loop_calls)
{
    if (in->op == IR_PHI || in->op == IR_PARAM || in->op == IR_UNDEF)
        return false;
    if (loop_calls && (in->op == IR_ALEN || in->op == IR_ADATA))
        return false;
    return ir_opinfo[in->op].has_result && (ir_opinfo[in->op].flags & IR_PURE);
}

/* Is block b in the loop whose blocks in[] marks? */
static bool in_loop(const uint8_t *in, int32_t b) { return b >= 0 && in[b]; }

/* The block that enters loop h from outside, made when the only entering
 * block also branches elsewhere; -1 when the loop has several entries. */
static int32_t preheader(Ir *ir, const uint8_t *in, int32_t h)
{
    IrBlock *hb = &ir->blocks[h];
    int32_t pre = -1;
    uint32_t at = 0;
    for (uint32_t p = 0; p < hb->npreds; p++)
        if (!in_loop(in, hb->preds[p])) {
            if (pre >= 0)
                return -1;
            pre = hb->preds[p], at = p;
        }
    if (pre < 0 || ir->blocks[pre].nsucc == 1)
        return pre;
    /* split the edge pre -> h; h keeps the predecessor's position, so its
     * phis' operand lists stay as they are */
    int32_t nb = ir_new_block(ir, ir->blocks[h].bc_start);
    if (nb < 0)
        return -1;
    IrBlock *pb = &ir->blocks[pre], *n = &ir->blocks[nb];
    hb = &ir->blocks[h];
    for (uint32_t s = 0; s < pb->nsucc; s++)
        if (pb->succ[s] == h)
            pb->succ[s] = nb;
    hb->preds[at] = nb;
    n->preds[0] = pre, n->npreds = 1;
    n->succ[0] = h, n->nsucc = 1;
    n->sealed = n->filled = true;
    n->idom = pre;
    n->loop_head = ir->blocks[pre].loop_head;
    n->loop_depth = ir->blocks[pre].loop_depth;
    n->cold = ir->blocks[h].cold;
    ir_cfg_changed(ir);
    ir_add(ir, nb, IR_JMP, TY_VOID, -1, -1, -1);
    return ir->oom ? -1 : nb;
}

static bool outside(const Ir *ir, const uint8_t *in, int32_t v)
{
    return v < 0 || !in_loop(in, ir->ins[v].block);
}

static bool splittable(uint8_t op) { return op == IR_ADDO || op == IR_SUBO || op == IR_MULO || op == IR_BOUND; }

/* v (addo, subo, mulo, bound) -> plain op + ovf flag + check, in place. */
static void split_check(Ir *ir, int32_t v)
{
    IrIns *in = &ir->ins[v];
    IrOp op = (IrOp)in->op;
    int32_t flag = ir_add(ir, -1, IR_OVF, TY_BOOL, in->a, in->b, -1);
    int32_t chk = ir_add(ir, -1, IR_CHECK, TY_VOID, flag, -1, -1);
    if (ir->oom)
        return;
    in = &ir->ins[v];
    IrIns *c = &ir->ins[chk];
    ir->ins[flag].aux = (uint8_t)op;
    c->pc = in->pc, c->nw = in->nw;
    c->dm = in->dm, c->ndm = in->ndm; /* the check is where the op failed: its deopt map goes with it */
    for (int i = 0; i < 3; i++)
        c->w[i] = in->w[i];
    if (op == IR_BOUND) { /* no value: the bound becomes the flag, then the check */
        ir_insert_after(ir, flag, v);
        ir_insert_after(ir, chk, flag);
        ir_remove_ins(ir, v);
        ir_drop_failure(&ir->ins[v]); /* the map is the check's now */
        return;
    }
    in->op = op == IR_ADDO ? IR_ADD : op == IR_SUBO ? IR_SUB : IR_MUL;
    ir_drop_failure(in);
    ir_insert_after(ir, flag, v);
    ir_insert_after(ir, chk, flag);
}

void ir_licm(Ir *ir)
{
    uint32_t nb = ir->nblocks;
    IrTmpMark m = ir_tmp_mark(ir);
    int32_t *order = ir_tmp(ir, (nb + 1) * sizeof *order), *heads = ir_tmp(ir, (nb + 1) * sizeof *heads);
    /* room for the preheaders made on the way (at most one per loop); a
     * block made after a loop's blocks were marked is never in that loop */
    uint8_t *in = ir_tmp0(ir, 2 * nb + 2);
    int32_t *work = ir_tmp(ir, (2 * nb + 2) * sizeof *work);
    /* per block: its place in the order; its checked ops (addo, subo, mulo,
     * bound), the only instructions split_check takes apart. The counts
     * stay exact: a split takes one away, and what moves between blocks is
     * pure (hoisting) or new (the flag and its check) */
    uint32_t *place = ir_tmp(ir, (nb + 1) * sizeof *place), *nchecked = ir_tmp0(ir, (nb + 1) * sizeof *nchecked);
    if (!order || !heads || !in || !work || !place || !nchecked) {
        ir->oom = true;
        goto out;
    }
    ir_dominators(ir);
    ir_loops(ir);
    uint32_t norder = ir_rpo(ir, order), nheads = 0;
    for (uint32_t b = 0; b < nb; b++)
        place[b] = UINT32_MAX; /* unreachable: in no order */
    for (uint32_t k = 0; k < norder; k++) {
        const IrBlock *b = &ir->blocks[order[k]];
        if (b->loop_head == order[k])
            heads[nheads++] = order[k];
        place[order[k]] = k;
    }
    for (uint32_t k = 0; nheads && k < norder; k++) { /* (no loop: nothing to count for) */
        const IrBlock *b = &ir->blocks[order[k]];
        for (uint32_t i = 0; i < b->nins; i++)
            nchecked[order[k]] += splittable(ir->ins[b->ins[i]].op);
    }
    /* innermost first: deeper headers before shallower ones */
    for (uint32_t i = 1; i < nheads; i++)
        for (uint32_t j = i; j > 0 && ir->blocks[heads[j]].loop_depth > ir->blocks[heads[j - 1]].loop_depth; j--) {
            int32_t t = heads[j];
            heads[j] = heads[j - 1], heads[j - 1] = t;
        }
    /* per block of the order, asked once: does it call (2: not asked yet;
     * hoisting and splitting add no call) */
    uint8_t *calls = nheads ? ir_tmp(ir, nb + 1) : NULL;
    if (nheads && !calls) {
        ir->oom = true;
        goto out;
    }
    if (calls)
        memset(calls, 2, nb + 1);
    for (uint32_t q = 0; q < nheads && !ir->oom; q++) {
        int32_t h = heads[q], pre = -2;
        uint32_t nloop = ir_loop_blocks(ir, h, in, work);
        /* the loop's blocks in the order, listed once for the two walks:
         * the order is looked at only from the first of them to the last
         * (ir_loop_blocks lists them in work[], which then holds the list).
         * (Leaving out the blocks of an inner loop walked already would
         * change the code: a value can be used in a block its definition's
         * block does not dominate until an outer loop hoists it, so a use
         * may become invariant after its block was walked.) */
        uint32_t first = norder, last = 0;
        for (uint32_t k = 0; k < nloop; k++)
            if ((uint32_t)work[k] < nb && place[work[k]] < norder) { /* (nor is a preheader made on the way) */
                first = place[work[k]] < first ? place[work[k]] : first;
                last = place[work[k]] > last ? place[work[k]] : last;
            }
        int32_t *body = work;
        bool loop_calls = false;
        uint32_t nbody = 0;
        for (uint32_t k = first; k <= last && k < norder; k++)
            if (in[order[k]])
                body[nbody++] = order[k];
        for (uint32_t k = 0; k < nbody && !loop_calls; k++) {
            if (calls[body[k]] == 2)
                calls[body[k]] = ir_block_calls(ir, body[k]);
            loop_calls = calls[body[k]] != 0;
        }
        for (uint32_t k = 0; k < nbody; k++) {
            int32_t b = body[k];
            /* up to the block's last checked op (none: not walked) */
            for (uint32_t i = 0, left = nchecked[b]; left && i < ir->blocks[b].nins; i++) {
                int32_t v = ir->blocks[b].ins[i];
                const IrIns *x = &ir->ins[v];
                if (!splittable(x->op))
                    continue;
                left--;
                if (outside(ir, in, x->a) && outside(ir, in, x->b)) {
                    split_check(ir, v);
                    nchecked[b]--;
                }
            }
        }
        for (uint32_t k = 0; k < nbody; k++) {
            int32_t b = body[k];
            /* what stays is compacted in one walk: taking each hoisted value
             * out of the list on its own shifted the rest every time */
            int32_t *list = ir->blocks[b].ins;
            uint32_t n = ir->blocks[b].nins, kept = 0;
            for (uint32_t i = 0; i < n; i++) {
                int32_t v = list[i];
                const IrIns *x = &ir->ins[v];
                bool hoist = pre != -1 && hoistable(x, loop_calls) && outside(ir, in, x->a) && outside(ir, in, x->b) &&
                             outside(ir, in, x->c);
                if (hoist && pre == -2)
                    pre = preheader(ir, in, h);
                if (!hoist || pre < 0) {
                    list[kept++] = v;
                    continue;
                }
                ir->ins[v].block = -1; /* detached: ir_move_ins does not look for it in the list */
                ir_move_ins(ir, v, pre);
            }
            ir->blocks[b].nins = kept;
            if (pre == -1)
                break;
        }
    }
out:
    ir_tmp_release(ir, m);
}
