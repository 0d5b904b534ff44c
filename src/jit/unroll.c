/*
 * unroll.c - unrolls small innermost counted loops four times.
 *
 * `for k in range(n)` over a body of plain arithmetic and loads (after
 * versioning and strength reduction: matmul's `acc += a[p] * b[q]`) costs a
 * counter step, a pointer step per array and a branch on every iteration,
 * as much again as the work itself. A copy of the loop in front of it runs
 * the body four times per test while at least four iterations remain; the
 * original loop runs what is left:
 *
 *     pre -> UH: psi = phi(init, psi + 4 steps); psi.k < lim ? UB : h
 *            UB: the body four times, chained; jmp UH
 *     h (the original loop) takes psi where it took init.
 *
 * lim = max(n, INT32_MIN + 3) - 3 is exact: the copy runs only while k + 3
 * < n, and never when n is too small for n - 3. When both ends are
 * constants a multiple of four apart (conv2d's `range(C)`, C = 8), nothing
 * is left for the original loop, which goes. The copies need no checks
 * between them because the body has none (no instruction that can fail,
 * stores, or calls): every iteration the copy runs, the original would run
 * too, with the same values.
 *
 * Counters and pointers stepped by a constant are not stepped in each copy:
 * copy j uses the phi plus j steps, and a load from it takes the offset in
 * its constant index (`lb a4, 3(a0)`), so the four copies of
 * `p = p + 1` become one `p = p + 4`.
 *
 * Candidates: ir_counted_loop with step 1 and `<`, the header holding only
 * its phis and the test, one body block, at most MAX_BODY instructions.
 */
#include <string.h>

#include "jit/ir.h"

enum { UNROLL = 4, MAX_BODY = 24 };

/* A value in the copy being made: base plus a constant offset (off is 0
 * for everything but counters and pointers stepped by constants). */
typedef struct Val {
    int32_t base, off;
} Val;

typedef struct Unroll {
    Ir *ir;
    int32_t h, body, ub;   /* the loop's header and body; the copies' block */
    Val *val;              /* per original value: its value in the current copy */
    struct {
        Val at;
        int32_t v;
    } made[16];            /* base + offset values made in ub for this copy */
    uint32_t nmade;
} Unroll;

static bool unrollable(const Ir *ir, int32_t h, const IrCounted *c)
{
    const IrBlock *hb = &ir->blocks[h], *b = &ir->blocks[c->body];
    if (c->step != 1 || c->cc != CC_LT || c->body != c->latch || b->nsucc != 1 || b->succ[0] != h ||
        b->npreds != 1)
        return false;
    int32_t bound_block = ir->ins[c->bound].block;
    if (bound_block == h || bound_block == c->body)
        return false;
    uint32_t nphi = 0;
    while (nphi < hb->nins && ir->ins[hb->ins[nphi]].op == IR_PHI)
        nphi++;
    if (hb->nins != nphi + 2 || hb->ins[nphi] != c->cmp || b->nins > MAX_BODY + 1)
        return false;
    for (uint32_t i = 0; i + 1 < b->nins; i++) {
        const IrIns *in = &ir->ins[b->ins[i]];
        if ((ir_opinfo[in->op].flags & (IR_FAILS | IR_SIDE)) || in->op == IR_PHI || in->op == IR_CALLRT ||
            in->op == IR_CALL || in->op == IR_PARAM)
            return false;
    }
    return true;
}

/* An int constant at the end of block ub. */
static int32_t konst(Unroll *u, int32_t k)
{
    return ir_const_int(u->ir, u->ub, k);
}

/* The value x as a single value in ub: base + off made once per copy set. */
static int32_t materialise(Unroll *u, Val x)
{
    if (x.off == 0)
        return x.base;
    for (uint32_t i = 0; i < u->nmade; i++)
        if (u->made[i].at.base == x.base && u->made[i].at.off == x.off)
            return u->made[i].v;
    Ir *ir = u->ir;
    int32_t k = konst(u, x.off);
    int32_t v = ir_add(ir, u->ub, IR_ADD, (IrType)ir->ins[x.base].type, x.base, k, -1);
    if (u->nmade < sizeof u->made / sizeof *u->made) {
        u->made[u->nmade].at = x;
        u->made[u->nmade++].v = v;
    }
    return v;
}

/* The value of operand x in the current copy. */
static Val value_of(const Unroll *u, int32_t x)
{
    if (x < 0)
        return (Val){x, 0};
    int32_t blk = u->ir->ins[x].block;
    if (blk == u->h || blk == u->body)
        return u->val[x];
    return (Val){x, 0};
}

