/*
 * version.c - loop versioning: a check-free copy of a counted loop.
 *
 * In `for k in range(n): acc += a[i*K + k] * b[k*N + j]` every index is an
 * affine function of k, scale*k + off with scale and off fixed before the
 * loop, and so is every checked add and multiply that computes one. Such a
 * value moves in one direction as k runs from its first to its last value,
 * so it overflows or leaves [0, len) on some iteration only if it does at
 * one of the two ends. Before the loop, a guard evaluates each of these
 * checks at both ends; when none can fail, a copy of the loop without them
 * runs, otherwise the original. Checks the guard does not cover stay in
 * both copies, so the errors raised are always the interpreter's.
 *
 * Candidates: innermost counted loops (ir_counted_loop) entered from one
 * preheader, left only through the header's exit edge into a block with no
 * other predecessor, without calls or runtime helpers, and not too large;
 * not a loop of constant count that runs only on a bail-out (bailout_only).
 * Values of the loop used after it meet in new phis at the exit.
 *
 * Affine values: the induction variable k; mul(k, s) with s invariant;
 * add(x, o) with x one of those and o invariant (operands either way
 * round). Covered checks: addo and mulo that compute an affine value,
 * index and bound whose index is affine and length invariant, and check
 * of an invariant flag (licm.c).
 */
#include <stdlib.h>
#include <string.h>

#include "jit/ir.h"
#include "jit/jit_int.h"

enum { MAX_LOOP_INS = 400, SMALL_INDEX = 1 << 24 };


typedef struct Loop {
    Ir *ir;
    int32_t h, pre;
    IrCounted c;
    uint8_t *in;     /* per block: in the loop */
    int32_t *map;    /* per value: its copy */
    int32_t *bmap;   /* per block: its copy */
} Loop;

static bool inside(const Loop *l, int32_t v) { return v >= 0 && l->ir->ins[v].block >= 0 && l->in[l->ir->ins[v].block]; }
static bool invariant(const Loop *l, int32_t v) { return v >= 0 && !inside(l, v); }

/* The affine form of v in the loop's counter. */
static IrAffine affine(const Loop *l, int32_t v) { return ir_affine(l->ir, l->in, l->c.phi, v, true); }

/* An accumulator: v = addo(p, d) with p a phi of the header whose value
 * around the loop is v, and d of small range (*lo, *hi); the loop counts
 * up by one (so it runs at most bound - init times). */
static bool accumulator(const Loop *l, int32_t v, int32_t *phi, int64_t *lo, int64_t *hi)
{
    const Ir *ir = l->ir;
    const IrIns *in = &ir->ins[v];
    if (in->op != IR_ADDO || l->c.step != 1 || (l->c.cc != CC_LT && l->c.cc != CC_LE))
        return false;
    for (int swap = 0; swap < 2; swap++) {
        int32_t p = swap ? in->b : in->a, d = swap ? in->a : in->b;
        const IrIns *pi = &ir->ins[p];
        if (pi->op != IR_PHI || pi->block != l->h)
            continue;
        const IrBlock *hb = &ir->blocks[l->h];
        bool carried = false;
        for (uint32_t i = 0; i < hb->npreds; i++)
            carried |= hb->preds[i] == l->c.latch && ir->lists[pi->list + (int32_t)i] == v;
        if (carried && ir_small_range(ir, d, lo, hi)) {
            *phi = p;
            return true;
        }
    }
    return false;
}

/* Does the guard cover check v? */
static bool covered(const Loop *l, int32_t v)
{
    const IrIns *in = &l->ir->ins[v];
    int32_t phi;
    int64_t lo, hi;
    switch ((IrOp)in->op) {
    case IR_ADDO: return affine(l, v).ok || accumulator(l, v, &phi, &lo, &hi);
    case IR_MULO: return affine(l, v).ok;
    case IR_INDEX: case IR_BOUND: return invariant(l, in->a) && inside(l, in->b) && affine(l, in->b).ok;
    case IR_CHECK: return invariant(l, in->a);
    default: return false;
    }
}

