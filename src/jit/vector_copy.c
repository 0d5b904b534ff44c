/*
 * vector_copy.c - the vector copy of a loop of stored lanes (vector.c's analysis
 * and plan): its blocks, values, bail-outs and the scalar loop after it.
 */
#include <stdlib.h>
#include <string.h>

#include "jit/jit_int.h"
#include "jit/vector_int.h"

/* ---- the copy ---------------------------------------------------------------- */

/* A lane might fail: collect the flag, tested before the next load or
 * multiply-accumulate and at the end of the block. */
static void bail_if(Vec *x, int32_t flag)
{
    x->pend = x->pend < 0 ? flag : emit(x, IR_OR, TY_BOOL, x->pend, flag, -1, 0);
}

static void test_bail(Vec *x)
{
    if (x->pend < 0 || x->ir->oom)
        return;
    Ir *ir = x->ir;
    uint32_t pc = ir->blocks[x->cur].bc_start;
    int32_t cont = new_block(x, pc);
    if (cont < 0)
        return;
    emit(x, IR_BR, TY_VOID, x->pend, -1, -1, pc);
    edge(ir, x->cur, x->join);
    edge(ir, x->cur, cont);
    /* succ[0] is taken when the flag is set */
    x->cur = cont;
    x->pend = -1;
}

static void remap(Ir *ir, int32_t *slot, void *ctx)
{
    (void)ir;
    *slot = mapped(ctx, *slot);
}

/* The address of the int8 element an aload reads. */
static int32_t address(Vec *x, int32_t load)
{
    const IrIns *in = &x->ir->ins[load];
    return emit(x, IR_ADD, TY_PTR, mapped(x, in->a), mapped(x, in->b), -1, in->pc);
}

/* The length a check compares with, here: a length read inside the loop
 * is read again (compiled code never resizes an array). */
int32_t length_here(Vec *x, int32_t len)
{
    const IrIns l = x->ir->ins[len];
    return l.op == IR_ALEN ? emit(x, IR_ALEN, TY_INT, mapped(x, l.a), -1, -1, 0) : mapped(x, len);
}

/* An array's data pointer, in the vector loop's preheader (data_before()). */
static int32_t data_here(Vec *x, int32_t data)
{
    const IrIns d = x->ir->ins[data];
    return inside(x, data) ? emit(x, IR_ADATA, TY_PTR, d.a, -1, -1, 0) : data;
}

/* Non-zero when a load of the stored kind in the nest reads the stored
 * array (alias_rule()): the scalar loop then runs every iteration. */
static int32_t same_array(Vec *x)
{
    Ir *ir = x->ir;
    int32_t any = -1, store = data_here(x, ir->ins[x->store].a);
    for (uint32_t v = 0; v < x->nin; v++) {
        const IrIns in = ir->ins[v];
        if (in.op == IR_ALOAD && in.aux == ir->ins[x->store].aux && inside(x, (int32_t)v))
            any = either(x, any, cmp(x, CC_EQ, data_here(x, in.a), store));
    }
    return any;
}

/* slope * (last lane stored): how much a linear value grows from lane 0
 * to the last lane stored (the lanes above are not checked: their loads
 * read at most 12 bytes past a checked element, in the 16 the heap keeps
 * readable after every array, and their results are not stored). */
static int32_t span_of(Vec *x, int32_t slope)
{
    return slope == 1 ? x->lastl : emit(x, IR_MUL, TY_INT, x->lastl, konst(x, slope), -1, 0);
}

/* Before inner loop h2: its hoisted checks at the counter's first and last
 * values (and the last lane); a bail-out if one fails and the loop runs. */
static void test_hoisted(Vec *x, int32_t h2)
{
    Ir *ir = x->ir;
    IrCounted c2;
    if (!ir_counted_loop(ir, h2, &c2))
        return;
    int32_t first = mapped(x, c2.init), bound = mapped(x, c2.bound), any = -1;
    int32_t last = c2.cc == CC_LT ? emit(x, IR_SUB, TY_INT, bound, konst(x, 1), -1, 0) : bound;
    for (uint32_t b = 0; b < x->nb; b++) {
        if (!x->in[b])
            continue;
        for (uint32_t i = 0; i < ir->blocks[b].nins; i++) {
            int32_t v = ir->blocks[b].ins[i];
            if (x->hoist_to[v] != h2)
                continue;
            const IrIns in = ir->ins[v]; /* copies: emit() may move the table */
            int32_t span = x->kind[v] == K_LIN ? span_of(x, x->slope[v]) : -1;
            int32_t ends[2] = {affine_at(x, x->aff[v], first, &any), affine_at(x, x->aff[v], last, &any)};
            bool index = in.op == IR_BOUND || in.op == IR_INDEX;
            int32_t len = index ? length_here(x, in.a) : -1;
            for (int e = 0; e < 2; e++) {
                if (!index) { /* addo, mulo */
                    if (span >= 0)
                        any = either(x, any, ovf(x, IR_ADDO, ends[e], span));
                    continue;
                }
                any = either(x, any, ovf(x, IR_BOUND, len, ends[e]));
                if (span >= 0)
                    any = either(x, any, ovf(x, IR_BOUND, len, emit(x, IR_ADD, TY_INT, ends[e], span, -1, 0)));
            }
        }
    }
    if (any >= 0) /* (flags are non-zero, not 1: selected, not and-ed) */
        bail_if(x, emit(x, IR_SELECT, TY_INT, cmp(x, c2.cc, first, bound), any, x->zero, 0));
}

