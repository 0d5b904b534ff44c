/*
 * vector_taps.c - 16 taps from one load, in vector.c's copy of a loop nest.
 */
#include "jit/vector_int.h"

/* ---- taps from one load: a broadcast operand contiguous in an inner loop -------
 *
 * In the vector copy, an innermost counted loop whose work is one
 * multiply-accumulate of a broadcast element contiguous in its counter k
 * and lanes k*s apart,
 *
 *     for k in range(K):  acc += a[base + k] * b[k*s + j .. +15]
 *
 * (matmul's, conv's channels, dense_t's inputs) loads a[base + k] once per
 * tap with esp.vldbc.8: 3 modelled cycles for one byte. Ahead of it, a loop
 * of 16 taps at a time loads a[base + k .. +15] into q2 once and takes the
 * taps from its lanes (esp.vsmulas.s8.qacc, lane t of q2 times the lanes
 * of b: issue 1): per tap 4 cycles instead of 7 (VMACN). The original loop
 * does the fewer than 16 taps left. The 16 bytes are in the array: the
 * copy's checks (tested on ranges before the vector loop, or per step)
 * cover a[base + k] for every k the loop runs, and the 16-tap loop runs
 * only while 16 remain. */
/* The taps' pointer at k = init: data (read again before the loop when
 * the copy reads it in the loop) plus the index. */
static int32_t taps_pointer(Vec *x, const uint8_t *in2, int32_t data, IrAffine af, int32_t init, uint32_t pc)
{
    Ir *ir = x->ir;
    int32_t any = -1; /* (the checks on ranges tested the indices' overflow) */
    int32_t d = in2[ir->ins[data].block] ? emit(x, IR_ADATA, TY_PTR, ir->ins[data].a, -1, -1, pc) : data;
    return emit(x, IR_ADD, TY_PTR, d, affine_at(x, af, init, &any), -1, pc);
}

/* ---- a whole panel's first row (vec18) -------------------------------------------
 *
 * A conv's lanes of weights start at off = (ky*3 + kx)*C*F + f, rows F
 * apart: the taps' first row is off's terms but the lane counter jv, each
 * divided by the stride s, read from how off was made (a product with s
 * gives its other factor; sums and differences their rows). ROW_FAIL when
 * off is not jv plus such terms; emitted into x->cur when doit is set (else
 * queries only; off's operands, made before the tap loop, dominate x->cur).
 * The row need not be exact in int32: taps_loop uses the panel only when
 * the taps' rows lie in it, where row * s is the index the copy checked. */
enum { ROW_ZERO = -1, ROW_FAIL = -2, ROW_DEPTH = 16 };

static bool same_value(const Ir *ir, int32_t a, int32_t b)
{
    int32_t ka, kb;
    while (ir->ins[a].op == IR_COPY)
        a = ir->ins[a].a;
    while (ir->ins[b].op == IR_COPY)
        b = ir->ins[b].a;
    return a == b || (is_const(ir, a, &ka) && is_const(ir, b, &kb) && ka == kb);
}

