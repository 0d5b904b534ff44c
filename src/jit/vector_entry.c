/*
 * vector_entry.c - what a vector loop does on entry, done once for the
 * loops around it.
 *
 * A vector loop nested in scalar loops (a conv's filters inside its output
 * columns) is entered once per output vector, and the work of its entry is
 * paid that often. Two parts of it need not be:
 *
 * - VCFG (PIE's CFG |= 3) is idempotent, and nothing but a callee changes
 *   CFG (the stub of every compiled function restores it on the way out,
 *   emit.c's keep_cfg): it moves to the preheader of the outermost loop
 *   around it that has no calls.
 *
 * - The entry's bail-out flag. A vector loop's trip count is
 *   select(flag, INT32_MIN, n): when a check of its lanes could fail (an
 *   index out of range, an overflow), no vector iteration runs and the
 *   scalar loop after it does the work, raising the interpreter's error
 *   at the interpreter's point. A flag that is true more often than needed
 *   only sends more work to the scalar loop, so such a flag (an OVF, used
 *   only through ORs by such selects) may be replaced by one that is true
 *   whenever the check could fail on any iteration of the loop around the
 *   entry. When the OVF's operands are linear in that loop's counter k
 *   (sums of k, values from outside the loop, and products of those with
 *   at most one factor depending on k), each operand, and hence the sum,
 *   difference, index or product with a loop-invariant factor that is
 *   checked, moves in one direction as k runs: the check fails on some
 *   iteration only if it fails at one of k's two ends (the first value, and
 *   the last one the loop's test lets through). The preheader evaluates it
 *   there (each step of the evaluation tested for overflow too, so the
 *   values are exact) and the entry uses that flag: one test per entry of
 *   the outer loop instead of one per output vector. This is repeated for
 *   the loop around that one, up to MAX_LEVELS loops out.
 *
 * Runs after the first licm (the values the flags use that do not depend on
 * the counters are out of the loops by then); licm and reassoc take the
 * new flags further out where they can.
 */
#include <stdint.h>

#include "jit/ir.h"

/* MAX_GUARD_DEPTH: the deepest preheader (loop depth) a guard goes to.
 * vec19 stopped at 2: at depth 3 (lib/p4nn's conv3x3_c1_pairs, the output
 * columns in three loops) the values of the guard were stored and loaded
 * again around loops that held every register, and the code grew past
 * MNIST's budget (ctest -R pcshift16). Since version.c makes no check-free
 * copy of the vector loop's bail-out-only scalar copy (vec22), whose
 * invariants held those registers, it pays at any depth: c1 274,718 ->
 * 257,953 cycles, MNIST's code 14,830 -> 15,114 bytes. */
enum { MAX_LEVELS = 1, MAX_DEPTH = 8, MAX_GUARD_DEPTH = 8 };

typedef struct Entry {
    Ir *ir;
    uint8_t *in;      /* per block: in the loop being looked at */
    int32_t *work;    /* ir_loop_blocks' room */
    uint8_t *lenient; /* per value: only vector trip-count selects use it (through ORs) */
    int32_t pre;      /* the loop's preheader */
    IrCounted c;
} Entry;

static bool inside(const Entry *x, int32_t v)
{
    int32_t b = x->ir->ins[v].block;
    return b >= 0 && x->in[b];
}

/* ---- flags whose consumers tolerate a false alarm ---- */

static bool bail_select(const Ir *ir, const IrIns *u)
{
    const IrIns *k = u->b >= 0 ? &ir->ins[u->b] : NULL;
    return u->op == IR_SELECT && k && k->op == IR_CONST && k->k.i == INT32_MIN;
}

typedef struct UseScan {
    uint8_t *lenient;
    int32_t user;
    bool changed;
} UseScan;

/* A use of *slot by s->user other than a lenient one clears the value's mark. */
static void strict_use(Ir *ir, int32_t *slot, void *ctx)
{
    UseScan *s = ctx;
    const IrIns *u = &ir->ins[s->user];
    if (!s->lenient[*slot])
        return;
    if ((u->op == IR_OR && s->lenient[s->user]) || (bail_select(ir, u) && slot == &ir->ins[s->user].a && u->c != *slot))
        return;
    s->lenient[*slot] = 0;
    s->changed = true;
}