/* A value from before the vector loop, in its preheader (a constant of
 * the body made anew). */
static int32_t outside_here(Vec *x, int32_t v)
{
    int32_t k;
    return is_const(x->ir, v, &k) ? konst(x, k) : v;
}

static int32_t smaller(Vec *x, int32_t a, int32_t b)
{
    return a == b ? a : emit(x, IR_SELECT, TY_INT, cmp(x, CC_LT, a, b), a, b, 0);
}

static int32_t larger(Vec *x, int32_t a, int32_t b)
{
    return a == b ? a : emit(x, IR_SELECT, TY_INT, cmp(x, CC_LT, a, b), b, a, 0);
}

/* One end's operation, its overflow collected in *any. */
static int32_t end_op(Vec *x, IrOp checked, int32_t a, int32_t b, int32_t *any)
{
    *any = either(x, *any, ovf(x, checked, a, b));
    return emit(x, checked == IR_ADDO ? IR_ADD : checked == IR_SUBO ? IR_SUB : IR_MUL, TY_INT, a, b, -1, 0);
}

/* The range of v (box_value()) over its counters' ranges, made once per
 * value (x->span); every end's overflow, checked in the code or not, in
 * *any (a wrapped end would not bound the values). An inner loop that does
 * not run gives an empty range [first, first - 1]: its ends may fail the
 * tests, a refusal of a nest that has nothing to compute. */
static Span span_of_value(Vec *x, int32_t v, int32_t *any)
{
    if (x->span[v].lo >= 0)
        return x->span[v];
    const IrIns in = x->ir->ins[v]; /* a copy: emit() may move the table */
    IrCounted c2;
    Span r;
    if (in.op == IR_PHI && box_counter(x, v, &c2)) {
        int32_t bound = outside_here(x, c2.bound);
        r.lo = outside_here(x, c2.init);
        r.hi = c2.cc == CC_LT ? emit(x, IR_SUB, TY_INT, bound, konst(x, 1), -1, 0) : bound;
    } else if (!inside(x, v) || in.op == IR_CONST || in.op == IR_PHI) {
        r.lo = r.hi = outside_here(x, v);
    } else {
        Span a = span_of_value(x, in.a, any), b = span_of_value(x, in.b, any);
        bool one = a.lo == a.hi && b.lo == b.hi;
        if (in.op == IR_ADD || in.op == IR_ADDO) {
            r.lo = end_op(x, IR_ADDO, a.lo, b.lo, any);
            r.hi = one ? r.lo : end_op(x, IR_ADDO, a.hi, b.hi, any);
        } else if (in.op == IR_SUB || in.op == IR_SUBO) {
            r.lo = end_op(x, IR_SUBO, a.lo, b.hi, any);
            r.hi = one ? r.lo : end_op(x, IR_SUBO, a.hi, b.lo, any);
        } else {
            if (b.lo == b.hi) { /* (a one value: on the left) */
                Span t = a;
                a = b, b = t;
            }
            int32_t p = end_op(x, IR_MULO, a.lo, b.lo, any), k;
            if (one) {
                r.lo = r.hi = p;
            } else if (a.lo == a.hi) {
                int32_t q = end_op(x, IR_MULO, a.lo, b.hi, any);
                if (is_const(x->ir, a.lo, &k))
                    r = k >= 0 ? (Span){p, q} : (Span){q, p};
                else
                    r = (Span){smaller(x, p, q), larger(x, p, q)};
            } else {
                int32_t q = end_op(x, IR_MULO, a.lo, b.hi, any), u = end_op(x, IR_MULO, a.hi, b.lo, any);
                int32_t t = end_op(x, IR_MULO, a.hi, b.hi, any);
                r = (Span){smaller(x, smaller(x, p, q), smaller(x, u, t)), larger(x, larger(x, p, q), larger(x, u, t))};
            }
        }
    }
    if (!x->ir->oom)
        x->span[v] = r;
    return r;
}