static int32_t flag(Ir *ir, int32_t b, IrOp checked, int32_t x, int32_t y)
{
    int32_t f = ir_add_before_term(ir, b, IR_OVF, TY_BOOL, x, y, -1);
    ir->ins[f].aux = (uint8_t)checked;
    return f;
}

/* The value of affine v at k = kk, computed in the preheader; *any
 * collects the overflow flags of the computation. */
static int32_t at(Loop *l, int32_t v, int32_t kk, int32_t *any)
{
    Ir *ir = l->ir;
    IrAffine a = affine(l, v);
    int32_t x = kk;
    if (a.scale >= 0) {
        *any = ir_add_before_term(ir, l->pre, IR_OR, TY_BOOL, *any, flag(ir, l->pre, IR_MULO, kk, a.scale), -1);
        x = ir_add_before_term(ir, l->pre, IR_MUL, TY_INT, kk, a.scale, -1);
    }
    if (a.off >= 0) {
        *any = ir_add_before_term(ir, l->pre, IR_OR, TY_BOOL, *any, flag(ir, l->pre, IR_ADDO, x, a.off), -1);
        x = ir_add_before_term(ir, l->pre, IR_ADD, TY_INT, x, a.off, -1);
    }
    return x;
}

/* The guard: non-zero when some covered check could fail. */
static int32_t guard(Loop *l, const int32_t *checks, uint32_t n)
{
    Ir *ir = l->ir;
    int32_t any = ir_const_int(ir, -1, 0);
    ir->ins[any].type = TY_BOOL;
    ir_move_ins(ir, any, l->pre);
    /* the ends: the first value, and the last one the test lets through */
    int32_t last = l->c.bound;
    if (l->c.cc == CC_LT || l->c.cc == CC_GT) {
        int32_t one = ir_const_int(ir, -1, 1);
        ir_move_ins(ir, one, l->pre);
        IrOp op = l->c.cc == CC_LT ? IR_SUBO : IR_ADDO;
        any = ir_add_before_term(ir, l->pre, IR_OR, TY_BOOL, any, flag(ir, l->pre, op, last, one), -1);
        last = ir_add_before_term(ir, l->pre, op == IR_SUBO ? IR_SUB : IR_ADD, TY_INT, last, one, -1);
    }
    int32_t ends[2] = {l->c.init, last}, trips = -1;
    for (uint32_t i = 0; i < n; i++) {
        /* operands by value: adding instructions moves ir->ins */
        IrOp op = (IrOp)ir->ins[checks[i]].op;
        int32_t opa = ir->ins[checks[i]].a, opb = ir->ins[checks[i]].b;
        if (op == IR_CHECK) {
            any = ir_add_before_term(ir, l->pre, IR_OR, TY_BOOL, any, opa, -1);
            continue;
        }
        int32_t phi;
        int64_t lo, hi;
        if (op == IR_ADDO && !affine(l, checks[i]).ok && accumulator(l, checks[i], &phi, &lo, &hi)) {
            /* after j <= trips iterations the sum is within init + trips *
             * [min(lo, 0), max(hi, 0)]: both ends must fit */
            if (trips < 0) {
                int32_t one = ir_const_int(ir, -1, 1);
                ir_move_ins(ir, one, l->pre);
                any = ir_add_before_term(ir, l->pre, IR_OR, TY_BOOL, any, flag(ir, l->pre, IR_SUBO, last, l->c.init), -1);
                trips = ir_add_before_term(ir, l->pre, IR_SUB, TY_INT, last, l->c.init, -1);
                any = ir_add_before_term(ir, l->pre, IR_OR, TY_BOOL, any, flag(ir, l->pre, IR_ADDO, trips, one), -1);
                trips = ir_add_before_term(ir, l->pre, IR_ADD, TY_INT, trips, one, -1);
            }
            int32_t init = -1;
            const IrBlock *hb = &ir->blocks[l->h];
            for (uint32_t p = 0; p < hb->npreds; p++)
                if (hb->preds[p] == l->pre)
                    init = ir->lists[ir->ins[phi].list + (int32_t)p];
            int64_t ends2[2] = {lo < 0 ? lo : 0, hi > 0 ? hi : 0};
            for (int e = 0; e < 2; e++) {
                int32_t k = ir_const_int(ir, -1, (int32_t)ends2[e]);
                ir_move_ins(ir, k, l->pre);
                any = ir_add_before_term(ir, l->pre, IR_OR, TY_BOOL, any, flag(ir, l->pre, IR_MULO, trips, k), -1);
                int32_t most = ir_add_before_term(ir, l->pre, IR_MUL, TY_INT, trips, k, -1);
                any = ir_add_before_term(ir, l->pre, IR_OR, TY_BOOL, any, flag(ir, l->pre, IR_ADDO, init, most), -1);
            }
            continue;
        }
        int32_t ilo, ihi;
        if ((op == IR_BOUND || op == IR_INDEX) && ir_value_range(ir, opb, &ilo, &ihi) && ilo >= 0 &&
            ihi < SMALL_INDEX) {
            /* range.c bounds the index on every iteration of every loop
             * around (conv2d: loops over constants): one test of its largest
             * value, the same for all entries of the loop, which licm takes
             * out. It is stronger than testing the ends, so it can only send
             * more runs to the checked copy; a bound that small comes from
             * constants and is what the index reaches, not a loose one
             * (matmul's, from arguments, is 2**31 - 1: the ends are tested) */
            int32_t k = ir_const_int(ir, -1, ihi);
            ir_move_ins(ir, k, l->pre);
            any = ir_add_before_term(ir, l->pre, IR_OR, TY_BOOL, any, flag(ir, l->pre, IR_BOUND, opa, k), -1);
            continue;
        }
        for (int e = 0; e < 2; e++) {
            if (op == IR_ADDO || op == IR_MULO)
                at(l, checks[i], ends[e], &any); /* its own flag is the last one at() adds */
            else {
                int32_t len = opa, idx = at(l, opb, ends[e], &any);
                any = ir_add_before_term(ir, l->pre, IR_OR, TY_BOOL, any, flag(ir, l->pre, IR_BOUND, len, idx), -1);
            }
        }
    }
    return any;
}