static int32_t first_row(Vec *x, int32_t v, int32_t s, int *lanes, bool doit, int depth)
{
    Ir *ir = x->ir;
    const IrIns in = ir->ins[v];
    int32_t k;
    if (v == x->jv)
        return ++*lanes, ROW_ZERO;
    if (is_const(ir, v, &k) && k == 0)
        return ROW_ZERO;
    if (depth > ROW_DEPTH || in.type != TY_INT)
        return ROW_FAIL;
    switch (in.op) {
    case IR_COPY:
        return first_row(x, in.a, s, lanes, doit, depth + 1);
    case IR_MUL: /* (either order) */
        return same_value(ir, in.b, s) ? in.a : same_value(ir, in.a, s) ? in.b : ROW_FAIL;
    case IR_SHL: { /* by a constant, s the same power of 2 */
        int32_t sk;
        return is_const(ir, in.b, &k) && k >= 0 && k < 31 && is_const(ir, s, &sk) && sk == (int32_t)1 << k ? in.a
                                                                                                         : ROW_FAIL;
    }
    case IR_ADD:
    case IR_SUB: {
        int32_t ra = first_row(x, in.a, s, lanes, doit, depth + 1);
        int after = *lanes;
        int32_t rb = first_row(x, in.b, s, lanes, doit, depth + 1);
        if (ra == ROW_FAIL || rb == ROW_FAIL || (in.op == IR_SUB && *lanes != after))
            return ROW_FAIL; /* (jv subtracted) */
        if (rb == ROW_ZERO || ra == ROW_ZERO) {
            if (rb == ROW_ZERO)
                return ra;
            if (in.op == IR_ADD)
                return rb;
            return doit ? emit(x, IR_SUB, TY_INT, konst(x, 0), rb, -1, in.pc) : rb;
        }
        return doit ? emit(x, in.op, TY_INT, ra, rb, -1, in.pc) : ra;
    }
    default:
        return ROW_FAIL;
    }
}

/* The taps' row at k = 0 in *row0, if off has one (ROW_ZERO: 0 when not doit) */
static bool whole_row(Vec *x, int32_t off, int32_t s, bool doit, int32_t *row0)
{
    int lanes = 0;
    int32_t r = first_row(x, off, s, &lanes, doit, 0);
    if (r == ROW_FAIL || lanes != 1)
        return false;
    *row0 = r == ROW_ZERO ? (doit ? konst(x, 0) : r) : r;
    return true;
}

/* A panel made already before the loop that block pre enters (its address
 * a phi there: vec_panel_make): scratch memory is one buffer, which a
 * second copy before the same loop would overwrite (vec18). */
static bool panel_before(const Ir *ir, int32_t pre)
{
    const IrBlock *b = &ir->blocks[pre];
    for (uint32_t i = 0; i < b->nins; i++) {
        const IrIns *in = &ir->ins[b->ins[i]];
        for (uint32_t p = 0; in->op == IR_PHI && p < b->npreds; p++) {
            const IrIns *v = &ir->ins[ir->lists[in->list + (int32_t)p]];
            if (v->op == IR_CALLRT && v->aux == H_PANEL)
                return true;
        }
    }
    return false;
}

/* ---- a conv's rows of taps as one run (vec21) --------------------------------------
 *
 * conv3x3's taps on a whole panel run once per ky: the collapsed run of 3C
 * taps (vector_collapse.c) in the kx loop, one trip when collapsed. Each
 * ky entered again made its pointers, tested the panel's rows and set up
 * the 16-tap loop: about 100 modelled cycles beside its 153 of taps
 * (bench/RESULTS.md vec21). The weights' rows of consecutive ky follow each
 * other in the panel (row (ky*3 + kx)*C steps by 3C, the run's count), and
 * the inputs' rows are a constant distance apart (W*C), so at the first
 * row one loop can do every row: per row the 16-tap loop, then the inputs'
 * pointer on by that distance from the row's first; then on to the rows'
 * loop's exit. Taken when, at that entry, ky and the loop between (kx) are
 * at their first values and kx makes one trip, the run's count is a
 * multiple of 16 (no scalar taps after a row), the weights' offset steps
 * per row by the run times its stride (its rows follow in the panel), and
 * every row's taps lie in the panel; else the rows run one at a time, as
 * before.
 * The same taps in the same order, on the same panel bytes. Exact: the
 * loops skipped hold pure arithmetic only (no check, no store, no value
 * used after them: vec_only_arithmetic), so their checks were tested on
 * ranges before the vector loop, covering every row's taps; each row's
 * offsets are the derivative's steps from the first's (vec_deriv, int32
 * arithmetic as the copy's own, so equal mod 2^32). */