/* In the vector loop's preheader: the tests of check v (box_value()) into
 * *any: non-zero when it might fail for some value of its counters. */
static void range_tests(Vec *x, int32_t v, int32_t *any)
{
    Ir *ir = x->ir;
    const IrIns in = ir->ins[v];
    Span s = span_of_value(x, checked_value(ir, v), any);
    if (in.op == IR_BOUND || in.op == IR_INDEX) {
        int32_t len = length_here(x, in.a);
        *any = either(x, *any, ovf(x, IR_BOUND, len, s.lo));
        if (s.hi != s.lo)
            *any = either(x, *any, ovf(x, IR_BOUND, len, s.hi));
    }
}

/* The products the accumulations can make, each loop around one run to its
 * end (known before the vector loop: plan()); non-zero when they could be
 * more than MAC_LIMIT. */
static int32_t too_many_products(Vec *x)
{
    Ir *ir = x->ir;
    int32_t any = -1, total = x->zero, limit = konst(x, MAC_LIMIT);
    for (uint32_t b = 0; b < x->nb; b++) {
        if (!x->in[b])
            continue;
        for (uint32_t i = 0; i < ir->blocks[b].nins; i++) {
            int32_t v = ir->blocks[b].ins[i];
            if (x->kind[v] != K_ACC || ir->ins[v].op == IR_PHI)
                continue;
            int32_t prod = konst(x, 1);
            for (int32_t at = (int32_t)b, h2; (h2 = ir->blocks[at].loop_head) != x->h; at = preheader(ir, h2)) {
                IrCounted c2;
                trips_known(x, h2, &c2); /* (plan() checked it) */
                int32_t t = emit(x, IR_SUB, TY_INT, c2.bound, c2.init, -1, 0);
                any = either(x, any, ovf(x, IR_SUBO, c2.bound, c2.init));
                if (c2.cc == CC_LE) {
                    any = either(x, any, ovf(x, IR_ADDO, t, konst(x, 1)));
                    t = emit(x, IR_ADD, TY_INT, t, konst(x, 1), -1, 0);
                }
                t = emit(x, IR_SELECT, TY_INT, cmp(x, CC_LT, t, x->zero), x->zero, t, 0);
                any = either(x, any, cmp(x, CC_GT, t, limit));
                any = either(x, any, ovf(x, IR_MULO, prod, t));
                prod = emit(x, IR_MUL, TY_INT, prod, t, -1, 0);
            }
            any = either(x, any, cmp(x, CC_GT, prod, limit));
            total = emit(x, IR_ADD, TY_INT, total, prod, -1, 0); /* both <= MAC_LIMIT */
            any = either(x, any, cmp(x, CC_GT, total, limit));
        }
    }
    return any;
}

/* A linear check: the lane-0 value computed without its check, and whether
 * the last lane is also in range. */
static void copy_linear_check(Vec *x, int32_t v)
{
    Ir *ir = x->ir;
    IrIns src = ir->ins[v];
    int32_t a = mapped(x, src.a), b = mapped(x, src.b), span = span_of(x, x->slope[v]);
    switch ((IrOp)src.op) {
    case IR_ADDO: case IR_SUBO: case IR_MULO: {
        IrOp plain = src.op == IR_ADDO ? IR_ADD : src.op == IR_SUBO ? IR_SUB : IR_MUL;
        bail_if(x, ovf(x, (IrOp)src.op, a, b));
        int32_t r = emit(x, plain, TY_INT, a, b, -1, src.pc);
        bail_if(x, ovf(x, IR_ADDO, r, span));
        x->map[v] = r;
        break;
    }
    default: { /* INDEX, BOUND: a = len, b = index; both ends in [0, len) */
        int32_t end = emit(x, IR_ADD, TY_INT, b, span, -1, src.pc);
        bail_if(x, ovf(x, IR_BOUND, a, b));
        bail_if(x, ovf(x, IR_BOUND, a, end));
        x->map[v] = b;
        break;
    }
    }
}