static void copy_ins(Unroll *u, int32_t v)
{
    Ir *ir = u->ir;
    IrIns src = ir->ins[v];
    Val a = value_of(u, src.a), b = value_of(u, src.b), c = value_of(u, src.c);
    /* x + constant with x = base + off: base + (off + constant), nothing made
     * (wrapping int or pointer arithmetic: exact) */
    if (src.op == IR_ADD) {
        const Val *x = &a;
        int32_t kv = src.b;
        if (kv >= 0 && ir->ins[kv].op != IR_CONST && src.a >= 0 && ir->ins[src.a].op == IR_CONST)
            x = &b, kv = src.a;
        if (kv >= 0 && ir->ins[kv].op == IR_CONST && ir->ins[kv].type != TY_FLOAT) {
            u->val[v] = (Val){x->base, (int32_t)((uint32_t)x->off + (uint32_t)ir->ins[kv].k.i)};
            return;
        }
    }
    /* a load from base + off: the offset joins the constant index */
    if (src.op == IR_ALOAD && a.off != 0 && src.b >= 0 && ir->ins[src.b].op == IR_CONST) {
        unsigned sh = ir_elem_shift(src.aux);
        int64_t idx = (int64_t)ir->ins[src.b].k.i + (a.off >> sh);
        if ((a.off & ((1 << sh) - 1)) == 0 && idx >= 0 && idx < 2048) {
            b = (Val){konst(u, (int32_t)idx), 0};
            a.off = 0;
        }
    }
    int32_t na = src.a >= 0 ? materialise(u, a) : -1, nb = src.b >= 0 ? materialise(u, b) : -1;
    int32_t nc = src.c >= 0 ? materialise(u, c) : -1;
    int32_t w = ir_add(ir, u->ub, (IrOp)src.op, (IrType)src.type, na, nb, nc);
    IrIns *d = &ir->ins[w];
    d->aux = src.aux, d->k = src.k, d->pc = src.pc;
    u->val[v] = (Val){w, 0};
}

/* From constant ends a multiple of UNROLL apart (or none to run), the
 * copy leaves the counter exactly at the bound: the original loop would
 * not run once. */
static bool nothing_left(const Ir *ir, const IrCounted *c)
{
    const IrIns *init = &ir->ins[c->init], *bound = &ir->ins[c->bound];
    if (init->op != IR_CONST || bound->op != IR_CONST)
        return false;
    int64_t trips = (int64_t)bound->k.i - init->k.i;
    return trips <= 0 || trips % UNROLL == 0;
}

/* The copy's test leads to the loop's exit instead, with the copy's phis
 * for the header's; the original loop becomes unreachable and goes. */
static void drop_original(Ir *ir, int32_t h, int32_t body, int32_t uh, int32_t exit, const int32_t *psi, uint32_t nphi)
{
    ir->blocks[uh].succ[1] = exit;
    IrBlock *x = &ir->blocks[exit];
    for (uint32_t p = 0; p < x->npreds; p++)
        if (x->preds[p] == h)
            x->preds[p] = uh;
    for (uint32_t i = 0; i < nphi; i++)
        ir_replace_uses(ir, ir->blocks[h].ins[i], psi[i]);
    int32_t gone[2] = {h, body};
    for (int g = 0; g < 2; g++) {
        IrBlock *b = &ir->blocks[gone[g]];
        while (b->nins > 0)
            ir_remove_ins(ir, b->ins[0]);
        b->npreds = b->nsucc = 0;
        b->dead = true;
    }
    ir_cfg_changed(ir);
}