/* Walks the blocks in reverse (order: reverse post-order, n of them) and
 * each from its end, users before what they use, so a strict or reaches
 * its operands in the same sweep; again only for uses across a back edge. */
static void mark_lenient(Ir *ir, uint8_t *lenient, const int32_t *order, uint32_t n)
{
    for (uint32_t v = 0; v < ir->nins; v++)
        lenient[v] = ir->ins[v].block >= 0 && (ir->ins[v].op == IR_OR || ir->ins[v].op == IR_OVF);
    for (uint32_t i = 0; i < ir->ntested; i++) /* version.c's guards of scalar loops, by number */
        if (ir->tested[i].guard >= 0)
            lenient[ir->tested[i].guard] = 0;
    UseScan s = {lenient, -1, true};
    while (s.changed) {
        s.changed = false;
        for (uint32_t k = n; k-- > 0;) {
            const IrBlock *b = &ir->blocks[order[k]];
            for (uint32_t i = b->nins; !b->dead && i-- > 0;) {
                s.user = b->ins[i];
                ir_for_operands(ir, b->ins[i], strict_use, &s);
            }
        }
    }
}

/* Is there a vector loop's trip-count select inside a loop? */
static bool any_nested_entry(const Ir *ir)
{
    for (uint32_t v = 0; v < ir->nins; v++) {
        const IrIns *in = &ir->ins[v];
        if (in->block >= 0 && ir->blocks[in->block].loop_head >= 0 && bail_select(ir, in))
            return true;
    }
    return false;
}

/* ---- the loop around an entry ---- */

/* The loop around block b whose counter and preheader are known: false when
 * b is in no loop, the loop is not counted, or it is not entered from one
 * block that goes nowhere else. */
static bool enclosing_loop(Entry *x, int32_t b)
{
    Ir *ir = x->ir;
    int32_t h = ir->blocks[b].loop_head;
    if (h < 0 || !ir_counted_loop(ir, h, &x->c))
        return false;
    ir_loop_blocks(ir, h, x->in, x->work); /* (clears in[] first) */
    const IrBlock *hb = &ir->blocks[h];
    x->pre = -1;
    for (uint32_t p = 0; p < hb->npreds; p++)
        if (!x->in[hb->preds[p]]) {
            if (x->pre >= 0)
                return false;
            x->pre = hb->preds[p];
        }
    return x->pre >= 0 && ir->blocks[x->pre].nsucc == 1;
}

/* How v depends on the counter: 0 not at all (made outside the loop), 1
 * linearly, -1 otherwise (or not known). */
static int linear(const Entry *x, int32_t v, int depth)
{
    const IrIns *in = &x->ir->ins[v];
    if (v == x->c.phi)
        return 1;
    if (!inside(x, v) || in->op == IR_CONST)
        return 0;
    bool add = in->op == IR_ADD || in->op == IR_ADDO || in->op == IR_SUB || in->op == IR_SUBO;
    bool mul = in->op == IR_MUL || in->op == IR_MULO;
    if (depth >= MAX_DEPTH || !(add || mul) || in->a < 0 || in->b < 0)
        return -1;
    int la = linear(x, in->a, depth + 1), lb = linear(x, in->b, depth + 1);
    if (la < 0 || lb < 0 || (mul && la && lb))
        return -1;
    return la | lb;
}

static int32_t flag(Ir *ir, int32_t b, IrOp checked, int32_t p, int32_t q)
{
    int32_t f = ir_add_before_term(ir, b, IR_OVF, TY_BOOL, p, q, -1);
    ir->ins[f].aux = (uint8_t)checked;
    return f;
}

