/*
 * vector_panel.c - the 16-tap loop over a packed panel of b (vec14, issue
 * 12: 4 int8 MACs per modelled cycle; docs/jit.md, "Packed panels").
 *
 * vector_taps.c's 16-tap loop loads each tap's lanes with esp.vld.128.xp
 * (b's rows are a row's length apart) beside esp.vsmulas: 4 modelled cycles
 * a tap. The one fused MAC with a broadcast lane, esp.vsmulas.s8.qacc.ld.incp,
 * steps its pointer by 16, so with the rows 16 bytes apart each tap is that
 * one instruction: 3 cycles. Before the loop around the vector loop (matmul's
 * i), jit_pack_panel (scratch.c) copies the taps' rows of b, every 16-column
 * block of them, into scratch memory once; the 16-tap loop then runs on the
 * panel when it was had, and on b as before when it was not (the heap has
 * no free block, too few rows around to pay for the copy).
 *
 * Exact because nothing between the copy and the last tap can change b:
 * the loop around makes no call, no bytearray(), no int8 store and no
 * elementwise store (compiled code never resizes an array, and an array's
 * buffer has one element kind, so the int32 stores of the output cannot
 * reach b's bytes), and the copy is made again at every entry into that
 * loop (b changed between calls, or by code before the loop). The panel
 * holds the bytes the taps would read, 0 past b's end (lanes above the last
 * stored); the vector loop's checks are unchanged, and they decide whether
 * any of it is used.
 */
#include <string.h>

#include "jit/vector_int.h"

/* Rows around the vector loop below which the copy is not made: a 16-byte
 * row of the panel costs about 14 modelled cycles to copy (aligned; about
 * 20 merged from unaligned words) and saves 1 per use, less the panel
 * loop's set-up per output vector; bench/layers_vec14.py's 64x64 b: 16
 * rows 475 cycles slower, 24 rows 1,224 faster (bench/RESULTS.md vec14). */
enum { PANEL_MIN_ROWS = 24 };

/* v in x->cur: a constant copied there (its block may be any), else v
 * (vec_panel_plan found it made before the loop around). */
static int32_t here(Vec *x, int32_t v)
{
    int32_t k;
    return is_const(x->ir, v, &k) ? konst(x, k) : v;
}

/* Nothing in loop h's blocks (in[]) can change an int8 array's bytes. */
static bool keeps_bytes(const Ir *ir, const uint8_t *in)
{
    for (uint32_t b = 0; b < ir->nblocks; b++)
        for (uint32_t i = 0; in[b] && i < ir->blocks[b].nins; i++) {
            const IrIns *v = &ir->ins[ir->blocks[b].ins[i]];
            if (v->op == IR_CALL || v->op == IR_NEWBYTES || v->op == IR_EWST ||
                (v->op == IR_ASTORE && ir_elem_shift(v->aux) == 0) ||
                (v->op == IR_CALLRT && v->aux >= H_METHOD && v->aux != H__COUNT))
                return false;
        }
    return true;
}

/* The loop around loop h (its preheader's loop), -1 for none. */
static int32_t around(const Ir *ir, int32_t h) { return ir->blocks[preheader(ir, h)].loop_head; }

/* Whether the 16-tap loop of inner loop c2 (its lanes at data + af, af's
 * offset the vector loop's lane-0 counter) can take a panel; its plan in
 * *p. Queries only (the dominators must be fresh). A lanes' offset of jv
 * plus more (a conv's (ky*3+kx)*C*F + f) takes a whole panel (vec18):
 * every row of the array, made before the outermost of one or two loops
 * around the vector loop, the taps' row found at each entry into them
 * (vector_taps.c). */