static void unroll_loop(Ir *ir, int32_t h, const IrCounted *c, Val *val)
{
    int32_t body = c->body;
    int32_t pi = ir->blocks[h].preds[0] == body ? 1 : 0, pre = ir->blocks[h].preds[pi];
    uint32_t bc = ir->blocks[h].bc_start;
    int32_t uh = ir_new_block(ir, bc), ub = ir_new_block(ir, bc);
    if (uh < 0 || ub < 0)
        return;
    Unroll u = {.ir = ir, .h = h, .body = body, .ub = ub, .val = val};

    /* lim = max(n, INT32_MIN + 3) - 3, where n is defined (it dominates the
     * loop): outside every loop n does not change in */
    int32_t lim = ir_clamped_limit(ir, ir->ins[c->bound].block, c->bound, UNROLL - 1);

    /* UH: a phi for each of the header's, then the test */
    const uint32_t nphi = ir->blocks[h].nins - 2;
    int32_t *psi = ir_tmp(ir, (nphi + 1) * sizeof *psi);
    Val *next = ir_tmp(ir, (nphi + 1) * sizeof *next);
    if (!psi || !next) {
        ir->oom = true;
        return;
    }
    for (uint32_t i = 0; i < nphi; i++) {
        int32_t phi = ir->blocks[h].ins[i];
        psi[i] = ir_add(ir, uh, IR_PHI, (IrType)ir->ins[phi].type, -1, -1, -1);
        int32_t list = ir_list_alloc(ir, 2);
        if (ir->oom)
            break;
        ir->ins[psi[i]].list = list;
        ir->lists[list] = ir->lists[ir->ins[phi].list + pi]; /* from pre: the initial value */
        val[phi] = (Val){psi[i], 0};
    }
    int32_t test = ir_add(ir, uh, IR_CMP, TY_BOOL, val[c->phi].base, lim, -1);
    ir->ins[test].aux = CC_LT;
    ir->ins[test].pc = ir->ins[c->cmp].pc;
    int32_t br = ir_add(ir, uh, IR_BR, TY_VOID, test, -1, -1);
    ir->ins[br].pc = ir->ins[c->cmp].pc;

    /* UB: the body UNROLL times; between copies each phi takes its value
     * around the loop (all at once, as phis do) */
    for (int copy = 0; copy < UNROLL && !ir->oom; copy++) {
        if (copy > 0)
            for (uint32_t i = 0; i < nphi; i++)
                val[ir->blocks[h].ins[i]] = next[i];
        u.nmade = 0;
        for (uint32_t i = 0; i + 1 < ir->blocks[body].nins && !ir->oom; i++)
            copy_ins(&u, ir->blocks[body].ins[i]);
        for (uint32_t i = 0; i < nphi; i++) {
            int32_t phi = ir->blocks[h].ins[i];
            next[i] = value_of(&u, ir->lists[ir->ins[phi].list + (1 - pi)]);
        }
    }
    u.nmade = 0;
    for (uint32_t i = 0; i < nphi && !ir->oom; i++)
        ir->lists[ir->ins[psi[i]].list + 1] = materialise(&u, next[i]);
    int32_t jmp = ir_add(ir, ub, IR_JMP, TY_VOID, -1, -1, -1);
    ir->ins[jmp].pc = ir->ins[br].pc;

    /* edges: pre -> uh -> {ub -> uh, h}; h's phis start from the psis */
    if (!ir->oom) {
        IrBlock *pb = &ir->blocks[pre];
        for (uint32_t s = 0; s < pb->nsucc; s++)
            if (pb->succ[s] == h)
                pb->succ[s] = uh;
        ir->blocks[uh].preds[0] = pre, ir->blocks[uh].npreds = 1;
        ir_add_edge(ir, uh, ub);
        ir_add_edge(ir, ub, uh);
        ir->blocks[uh].succ[1] = h, ir->blocks[uh].nsucc = 2;
        ir->blocks[h].preds[pi] = uh;
        for (uint32_t i = 0; i < nphi; i++)
            ir->lists[ir->ins[ir->blocks[h].ins[i]].list + pi] = psi[i];
        int32_t depth = ir->blocks[h].loop_depth;
        ir->blocks[uh].loop_depth = ir->blocks[ub].loop_depth = depth;
        ir->blocks[uh].cold = ir->blocks[ub].cold = ir->blocks[h].cold;
        ir_cfg_changed(ir);
        ir->blocks[uh].sealed = ir->blocks[uh].filled = ir->blocks[ub].sealed = ir->blocks[ub].filled = true;
        if (nothing_left(ir, c))
            drop_original(ir, h, body, uh, c->exit, psi, nphi);
    }
}

void ir_unroll(Ir *ir)
{
    IrTmpMark mark = ir_tmp_mark(ir);
    Val *val = ir_tmp(ir, (ir->nins + 1) * sizeof *val); /* for the values there are now: the originals */
    if (!val) {
        ir->oom = true;
        return;
    }
    uint32_t nb = ir->nblocks;
    ir_dominators(ir);
    for (uint32_t h = 0; h < nb && !ir->oom; h++) {
        IrCounted c;
        if (ir->blocks[h].dead || !ir_counted_loop(ir, (int32_t)h, &c) || !unrollable(ir, (int32_t)h, &c))
            continue;
        unroll_loop(ir, (int32_t)h, &c, val);
        ir_dominators(ir); /* the loop's header has a new dominator */
    }
    ir_tmp_release(ir, mark);
}
