/*
 * cfg.c - control-flow analyses: reverse post-order, dominators (Cooper,
 * Harvey and Kennedy's iterative algorithm), natural loops.
 */
#include <stdlib.h>
#include <string.h>

#include "jit/ir.h"

static uint32_t rpo(Ir *ir, int32_t *order);

/* Reverse post-order of the blocks reachable from block 0; returns the count.
 * Blocks not reached are marked dead. Kept in ir->rpo until the graph
 * changes. */
uint32_t ir_rpo(Ir *ir, int32_t *order)
{
    if (!ir->rpo_ok) {
        if (ir->caprpo < ir->nblocks + 1) {
            free(ir->rpo);
            ir->caprpo = ir->nblocks + 16;
            ir->rpo = malloc(ir->caprpo * sizeof *ir->rpo);
            if (!ir->rpo) {
                ir->caprpo = 0;
                return rpo(ir, order); /* no room to keep it */
            }
        }
        ir->nrpo = rpo(ir, ir->rpo);
        ir->rpo_ok = !ir->oom;
    }
    for (uint32_t i = 0; i < ir->nrpo; i++)
        order[i] = ir->rpo[i];
    return ir->nrpo;
}

static uint32_t rpo(Ir *ir, int32_t *order)
{
    uint32_t n = ir->nblocks, count = 0;
    IrTmpMark m = ir_tmp_mark(ir);
    uint8_t *state = ir_tmp0(ir, n ? n : 1);      /* 0 new, 1 on stack, 2 done */
    int32_t *stack = ir_tmp(ir, (n + 1) * sizeof *stack);
    uint32_t *next = ir_tmp0(ir, (n ? n : 1) * sizeof *next);
    if (!state || !stack || !next) {
        ir->oom = true;
        ir_tmp_release(ir, m);
        return 0;
    }
    uint32_t sp = 0;
    stack[sp++] = 0;
    state[0] = 1;
    int32_t *post = order; /* filled backwards below */
    while (sp) {
        int32_t b = stack[sp - 1];
        IrBlock *bl = &ir->blocks[b];
        if (next[b] < bl->nsucc) {
            int32_t s = bl->succ[next[b]++];
            if (!state[s]) {
                state[s] = 1;
                stack[sp++] = s;
            }
        } else {
            state[b] = 2;
            post[count++] = b;
            sp--;
        }
    }
    for (uint32_t i = 0; i < count / 2; i++) {
        int32_t t = post[i];
        post[i] = post[count - 1 - i];
        post[count - 1 - i] = t;
    }
    for (uint32_t b = 0; b < n; b++)
        ir->blocks[b].dead = state[b] == 0;
    ir_tmp_release(ir, m);
    return count;
}

static int32_t intersect(const int32_t *idom, const int32_t *rpo_index, int32_t a, int32_t b)
{
    while (a != b) {
        while (rpo_index[a] > rpo_index[b])
            a = idom[a];
        while (rpo_index[b] > rpo_index[a])
            b = idom[b];
    }
    return a;
}

void ir_dominators(Ir *ir)
{
    if (ir->dom_ok)
        return;
    uint32_t n = ir->nblocks;
    IrTmpMark m = ir_tmp_mark(ir);
    int32_t *order = ir_tmp(ir, (n + 1) * sizeof *order), *index = ir_tmp(ir, (n + 1) * sizeof *index),
            *idom = ir_tmp(ir, (n + 1) * sizeof *idom);
    if (!order || !index || !idom) {
        ir->oom = true;
        ir_tmp_release(ir, m);
        return;
    }
    uint32_t cnt = ir_rpo(ir, order);
    for (uint32_t i = 0; i < n; i++)
        index[i] = INT32_MAX, idom[i] = -1;
    for (uint32_t i = 0; i < cnt; i++)
        index[order[i]] = (int32_t)i;
    idom[0] = 0;
    for (bool changed = true; changed;) {
        changed = false;
        for (uint32_t i = 1; i < cnt; i++) {
            int32_t b = order[i], nd = -1;
            IrBlock *bl = &ir->blocks[b];
            for (uint32_t p = 0; p < bl->npreds; p++) {
                int32_t q = bl->preds[p];
                if (idom[q] < 0)
                    continue;
                nd = nd < 0 ? q : intersect(idom, index, q, nd);
            }
            if (nd != idom[b]) {
                idom[b] = nd;
                changed = true;
            }
        }
    }
    for (uint32_t b = 0; b < n; b++)
        ir->blocks[b].idom = b == 0 ? -1 : idom[b];
    ir->dom_ok = !ir->oom;
    ir_tmp_release(ir, m);
}