bool vec_panel_plan(Vec *x, const IrCounted *c2, int32_t data, IrAffine af, VecPanel *p)
{
    Ir *ir = x->ir;
    if (ir->no_panel || af.off < 0 || af.scale < 0 || ir->ins[data].op != IR_ADATA || x->jv < 0)
        return false;
    bool whole = af.off != x->jv;
    int32_t hv = ir->blocks[ir->ins[x->jv].block].loop_head;
    if (hv < 0)
        return false;
    int32_t hout = around(ir, hv), hin = -1;
    IrCounted co, ci = {0};
    if (whole && hout >= 0 && around(ir, hout) >= 0)
        hin = hout, hout = around(ir, hout);
    if (hout < 0 || !ir_counted_loop(ir, hout, &co) || co.step != 1 || co.cc != CC_LT ||
        (hin >= 0 && (!ir_counted_loop(ir, hin, &ci) || ci.step != 1 || ci.cc != CC_LT)))
        return false;
    /* the loop around is the function's outermost, so the copy is made once
     * a call: inside further loops (a conv's rows, p4nn's conv3x3_tap_pairs)
     * it would copy the same taps again at each of their trips, and too few
     * rows around (fewer than PANEL_MIN_ROWS) leave only its test and code */
    if (around(ir, hout) >= 0)
        return false;
    IrTmpMark mark = ir_tmp_mark(ir);
    uint8_t *in = ir_tmp0(ir, ir->nblocks + 1);
    int32_t *work = ir_tmp(ir, (ir->nblocks + 1) * sizeof *work);
    bool ok = in && work;
    if (ok) {
        ir_loop_blocks(ir, hout, in, work);
        ok = keeps_bytes(ir, in);
    }
    ir_tmp_release(ir, mark);
    /* (a whole panel's rows do not depend on the taps' counts: placeholders) */
    int32_t kinit = whole ? co.init : c2->init, kbound = whole ? co.init : c2->bound;
    *p = (VecPanel){.hout = hout, .pre = preheader(ir, hout), .arr = ir->ins[data].a, .stride = af.scale,
                    .kinit = kinit, .kbound = kbound, .j0 = x->c.init, .jbound = x->c.bound,
                    .oinit = co.init, .obound = co.bound, .whole = whole,
                    .iinit = hin >= 0 ? ci.init : co.init, .ibound = hin >= 0 ? ci.bound : co.bound};
    if (hin < 0)
        p->iinit = p->ibound = -1;
    /* every value the copy needs is made before the loop around (a constant anywhere) */
    const int32_t need[] = {p->arr, p->stride, p->kinit, p->kbound, p->j0, p->jbound, p->oinit, p->obound,
                            hin >= 0 ? p->iinit : p->oinit, hin >= 0 ? p->ibound : p->obound};
    for (size_t i = 0; ok && i < sizeof need / sizeof need[0]; i++) {
        int32_t k, b = ir->ins[need[i]].block;
        ok = is_const(ir, need[i], &k) || (b >= 0 && ir_dominates(ir, b, p->pre));
    }
    return ok;
}

/* The copy, in blocks between the loop around's preheader and its header:
 * the panel's address (0: not had) in *panel, its rows in *rows (the taps'
 * count, a multiple of 16). With fewer rows around than PANEL_MIN_ROWS no
 * call is made. The three calls pass two words each (CALLRT), chained by
 * their results (0) so that they stay in order. */