/* ir_copy_blocks's renaming: a value made in the copied blocks becomes its copy */
typedef struct Region {
    const uint8_t *in;  /* per block below nb (the blocks before the copy) */
    const int32_t *map;
    uint32_t nb;
} Region;

static void remap(Ir *ir, int32_t *slot, void *ctx)
{
    const Region *g = ctx;
    int32_t b = *slot >= 0 ? ir->ins[*slot].block : -1;
    if (b >= 0 && (uint32_t)b < g->nb && g->in[b] && g->map[*slot] >= 0)
        *slot = g->map[*slot];
}

int32_t ir_copy_blocks(Ir *ir, const uint8_t *in, int32_t *map, int32_t *bmap, int32_t h)
{
    uint32_t nb = ir->nblocks, ni = ir->nins;
    for (uint32_t b = 0; b < nb; b++) {
        if (!in[b])
            continue;
        int32_t c = ir_new_block(ir, ir->blocks[b].bc_start);
        if (c < 0)
            return -1;
        bmap[b] = c;
    }
    for (uint32_t b = 0; b < nb; b++) {
        if (!in[b])
            continue;
        int32_t c = bmap[b];
        for (uint32_t i = 0; i < ir->blocks[b].nins; i++) {
            int32_t v = ir->blocks[b].ins[i];
            IrIns src = ir->ins[v];
            int32_t w = ir_add(ir, c, (IrOp)src.op, (IrType)src.type, src.a, src.b, src.c);
            if (ir->oom)
                return -1;
            IrIns *d = &ir->ins[w];
            d->aux = src.aux, d->nargs = src.nargs, d->k = src.k, d->nw = src.nw, d->pc = src.pc;
            memcpy(d->w, src.w, sizeof d->w);
            ir_copy_deopt_map(ir, w, &src);
            if (src.op == IR_PHI) {
                int32_t list = ir_list_alloc(ir, ir->blocks[b].npreds);
                if (ir->oom)
                    return -1;
                for (uint32_t p = 0; p < ir->blocks[b].npreds; p++)
                    ir->lists[list + (int32_t)p] = ir->lists[ir->ins[v].list + (int32_t)p];
                ir->ins[w].list = list;
            }
            map[v] = w;
        }
        IrBlock *ob = &ir->blocks[b], *cb = &ir->blocks[c];
        cb->npreds = ob->npreds, cb->nsucc = ob->nsucc;
        cb->cold = ob->cold;
        for (uint32_t p = 0; p < ob->npreds; p++)
            cb->preds[p] = in[ob->preds[p]] ? bmap[ob->preds[p]] : ob->preds[p];
        for (uint32_t s = 0; s < ob->nsucc; s++)
            cb->succ[s] = in[ob->succ[s]] ? bmap[ob->succ[s]] : ob->succ[s];
        cb->sealed = cb->filled = true;
        ir_cfg_changed(ir);
    }
    Region g = {in, map, nb};
    for (uint32_t v = ni; v < ir->nins; v++)
        if (ir->ins[v].block >= 0)
            ir_for_operands(ir, (int32_t)v, remap, &g);
    return bmap[h];
}

