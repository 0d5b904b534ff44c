/*
 * cse.c - common-subexpression elimination: dominator-scoped value
 * numbering over the whole function.
 *
 * Blocks are visited in reverse post-order, so a block's dominators come
 * first. An instruction equal to an earlier one (same op, type, condition,
 * operands and constant) whose block dominates it is replaced by that one.
 * Pure operations qualify, and so do checked ones with no other effect
 * (addo, mulo, index, fdiv...): the dominating copy ran first on the same
 * operands, so if it did not fail, the copy would not either; that holds
 * for the bare checks `bound` and `check` too. A `bound` of a constant index
 * also goes when a dominating one tested a larger constant against the same
 * length (nbody: `c[6]` read before `c[3]`). Loads, stores and calls never
 * qualify. An array's length and data pointer (alen, adata) qualify only
 * between calls in one block when the function makes calls: a callee may
 * run the interpreter, which can resize the array (ir_block_calls).
 */
#include <stdlib.h>
#include <string.h>

#include "jit/ir.h"

static bool candidate(const IrIns *in)
{
    switch ((IrOp)in->op) {
    case IR_PHI: case IR_PARAM: case IR_UNDEF: case IR_CALLRT: case IR_ALOAD: case IR_ASTORE: case IR_CALL:
        return false;
    case IR_BOUND: case IR_CHECK: /* checks without a value: passed once, passed again */
        return true;
    default: {
        uint8_t f = ir_opinfo[in->op].flags;
        return ir_opinfo[in->op].has_result && !(f & (IR_SIDE | IR_TERM)) && (f & (IR_PURE | IR_FAILS));
    }
    }
}

static bool commutative(const IrIns *in)
{
    switch ((IrOp)in->op) {
    case IR_ADD: case IR_MUL: case IR_AND: case IR_OR: case IR_XOR: case IR_ADDO: case IR_MULO:
    case IR_FADD: case IR_FMUL: case IR_FMIN: case IR_FMAX:
        return true;
    case IR_CMP: case IR_FCMP:
        return in->aux == CC_EQ || in->aux == CC_NE;
    default:
        return false;
    }
}

static uint32_t hash(const IrIns *in)
{
    uint32_t h = in->op * 0x9e3779b1u ^ in->type * 0x85ebca6bu ^ in->aux * 0xc2b2ae35u;
    h = (h ^ (uint32_t)in->a) * 0x27d4eb2fu;
    h = (h ^ (uint32_t)in->b) * 0x165667b1u;
    h = (h ^ (uint32_t)in->c) * 0x9e3779b1u;
    if (in->op == IR_CONST)
        h = (h ^ (uint32_t)in->k.i) * 0x85ebca6bu;
    return h ^ h >> 15;
}

static bool same(const IrIns *x, const IrIns *y)
{
    return x->op == y->op && x->type == y->type && x->aux == y->aux && x->a == y->a && x->b == y->b &&
           x->c == y->c && (x->op != IR_CONST || x->k.i == y->k.i);
}


enum { MAX_BOUNDS = 64 };

/* A bound of a constant index dominated by one of a constant at least as
 * large on the same length. */
static bool subsumed(const Ir *ir, const IrIns *in, const int32_t *bounds, uint32_t n)
{
    const IrIns *k = &ir->ins[in->b];
    if (k->op != IR_CONST)
        return false;
    for (uint32_t i = 0; i < n; i++) {
        const IrIns *e = &ir->ins[bounds[i]];
        if (e->a == in->a && ir->ins[e->b].k.i >= k->k.i && ir_dominates(ir, e->block, in->block))
            return true;
    }
    return false;
}

void ir_cse(Ir *ir)
{
    int32_t bounds[MAX_BOUNDS]; /* bounds of constant indices seen */
    uint32_t nbounds = 0;
    uint32_t n = ir->nins, cap = 16;
    while (cap < 2 * n)
        cap *= 2;
    IrTmpMark m = ir_tmp_mark(ir);
    int32_t *order = ir_tmp(ir, (ir->nblocks + 1) * sizeof *order);
    int32_t *to = ir_tmp(ir, (n + 1) * sizeof *to), *table = ir_tmp(ir, cap * sizeof *table);
    uint32_t *calls_before = ir_tmp(ir, (n + 1) * sizeof *calls_before); /* alen/adata: calls earlier in the block */
    bool calls = ir_block_calls(ir, -1);
    if (!order || !to || !table || !calls_before) {
        ir->oom = true;
        goto out;
    }
    for (uint32_t v = 0; v < n; v++)
        to[v] = -1;
    for (uint32_t i = 0; i < cap; i++)
        table[i] = -1;
    ir_dominators(ir);
    uint32_t norder = ir_rpo(ir, order);
    for (uint32_t k = 0; k < norder; k++) {
        IrBlock *b = &ir->blocks[order[k]];
        uint32_t kept = 0; /* replaced instructions leave the list as it is walked */
        uint32_t ncalls = 0;
        for (uint32_t i = 0; i < b->nins; i++) {
            int32_t v = b->ins[i];
            IrIns *in = &ir->ins[v];
            b->ins[kept++] = v;
            ir_for_operands(ir, v, ir_forward, to);
            ncalls += in->op == IR_CALL;
            calls_before[v] = ncalls;
            if (!candidate(in))
                continue;
            /* one operand order for commutative ops: a constant second (where
             * the emitter takes immediates from), else the lower number first */
            if (commutative(in) && in->a >= 0 && in->b >= 0) {
                bool ka = ir->ins[in->a].op == IR_CONST, kb = ir->ins[in->b].op == IR_CONST;
                if (ka != kb ? ka : in->a > in->b) {
                    int32_t t = in->a;
                    in->a = in->b, in->b = t;
                }
            }
            if (in->op == IR_BOUND && subsumed(ir, in, bounds, nbounds)) {
                ir_drop(ir, v);
                kept--;
                continue;
            }
            if (in->op == IR_BOUND && ir->ins[in->b].op == IR_CONST && nbounds < MAX_BOUNDS)
                bounds[nbounds++] = v;
            uint32_t slot = hash(in) & (cap - 1);
            int32_t found = -1;
            for (; table[slot] >= 0; slot = (slot + 1) & (cap - 1)) {
                const IrIns *e = &ir->ins[table[slot]];
                if (same(e, in) && ir_dominates(ir, e->block, in->block)) {
                    found = table[slot];
                    break;
                }
            }
            bool resizable = calls && (in->op == IR_ALEN || in->op == IR_ADATA);
            if (found >= 0 && resizable &&
                (ir->ins[found].block != in->block || calls_before[found] != ncalls)) {
                table[slot] = v; /* a call between: v is the one later copies may take */
                continue;
            }
            if (found < 0) {
                table[slot] = v; /* slot is the empty one ending the probe */
                continue;
            }
            to[v] = found;
            ir_drop(ir, v);
            kept--;
        }
        b->nins = kept;
    }
    for (uint32_t bi = 0; bi < ir->nblocks; bi++)
        for (uint32_t i = 0; i < ir->blocks[bi].nins; i++)
            ir_for_operands(ir, ir->blocks[bi].ins[i], ir_forward, to);
out:
    ir_tmp_release(ir, m);
}