bool vec_panel_make(Vec *x, const VecPanel *p, int32_t *panel, int32_t *rows)
{
    Ir *ir = x->ir;
    uint32_t pc = ir->blocks[p->hout].bc_start;
    int32_t pk = new_block(x, pc), pcall = new_block(x, pc), pj = new_block(x, pc);
    if (ir->oom || pk < 0 || pcall < 0 || pj < 0)
        return false;
    for (uint32_t s = 0; s < ir->blocks[p->pre].nsucc; s++)
        if (ir->blocks[p->pre].succ[s] == p->hout)
            ir->blocks[p->pre].succ[s] = pk;
    ir->blocks[pk].preds[ir->blocks[pk].npreds++] = p->pre;
    IrBlock *hb = &ir->blocks[p->hout];
    for (uint32_t i = 0; i < hb->npreds; i++)
        if (hb->preds[i] == p->pre)
            hb->preds[i] = pj; /* (the header's phis keep their operands: made before pk) */
    ir->blocks[pj].succ[ir->blocks[pj].nsucc++] = p->hout;
    int32_t saved = x->cur;
    x->cur = pk;
    int32_t v[8];
    const int32_t need[] = {p->arr, p->stride, p->kinit, p->kbound, p->j0, p->jbound, p->oinit, p->obound};
    for (int i = 0; i < 8; i++)
        v[i] = here(x, need[i]);
    int32_t arr = v[0], stride = v[1], kinit = v[2], kbound = v[3], j0 = v[4], jbound = v[5];
    int32_t none = konst(x, 0), min = konst(x, PANEL_MIN_ROWS);
    int32_t outer = emit(x, IR_SUB, TY_INT, v[7], v[6], -1, pc), many;
    if (p->whole) { /* uses of each row: the two loops' trips (one alone at least 1, both under 24: no overflow) */
        int32_t inner = p->iinit < 0 ? konst(x, 1)
                                     : emit(x, IR_SUB, TY_INT, here(x, p->ibound), here(x, p->iinit), -1, pc);
        int32_t one = konst(x, 1);
        int32_t runs = emit(x, IR_AND, TY_BOOL, cmp(x, CC_GE, outer, one), cmp(x, CC_GE, inner, one), -1, pc);
        int32_t uses = emit(x, IR_OR, TY_BOOL, cmp(x, CC_GE, outer, min), cmp(x, CC_GE, inner, min), -1, pc);
        uses = emit(x, IR_OR, TY_BOOL, uses, cmp(x, CC_GE, emit(x, IR_MUL, TY_INT, outer, inner, -1, pc), min), -1, pc);
        many = emit(x, IR_AND, TY_BOOL, runs, uses, -1, pc);
    } else {
        *rows = emit(x, IR_AND, TY_INT, emit(x, IR_SUB, TY_INT, kbound, kinit, -1, pc), konst(x, ~15), -1, pc);
        many = emit(x, IR_AND, TY_BOOL, cmp(x, CC_GE, outer, min), cmp(x, CC_GT, *rows, none), -1, pc); /* (no taps: no copy) */
    }
    emit(x, IR_BR, TY_VOID, many, -1, -1, pc);
    edge(ir, pk, pcall);
    edge(ir, pk, pj);
    x->cur = pcall;
    int32_t data = emit(x, IR_ADATA, TY_PTR, arr, -1, -1, pc), len = emit(x, IR_ALEN, TY_INT, arr, -1, -1, pc);
    int32_t t1 = emit(x, IR_CALLRT, TY_INT, data, len, -1, pc);
    ir->ins[t1].aux = H_PANELOF;
    /* (a whole panel: rows 0 asks for all of the array's, returned) */
    int32_t t2 = emit(x, IR_CALLRT, TY_INT, emit(x, IR_ADD, TY_INT, stride, t1, -1, pc), p->whole ? none : *rows, -1, pc);
    ir->ins[t2].aux = H_PANELROWS;
    int32_t first = p->whole ? j0 : emit(x, IR_ADD, TY_INT, emit(x, IR_MUL, TY_INT, kinit, stride, -1, pc), j0, -1, pc);
    int32_t made = emit(x, IR_CALLRT, TY_INT, p->whole ? first : emit(x, IR_ADD, TY_INT, first, t2, -1, pc),
                        emit(x, IR_SUB, TY_INT, jbound, j0, -1, pc), -1, pc);
    ir->ins[made].aux = H_PANEL;
    int32_t all = p->whole ? emit(x, IR_SELECT, TY_INT, cmp(x, CC_NE, made, none), t2, none, pc) : -1; /* (no panel: no rows) */
    emit(x, IR_JMP, TY_VOID, -1, -1, -1, pc);
    edge(ir, pcall, pj);
    x->cur = pj;
    *panel = emit(x, IR_PHI, TY_INT, -1, -1, -1, pc);
    ir->ins[*panel].list = ir_list_alloc(ir, 2);
    if (p->whole) {
        *rows = emit(x, IR_PHI, TY_INT, -1, -1, -1, pc);
        ir->ins[*rows].list = ir_list_alloc(ir, 2);
    }
    emit(x, IR_JMP, TY_VOID, -1, -1, -1, pc);
    x->cur = saved;
    ir_cfg_changed(ir);
    if (ir->oom)
        return false;
    for (uint32_t i = 0; i < 2; i++) { /* pj's predecessors: pk, pcall */
        bool copied = ir->blocks[pj].preds[i] != pk;
        ir->lists[ir->ins[*panel].list + (int32_t)i] = copied ? made : none;
        if (p->whole)
            ir->lists[ir->ins[*rows].list + (int32_t)i] = copied ? all : none;
    }
    x->npanels++, x->panel_plan = *p, x->panel = *panel; /* (vec_panel_version) */
    return true;
}

/* ---- the nest's version without run-time choices (vec17) ---------------
 *
 * Each output vector of the loop around's nest tests, inside the vector
 * loop, what the nest's entry already fixes: a full step of 16 lanes or the
 * tail's (vector_copy.c: the lane counts, and the QACC stores' tests on
 * them), 16 taps or more for the 16-tap loop (vector_taps.c's t16), the
 * panel had (s16): about 30 modelled cycles an output vector of 64^3 (p4sim
 * --trace, bench/RESULTS.md vec17). The nest is copied (vector_nest.c) and
 * the copy, chosen at the entry when the panel was had, 16 taps or more are
 * left and the lanes' count is a multiple of 16, takes each of those
 * branches' known side: the lane counts' phis keep one operand (fold makes
 * them constants, the lanes' step a constant 16), the stores are four
 * quarters without a test, and the blocks no longer reached go (the taps on
 * b, the lanes' tail, and the scalar loop after the vector loop when the
 * test also proved that no check of the vector loop fails: jitcost7, half
 * the copy's compile cost). Both copies compute the same; the test picks speed
 * only. The scalar taps' guard after the 16-tap loop stays (a copy for
 * counts that are multiples of 16 only saved 2% more at 64^3 and lost
 * 48x80x24 and 72x48x56's gains). */

/* Drops the edge from -> to: to's predecessor slot and its phis' operands
 * there. */