typedef struct RowRun {
    int32_t exit0, phi0, init0, bound0; /* the rows' loop: its exit, counter and range */
    int32_t phi1, init1, bound1; /* the loop between (kx; -1: none) */
    int32_t din, dw;             /* the operands' offsets' steps per row (VEC_DERIV_ZERO: none) */
} RowRun;

static bool made_outside(const Ir *ir, const uint8_t *in, int32_t v)
{
    int32_t k;
    return v < 0 || is_const(ir, v, &k) || (ir->ins[v].block >= 0 && !in[ir->ins[v].block]);
}

static bool simple_counted(const Ir *ir, int32_t h, IrCounted *c)
{
    return ir_counted_loop(ir, h, c) && c->step == 1 && c->cc == CC_LT && ir->ins[c->cmp].a == c->phi &&
           ir->ins[c->cmp].b == c->bound;
}

/* Rows loop h0 around tap loop c2 (blocks in2), with h1 between (-1: none) */
static bool row_run_at(Vec *x, int32_t h0, int32_t h1, const IrCounted *c2, const uint8_t *in2, const IrAffine *af,
                       RowRun *r)
{
    Ir *ir = x->ir;
    IrCounted c0, c1;
    uint8_t *in0 = ir_tmp(ir, ir->nblocks + 1), *in1 = ir_tmp(ir, ir->nblocks + 1);
    int32_t *work = ir_tmp(ir, (ir->nblocks + 1) * sizeof *work);
    if (!in0 || !in1 || !work || h0 < 0 || !simple_counted(ir, h0, &c0) || x->jv < 0)
        return false;
    ir_loop_blocks(ir, h0, in0, work);
    if (h1 >= 0)
        ir_loop_blocks(ir, h1, in1, work);
    const IrBlock *xb = &ir->blocks[c0.exit];
    if (in0[ir->ins[x->jv].block] || xb->npreds >= IR_MAX_PREDS || (xb->nins && ir->ins[xb->ins[0]].op == IR_PHI) ||
        !made_outside(ir, in0, c0.init) || !made_outside(ir, in0, c0.bound) || !made_outside(ir, in0, c2->init) || !made_outside(ir, in0, c2->bound) ||
        !made_outside(ir, in0, af[0].scale) || !made_outside(ir, in0, af[1].scale) ||
        !vec_only_arithmetic(ir, in0, h1 >= 0 ? in1 : in2, c0.phi))
        return false;
    if (h1 >= 0 && (!simple_counted(ir, h1, &c1) || !made_outside(ir, in0, c1.init) ||
                    !made_outside(ir, in0, c1.bound) || !vec_only_arithmetic(ir, in1, in2, c1.phi)))
        return false;
    int32_t pre0 = preheader(ir, h0), held = h1 >= 0 ? c1.phi : -1;
    *r = (RowRun){.exit0 = c0.exit, .phi0 = c0.phi, .init0 = c0.init, .bound0 = c0.bound, .phi1 = -1, .init1 = -1,
                  .bound1 = -1};
    if (h1 >= 0)
        r->phi1 = c1.phi, r->init1 = c1.init, r->bound1 = c1.bound;
    r->din = af[0].off >= 0 ? vec_deriv(ir, in0, c0.phi, held, af[0].off, pre0) : VEC_DERIV_ZERO;
    r->dw = af[1].off >= 0 ? vec_deriv(ir, in0, c0.phi, held, af[1].off, pre0) : VEC_DERIV_ZERO;
    return !ir->oom && r->din != VEC_DERIV_FAIL && r->dw != VEC_DERIV_FAIL; /* (else dead code left) */
}

/* The rows' loop around tap loop h2: two loops out, the inner one a
 * single trip (conv3x3's ky, kx), else the next loop out (conv1d's k) */