/* v with the counter at kk, computed in the preheader; each step's
 * overflow is or-ed into *any (so a value computed with no flag is exact).
 * A checked step whose block dominates the flag's (block) needs no flag at
 * the first value (first), nor at all when it does not depend on the
 * counter: it runs before the entry on the loop's first iteration, and
 * raises there if it overflows. */
static int32_t at(Entry *x, int32_t v, int32_t kk, bool first, int32_t block, int32_t *any)
{
    Ir *ir = x->ir;
    if (v == x->c.phi)
        return kk;
    if (!inside(x, v))
        return v;
    IrOp op = (IrOp)ir->ins[v].op;
    if (op == IR_CONST) /* (one in the loop: a preheader of an inner loop) */
        return ir_const_before_term(ir, x->pre, ir->ins[v].k.i);
    int32_t va = ir->ins[v].a, vb = ir->ins[v].b; /* by value: adding instructions moves ir->ins */
    bool raises = (op == IR_ADDO || op == IR_SUBO || op == IR_MULO) && ir_dominates(ir, ir->ins[v].block, block);
    int32_t a = at(x, va, kk, first, block, any), b = at(x, vb, kk, first, block, any);
    IrOp checked = op == IR_ADD || op == IR_ADDO ? IR_ADDO : op == IR_SUB || op == IR_SUBO ? IR_SUBO : IR_MULO;
    IrOp plain = checked == IR_ADDO ? IR_ADD : checked == IR_SUBO ? IR_SUB : IR_MUL;
    if (!((first || linear(x, v, 0) == 0) && raises))
        *any = ir_add_before_term(ir, x->pre, IR_OR, TY_BOOL, *any, flag(ir, x->pre, checked, a, b), -1);
    return ir_add_before_term(ir, x->pre, plain, TY_INT, a, b, -1);
}

/* Replaces lenient flag f (an OVF in the loop) by one computed in the
 * preheader that is set when f could be on any iteration; the new flag. */
static int32_t hoist_flag(Entry *x, int32_t f)
{
    Ir *ir = x->ir;
    IrOp checked = (IrOp)ir->ins[f].aux;
    int32_t fa = ir->ins[f].a, fb = ir->ins[f].b;
    int la = linear(x, fa, 0), lb = linear(x, fb, 0);
    /* the last value is the bound's: one made in the loop (`while r < m:
     * ... m -= 1`, a phi of the header) is not there in the preheader */
    bool ok = la >= 0 && lb >= 0 && (la || lb) && !inside(x, x->c.bound);
    if (checked == IR_MULO)
        ok &= !(la && lb); /* a product of two moving values need not move one way */
    else if (checked == IR_BOUND)
        ok &= la == 0; /* the length */
    else
        ok &= checked == IR_ADDO || checked == IR_SUBO;
    if (!ok)
        return -1;
    /* the ends: the first value, and the last one the test lets through */
    int32_t any = ir_const_before_term(ir, x->pre, 0);
    ir->ins[any].type = TY_BOOL;
    int32_t last = x->c.bound, block = ir->ins[f].block;
    if (x->c.cc == CC_LT || x->c.cc == CC_GT) /* (no overflow when the loop runs: init < bound, or >) */
        last = ir_add_before_term(ir, x->pre, x->c.cc == CC_LT ? IR_SUB : IR_ADD, TY_INT, last,
                                  ir_const_before_term(ir, x->pre, 1), -1);
    int32_t ends[2] = {x->c.init, last};
    for (int e = 0; e < 2; e++) {
        int32_t a = at(x, fa, ends[e], e == 0, block, &any), b = at(x, fb, ends[e], e == 0, block, &any);
        any = ir_add_before_term(ir, x->pre, IR_OR, TY_BOOL, any, flag(ir, x->pre, checked, a, b), -1);
    }
    return any;
}

/* ---- VCFG ---- */

static bool loop_calls(const Entry *x)
{
    const Ir *ir = x->ir;
    for (uint32_t b = 0; b < ir->nblocks; b++)
        for (uint32_t i = 0; x->in[b] && !ir->blocks[b].dead && i < ir->blocks[b].nins; i++) {
            IrOp op = (IrOp)ir->ins[ir->blocks[b].ins[i]].op;
            if (op == IR_CALL || op == IR_CALLRT || op == IR_NEWBYTES)
                return true;
        }
    return false;
}