static void drop_edge(Ir *ir, int32_t from, int32_t to)
{
    IrBlock *f = &ir->blocks[from], *t = &ir->blocks[to];
    uint32_t n = 0;
    for (uint32_t s = 0; s < f->nsucc; s++)
        if (f->succ[s] != to)
            f->succ[n++] = f->succ[s];
    f->nsucc = n;
    for (uint32_t p = 0; p < t->npreds; p++) {
        if (t->preds[p] != from)
            continue;
        for (uint32_t i = 0; i < t->nins && ir->ins[t->ins[i]].op == IR_PHI; i++) {
            int32_t *ops = &ir->lists[ir->ins[t->ins[i]].list];
            memmove(ops + p, ops + p + 1, (t->npreds - p - 1) * sizeof *ops);
        }
        memmove(t->preds + p, t->preds + p + 1, (t->npreds - p - 1) * sizeof *t->preds);
        t->npreds--;
        return;
    }
}

/* Block b's branch, whose side `keep` the copy's entry proved, a jump. */
static void take(Ir *ir, int32_t b, int32_t keep)
{
    IrBlock *bl = &ir->blocks[b];
    IrIns *br = &ir->ins[bl->ins[bl->nins - 1]];
    int32_t other = bl->succ[0] == keep ? bl->succ[1] : bl->succ[0];
    br->op = IR_JMP, br->a = -1; /* (its compare, unused, goes in dce) */
    drop_edge(ir, b, other);
}

/* The copy's blocks (lo .. hi - 1) no longer reached: their edges into
 * reached blocks dropped, their values removed. */
static void prune(Ir *ir, uint32_t lo, uint32_t hi)
{
    IrTmpMark m = ir_tmp_mark(ir);
    int32_t *order = ir_tmp(ir, (ir->nblocks + 1) * sizeof *order);
    if (!order) {
        ir->oom = true;
        return;
    }
    ir_cfg_changed(ir);
    ir_rpo(ir, order); /* (marks the blocks not reached dead) */
    for (uint32_t b = lo; b < hi; b++) {
        IrBlock *bl = &ir->blocks[b];
        if (!bl->dead)
            continue;
        while (bl->nsucc)
            drop_edge(ir, (int32_t)b, bl->succ[0]);
        while (bl->nins)
            ir_remove_ins(ir, bl->ins[0]);
        bl->npreds = 0;
    }
    ir_tmp_release(ir, m);
    ir_cfg_changed(ir);
}

/* ir_for_operands callback: an operand made before the copy (blocks lo ..
 * hi - 1), an int or a pointer, read through its own value made in block
 * pre (x | x: fold and cse keep it), made once (local[] by value). */
typedef struct Localize {
    Vec *x;
    uint32_t lo, hi;
    int32_t pre, *local;
} Localize;

static void localize_one(Ir *ir, int32_t *slot, void *ctx)
{
    Localize *L = ctx;
    const IrIns *v = &ir->ins[*slot];
    int32_t k;
    if (v->block < 0 || ((uint32_t)v->block >= L->lo && (uint32_t)v->block < L->hi) || v->block == L->pre ||
        (v->type != TY_INT && v->type != TY_PTR) || is_const(ir, *slot, &k))
        return;
    if (L->local[*slot] < 0) /* (x->cur is pre) */
        L->local[*slot] = emit(L->x, IR_OR, (IrType)v->type, *slot, *slot, -1, ir->blocks[L->pre].bc_start);
    *slot = L->local[*slot];
}

/* The copy's own preheader (between sel and its header h2), where every
 * value it reads from before the choice gets a value of its own: with one
 * interval per value (rega.c), a value both nests read weighs the uses of
 * both, and took registers in the original from its own temporaries
 * (64x64x15 +4%, jit/vectorised/qacc-spills-on). */
static void localize(Vec *x, int32_t sel, int32_t h2, uint32_t lo, uint32_t hi)
{
    Ir *ir = x->ir;
    uint32_t pc = ir->blocks[h2].bc_start;
    int32_t pre = new_block(x, pc);
    IrTmpMark m = ir_tmp_mark(ir);
    int32_t *local = ir_tmp(ir, (ir->nins + 1) * sizeof *local);
    if (pre < 0 || !local) {
        ir->oom = true;
        ir_tmp_release(ir, m);
        return;
    }
    memset(local, 0xff, (ir->nins + 1) * sizeof *local);
    IrBlock *sb = &ir->blocks[sel], *hb = &ir->blocks[h2], *pb = &ir->blocks[pre];
    for (uint32_t s = 0; s < sb->nsucc; s++)
        if (sb->succ[s] == h2)
            sb->succ[s] = pre;
    for (uint32_t p = 0; p < hb->npreds; p++)
        if (hb->preds[p] == sel)
            hb->preds[p] = pre; /* (the same slot: h2's phis keep their operands) */
    pb->preds[pb->npreds++] = sel, pb->succ[pb->nsucc++] = h2;
    pb->loop_depth = sb->loop_depth;
    Localize L = {x, lo, hi, pre, local};
    int32_t cur = x->cur;
    x->cur = pre;
    for (uint32_t b = lo; b < hi; b++)
        for (uint32_t i = 0; i < ir->blocks[b].nins; i++)
            ir_for_operands(ir, ir->blocks[b].ins[i], localize_one, &L);
    emit(x, IR_JMP, TY_VOID, -1, -1, -1, pc);
    x->cur = cur;
    ir_tmp_release(ir, m);
    ir_cfg_changed(ir);
}