/* Copies the loop; returns the copy of the header, or -1. */
static int32_t copy_loop(Loop *l) { return ir_copy_blocks(l->ir, l->in, l->map, l->bmap, l->h); }

/* Each copy gets a block of its own on the way in from pre, so what later
 * passes put before a loop (sr's pointers, licm's hoisted values) runs
 * only when that copy is entered. */
static void entry_blocks(Ir *ir, int32_t pre)
{
    for (int s = 0; s < 2; s++) {
        int32_t head = ir->blocks[pre].succ[s];
        int32_t e = ir_new_block(ir, ir->blocks[head].bc_start);
        if (e < 0)
            return;
        int32_t j = ir_add(ir, e, IR_JMP, TY_VOID, -1, -1, -1);
        ir->ins[j].pc = ir->blocks[head].bc_start;
        IrBlock *eb = &ir->blocks[e], *hb = &ir->blocks[head];
        eb->preds[0] = pre, eb->npreds = 1;
        eb->succ[0] = head, eb->nsucc = 1;
        eb->sealed = eb->filled = true;
        eb->loop_depth = ir->blocks[pre].loop_depth;
        for (uint32_t p = 0; p < hb->npreds; p++)
            if (hb->preds[p] == pre)
                hb->preds[p] = e;
        ir->blocks[pre].succ[s] = e;
    }
}

/* Below this many iterations a run skips the guard and takes the checked
 * loop: the guard (20 to 40 instructions after licm) costs more than the
 * checks it saves (bench/small_shapes.py: rows of 1 to 3 inputs). */
enum { FEW_TRIPS = 4 };

/* A block of its own for the guard between pre and the header (the loop's
 * new l->pre), so that pre can send a run of few iterations past it. */
static int32_t guard_block(Loop *l)
{
    Ir *ir = l->ir;
    int32_t g = ir_new_block(ir, ir->blocks[l->h].bc_start);
    if (g < 0)
        return -1;
    int32_t j = ir_add(ir, g, IR_JMP, TY_VOID, -1, -1, -1);
    if (ir->oom)
        return -1;
    ir->ins[j].pc = ir->blocks[l->h].bc_start;
    IrBlock *gb = &ir->blocks[g], *pb = &ir->blocks[l->pre], *hb = &ir->blocks[l->h];
    gb->preds[0] = l->pre, gb->npreds = 1;
    gb->succ[0] = l->h, gb->nsucc = 1;
    gb->sealed = gb->filled = true;
    gb->loop_depth = pb->loop_depth;
    pb->succ[0] = g; /* (pre has one successor) */
    for (uint32_t p = 0; p < hb->npreds; p++)
        if (hb->preds[p] == l->pre)
            hb->preds[p] = g;
    ir_cfg_changed(ir);
    l->pre = g;
    return g;
}

/* The guard vector.c made for loop l (ir->tested: a dot product's scalar
 * tail), or -1. It tests every check of the loop, so all covered ones may
 * go; made before the loop (it dominates the preheader). */