static void copy_ins(Vec *x, int32_t v)
{
    Ir *ir = x->ir;
    IrIns src = ir->ins[v];
    uint8_t k = x->kind[v];
    if (src.op == IR_NOP || k == K_VEC || k == K_PROD)
        return;
    if (x->hoist_to[v] >= 0) { /* tested before its loop: the value without its check */
        if (src.op == IR_ADDO || src.op == IR_SUBO || src.op == IR_MULO)
            x->map[v] = emit(x, src.op == IR_ADDO ? IR_ADD : src.op == IR_SUBO ? IR_SUB : IR_MUL, TY_INT,
                             mapped(x, src.a), mapped(x, src.b), -1, src.pc);
        else if (src.op == IR_INDEX)
            x->map[v] = mapped(x, src.b);
        return;
    }
    if (k == K_LIN && (ir_opinfo[src.op].flags & IR_FAILS)) {
        copy_linear_check(x, v);
        return;
    }
    if (uniform(k) && overflow_guard(&src)) { /* the scalar loop deoptimises, the copy has no map */
        if (src.op == IR_CHECK) {
            bail_if(x, mapped(x, src.a));
        } else {
            int32_t a = mapped(x, src.a), b = mapped(x, src.b);
            bail_if(x, ovf(x, (IrOp)src.op, a, b));
            x->map[v] = emit(x, src.op == IR_ADDO ? IR_ADD : src.op == IR_SUBO ? IR_SUB : IR_MUL, TY_INT, a, b, -1,
                             src.pc);
        }
        test_bail(x); /* before anything uses the wrapped value */
        return;
    }
    if (k == K_ACC) { /* acc + a*b: a multiply-accumulate, and one more in the count */
        int32_t acc = kind_of(x, src.a) == K_ACC ? src.a : src.b, prod = acc == src.a ? src.b : src.a;
        int32_t m = ir->ins[prod].a, n = ir->ins[prod].b;
        if (kind_of(x, m) == K_VEC && kind_of(x, n) != K_VEC) {
            int32_t t = m;
            m = n, n = t;
        }
        int32_t pm = address(x, m), pn = address(x, n);
        test_bail(x);
        int32_t mac = emit(x, IR_VMAC, TY_VOID, pm, pn, -1, src.pc);
        ir->ins[mac].aux = kind_of(x, m) == K_VEC;
        if (x->counted) {
            x->cnt[v] = emit(x, IR_ADD, TY_INT, x->cnt[acc], konst(x, 1), -1, src.pc);
            bail_if(x, cmp(x, CC_GT, x->cnt[v], konst(x, MAC_LIMIT)));
        }
        return;
    }
    if (v == x->store) {
        int32_t at = emit(x, IR_SHL, TY_INT, mapped(x, src.b), konst(x, 2), -1, src.pc);
        int32_t p = emit(x, IR_ADD, TY_PTR, mapped(x, src.a), at, -1, src.pc);
        test_bail(x);
        emit(x, IR_VSTQ, TY_VOID, p, x->nq, x->keep, src.pc); /* aux 0: nq quarters, keep lanes */
        return;
    }
    if (src.op == IR_JMP || src.op == IR_BR)
        test_bail(x);
    int32_t w = emit(x, (IrOp)src.op, (IrType)src.type, src.a, src.b, src.c, src.pc);
    if (ir->oom)
        return;
    IrIns *d = &ir->ins[w];
    d->aux = src.aux, d->k = src.k, d->nw = src.nw, d->nargs = src.nargs;
    memcpy(d->w, src.w, sizeof d->w);
    if (src.op == IR_PHI)
        d->list = ir_list_alloc(ir, ir->blocks[src.block].npreds);
    else
        ir_for_operands(ir, w, remap, x);
    x->map[v] = w;
}

/* The phis' operands, once every block is copied: per predecessor, the
 * copy of the value it brings (an accumulator's count alongside). */
static void fill_phis(Vec *x, int32_t b)
{
    Ir *ir = x->ir;
    const IrBlock *bl = &ir->blocks[b];
    for (uint32_t i = 0; i < bl->nins && ir->ins[bl->ins[i]].op == IR_PHI; i++) {
        int32_t v = bl->ins[i], w = x->map[v];
        for (uint32_t p = 0; p < bl->npreds; p++) {
            int32_t o = ir->lists[ir->ins[v].list + (int32_t)p];
            if (x->kind[v] == K_ACC) {
                if (x->counted)
                    ir->lists[ir->ins[x->cnt[v]].list + (int32_t)p] = kind_of(x, o) == K_ZERO ? x->zero : x->cnt[o];
                continue;
            }
            ir->lists[ir->ins[w].list + (int32_t)p] = mapped(x, o);
        }
    }
}

/* Before block b's terminator: the tests hoisted before the inner loops it
 * enters, and QACC cleared where a zero flows into an accumulator. */