/* The block whose branch tests the panel's address (vector_taps.c's s16). */
static int32_t panel_test(const Ir *ir, int32_t panel)
{
    for (uint32_t b = 0; b < ir->nblocks; b++) {
        const IrBlock *bl = &ir->blocks[b];
        const IrIns *br = bl->nins ? &ir->ins[bl->ins[bl->nins - 1]] : NULL;
        if (br && br->op == IR_BR && br->a >= 0 && ir->ins[br->a].op == IR_CMP &&
            (IrCond)ir->ins[br->a].aux == CC_NE && ir->ins[br->a].a == panel && !bl->dead)
            return (int32_t)b;
    }
    return -1;
}

static bool ends_in(const Ir *ir, int32_t b, IrOp op)
{
    const IrBlock *bl = &ir->blocks[b];
    return bl->nins && ir->ins[bl->ins[bl->nins - 1]].op == op;
}

/* Whether the copy can leave out the scalar loop after the vector loop
 * (vectorize_loop's join -> tpre -> the loop, or -> done when no lane is
 * left): with the vector loop's bound (x->lim) the lanes' own, the vector
 * loop ends at that bound or is not entered (the loop around makes it
 * nested: vtest's test is the lanes' count), and its only ways to the
 * join are those two (no bail-out inside it), so the join's test fails.
 * The bound must be known at the nest's entry: its checks made before
 * the loop around. Queries only (the dominators fresh). */
static bool scalar_skipped(const Vec *x, const uint8_t *in2, int32_t entry)
{
    const Ir *ir = x->ir;
    int32_t join = x->join, lim = x->lim;
    if (join < 0 || lim < 0 || !in2[join] || !ends_in(ir, join, IR_BR) || ir->blocks[join].nsucc != 2 ||
        ir->blocks[join].npreds != 2 || ir->ins[lim].op != IR_SELECT || ir->ins[lim].c != x->c.bound ||
        ir->blocks[x->h].loop_depth < 2)
        return false;
    const IrBlock *jb = &ir->blocks[join];
    const IrIns *test = &ir->ins[ir->ins[jb->ins[jb->nins - 1]].a];
    int32_t b = ir->ins[lim].block;
    return test->op == IR_CMP && (IrCond)test->aux == CC_LT && test->b == x->c.bound && b >= 0 &&
           ir_dominates(ir, b, entry);
}

/* The scalar loop's blocks taken out of in2 (the nest to copy), so that
 * the copy, which leaves them out (scalar_skipped), does not make them
 * only for prune to remove them: tpre, loop x->h and texit (skip_scalar's
 * join -> tpre -> h ... -> texit -> done), entered only from the join and
 * left only to done, and no value made in them read elsewhere in the nest
 * but by done's phis, on texit's edge (dropped from the copy's done). The
 * block texit, or -1 when the copy takes the whole nest. */
static int32_t leave_out_scalar(Vec *x, uint8_t *in2, int32_t *work)
{
    Ir *ir = x->ir;
    const IrBlock *jb = &ir->blocks[x->join];
    int32_t tpre = jb->succ[0], done = jb->succ[1];
    const IrBlock *db = &ir->blocks[done];
    if (db->npreds != 2 || !in2[done] || !in2[tpre])
        return -1;
    int32_t texit = db->preds[0] == x->join ? db->preds[1] : db->preds[0];
    uint8_t *sc = ir_tmp(ir, ir->nblocks + 1);
    if (!sc || !in2[x->h] || !in2[texit])
        return -1;
    ir_loop_blocks(ir, x->h, sc, work);
    sc[tpre] = sc[texit] = 1;
    for (uint32_t b = 0; b < ir->nblocks; b++) {
        const IrBlock *bl = &ir->blocks[b];
        bool ok = !sc[b] || in2[b];
        for (uint32_t k = 0; sc[b] && k < bl->npreds; k++)
            ok &= sc[bl->preds[k]] || ((int32_t)b == tpre && bl->preds[k] == x->join);
        for (uint32_t k = 0; sc[b] && k < bl->nsucc; k++)
            ok &= sc[bl->succ[k]] || ((int32_t)b == texit && bl->succ[k] == done);
        if (!ok)
            return -1;
    }
    NestUse u = {sc, ir->nblocks, false};
    for (uint32_t b = 0; b < ir->nblocks && !u.used; b++)
        for (uint32_t i = 0; in2[b] && !sc[b] && i < ir->blocks[b].nins; i++) {
            int32_t v = ir->blocks[b].ins[i];
            if ((int32_t)b != done || ir->ins[v].op != IR_PHI)
                ir_for_operands(ir, v, nest_used_in, &u);
        }
    if (u.used)
        return -1;
    for (uint32_t b = 0; b < ir->nblocks; b++)
        in2[b] &= !sc[b];
    return texit;
}