static bool has_vcfg(const Ir *ir, int32_t b)
{
    for (uint32_t i = 0; i < ir->blocks[b].nins; i++)
        if (ir->ins[ir->blocks[b].ins[i]].op == IR_VCFG)
            return true;
    return false;
}

/* VCFG v to the preheader of the outermost loop around it without calls
 * (dropped when one is there already). */
static void hoist_vcfg(Entry *x, int32_t v)
{
    Ir *ir = x->ir;
    int32_t to = -1;
    for (int32_t b = ir->ins[v].block; enclosing_loop(x, b) && !loop_calls(x); b = x->pre)
        to = x->pre;
    if (to < 0)
        return;
    if (has_vcfg(ir, to))
        ir_remove_ins(ir, v);
    else
        ir_move_ins(ir, v, to);
}

void ir_vector_entry(Ir *ir)
{
    if (!ir->vector_lanes)
        return;
    ir_dominators(ir);
    ir_loops(ir);
    IrTmpMark m = ir_tmp_mark(ir);
    Entry x = {ir, ir_tmp(ir, ir->nblocks + 1), ir_tmp(ir, (ir->nblocks + 1) * sizeof(int32_t)), NULL, -1, {0}};
    if (!x.in || !x.work) {
        ir->oom = true;
        goto out;
    }
    for (uint32_t v = 0; v < ir->nins; v++)
        if (ir->ins[v].op == IR_VCFG && ir->ins[v].block >= 0)
            hoist_vcfg(&x, (int32_t)v);
    for (int level = 0; level < MAX_LEVELS && any_nested_entry(ir); level++) {
        uint32_t n = ir->nins;
        IrTmpMark lm = ir_tmp_mark(ir);
        x.lenient = ir_tmp(ir, n + 1);
        int32_t *order = ir_tmp(ir, (ir->nblocks + 1) * sizeof *order);
        if (!x.lenient || !order) {
            ir->oom = true;
            goto out;
        }
        mark_lenient(ir, x.lenient, order, ir_rpo(ir, order));
        int32_t *from = ir_tmp(ir, 2 * (n + 1) * sizeof *from); /* the flags replaced, then their new ones */
        uint32_t nrep = 0;
        if (!from) {
            ir->oom = true;
            goto out;
        }
        for (uint32_t v = 0; v < n && !ir->oom; v++) {
            const IrIns *in = &ir->ins[v];
            int32_t h = in->block >= 0 ? ir->blocks[in->block].loop_head : -1;
            /* (a preheader's depth is its loop's less one) */
            if (!x.lenient[v] || in->op != IR_OVF || h < 0 || ir->blocks[h].loop_depth - 1 > MAX_GUARD_DEPTH ||
                !enclosing_loop(&x, in->block))
                continue;
            int32_t g = hoist_flag(&x, (int32_t)v);
            if (g >= 0)
                from[nrep++] = (int32_t)v, from[nrep++] = g;
        }
        /* one walk renames the uses of all of them */
        int32_t *to = nrep && !ir->oom ? ir_tmp(ir, ir->nins * sizeof *to) : NULL;
        if (to) {
            for (uint32_t v = 0; v < ir->nins; v++)
                to[v] = -1;
            for (uint32_t i = 0; i < nrep; i += 2)
                to[from[i]] = from[i + 1];
            for (uint32_t bi = 0; bi < ir->nblocks; bi++)
                for (uint32_t i = 0; !ir->blocks[bi].dead && i < ir->blocks[bi].nins; i++)
                    ir_for_operands(ir, ir->blocks[bi].ins[i], ir_forward, to);
            for (uint32_t i = 0; i < nrep; i += 2)
                ir_remove_ins(ir, from[i]);
        } else if (nrep)
            ir->oom = true;
        ir_tmp_release(ir, lm);
    }
out:
    ir_tmp_release(ir, m);
}