static void block_end(Vec *x, int32_t b, uint32_t pc)
{
    Ir *ir = x->ir;
    for (uint32_t s = 0; s < ir->blocks[b].nsucc; s++) {
        int32_t t = ir->blocks[b].succ[s];
        if (t == x->h)
            continue;
        if (ir->blocks[t].loop_head == t && !ir_dominates(ir, t, b))
            test_hoisted(x, t);
        const IrBlock *tb = &ir->blocks[t];
        bool clear = false;
        for (uint32_t j = 0; j < tb->nins && ir->ins[tb->ins[j]].op == IR_PHI; j++)
            for (uint32_t p = 0; p < tb->npreds; p++)
                clear |= x->kind[tb->ins[j]] == K_ACC && tb->preds[p] == b &&
                         kind_of(x, ir->lists[ir->ins[tb->ins[j]].list + (int32_t)p]) == K_ZERO;
        if (clear)
            emit(x, IR_VZERO, TY_VOID, -1, -1, -1, pc);
    }
}

/* One copy of the body for x->lanes lanes: entered from block `from`
 * (its first successor), ending at block `to` (the latch's successor). */
static bool copy_body(Vec *x, const int32_t *order, uint32_t n, int32_t from, int32_t to)
{
    Ir *ir = x->ir;
    const IrCounted *c = &x->c;
    memset(x->map, 0xff, x->nin * sizeof *x->map);
    memset(x->cnt, 0xff, x->nin * sizeof *x->cnt);
    /* the body's blocks, in reverse post-order (definitions before uses) */
    for (uint32_t r = 0; r < n; r++) {
        int32_t b = order[r];
        if (x->in[b] && b != x->h && (x->first[b] = new_block(x, ir->blocks[b].bc_start)) < 0)
            return false;
    }
    edge(ir, from, x->first[c->body]);
    for (uint32_t r = 0; r < n && !ir->oom; r++) {
        int32_t b = order[r];
        if (!x->in[b] || b == x->h)
            continue;
        x->cur = x->first[b], x->pend = -1;
        for (uint32_t i = 0; i < ir->blocks[b].nins; i++) {
            const IrBlock *bl = &ir->blocks[b]; /* again each time: copying makes blocks */
            int32_t v = bl->ins[i];
            if (x->kind[v] == K_ACC && ir->ins[v].op == IR_PHI) {
                if (x->counted) {
                    x->cnt[v] = emit(x, IR_PHI, TY_INT, -1, -1, -1, ir->ins[v].pc);
                    ir->ins[x->cnt[v]].list = ir_list_alloc(ir, bl->npreds);
                }
                continue;
            }
            if (i == bl->nins - 1)
                block_end(x, b, ir->ins[v].pc);
            copy_ins(x, v);
        }
        x->last[b] = x->cur;
    }
    if (ir->oom)
        return false;
    /* edges between the copies, in the originals' order (phis depend on it) */
    for (uint32_t r = 0; r < n; r++) {
        int32_t b = order[r];
        if (!x->in[b] || b == x->h)
            continue;
        const IrBlock *bl = &ir->blocks[b];
        IrBlock *lb = &ir->blocks[x->last[b]], *fb = &ir->blocks[x->first[b]];
        lb->nsucc = 0;
        for (uint32_t s = 0; s < bl->nsucc; s++)
            lb->succ[lb->nsucc++] = bl->succ[s] == x->h ? to : x->first[bl->succ[s]];
        if (b != c->body) {
            fb->npreds = 0;
            for (uint32_t p = 0; p < bl->npreds; p++)
                fb->preds[fb->npreds++] = x->last[bl->preds[p]];
        }
        if (b == c->latch)
            ir->blocks[to].preds[ir->blocks[to].npreds++] = x->last[b];
    }
    for (uint32_t r = 0; r < n; r++)
        if (x->in[order[r]] && order[r] != x->h)
            fill_phis(x, order[r]);
    return !ir->oom;
}

typedef struct Subst {
    int32_t from[2], to[2];
} Subst;

static void subst(Ir *ir, int32_t *slot, void *ctx)
{
    const Subst *s = ctx;
    (void)ir;
    for (int k = 0; k < 2; k++)
        if (*slot == s->from[k])
            *slot = s->to[k];
}

/* The end of a vector loop's join (the scalar loop's entry, ending in a
 * jmp): join -> h, and when the loop's exit has h as its only predecessor,
 * join -> tpre -> h -> texit -> done -> exit, and join -> done once no
 * iteration is left (counter `from`), so the scalar loop and what later
 * passes put before it are skipped when the vector loop did every
 * iteration. tpre and texit give the scalar loop the one-successor
 * preheader and the one-predecessor, phi-free exit that version.c asks
 * for: its check-free (and unrolled) copy runs the tail, or the whole row
 * below 16 iterations, as fast as without PIE (bench/small_shapes.py).
 * done merges h's phis phi[k] (from h) with val[k] (from join); uses after
 * the loop read done's phis. */