static bool row_run_plan(Vec *x, int32_t h2, const IrCounted *c2, const uint8_t *in2, const IrAffine *af, RowRun *r)
{
    Ir *ir = x->ir;
    int32_t h1 = ir->blocks[preheader(ir, h2)].loop_head;
    if (h1 < 0)
        return false;
    int32_t h0 = ir->blocks[preheader(ir, h1)].loop_head;
    IrTmpMark mark = ir_tmp_mark(ir);
    bool ok = row_run_at(x, h0, h1, c2, in2, af, r);
    ir_tmp_release(ir, mark);
    if (ok)
        return true;
    ok = row_run_at(x, h1, -1, c2, in2, af, r);
    ir_tmp_release(ir, mark);
    return ok;
}

/* v in x->cur: a constant copied there, else v */
static int32_t local(Vec *x, int32_t v)
{
    int32_t k;
    return is_const(x->ir, v, &k) ? konst(x, k) : v;
}

/* In block x->cur (the panel's entry, its pointers p[2] at the row's first
 * tap, n taps from tap row lo of rows): whether the rows left go as one
 * run, to block ra, else to the 16-tap loop hp16 as before. ra's loop
 * leaves to the rows' loop's exit. */
static bool row_run(Vec *x, const RowRun *r, const int32_t *p, int32_t init, int32_t lim, int32_t n, int32_t lo,
                    int32_t rows, int32_t stride, int32_t hp16, uint32_t pc, uint32_t mpc)
{
    Ir *ir = x->ir;
    int32_t zero = konst(x, 0), one = konst(x, 1), rx = x->cur;
    int32_t ra = new_block(x, pc), rh = new_block(x, pc), ih = new_block(x, pc), ib = new_block(x, pc);
    int32_t rl = new_block(x, pc);
    if (ir->oom || ra < 0 || rh < 0 || ih < 0 || ib < 0 || rl < 0)
        return false;
    /* from the first row: the rows and their taps' count, exact; the
     * weights' step per row n * stride. (All but the tests on phi0, phi1
     * and lo are made once a call, licm. The tests on phi0 still run at
     * every ky in kx's preheader, and with no panel had (6x6: too few
     * output positions) they cost about 1.4%: rows left from phi0, their
     * count's wrap tested at every row, cost 5%, and a use of phi0 here
     * instead, 2%.) */
    int32_t i0 = local(x, r->init0), b0 = local(x, r->bound0);
    int32_t left = emit(x, IR_SUB, TY_INT, b0, i0, -1, pc);
    int32_t wrap = either(x, ovf(x, IR_SUBO, b0, i0), ovf(x, IR_MULO, left, n));
    wrap = either(x, wrap, ovf(x, IR_MULO, n, stride));
    int32_t dw = r->dw == VEC_DERIV_ZERO ? zero : r->dw;
    int32_t ok = cmp(x, CC_EQ, emit(x, IR_AND, TY_INT, n, konst(x, 15), -1, pc), zero);
    ok = emit(x, IR_AND, TY_BOOL, ok, cmp(x, CC_EQ, wrap, zero), -1, pc);
    ok = emit(x, IR_AND, TY_BOOL, ok, cmp(x, CC_EQ, dw, emit(x, IR_MUL, TY_INT, n, stride, -1, pc)), -1, pc);
    ok = emit(x, IR_AND, TY_BOOL, ok,
              cmp(x, CC_LE, emit(x, IR_MUL, TY_INT, left, n, -1, pc), emit(x, IR_SUB, TY_INT, rows, lo, -1, pc)), -1, pc);
    ok = emit(x, IR_AND, TY_BOOL, ok, cmp(x, CC_EQ, r->phi0, i0), -1, pc);
    if (r->phi1 >= 0) { /* kx at its first value, its last trip (init1 < bound1 here: no wrap) */
        int32_t i1 = local(x, r->init1);
        ok = emit(x, IR_AND, TY_BOOL, ok, cmp(x, CC_EQ, r->phi1, i1), -1, pc);
        ok = emit(x, IR_AND, TY_BOOL, ok, cmp(x, CC_GE, emit(x, IR_ADD, TY_INT, i1, one, -1, pc), local(x, r->bound1)), -1, pc);
    }
    emit(x, IR_BR, TY_VOID, ok, -1, -1, pc);
    edge(ir, rx, ra);
    edge(ir, rx, hp16);
    x->cur = ra;
    int32_t din = r->din == VEC_DERIV_ZERO ? konst(x, 0) : r->din;
    emit(x, IR_JMP, TY_VOID, -1, -1, -1, pc);
    edge(ir, ra, rh);
    x->cur = rh;
    int32_t row = emit(x, IR_PHI, TY_INT, -1, -1, -1, pc), pin = emit(x, IR_PHI, TY_PTR, -1, -1, -1, pc);
    int32_t pw = emit(x, IR_PHI, TY_PTR, -1, -1, -1, pc);
    emit(x, IR_JMP, TY_VOID, -1, -1, -1, pc);
    edge(ir, rh, ih);
    VLoop l = {.hdr = ih, .body = ib, .exit = rl};
    vloop_header(x, &l, lim, pc);
    int32_t m = emit(x, IR_VMACN, TY_VOID, l.q[0], l.q[1], konst(x, 16), mpc);
    if (!vloop_latch(x, &l, init, (int32_t[2]){pin, pw}, (int32_t[2]){konst(x, 16), konst(x, 256)}, pc))
        return false;
    ir->ins[m].aux = 16;
    /* the next row's inputs din on from this row's (the loop's own pointer,
     * pipelined, ends past its last load: emit.c hw_fuse_taps); its weights
     * where this row's end */
    x->cur = rl;
    int32_t nrow = emit(x, IR_ADD, TY_INT, row, one, -1, pc);
    int32_t npin = emit(x, IR_ADD, TY_PTR, pin, din, -1, pc);
    emit(x, IR_BR, TY_VOID, cmp(x, CC_LT, nrow, left), -1, -1, pc);
    edge(ir, rl, rh);
    edge(ir, rl, r->exit0);
    if (ir->oom)
        return false;
    const int32_t *ops[3] = {(int32_t[2]){zero, nrow}, (int32_t[2]){p[0], npin}, (int32_t[2]){p[1], l.q[1]}};
    const int32_t phis[3] = {row, pin, pw};
    for (int i = 0; i < 3; i++) { /* rh's predecessors: ra, rl */
        ir->ins[phis[i]].list = ir_list_alloc(ir, 2);
        if (ir->oom)
            return false;
        ir->lists[ir->ins[phis[i]].list] = ops[i][0], ir->lists[ir->ins[phis[i]].list + 1] = ops[i][1];
    }
    return true;
}