/* ---- the 16-tap loop's trip count, made once (vec20) ------------------
 *
 * A hardware loop's set-up computes its count from k and lim at every
 * entry (emit.c hw_loop: with the counter's last value 9 instructions
 * besides esp.lp.setup), though in the copy both are the same at every
 * output vector. The copy's 16-tap loop counts t = 0, 1, .. while t < n
 * instead, n = the taps' steps, made before the loop with k's last value,
 * k0 + 16n (licm takes both out of the loops around): the set-up is then
 * lim - k, the n = 1 test and esp.lp.setup, and what read k after the loop
 * (the scalar taps' guard and start) reads k's last value. n is exact as
 * the set-up's own: ((lim - k0 - 1) >>> 4) + 1 when k0 < lim, 0 else. */

typedef struct Reads {
    int32_t v, n; /* a value, and how many operand slots name it */
} Reads;

static void count_reads(Ir *ir, int32_t *slot, void *ctx)
{
    Reads *r = ctx;
    (void)ir;
    r->n += *slot == r->v;
}

/* Operand slots naming v in blocks h and b (a loop's). */
static int32_t reads_in(Ir *ir, int32_t v, int32_t h, int32_t b)
{
    Reads r = {v, 0};
    for (uint32_t i = 0; i < ir->blocks[h].nins; i++)
        ir_for_operands(ir, ir->blocks[h].ins[i], count_reads, &r);
    for (uint32_t i = 0; i < ir->blocks[b].nins; i++)
        ir_for_operands(ir, ir->blocks[b].ins[i], count_reads, &r);
    return r.n;
}

static int32_t put(Ir *ir, int32_t block, IrOp op, int32_t a, int32_t b, uint32_t pc)
{
    int32_t v = ir_add_before_term(ir, block, op, TY_INT, a, b, -1);
    if (!ir->oom)
        ir->ins[v].pc = pc;
    return v;
}

/* The scalar taps' guard after the loop (block x, entered from h only),
 * last < K, would be a value made before the loops around (licm), kept in
 * a register or on the stack through them: it tests t < m instead, m = n
 * + (last < K), t (n there) in the loop's register, so that the guard's
 * compare stays in its branch, one the hardware loop's exit can copy
 * (emit.c hw_exit). */
static void guard_on_t(Ir *ir, int32_t x, int32_t h, int32_t pre, int32_t t, int32_t n, int32_t last)
{
    const IrBlock *xb = &ir->blocks[x];
    const IrIns *br = xb->nins ? &ir->ins[xb->ins[xb->nins - 1]] : NULL;
    if (xb->npreds != 1 || xb->preds[0] != h || !br || br->op != IR_BR || ir->ins[br->a].op != IR_CMP)
        return;
    IrIns *c = &ir->ins[br->a];
    const IrIns *from = &ir->ins[c->a];
    int32_t kb = ir->ins[c->b].block;
    bool last_read = c->a == last || (from->op == IR_PHI && from->block == x && ir->lists[from->list] == last);
    if ((IrCond)c->aux != CC_LT || !last_read || (kb >= 0 && !ir_dominates(ir, kb, pre)))
        return;
    uint32_t pc = c->pc;
    int32_t tail = put(ir, pre, IR_CMP, last, c->b, pc);
    ir->ins[tail].type = TY_BOOL, ir->ins[tail].aux = CC_LT;
    int32_t m = ir_add_before_term(ir, pre, IR_SELECT, TY_INT, tail, put(ir, pre, IR_ADD, n, ir_const_before_term(ir, pre, 1), pc), n);
    if (ir->oom)
        return;
    c = &ir->ins[br->a];
    c->a = t, c->b = m;
}

