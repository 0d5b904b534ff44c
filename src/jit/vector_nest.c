/*
 * vector_nest.c - a loop nest copied and chosen at its entry by a test made
 * once (vec8's row-length versions of a dense layer, vec12's conv nests
 * with 16 taps per load when a run-time channel count allows).
 */
#include <string.h>
#include "jit/jit_int.h"
#include "jit/vector_int.h"

void nest_used_in(Ir *ir, int32_t *slot, void *ctx)
{
    NestUse *u = ctx;
    int32_t b = *slot >= 0 ? ir->ins[*slot].block : -1;
    u->used |= b >= 0 && (uint32_t)b < u->nb && u->in2[b];
}

bool nest_copyable(const Vec *x, const uint8_t *in2, NestCopy *S)
{
    Ir *ir = x->ir;
    uint32_t nb = ir->nblocks;
    S->exit = -1;
    for (uint32_t b = 0; b < nb; b++) {
        if (!in2[b])
            continue;
        const IrBlock *bl = &ir->blocks[b];
        for (uint32_t k = 0; k < bl->nsucc; k++) {
            if (in2[bl->succ[k]])
                continue;
            if ((S->from_header && (int32_t)b != S->oh) || (S->exit >= 0 && S->exit != bl->succ[k]))
                return false;
            S->exit = bl->succ[k];
        }
    }
    if (S->exit < 0)
        return false;
    const IrBlock *xb = &ir->blocks[S->exit];
    uint32_t exits = 0;
    for (uint32_t p = 0; p < xb->npreds; p++)
        exits += in2[xb->preds[p]];
    if (xb->npreds + exits > IR_MAX_PREDS || (xb->nins && ir->ins[xb->ins[0]].op == IR_PHI))
        return false;
    for (uint32_t v = 0; v < ir->nins; v++) {
        int32_t b = ir->ins[v].block;
        if (b >= 0 && (uint32_t)b < nb && in2[b] &&
            (ir->ins[v].op == IR_CALLRT || /* (ir_copy_blocks copies no call's extra) */
             (ir->extra && v < ir->capextra && (ir->extra[v].native || ir->extra[v].callee))))
            return false;
        if (b < 0 || ((uint32_t)b < nb && in2[b]))
            continue;
        NestUse u = {in2, nb, false};
        ir_for_operands(ir, (int32_t)v, nest_used_in, &u);
        if (u.used)
            return false;
    }
    return true;
}

int32_t nest_copy(Vec *x, NestCopy *S, const uint8_t *in2, int32_t h)
{
    Ir *ir = x->ir;
    uint32_t nb = ir->nblocks, ni = ir->nins, pc = ir->blocks[S->oh].bc_start;
    IrTmpMark m = ir_tmp_mark(ir);
    int32_t *map = ir_tmp(ir, (ni + 1) * sizeof *map), *bmap = ir_tmp(ir, (nb + 1) * sizeof *bmap);
    int32_t oh2 = -1, h2 = -1;
    S->jv = -1;
    if (map && bmap) {
        memset(map, 0xff, (ni + 1) * sizeof *map);
        memset(bmap, 0xff, (nb + 1) * sizeof *bmap);
        oh2 = ir_copy_blocks(ir, in2, map, bmap, S->oh);
        h2 = oh2 >= 0 ? bmap[h] : -1;
        S->jv = x->jv >= 0 && (uint32_t)x->jv < ni ? map[x->jv] : -1;
        /* the copy's edges out, into the one block after it */
        IrBlock *xb = &ir->blocks[S->exit];
        for (uint32_t p = 0, np = xb->npreds; h2 >= 0 && p < np; p++)
            if (in2[xb->preds[p]])
                xb->preds[xb->npreds++] = bmap[xb->preds[p]];
    }
    ir_tmp_release(ir, m);
    int32_t sel = h2 >= 0 && !ir->oom ? new_block(x, pc) : -1;
    if (sel < 0)
        return -1;
    /* entry -> sel -> the nest's header or its copy (the slot of entry in
     * each header's predecessors, so their phis keep their operands) */
    IrBlock *eb = &ir->blocks[S->entry], *sb = &ir->blocks[sel];
    for (uint32_t k = 0; k < eb->nsucc; k++)
        if (eb->succ[k] == S->oh)
            eb->succ[k] = sel;
    sb->preds[0] = S->entry, sb->npreds = 1;
    sb->succ[0] = S->oh, sb->succ[1] = oh2, sb->nsucc = 2;
    sb->loop_depth = eb->loop_depth;
    for (int k = 0; k < 2; k++) {
        IrBlock *hb = &ir->blocks[sb->succ[k]];
        for (uint32_t p = 0; p < hb->npreds; p++)
            if (hb->preds[p] == S->entry)
                hb->preds[p] = sel;
    }
    ir_cfg_changed(ir);
    x->cur = sel;
    return h2;
}