static bool taps_loop(Vec *x, int32_t h2, uint8_t *in2, int32_t *work, bool known16, bool dry)
{
    Ir *ir = x->ir;
    IrCounted c2;
    if (!ir_counted_loop(ir, h2, &c2) || c2.step != 1 || c2.cc != CC_LT || c2.body != c2.latch ||
        ir->blocks[h2].nins != 3)
        return false;
    int32_t lo, hi;
    if (known16 && !(is_const(ir, c2.init, &lo) && is_const(ir, c2.bound, &hi) && (int64_t)hi - lo >= 16))
        return false;
    ir_loop_blocks(ir, h2, in2, work);
    int32_t k;
    if ((in2[ir->ins[c2.init].block] && !is_const(ir, c2.init, &k)) ||
        (in2[ir->ins[c2.bound].block] && !is_const(ir, c2.bound, &k)))
        return false;
    const IrBlock *bb = &ir->blocks[c2.body];
    int32_t mac = -1;
    for (uint32_t i = 0; i < bb->nins; i++) {
        const IrIns *in = &ir->ins[bb->ins[i]];
        if (in->op == IR_VMAC && mac < 0 && in->aux == 0)
            mac = bb->ins[i];
        else if (in->op != IR_JMP && in->op != IR_ALOAD && !(ir_opinfo[in->op].flags & IR_PURE))
            return false; /* (a load the copy left: the broadcast element, unused now) */
    }
    if (mac < 0)
        return false;
    /* both operands data + index, the data from outside the loop */
    int32_t data[2], idx[2];
    IrAffine af[2];
    for (int o = 0; o < 2; o++) {
        const IrIns *ad = &ir->ins[o ? ir->ins[mac].b : ir->ins[mac].a];
        if (ad->op != IR_ADD || ad->type != TY_PTR)
            return false;
        bool swap = ir->ins[ad->b].type == TY_PTR;
        data[o] = swap ? ad->b : ad->a, idx[o] = swap ? ad->a : ad->b;
        /* (the copy reads a data pointer again in the loop: licm moves it out later) */
        if (in2[ir->ins[data[o]].block] &&
            (ir->ins[data[o]].op != IR_ADATA || in2[ir->ins[ir->ins[data[o]].a].block]))
            return false;
        af[o] = ir_affine(ir, in2, c2.phi, idx[o], false);
        if (!af[o].ok)
            return false;
    }
    if (af[0].scale >= 0 && !(is_const(ir, af[0].scale, &k) && k == 1))
        return false; /* the broadcast element must be contiguous in k */
    for (int o = 0; o < 2; o++) /* (made before the loop: p16 computes them) */
        if ((af[o].scale >= 0 && in2[ir->ins[af[o].scale].block]) || (af[o].off >= 0 && in2[ir->ins[af[o].off].block]))
            return false;
    if (dry)
        return true;
    /* the tail's entry guarded (vec16): its pointers, which sr.c makes in
     * its preheader, only when taps are left */
    const IrBlock *xb = &ir->blocks[c2.exit];
    bool guard = xb->npreds < IR_MAX_PREDS && !(xb->nins && ir->ins[xb->ins[0]].op == IR_PHI) &&
                 !vec_loop_escapes(ir, in2);
    uint32_t pc = ir->blocks[h2].bc_start;
    int32_t pre2 = preheader(ir, h2);
    VecPanel pl; /* b's taps packed before the loop around (vector_panel.c) */
    int32_t row0 = ROW_FAIL;
    bool packed = vec_panel_plan(x, &c2, data[1], af[1], &pl) && !panel_before(ir, pl.pre) &&
                  (!pl.whole || whole_row(x, af[1].off, af[1].scale, false, &row0));
    RowRun rr; /* (before the blocks change: the dominators are fresh) */
    bool rowrun = packed && pl.whole && af[1].scale >= 0 && row_run_plan(x, h2, &c2, in2, af, &rr);
    int32_t t16 = new_block(x, pc), p16 = new_block(x, pc), h16 = new_block(x, pc), b16 = new_block(x, pc);
    int32_t x16 = new_block(x, pc), s16 = -1, panel = -1, rows = -1, g16 = guard ? new_block(x, pc) : -1;
    if (ir->oom || t16 < 0 || p16 < 0 || h16 < 0 || b16 < 0 || x16 < 0 || (guard && g16 < 0))
        return false;
    if (packed && ((s16 = new_block(x, pc)) < 0 || !vec_panel_make(x, &pl, &panel, &rows)))
        return false;
    for (uint32_t s = 0; s < ir->blocks[pre2].nsucc; s++)
        if (ir->blocks[pre2].succ[s] == h2)
            ir->blocks[pre2].succ[s] = t16;
    ir->blocks[t16].preds[ir->blocks[t16].npreds++] = pre2;
    x->cur = t16;
    int32_t init = is_const(ir, c2.init, &k) ? konst(x, k) : c2.init;
    int32_t bound = is_const(ir, c2.bound, &k) ? konst(x, k) : c2.bound;
    int32_t lim = ir_clamped_limit(ir, t16, bound, 15);
    emit(x, IR_BR, TY_VOID, cmp(x, CC_LT, init, lim), -1, -1, pc);
    edge(ir, t16, packed ? s16 : p16);
    edge(ir, t16, x16);
    int32_t piv = -1;
    if (packed) { /* on the panel when it was had: its lanes 16 bytes apart */
        x->cur = s16;
        int32_t pp16 = new_block(x, pc), bp16 = new_block(x, pc), hp16 = new_block(x, pc);
        if (ir->oom || pp16 < 0 || bp16 < 0 || hp16 < 0)
            return false;
        int32_t had = pl.whole ? -1 : cmp(x, CC_NE, panel, konst(x, 0)), lo = -1, n = -1;
        if (pl.whole) { /* the taps' rows lo .. lo + bound - init in the panel's */
            int32_t zero = konst(x, 0), r0;
            if (!whole_row(x, af[1].off, af[1].scale, true, &r0))
                return false;
            bool at0 = is_const(ir, init, &k) && k == 0;
            n = at0 ? bound : emit(x, IR_SUB, TY_INT, bound, init, -1, pc);
            lo = at0 ? r0 : emit(x, IR_ADD, TY_INT, r0, init, -1, pc);
            int32_t fits = emit(x, IR_AND, TY_BOOL, cmp(x, CC_GE, lo, zero),
                                cmp(x, CC_LE, n, emit(x, IR_SUB, TY_INT, rows, lo, -1, pc)), -1, pc);
            if (!at0)
                fits = emit(x, IR_AND, TY_BOOL, fits,
                            cmp(x, CC_EQ, either(x, ovf(x, IR_ADDO, r0, init), ovf(x, IR_SUBO, bound, init)), zero), -1, pc);
            had = fits; /* (no panel: 0 rows, and n is 16 or more here) */
        }
        emit(x, IR_BR, TY_VOID, had, -1, -1, pc);
        edge(ir, s16, pp16);
        edge(ir, s16, p16);
        x->cur = pp16;
        int32_t j0 = is_const(ir, pl.j0, &k) ? konst(x, k) : pl.j0;
        int32_t col = emit(x, IR_MUL, TY_INT, emit(x, IR_SUB, TY_INT, x->jv, j0, -1, pc), rows, -1, pc);
        if (pl.whole)
            col = emit(x, IR_ADD, TY_INT, col, emit(x, IR_SHL, TY_INT, lo, konst(x, 4), -1, pc), -1, pc);
        int32_t q0[2] = {taps_pointer(x, in2, data[0], af[0], init, pc), emit(x, IR_ADD, TY_PTR, panel, col, -1, pc)};
        if (rowrun) {
            if (!row_run(x, &rr, q0, init, lim, n, lo, rows, af[1].scale, hp16, pc, ir->ins[mac].pc))
                return false;
        } else {
            emit(x, IR_JMP, TY_VOID, -1, -1, -1, pc);
            edge(ir, pp16, hp16);
        }
        VLoop lp = {.hdr = hp16, .body = bp16, .exit = x16};
        vloop_header(x, &lp, lim, pc);
        int32_t mp = emit(x, IR_VMACN, TY_VOID, lp.q[0], lp.q[1], konst(x, 16), ir->ins[mac].pc);
        if (!vloop_latch(x, &lp, init, q0, (int32_t[2]){konst(x, 16), konst(x, 256)}, pc))
            return false;
        ir->ins[mp].aux = 16;
        piv = lp.iv; /* (x16's phi takes it) */
    }
    x->cur = p16;
    int32_t p0[2];
    for (int o = 0; o < 2; o++)
        p0[o] = taps_pointer(x, in2, data[o], af[o], init, pc);
    int32_t stride = af[1].scale >= 0 ? af[1].scale : konst(x, 1);
    int32_t jump = emit(x, IR_MUL, TY_INT, stride, konst(x, 16), -1, pc);
    emit(x, IR_JMP, TY_VOID, -1, -1, -1, pc);
    edge(ir, p16, h16);
    VLoop l = {.hdr = h16, .body = b16, .exit = x16};
    vloop_header(x, &l, lim, pc);
    int32_t m = emit(x, IR_VMACN, TY_VOID, l.q[0], l.q[1], stride, ir->ins[mac].pc);
    if (!vloop_latch(x, &l, init, p0, (int32_t[2]){konst(x, 16), jump}, pc))
        return false;
    x->cur = x16;
    int32_t from = emit(x, IR_PHI, TY_INT, -1, -1, -1, pc);
    ir->ins[from].list = ir_list_alloc(ir, ir->blocks[x16].npreds);
    emit(x, guard ? IR_BR : IR_JMP, TY_VOID, guard ? cmp(x, CC_LT, from, bound) : -1, -1, -1, pc);
    if (ir->oom)
        return false;
    ir->ins[m].aux = 16;
    /* x16's predecessors: t16, h16 and the panel's loop */
    for (uint32_t i = 0; i < ir->blocks[x16].npreds; i++) {
        int32_t pb = ir->blocks[x16].preds[i];
        ir->lists[ir->ins[from].list + (int32_t)i] = pb == t16 ? init : pb == h16 ? l.iv : piv;
    }
    int32_t into = x16;
    if (guard) { /* x16 -> g16 -> h2 when taps are left, else to h2's exit */
        x->cur = g16;
        emit(x, IR_JMP, TY_VOID, -1, -1, -1, pc);
        edge(ir, x16, g16);
        edge(ir, x16, c2.exit);
        into = g16;
    }
    if (ir->oom)
        return false;
    ir->blocks[into].succ[ir->blocks[into].nsucc++] = h2;
    IrBlock *hb = &ir->blocks[h2];
    uint32_t pi = hb->preds[0] == pre2 ? 0 : 1;
    hb->preds[pi] = into;
    ir->lists[ir->ins[c2.phi].list + (int32_t)pi] = from;
    ir_cfg_changed(ir);
    return true;
}