/* The 16-tap loop whose body is block `body` (its VMACN's), counted by t. */
static void count_taps(Ir *ir, int32_t body)
{
    IrCounted c;
    const IrBlock *bb = &ir->blocks[body];
    if (bb->nsucc != 1 || !ir_counted_loop(ir, bb->succ[0], &c) || c.step != 16 || c.cc != CC_LT ||
        c.latch != body || c.body != body || ir->ins[c.next].block != body || ir->blocks[bb->succ[0]].npreds != 2)
        return;
    int32_t h = bb->succ[0], pre = preheader(ir, h);
    /* in the loop, k read by its compare and its step only, the step by
     * k's phi only (the step is not read after the loop: H is the exit) */
    if (reads_in(ir, c.phi, h, body) != 2 || reads_in(ir, c.next, h, body) != 1 || ir->ins[c.cmp].a != c.phi ||
        ir->ins[c.cmp].b != c.bound)
        return;
    uint32_t pc = ir->blocks[h].bc_start;
    int32_t k0 = c.init, lim = c.bound;
    int32_t runs = put(ir, pre, IR_CMP, k0, lim, pc);
    ir->ins[runs].type = TY_BOOL, ir->ins[runs].aux = CC_LT;
    int32_t d = put(ir, pre, IR_SUB, put(ir, pre, IR_SUB, lim, k0, pc), ir_const_before_term(ir, pre, 1), pc);
    int32_t steps = put(ir, pre, IR_AND, put(ir, pre, IR_SHR, d, ir_const_before_term(ir, pre, 4), pc),
                         ir_const_before_term(ir, pre, 0x0FFFFFFF), pc); /* (a logical shift) */
    int32_t zero = ir_const_before_term(ir, pre, 0), one = ir_const_before_term(ir, pre, 1);
    int32_t n = ir_add_before_term(ir, pre, IR_SELECT, TY_INT, runs, put(ir, pre, IR_ADD, steps, one, pc), zero);
    int32_t last = put(ir, pre, IR_ADD, k0, put(ir, pre, IR_SHL, n, ir_const_before_term(ir, pre, 4), pc), pc);
    int32_t t = ir_add(ir, h, IR_PHI, TY_INT, -1, -1, -1);
    int32_t tn = ir_add_before_term(ir, body, IR_ADD, TY_INT, t, one, -1);
    int32_t list = ir_list_alloc(ir, 2);
    if (ir->oom)
        return;
    ir->ins[n].pc = ir->ins[t].pc = ir->ins[tn].pc = pc;
    const IrBlock *hb = &ir->blocks[h];
    for (uint32_t i = 0; i < 2; i++)
        ir->lists[list + (int32_t)i] = hb->preds[i] == body ? tn : zero;
    ir->ins[t].list = list;
    ir->ins[c.cmp].a = t, ir->ins[c.cmp].b = n;
    ir_replace_uses(ir, c.phi, last); /* (k's step too, removed with k) */
    ir_remove_ins(ir, c.next);
    ir_remove_ins(ir, c.phi);
    guard_on_t(ir, c.exit, h, pre, t, n, last);
}