/* ---- conv nests: 16 taps per load when the run-time count allows (vec12) -----------
 *
 * In a nest deeper than one inner loop (a conv: ky, kx and the channels)
 * vec4b gives 16 taps per load only to inner loops whose count is a
 * constant of 16 or more: the 16-tap loop's invariants, which licm moves
 * out of the whole nest, make the rest of the nest spill, which below 16
 * channels costs more than the taps save (bench/layers.py, 3->16 128,228 ->
 * 161,225 modelled cycles). With a count known only at run time (conv
 * 16->32 with C an argument: 6 cycles per 16 MACs in the channel loop, 4
 * with taps) the outermost loop around the vector loop is copied, the copy
 * gets the taps, and the nest's entry runs it when the count is 16 or more
 * and the taps left after the 16-tap groups cost less than the groups save:
 * licm's invariants then live only in the copy. Both copies compute the
 * same thing; the test picks speed only.
 *
 * The choice, measured (conv3x3 6x6 with 32 filters, C from 16 to 40,
 * modelled cycles per (ky, kx) entry of an output vector against the nest
 * alone): n groups without a tail save about 19n - 7 cycles (C = 16: 12.6,
 * 32: 31.8); a tail of t channels costs about 13 + 2t (its loop's set-up,
 * and its lanes' pointer walks in a register PIE cannot name, so each tap
 * is 8 cycles instead of 6: rega's choice). So the copy when t == 0 or
 * 20n - 7 > 13 + 2t, i.e. 10 (n - 1) > t: C = 16, 32 to 41, 48 and
 * more (the measured gain at C = 36: 4.6%, 40: 1.6%; the loss at 18: 1.3%,
 * 24: 6.9%). */
/* v is a constant or made outside the blocks in in2 */
static bool made_before(const Ir *ir, const uint8_t *in2, int32_t v)
{
    int32_t k, b = ir->ins[v].block;
    return is_const(ir, v, &k) || b < 0 || !in2[b];
}

static int32_t outermost(const Ir *ir, int32_t h)
{
    for (;;) {
        int32_t up = ir->blocks[preheader(ir, h)].loop_head;
        if (up < 0)
            return h;
        h = up;
    }
}

/* No loop around the vector loop: the blocks from the vector copy's entry
 * (after the original loop's preheader, dominating the vector loop vh) to
 * the original loop's exit, which are the vector copy, its checks and
 * join, and the scalar loop. */
static bool vector_region(const Vec *x, int32_t vh, uint8_t *in2, NestCopy *S)
{
    const Ir *ir = x->ir;
    int32_t e = vh, xit = -1;
    while (ir->blocks[e].idom >= 0 && (uint32_t)ir->blocks[e].idom >= x->nb)
        e = ir->blocks[e].idom;
    const IrBlock *hb = &ir->blocks[x->h], *eb = &ir->blocks[e];
    for (uint32_t k = 0; k < hb->nsucc; k++)
        if ((uint32_t)hb->succ[k] >= x->nb || !x->in[hb->succ[k]])
            xit = hb->succ[k];
    if (xit < 0 || eb->npreds != 1 || ir->blocks[e].idom < 0 || !ir_dominates(ir, e, x->h))
        return false;
    for (uint32_t b = 0; b < ir->nblocks; b++)
        in2[b] = !ir->blocks[b].dead && ir_dominates(ir, e, (int32_t)b) && !ir_dominates(ir, xit, (int32_t)b);
    S->oh = e, S->entry = eb->preds[0], S->from_header = false;
    return true;
}