bool vec_taps_fit(Vec *x, int32_t h2, uint8_t *in2, int32_t *work) { return taps_loop(x, h2, in2, work, false, true); }

void vec_each_loop(Vec *x, uint32_t first, VecLoopFn fn, void *ctx)
{
    Ir *ir = x->ir;
    uint32_t nb = ir->nblocks;
    bool fresh = false;
    for (uint32_t b = first; b < nb && !ir->oom; b++) {
        if (!fresh)
            ir_dominators(ir), ir_loops(ir), fresh = true;
        if (ir->blocks[b].loop_head != (int32_t)b || ir->blocks[b].dead)
            continue;
        IrTmpMark mark = ir_tmp_mark(ir);
        uint8_t *in = ir_tmp(ir, ir->nblocks + 1);
        int32_t *work = ir_tmp(ir, (ir->nblocks + 1) * sizeof *work);
        if (in && work && fn(x, (int32_t)b, in, work, ctx))
            fresh = false;
        ir_tmp_release(ir, mark);
    }
}

static bool block_taps(Vec *x, int32_t h2, uint8_t *in2, int32_t *work, void *mode)
{
    if (!taps_loop(x, h2, in2, work, *(const TapsMode *)mode == TAPS_CONST16, false))
        return false;
    x->taps++;
    return true;
}

/* Every such loop of the vector copy (blocks from first on); with
 * TAPS_CONST16, only those that make 16 taps or more, a constant count. */
void vec_block_taps(Vec *x, uint32_t first, TapsMode mode)
{
    /* invariant parts of the indices out of the loops first (licm runs
     * after vector.c anyway): ir_affine wants its offsets outside (matmul's
     * a[i*K + k]: i*K) */
    ir_licm(x->ir);
    vec_each_loop(x, first, block_taps, &mode);
}