void vec_panel_version(Vec *x)
{
    Ir *ir = x->ir;
    const VecPanel *p = &x->panel_plan;
    if (x->npanels != 1 || p->whole) /* (one matmul panel: a conv's whole panel has other tests) */
        return;
    ir_dominators(ir);
    ir_loops(ir);
    /* s16 -> pp16 (the panel's pointers) or p16 (b's); t16 -> s16 or x16
     * (no 16 taps), x16 -> the guard's g16 or the taps' exit */
    int32_t s16 = panel_test(ir, x->panel);
    if (s16 < 0 || ir->blocks[s16].npreds != 1 || ir->blocks[s16].nsucc != 2)
        return;
    int32_t t16 = ir->blocks[s16].preds[0], pp16 = ir->blocks[s16].succ[0];
    const IrBlock *tb = &ir->blocks[t16];
    if (!ends_in(ir, t16, IR_BR) || tb->nsucc != 2 || tb->succ[0] != s16)
        return;
    int32_t x16 = tb->succ[1];
    int32_t vstep = x->vstep, j0, jb, k0, kb;
    if ((vstep >= 0 && is_const(ir, p->j0, &j0) && is_const(ir, p->jbound, &jb) && ((int64_t)jb - j0) % 16) ||
        (is_const(ir, p->kinit, &k0) && is_const(ir, p->kbound, &kb) && (int64_t)kb - k0 < 16))
        return; /* the original known to run: no copy */
    IrTmpMark mark = ir_tmp_mark(ir);
    uint32_t nb = ir->nblocks;
    uint8_t *in2 = ir_tmp(ir, nb + 1);
    int32_t *work = ir_tmp(ir, (nb + 1) * sizeof *work), *bmap = ir_tmp(ir, (nb + 1) * sizeof *bmap);
    if (!in2 || !work || !bmap)
        goto out;
    ir_loop_blocks(ir, p->hout, in2, work);
    NestCopy S = {.oh = p->hout, .entry = preheader(ir, p->hout), .from_header = true};
    if (!in2[s16] || !in2[t16] || !in2[x16] || (vstep >= 0 && !in2[vstep]) || !nest_copyable(x, in2, &S))
        goto out;
    bool skip = scalar_skipped(x, in2, S.entry);
    int32_t done = skip ? ir->blocks[x->join].succ[1] : -1, texit = skip ? leave_out_scalar(x, in2, work) : -1;
    uint32_t copy0 = nb, n = 0; /* (ir_copy_blocks makes the copies in block order) */
    for (uint32_t b = 0; b < nb; b++)
        bmap[b] = in2[b] ? (int32_t)(copy0 + n++) : -1;
    if (nest_copy(x, &S, in2, p->hout) < 0)
        goto out;
    const int32_t mine[] = {t16, s16, vstep >= 0 ? vstep : t16};
    bool same = true; /* (the copies found where they are expected) */
    for (int i = 0; i < 3; i++)
        same &= ir->blocks[bmap[mine[i]]].nins == ir->blocks[mine[i]].nins && ends_in(ir, bmap[mine[i]], IR_BR);
    same &= !skip ||
            (ir->blocks[bmap[x->join]].nins == ir->blocks[x->join].nins && ends_in(ir, bmap[x->join], IR_BR));
    if (texit >= 0) { /* the copy's join to its done (its edge to tpre has no slot there), done's from texit gone */
        take(ir, bmap[x->join], bmap[done]);
        drop_edge(ir, texit, bmap[done]);
    }
    uint32_t pc = ir->blocks[p->hout].bc_start;
    int32_t zero = konst(x, 0), fifteen = konst(x, 15);
    int32_t kinit = here(x, p->kinit), kbound = here(x, p->kbound);
    int32_t ok = emit(x, IR_AND, TY_BOOL, cmp(x, CC_NE, x->panel, zero),
                      cmp(x, CC_LT, kinit, ir_clamped_limit(ir, x->cur, kbound, 15)), -1, pc);
    if (vstep >= 0) { /* (a difference that wraps is off by 2^32: its low bits are exact) */
        int32_t j0 = here(x, p->j0), jbound = here(x, p->jbound);
        int32_t r = emit(x, IR_AND, TY_INT, emit(x, IR_SUB, TY_INT, jbound, j0, -1, pc), fifteen, -1, pc);
        ok = emit(x, IR_AND, TY_BOOL, ok, cmp(x, CC_EQ, r, zero), -1, pc);
    }
    if (skip) /* (the vector loop's bound is the lanes' when none of its checks can fail) */
        ok = emit(x, IR_AND, TY_BOOL, ok, cmp(x, CC_EQ, here(x, x->lim), here(x, p->jbound)), -1, pc);
    /* the copy on the branch's taken side: the layout (reverse post-order)
     * puts the original first, whose values then end there (localize) */
    IrBlock *sb = &ir->blocks[x->cur];
    int32_t orig = sb->succ[0], sel = x->cur;
    sb->succ[0] = sb->succ[1], sb->succ[1] = orig;
    emit(x, IR_BR, TY_VOID, same ? ok : cmp(x, CC_NE, zero, zero), -1, -1, pc);
    if (ir->oom || !same)
        goto out;
    take(ir, bmap[t16], bmap[s16]);
    take(ir, bmap[s16], bmap[pp16]);
    if (vstep >= 0) /* every step 16 lanes: four quarters stored */
        take(ir, bmap[vstep], ir->blocks[bmap[vstep]].succ[0]);
    if (skip && texit < 0) /* no lane left to the scalar loop: it goes with its inner loops */
        take(ir, bmap[x->join], ir->blocks[bmap[x->join]].succ[1]);
    for (uint32_t b = copy0; b < copy0 + n; b++)
        for (uint32_t i = 0; i < ir->blocks[b].nins; i++) {
            IrIns *v = &ir->ins[ir->blocks[b].ins[i]];
            int32_t q, k;
            if (v->op == IR_VSTQ && !v->aux &&
                (vstep >= 0 || (is_const(ir, v->b, &q) && q == 4 && is_const(ir, v->c, &k) && k == 4)))
                v->aux = 16;
        }
    prune(ir, copy0, copy0 + n);
    localize(x, sel, ir->blocks[sel].succ[0], copy0, copy0 + n);
    /* the copy's output vectors: the panel's and c's addresses stepped (sr.c) */
    int32_t hv = ir->blocks[ir->ins[x->jv].block].loop_head;
    if (hv >= 0 && in2[hv] && !ir->oom)
        ir->blocks[bmap[hv]].sr_own = true;
    ir_dominators(ir);
    ir_loops(ir);
    for (uint32_t b = copy0; b < copy0 + n && !ir->oom; b++) { /* the copy's 16-tap loop on the panel */
        const IrBlock *bl = &ir->blocks[b];
        int32_t k;
        for (uint32_t i = 0; !bl->dead && i < bl->nins; i++) {
            const IrIns *v = &ir->ins[bl->ins[i]];
            if (v->op == IR_VMACN && is_const(ir, v->c, &k) && k == 16) {
                count_taps(ir, (int32_t)b);
                break;
            }
        }
    }
out:
    ir_tmp_release(ir, mark);
}