static int32_t tested(const Loop *l)
{
    const Ir *ir = l->ir;
    for (uint32_t i = 0; i < ir->ntested; i++) {
        int32_t g = ir->tested[i].guard, b = g >= 0 ? ir->ins[g].block : -1;
        if (ir->tested[i].header == l->h && b >= 0 && ir_dominates(ir, b, l->pre))
            return g;
    }
    return -1;
}

/* pre -> entry (the checked loop's entry block) when the loop runs fewer
 * than FEW_TRIPS times, else -> the guard's block (its one successor now). */
static void few_trips_bypass(Loop *l, int32_t pre, int32_t entry)
{
    Ir *ir = l->ir;
    if (l->c.step != 1 || l->c.cc != CC_LT)
        return;
    int32_t trips = ir_add_before_term(ir, pre, IR_SUB, TY_INT, l->c.bound, l->c.init, -1); /* (a wrap can only pick the checked loop) */
    int32_t k = ir_const_int(ir, -1, FEW_TRIPS);
    if (ir->oom)
        return;
    ir_move_ins(ir, k, pre);
    int32_t few = ir_add_before_term(ir, pre, IR_CMP, TY_BOOL, trips, k, -1);
    IrBlock *pb = &ir->blocks[pre];
    int32_t jmp = pb->ins[pb->nins - 1];
    if (ir->oom || ir->ins[jmp].op != IR_JMP || ir->blocks[entry].npreds >= IR_MAX_PREDS)
        return;
    ir->ins[few].aux = (uint8_t)CC_LT;
    ir->ins[jmp].op = IR_BR;
    ir->ins[jmp].a = few;
    pb->succ[1] = pb->succ[0], pb->succ[0] = entry, pb->nsucc = 2;
    IrBlock *eb = &ir->blocks[entry];
    eb->preds[eb->npreds++] = pre;
    ir_cfg_changed(ir);
}

/* A loop that runs only on a bail-out gets no check-free copy: the scalar
 * copy of a vector loop entered once per output vector (IrBlock.cold,
 * vector_copy.c), which runs only when a check of the lanes fails. Its
 * copy and guard, which licm takes out into the loops around, cost
 * registers and code there on every entry and save nothing (vec22, p4sim
 * --trace: no iteration of these loops in lib/p4nn's c1 kernel, conv1d or
 * a CHW conv; MNIST's c1 278,023 -> 257,953 cycles with vector_entry.c's
 * guards at any depth, which the 574 bytes saved make room for). Only
 * for a constant count (MNIST's ky, a CHW conv's kx): with a count known
 * at run time (a conv's channels, matmul's k) the loops
 * around were also faster without the copy on most shapes, but conv1d
 * +6%, matmul 64^3 +4.9% and HWC convs with 48 or 64 filters up to +1.2%,
 * where the allocator then gives PIE's pointers registers PIE cannot name
 * (bench/RESULTS.md, vec22). */
static bool bailout_only(const Ir *ir, const Loop *l)
{
    return ir->blocks[l->h].cold && ir->ins[l->c.init].op == IR_CONST && ir->ins[l->c.bound].op == IR_CONST;
}

/* A loop inside another of constant count below FEW_TRIPS: few_trips_bypass
 * would send every run to the checked loop, so its copy would never run. */
static bool never_past_bypass(const Ir *ir, const Loop *l)
{
    const IrIns *init = &ir->ins[l->c.init], *bound = &ir->ins[l->c.bound];
    return l->c.step == 1 && l->c.cc == CC_LT && init->op == IR_CONST && bound->op == IR_CONST &&
           init->type == TY_INT && bound->type == TY_INT && (int64_t)bound->k.i - init->k.i < FEW_TRIPS;
}