bool ir_dominates(const Ir *ir, int32_t a, int32_t b)
{
    for (; b >= 0; b = ir->blocks[b].idom)
        if (b == a)
            return true;
    return false;
}

/* The blocks of h's natural loop (ir_loop_blocks), listed in list[] (room
 * for nblocks); in[] must be clear and gets them marked. The list lets
 * ir_loops visit a loop's blocks without a walk of all blocks per loop.
 * Returns the count. */
static uint32_t loop_list(const Ir *ir, int32_t h, uint8_t *in, int32_t *list)
{
    uint32_t n = 0;
    in[h] = 1, list[n++] = h;
    const IrBlock *hb = &ir->blocks[h];
    for (uint32_t p = 0; p < hb->npreds; p++) {
        int32_t t = hb->preds[p];
        if (ir_dominates(ir, h, t) && !in[t])
            in[t] = 1, list[n++] = t;
    }
    for (uint32_t i = 1; i < n; i++) { /* the list is the work queue too */
        const IrBlock *bl = &ir->blocks[list[i]];
        for (uint32_t p = 0; p < bl->npreds; p++) {
            int32_t q = bl->preds[p];
            if (!in[q] && !ir->blocks[q].dead)
                in[q] = 1, list[n++] = q;
        }
    }
    return n;
}

/* Natural loops: for each back edge t -> h (h dominates t), every block that
 * reaches t without passing h is in h's loop. Sets loop_depth and the
 * innermost loop_head. Needs ir_dominators. */
void ir_loops(Ir *ir)
{
    if (ir->loops_ok && ir->dom_ok)
        return;
    uint32_t n = ir->nblocks;
    IrTmpMark m = ir_tmp_mark(ir);
    int32_t *work = ir_tmp(ir, (n + 1) * sizeof *work);
    uint8_t *in = ir_tmp(ir, n + 1);
    int32_t *heads = ir_tmp(ir, (n + 1) * sizeof *heads);
    if (!work || !in || !heads) {
        ir->oom = true;
        ir_tmp_release(ir, m);
        return;
    }
    for (uint32_t b = 0; b < n; b++)
        ir->blocks[b].loop_depth = 0, ir->blocks[b].loop_head = -1;
    /* Outer loops first: a header dominating another is processed before it,
     * so the innermost header is written last. Headers in block order do this
     * for the structured code the compiler produces; a dominance sort makes
     * it hold in general. */
    uint32_t nheads = 0;
    for (uint32_t h = 0; h < n; h++) {
        IrBlock *hb = &ir->blocks[h];
        if (hb->dead)
            continue;
        for (uint32_t p = 0; p < hb->npreds; p++)
            if (ir_dominates(ir, (int32_t)h, hb->preds[p])) {
                heads[nheads++] = (int32_t)h;
                break;
            }
    }
    for (uint32_t i = 1; i < nheads; i++) /* insertion sort by dominance depth */
        for (uint32_t j = i; j > 0 && ir_dominates(ir, heads[j], heads[j - 1]); j--) {
            int32_t t = heads[j];
            heads[j] = heads[j - 1];
            heads[j - 1] = t;
        }
    memset(in, 0, n);
    for (uint32_t k = 0; k < nheads; k++) {
        int32_t h = heads[k];
        uint32_t nloop = loop_list(ir, h, in, work);
        for (uint32_t i = 0; i < nloop; i++) {
            int32_t b = work[i];
            ir->blocks[b].loop_depth++;
            ir->blocks[b].loop_head = h;
            in[b] = 0; /* clear again for the next loop */
        }
    }
    ir->loops_ok = !ir->oom;
    ir_tmp_release(ir, m);
}