bool skip_scalar(Vec *x, int32_t join, int32_t from, int n, const int32_t *phi, const int32_t *val, uint32_t pc,
                 bool tail)
{
    Ir *ir = x->ir;
    int32_t exit = x->c.exit, done = -1, tpre = -1, texit = -1;
    IrBlock *eb = &ir->blocks[exit];
    if (eb->npreds == 1 && ir->blocks[x->h].succ[1] == exit) /* (counted loops leave by succ[1]) */
        done = new_block(x, pc), tpre = tail ? new_block(x, pc) : x->h, texit = tail ? new_block(x, pc) : x->h;
    if (done < 0 || tpre < 0 || texit < 0) {
        ir->blocks[join].succ[ir->blocks[join].nsucc++] = x->h;
        ir_cfg_changed(ir);
        return !ir->oom;
    }
    x->cur = join;
    ir_remove_ins(ir, ir->blocks[join].ins[ir->blocks[join].nins - 1]); /* the jmp */
    emit(x, IR_BR, TY_VOID, cmp(x, CC_LT, from, x->c.bound), -1, -1, pc);
    ir->blocks[join].succ[ir->blocks[join].nsucc++] = tpre;
    ir->blocks[join].succ[ir->blocks[join].nsucc++] = done;
    if (tail) {
        x->cur = tpre;
        emit(x, IR_JMP, TY_VOID, -1, -1, -1, pc);
        x->cur = texit;
        emit(x, IR_JMP, TY_VOID, -1, -1, -1, pc);
        if (ir->oom)
            return false;
        IrBlock *hb = &ir->blocks[x->h];
        for (uint32_t p = 0; p < hb->npreds; p++)
            if (hb->preds[p] == join)
                hb->preds[p] = tpre; /* (the same slot: h's phis keep their operands) */
        ir->blocks[tpre].preds[ir->blocks[tpre].npreds++] = join;
        ir->blocks[tpre].succ[ir->blocks[tpre].nsucc++] = x->h;
        ir->blocks[texit].preds[ir->blocks[texit].npreds++] = x->h;
        ir->blocks[texit].succ[ir->blocks[texit].nsucc++] = done;
    }
    x->cur = done;
    Subst sb = {{-1, -1}, {-1, -1}};
    for (int k = 0; k < n; k++) {
        sb.from[k] = phi[k];
        sb.to[k] = emit(x, IR_PHI, TY_INT, -1, -1, -1, pc);
        ir->ins[sb.to[k]].list = ir_list_alloc(ir, 2);
    }
    emit(x, IR_JMP, TY_VOID, -1, -1, -1, pc);
    if (ir->oom)
        return false;
    ir->blocks[x->h].succ[1] = texit; /* (without tail blocks: h itself) */
    if (!tail)
        ir->blocks[x->h].succ[1] = done;
    IrBlock *db = &ir->blocks[done];
    db->preds[db->npreds++] = texit;
    db->preds[db->npreds++] = join;
    db->succ[db->nsucc++] = exit;
    ir->blocks[exit].preds[0] = done;
    /* uses after the loop (outside it and the blocks made here) read done's phis */
    for (uint32_t v = 0; v < ir->nins; v++) {
        int32_t b = ir->ins[v].block;
        if (b >= 0 && (uint32_t)b < x->nb && !x->in[b])
            ir_for_operands(ir, (int32_t)v, subst, &sb);
    }
    for (int k = 0; k < n; k++)
        ir->lists[ir->ins[sb.to[k]].list] = phi[k], ir->lists[ir->ins[sb.to[k]].list + 1] = val[k];
    ir_cfg_changed(ir);
    return !ir->oom;
}

/* The vector loop ahead of loop x->h:
 *
 *   pre -> vtest -> vpre -> vhdr -> vstep -> (the body, 16 lanes) -> vlatch -> vhdr
 *          vtest, vhdr, bail-outs -> join -> h
 *
 * Each vector iteration computes 16 lanes and stores 4 * nq of them (nq
 * quarters of QACC), chosen when it runs from the r = bound - jv
 * iterations left:
 *
 *   r >= 16                  lanes jv .. jv+15, nq 4
 *   else, 16 trips or more   lanes bound-16 .. bound-1: the last step
 *                            overlaps the one before, whose lanes it
 *                            stores again with the same values (the
 *                            alias rule: no load in the nest reads the
 *                            stored array)
 *   else r >= 4              lanes jv .. jv + 4*(r/4) - 1, nq r/4
 *   else (1 to 3 left)       lanes bound-4 .. bound-1, nq 1 (overlapping)
 *
 * so any trip count of 2 or more runs on PIE to its end, and the scalar
 * loop runs only what a bail-out leaves it, or a trip count of 1 of a loop
 * that no other loop encloses (vtest skips the vector loop and its guards
 * then: one compare-branch more than the scalar code). */