static bool version_loop(Ir *ir, int32_t h, uint8_t *in, uint32_t cap, int32_t *map, int32_t *bmap)
{
    Loop l = {ir, h, -1, {0}, in, map, bmap};
    if (!ir_counted_loop(ir, h, &l.c))
        return false;
    if (bailout_only(ir, &l))
        return false;
    uint32_t nb = ir->nblocks, count = 0;
    int32_t *work = ir_tmp(ir, (nb + 1) * sizeof *work); /* version_loop's tables: released by its caller */
    if (!work)
        return false;
    if (ir->nblocks > cap)
        return false;
    /* in[] has room for the blocks added: the copy's, its entry blocks and the guard's */
    if (ir->nblocks + ir_loop_blocks(ir, h, in, work) + 3 > cap)
        return false;
    /* innermost, one entry, one exit */
    const IrBlock *hb = &ir->blocks[h];
    for (uint32_t p = 0; p < hb->npreds; p++)
        if (!in[hb->preds[p]])
            l.pre = hb->preds[p];
    const IrBlock *xb = &ir->blocks[l.c.exit];
    if (l.pre < 0 || ir->blocks[l.pre].nsucc != 1 || in[l.c.exit] || xb->npreds != 1 ||
        (xb->nins && ir->ins[xb->ins[0]].op == IR_PHI) || inside(&l, l.c.init) || inside(&l, l.c.bound))
        return false;
    for (uint32_t b = 0; b < nb; b++) {
        if (!in[b])
            continue;
        const IrBlock *bl = &ir->blocks[b];
        if (bl->loop_head != h)
            return false;
        for (uint32_t s = 0; s < bl->nsucc; s++)
            if (!in[bl->succ[s]] && !((int32_t)b == h && bl->succ[s] == l.c.exit))
                return false;
        for (uint32_t i = 0; i < bl->nins; i++) {
            int32_t v = bl->ins[i];
            const IrIns *x = &ir->ins[v];
            if (x->op == IR_CALL || x->op == IR_CALLRT ||
                (ir->extra && (uint32_t)v < ir->capextra && (ir->extra[v].native || ir->extra[v].callee)))
                return false;
        }
        count += bl->nins;
    }
    if (count > MAX_LOOP_INS)
        return false;
    /* the covered checks (ir_loop_blocks took nested loops in, and any
     * block of one has another loop_head: rejected above) */
    int32_t *checks = ir_tmp(ir, (count + 1) * sizeof *checks);
    uint32_t nchecks = 0;
    if (!checks)
        return false;
    for (uint32_t b = 0; b < nb; b++)
        for (uint32_t i = 0; in[b] && i < ir->blocks[b].nins; i++)
            if (covered(&l, ir->blocks[b].ins[i]))
                checks[nchecks++] = ir->blocks[b].ins[i];
    bool done = false;
    if (nchecks > 0) {
        /* The way past the guard only for a loop inside another loop: one
         * entered once a call saves at most one guard a call, and the branch
         * and block cost code in every function (the MNIST model's 16 KB:
         * tests/p4nn/bitexact --budget) */
        bool nested = ir->blocks[l.pre].loop_depth > 0;
        int32_t head = l.pre, g = tested(&l);
        if (nested && g < 0 && never_past_bypass(ir, &l))
            return false;
        if (g < 0) { /* (a guard made already needs no block of its own, nor a way past it) */
            if (nested && guard_block(&l) < 0)
                return false;
            g = guard(&l, checks, nchecks);
        }
        int32_t h2 = ir->oom ? -1 : copy_loop(&l);
        int32_t *to = h2 >= 0 && !ir->oom ? ir_tmp(ir, (2 * (size_t)ir->nins + 1) * sizeof *to) : NULL;
        if (to) {
            uint32_t nbefore = ir->nins;
            for (uint32_t v = 0; v < 2 * nbefore + 1; v++)
                to[v] = -1;
            /* the copy drops the covered checks */
            for (uint32_t i = 0; i < nchecks; i++) {
                int32_t c = map[checks[i]];
                IrIns *x = &ir->ins[c];
                if (x->op == IR_ADDO || x->op == IR_MULO) {
                    x->op = x->op == IR_ADDO ? IR_ADD : IR_MUL;
                    ir_drop_failure(x);
                } else {
                    if (x->op == IR_INDEX) /* its value is the index itself */
                        to[c] = x->b;
                    ir_remove_ins(ir, c);
                }
            }
            for (uint32_t b = nb; b < ir->nblocks; b++)
                for (uint32_t j = 0; j < ir->blocks[b].nins; j++)
                    ir_for_operands(ir, ir->blocks[b].ins[j], ir_forward, to);
            /* enter the copy when the guard is zero */
            IrBlock *pb = &ir->blocks[l.pre];
            int32_t jmp = pb->ins[pb->nins - 1];
            ir->ins[jmp].op = IR_BR;
            ir->ins[jmp].a = g;
            pb->succ[0] = h, pb->succ[1] = h2, pb->nsucc = 2;
            entry_blocks(ir, l.pre);
            if (head != l.pre)
                few_trips_bypass(&l, head, ir->blocks[l.pre].succ[0]);
            /* the exit joins both copies: loop values used after it meet in
             * phis, which every use outside both copies takes instead */
            IrBlock *x = &ir->blocks[l.c.exit];
            x->preds[x->npreds++] = h2;
            ir_cfg_changed(ir);
            uint32_t first_phi = ir->nins;
            for (uint32_t b = 0; b < nb; b++) {
                if (!in[b])
                    continue;
                for (uint32_t i = 0; i < ir->blocks[b].nins; i++) {
                    int32_t v = ir->blocks[b].ins[i];
                    IrType t = (IrType)ir->ins[v].type;
                    if (!ir_opinfo[ir->ins[v].op].has_result || t == TY_VOID || t == TY_NONE)
                        continue;
                    int32_t phi = ir_add(ir, l.c.exit, IR_PHI, t, -1, -1, -1);
                    int32_t list = ir_list_alloc(ir, 2);
                    if (ir->oom || (uint32_t)phi >= 2 * nbefore + 1)
                        break;
                    int32_t copy = to[map[v]] >= 0 ? to[map[v]] : map[v]; /* a dropped index */
                    ir->lists[list] = v, ir->lists[list + 1] = copy;
                    ir->ins[phi].list = list;
                    to[v] = phi;
                }
            }
            for (uint32_t b = 0; b < nb && !ir->oom; b++) {
                if (in[b])
                    continue;
                for (uint32_t j = 0; j < ir->blocks[b].nins; j++) {
                    int32_t v = ir->blocks[b].ins[j];
                    if ((uint32_t)v < first_phi)
                        ir_for_operands(ir, v, ir_forward, to);
                }
            }
            done = !ir->oom;
        }
    }
    return done;
}