bool ir_counted_loop(const Ir *ir, int32_t h, IrCounted *out)
{
    const IrBlock *hb = &ir->blocks[h];
    if (hb->npreds != 2 || hb->nsucc != 2 || hb->nins < 2)
        return false;
    const IrIns *br = &ir->ins[hb->ins[hb->nins - 1]];
    if (br->op != IR_BR || br->a < 0 || ir->ins[br->a].op != IR_CMP)
        return false;
    const IrIns *cmp = &ir->ins[br->a];
    int32_t p = cmp->a, body = hb->succ[0];
    if (p < 0 || ir->ins[p].op != IR_PHI || ir->ins[p].block != h || ir->blocks[body].npreds != 1 ||
        cmp->b < 0)
        return false;
    const IrIns *phi = &ir->ins[p];
    int32_t init = -1, next = -1, latch = -1;
    for (uint32_t i = 0; i < 2; i++) {
        int32_t op = ir->lists[phi->list + (int32_t)i];
        if (op < 0)
            return false;
        if (ir_dominates(ir, h, hb->preds[i]))
            next = op, latch = hb->preds[i];
        else
            init = op;
    }
    if (init < 0 || next < 0)
        return false;
    const IrIns *add = &ir->ins[next];
    if (add->op != IR_ADD && add->op != IR_ADDO)
        return false;
    int32_t k = add->a == p ? add->b : add->b == p ? add->a : -1;
    if (k < 0 || ir->ins[k].op != IR_CONST || ir->ins[k].k.i == 0 || add->block < 0 ||
        !ir_dominates(ir, body, add->block))
        return false;
    int32_t step = ir->ins[k].k.i;
    IrCond cc = (IrCond)cmp->aux;
    if (!(step > 0 && (cc == CC_LT || cc == CC_LE)) && !(step < 0 && (cc == CC_GT || cc == CC_GE)))
        return false;
    *out = (IrCounted){p, init, next, cmp->b, br->a, step, cc, body, hb->succ[1], latch};
    return true;
}

uint32_t ir_loop_blocks(const Ir *ir, int32_t h, uint8_t *in, int32_t *work)
{
    memset(in, 0, ir->nblocks);
    return loop_list(ir, h, in, work); /* (the list in work goes unread) */
}

static bool in_blocks(const Ir *ir, const uint8_t *in, int32_t v)
{
    return v >= 0 && ir->ins[v].block >= 0 && in[ir->ins[v].block];
}

IrAffine ir_affine(const Ir *ir, const uint8_t *in, int32_t k, int32_t v, bool checked)
{
    const IrIns *x = &ir->ins[v];
    IrAffine no = {-1, -1, false};
    if (v == k)
        return (IrAffine){-1, -1, true};
    bool mul = x->op == IR_MUL || (checked && x->op == IR_MULO);
    bool add = x->op == IR_ADD || (checked && x->op == IR_ADDO);
    for (int swap = 0; swap < 2 && (mul || add); swap++) {
        int32_t y = swap ? x->b : x->a, o = swap ? x->a : x->b; /* y varies, o is fixed */
        if (o < 0 || in_blocks(ir, in, o))
            continue;
        if (mul && y == k)
            return (IrAffine){o, -1, true};
        if (add && in_blocks(ir, in, y)) {
            IrAffine ay = ir_affine(ir, in, k, y, checked);
            if (ay.ok && ay.off < 0)
                return (IrAffine){ay.scale, o, true};
        }
    }
    return no;
}