bool vectorize_loop(Vec *x, const int32_t *order, uint32_t n)
{
    Ir *ir = x->ir;
    IrCounted *c = &x->c;
    IrBlock *hb = &ir->blocks[x->h];
    uint32_t p0 = x->in[hb->preds[0]] ? 1 : 0;
    int32_t pre = hb->preds[p0];
    uint32_t pc = hb->bc_start;
    int32_t vtest = new_block(x, pc), vpre = new_block(x, pc), vhdr = new_block(x, pc), vstep = new_block(x, pc);
    int32_t vlatch = new_block(x, pc), join = new_block(x, pc);
    if (ir->oom || vtest < 0 || vpre < 0 || vhdr < 0 || vstep < 0 || vlatch < 0 || join < 0)
        return false;
    x->join = join;
    for (uint32_t s = 0; s < ir->blocks[pre].nsucc; s++)
        if (ir->blocks[pre].succ[s] == x->h)
            ir->blocks[pre].succ[s] = vtest;
    ir->blocks[vtest].preds[ir->blocks[vtest].npreds++] = pre;
    x->cur = vtest;
    /* two iterations or more: one lane of 16 costs more than the scalar
     * iteration it replaces (bench/small_shapes.py: dense_t_acc with one
     * output, 1 to 63 inputs, 20 to 109 cycles slower on PIE). But a loop
     * inside another, entered once per output position, runs one lane on
     * PIE too: its scalar copy then runs only on a bail-out, and rega
     * weights it so (IrBlock.cold), which keeps the loops around in
     * registers (vec13, bench/layers_vec13.py: lib/p4nn's conv3x3_c1_pairs
     * with 16 filters 201,792 -> 186,084 modelled cycles, with 1 filter
     * 51,446 -> 37,703) */
    bool nested = ir->blocks[x->h].loop_depth > 1;
    int32_t lim1 = nested ? c->bound : ir_clamped_limit(ir, vtest, c->bound, 1);
    emit(x, IR_BR, TY_VOID, cmp(x, CC_LT, c->init, lim1), -1, -1, pc);
    for (uint32_t b = 0; nested && b < x->nb; b++)
        ir->blocks[b].cold |= x->in[b] != 0;
    edge(ir, vtest, vpre);
    edge(ir, vtest, join);

    x->cur = vpre;
    emit(x, IR_VCFG, TY_VOID, -1, -1, -1, pc);
    x->zero = konst(x, 0);
    /* bound - init must not wrap (r is computed below it); too many
     * products, or an index's maximum out of range: no vector iteration
     * (jv < INT32_MIN fails) */
    int32_t no = ovf(x, IR_SUBO, c->bound, c->init);
    if (!x->counted)
        no = either(x, no, too_many_products(x));
    if (x->aliased)
        no = either(x, no, same_array(x));
    for (uint32_t b = 0; b < x->nb; b++)
        for (uint32_t i = 0; x->in[b] && i < ir->blocks[b].nins; i++) {
            int32_t v = ir->blocks[b].ins[i];
            if (x->hoist_to[v] == x->h && x->most[v] < 0)
                range_tests(x, v, &no);
            else if (x->hoist_to[v] == x->h)
                no = either(x, no, ovf(x, IR_BOUND, length_here(x, ir->ins[v].a), konst(x, x->most[v])));
        }
    int32_t lim = x->lim = emit(x, IR_SELECT, TY_INT, no, konst(x, INT32_MIN), c->bound, pc);
    int32_t four = konst(x, 4), sixteen = konst(x, 16);
    emit(x, IR_JMP, TY_VOID, -1, -1, -1, pc);
    edge(ir, vpre, vhdr);

    x->cur = vhdr;
    int32_t jphi = emit(x, IR_PHI, TY_INT, -1, -1, -1, pc);
    ir->ins[jphi].list = ir_list_alloc(ir, 2);
    emit(x, IR_BR, TY_VOID, cmp(x, CC_LT, jphi, lim), -1, -1, pc);
    edge(ir, vhdr, vstep);
    edge(ir, vhdr, join);

    /* the step's first lane and quarters (the table above): 16 lanes from
     * jv straight on while 16 iterations remain; a trip count known to be
     * a multiple of 16, or of 4 below 16, needs no other step */
    x->cur = vstep;
    int32_t ki, kb, go = vstep;
    x->vstep = -1;
    int64_t trips = is_const(ir, c->init, &ki) && is_const(ir, c->bound, &kb) ? (int64_t)kb - ki : -1;
    if (trips > 0 && (trips % 16 == 0 || trips < 16)) {
        int32_t nq = trips < 16 ? (int32_t)(trips + 3) / 4 : 4;
        x->lanes = trips < 16 ? (int32_t)trips : 16; /* (what --jit-report says) */
        x->jv = jphi, x->nq = konst(x, nq), x->keep = konst(x, trips < 16 ? (int32_t)trips - 4 * (nq - 1) : 4);
        x->stored = konst(x, trips < 16 ? (int32_t)trips : 16), x->lastl = konst(x, trips < 16 ? (int32_t)trips - 1 : 15);
    } else {
        int32_t vtail = new_block(x, pc);
        go = new_block(x, pc);
        if (vtail < 0 || go < 0)
            return false;
        x->vstep = vstep; /* (succ[0]: go, the full step) */
        int32_t r = emit(x, IR_SUB, TY_INT, c->bound, jphi, -1, pc);
        emit(x, IR_BR, TY_VOID, cmp(x, CC_GE, r, sixteen), -1, -1, pc);
        edge(ir, vstep, go);
        edge(ir, vstep, vtail);
        x->cur = vtail; /* 1 to 15 left: nq = ceil(r / 4), the last quarter's lanes r - 4 * (nq - 1) */
        int32_t one = konst(x, 1);
        int32_t m_q = emit(x, IR_SHR, TY_INT, emit(x, IR_ADD, TY_INT, r, konst(x, 3), -1, pc), konst(x, 2), -1, pc);
        int32_t m_k = emit(x, IR_SUB, TY_INT, r,
                           emit(x, IR_SHL, TY_INT, emit(x, IR_SUB, TY_INT, m_q, one, -1, pc), konst(x, 2), -1, pc), -1, pc);
        int32_t m_j = jphi, m_s = r, m_l = emit(x, IR_SUB, TY_INT, r, one, -1, pc);
        emit(x, IR_JMP, TY_VOID, -1, -1, -1, pc);
        edge(ir, vtail, go);
        x->cur = go;
        int32_t *phis[5] = {&x->jv, &x->nq, &x->stored, &x->lastl, &x->keep};
        int32_t full[5] = {jphi, four, sixteen, konst(x, 15), four}, tail[5] = {m_j, m_q, m_s, m_l, m_k};
        for (int k = 0; k < 5; k++) { /* go's predecessors: vstep, vtail */
            *phis[k] = emit(x, IR_PHI, TY_INT, -1, -1, -1, pc);
            ir->ins[*phis[k]].list = ir_list_alloc(ir, 2);
            if (ir->oom)
                return false;
            ir->lists[ir->ins[*phis[k]].list] = full[k], ir->lists[ir->ins[*phis[k]].list + 1] = tail[k];
        }
    }
    emit(x, IR_JMP, TY_VOID, -1, -1, -1, pc);
    if (!copy_body(x, order, n, go, vlatch))
        return false;
    x->cur = vlatch;
    int32_t next = emit(x, IR_ADD, TY_INT, x->jv, x->stored, -1, pc);
    emit(x, IR_JMP, TY_VOID, -1, -1, -1, pc);
    edge(ir, vlatch, vhdr);
    ir->lists[ir->ins[jphi].list] = c->init;
    ir->lists[ir->ins[jphi].list + 1] = next;

    /* the scalar loop starts where the vector loop stopped (a bail-out:
     * at the vector iteration's first lane), or at the start */
    x->cur = join;
    int32_t from = emit(x, IR_PHI, TY_INT, -1, -1, -1, pc);
    ir->ins[from].list = ir_list_alloc(ir, ir->blocks[join].npreds);
    emit(x, IR_JMP, TY_VOID, -1, -1, -1, pc);
    if (ir->oom)
        return false;
    for (uint32_t p = 0; p < ir->blocks[join].npreds; p++) {
        int32_t pb = ir->blocks[join].preds[p];
        ir->lists[ir->ins[from].list + (int32_t)p] = pb == vtest ? c->init : pb == vhdr ? jphi : x->jv;
    }
    hb = &ir->blocks[x->h];
    hb->preds[p0] = join;
    ir->lists[ir->ins[c->phi].list + (int32_t)p0] = from;
    /* (edge() refuses a 65th predecessor: analyse() counted them) */
    return skip_scalar(x, join, from, 1, &c->phi, &from, pc, true);
}