void ir_version(Ir *ir)
{
    ir_dominators(ir);
    ir_loops(ir);
    uint32_t nb = ir->nblocks, n = ir->nins;
    /* the copy can at most double the function; arrays sized for that */
    IrTmpMark m = ir_tmp_mark(ir);
    /* copies add blocks: each loop of k blocks (k >= 2) adds k + 3 (the
     * copy, two entry blocks, the guard's), so at most 2.5 nb in all */
    uint32_t cap = 4 * nb + 8;
    uint8_t *in = ir_tmp0(ir, cap);
    int32_t *map = ir_tmp(ir, (n + 1) * sizeof *map), *bmap = ir_tmp(ir, (nb + 1) * sizeof *bmap);
    int32_t *heads = ir_tmp(ir, (nb + 1) * sizeof *heads);
    uint32_t nheads = 0;
    if (!in || !map || !bmap || !heads) {
        ir->oom = true;
        goto out;
    }
    for (uint32_t b = 0; b < nb; b++)
        if (ir->blocks[b].loop_head == (int32_t)b && !ir->blocks[b].dead)
            heads[nheads++] = (int32_t)b;
    for (uint32_t i = 0; i < nheads && !ir->oom; i++) {
        for (uint32_t v = 0; v < n; v++)
            map[v] = -1;
        for (uint32_t b = 0; b < nb; b++)
            bmap[b] = -1;
        /* values and blocks made by an earlier versioning are past n and nb:
         * the loops they belong to are never candidates again */
        IrTmpMark loop_mark = ir_tmp_mark(ir);
        version_loop(ir, heads[i], in, cap, map, bmap);
        ir_tmp_release(ir, loop_mark);
    }
out:
    ir_tmp_release(ir, m);
}