void vec_nest_taps(Vec *x, uint32_t first)
{
    Ir *ir = x->ir;
    ir_licm(ir); /* (as vec_block_taps: ir_affine wants the indices' offsets outside) */
    ir_dominators(ir);
    ir_loops(ir);
    IrTmpMark mark = ir_tmp_mark(ir);
    uint32_t nb = ir->nblocks;
    uint8_t *in2 = ir_tmp(ir, nb + 1);
    int32_t *work = ir_tmp(ir, (nb + 1) * sizeof *work);
    int32_t found = -1, init = -1, bound = -1, k;
    if (!in2 || !work)
        goto out;
    for (uint32_t b = first; b < nb; b++) {
        IrCounted c2;
        if (ir->blocks[b].loop_head != (int32_t)b || ir->blocks[b].dead || !vec_taps_fit(x, (int32_t)b, in2, work))
            continue;
        if (found >= 0 || !ir_counted_loop(ir, (int32_t)b, &c2) ||
            (is_const(ir, c2.init, &k) && is_const(ir, c2.bound, &k)))
            goto out; /* one loop of a run-time count */
        found = (int32_t)b, init = c2.init, bound = c2.bound;
    }
    if (found < 0)
        goto out;
    NestCopy S = {.oh = outermost(ir, found)};
    if (S.oh == outermost(ir, x->h)) { /* a loop around the vector loop: its nest */
        S.entry = preheader(ir, S.oh), S.from_header = true;
        ir_loop_blocks(ir, S.oh, in2, work);
    } else if (!vector_region(x, S.oh, in2, &S))
        goto out;
    if (!made_before(ir, in2, init) || !made_before(ir, in2, bound) || !nest_copyable(x, in2, &S))
        goto out;
    uint32_t copy = ir->nblocks, pc = ir->blocks[S.oh].bc_start;
    if (nest_copy(x, &S, in2, S.oh) < 0)
        goto out;
    /* (the branch's taken side, succ[0], is the copy: the test below
     * says when the taps pay) */
    IrBlock *sb = &ir->blocks[x->cur];
    int32_t orig = sb->succ[0];
    sb->succ[0] = sb->succ[1], sb->succ[1] = orig;
    /* n 16-tap groups and t taps left: the copy when t == 0 or 10 (n - 1) > t
     * (a wrap only picks a copy) */
    int32_t from = is_const(ir, init, &k) ? konst(x, k) : init;
    int32_t trips = emit(x, IR_SUB, TY_INT, bound, from, -1, pc);
    int32_t n = emit(x, IR_SHR, TY_INT, trips, konst(x, 4), -1, pc), t = emit(x, IR_AND, TY_INT, trips, konst(x, 15), -1, pc);
    int32_t pays = emit(x, IR_OR, TY_BOOL, cmp(x, CC_EQ, t, konst(x, 0)),
                        cmp(x, CC_GT, emit(x, IR_MUL, TY_INT, emit(x, IR_SUB, TY_INT, n, konst(x, 1), -1, pc), konst(x, 10), -1, pc), t),
                        -1, pc);
    emit(x, IR_BR, TY_VOID, emit(x, IR_AND, TY_BOOL, cmp(x, CC_GE, trips, konst(x, 16)), pays, -1, pc), -1, -1, pc);
    ir_tmp_release(ir, mark);
    int32_t jv = x->jv;
    x->jv = S.jv; /* (the copy's lanes, for a panel of its taps: vector_panel.c) */
    if (!ir->oom)
        vec_collapse_taps(x, copy);
    if (!ir->oom)
        vec_block_taps(x, copy, TAPS_ANY);
    x->jv = jv;
    return;
out:
    ir_tmp_release(ir, mark);
}
