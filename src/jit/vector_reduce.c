/*
 * vector_reduce.c - dot products on PIE: reductions along contiguous memory
 * (XACC), row pairs (QACC beside XACC) and the output loop versioned on
 * the row length.
 */
#include <stdlib.h>
#include <string.h>

#include "jit/jit_int.h"
#include "jit/vector_int.h"

/* ---- reductions along contiguous memory ---------------------------------------
 *
 * An innermost counted loop whose only work is a dot product,
 *
 *     for i in range(n):
 *         acc += x[i] * w[base + i]
 *
 * both operands int8 and contiguous in i (slope 1), runs 16 iterations at a
 * time ahead of the loop: a 128-bit load of each operand and one
 * esp.vmulas.s8.xacc, which adds the 16 products to XACC (one 40-bit
 * accumulator: the sum of the lanes is made as they are added). At the
 * exit, acc += the low 32 bits of XACC, and the original loop finishes the
 * fewer than 16 iterations left. Exactness is decided once, before the
 * vector loop, for the loop's whole run (version.c's argument): each check
 * in the loop is affine in i (tested at the first and last i) or invariant
 * (tested once); acc plus any number of products up to the trip count
 * stays in int32 (products of int8 lie in [-16256, 16384]). If any might
 * fail, no vector iteration runs and the original loop does it all, raising
 * where the interpreter does. The loop stores nothing, so no load can see
 * a store (the alias rule holds trivially).
 *
 * Over int16 ('h') operands the loop runs 8 iterations at a time, its
 * sum tested at the exit: vector_dot16.c.
 *
 * Runs after licm (ir_vectorize calls it when a candidate exists), so that
 * invariant parts of the indices are outside the loop. */

/* v's value does not depend on the loop: made outside it, or a constant. */
static bool invariant(const Vec *x, int32_t v)
{
    return v < 0 || !inside(x, v) || x->ir->ins[v].op == IR_CONST;
}

/* v as an RAff of the loop's counter i: i, i*s, and y + o, o + y, y - o
 * with y one of those and o invariant (a constant made in the loop counts
 * as invariant: `a[i + 8]`), through the checked forms too. ir_affine's
 * shape, with any number (up to 4) of offsets: `w[o*n + i + 5]`. */
static RAff red_affine(const Vec *x, int32_t v)
{
    const IrIns *in = &x->ir->ins[v];
    RAff no = {.ok = false};
    if (v == x->c.phi)
        return (RAff){.scale = -1, .ok = true};
    bool mul = in->op == IR_MUL || in->op == IR_MULO, add = in->op == IR_ADD || in->op == IR_ADDO;
    bool sub = in->op == IR_SUB || in->op == IR_SUBO;
    for (int swap = 0; swap < (sub ? 1 : 2) && (mul || add || sub); swap++) {
        int32_t y = swap ? in->b : in->a, o = swap ? in->a : in->b; /* y varies, o is fixed */
        if (o < 0 || !invariant(x, o))
            continue;
        if (mul && y == x->c.phi)
            return (RAff){.scale = o, .ok = true};
        if ((add || sub) && inside(x, y) && !invariant(x, y)) {
            RAff ay = red_affine(x, y);
            if (!ay.ok || ay.n == 4)
                return no;
            ay.off[ay.n] = o, ay.sign[ay.n++] = sub ? -1 : 1;
            return ay;
        }
    }
    return no;
}

static bool affine_in(Vec *x, int32_t v, RAff *a)
{
    *a = red_affine(x, v);
    return a->ok;
}

/* An invariant value, usable before the loop: a constant made in the loop
 * is made again here. */
static int32_t fixed_here(Vec *x, int32_t v)
{
    const IrIns *in = &x->ir->ins[v];
    return in->op == IR_CONST && inside(x, v) ? konst(x, in->k.i) : v;
}

/* Affine a at i = k, in the order the loop computes it (so that an
 * overflow at an end is one there); *any collects the overflow flags, or
 * is NULL when they are not wanted. */
static int32_t red_affine_at(Vec *x, RAff a, int32_t k, int32_t *any)
{
    int32_t v = k;
    if (a.scale >= 0) {
        int32_t sc = fixed_here(x, a.scale);
        if (any)
            *any = either(x, *any, ovf(x, IR_MULO, k, sc));
        v = emit(x, IR_MUL, TY_INT, k, sc, -1, 0);
    }
    for (int j = 0; j < a.n; j++) {
        int32_t off = fixed_here(x, a.off[j]);
        if (any)
            *any = either(x, *any, ovf(x, a.sign[j] < 0 ? IR_SUBO : IR_ADDO, v, off));
        v = emit(x, a.sign[j] < 0 ? IR_SUB : IR_ADD, TY_INT, v, off, -1, 0);
    }
    return v;
}

/* reduction_shape()'s refusal of a loop that is not innermost (not
 * reported: the lanes' reason says more) */
static const char NOT_ONE_BLOCK[] = "its body is more than one block (an inner loop or a branch)";

/* Is loop x->h (its blocks in x->in) a dot product? Fills r. */
static bool reduction_shape(Vec *x, Reduction *r)
{
    Ir *ir = x->ir;
    IrCounted *c = &x->c;
    if (!ir_counted_loop(ir, x->h, c) || c->step != 1 || c->cc != CC_LT)
        return refuse(x, "not a counted loop (`for` over range with step 1)");
    if (c->body != c->latch)
        return refuse(x, NOT_ONE_BLOCK);
    if (inside(x, c->bound) || inside(x, c->init))
        return refuse(x, "the trip count is not known when the loop is entered");
    const IrBlock *hb = &ir->blocks[x->h], *bb = &ir->blocks[c->body];
    /* the header: the counter, the accumulator, the test */
    r->acc = -1;
    for (uint32_t i = 0; i < hb->nins; i++) {
        int32_t v = hb->ins[i];
        const IrIns *in = &ir->ins[v];
        if (v == c->phi || v == c->cmp || in->op == IR_BR)
            continue;
        if (in->op != IR_PHI || in->type != TY_INT || r->acc >= 0)
            return refuse(x, "more than one value (or a float) carried from one iteration to the next");
        r->acc = v;
    }
    if (r->acc < 0 || hb->nins != 4)
        return refuse(x, "no sum carried from one iteration to the next");
    int32_t back = ir->lists[ir->ins[r->acc].list + (hb->preds[0] == c->latch ? 0 : 1)];
    const IrIns *add = &ir->ins[back];
    if (add->op != IR_ADDO || add->block != c->body)
        return refuse(x, "the sum is not `acc += product`");
    r->add = back;
    int32_t prod = add->a == r->acc ? add->b : add->b == r->acc ? add->a : -1;
    if (prod < 0 || ir->ins[prod].op != IR_MUL || ir->ins[prod].block != c->body)
        return refuse(x, "the sum is not `acc += product`");
    r->load[0] = ir->ins[prod].a, r->load[1] = ir->ins[prod].b;
    for (int k = 0; k < 2; k++) {
        const IrIns *ld = &ir->ins[r->load[k]];
        if (ld->op != IR_ALOAD || ld->block != c->body || !invariant(x, ld->a))
            return refuse(x, "a factor of the product is not an array element");
        if (ld->aux != 'b' && ld->aux != 'h')
            return refuse(x, "a factor of the product is not int8 or int16 (only 'b' and 'h' arrays make lanes)");
        if (k && ld->aux != ir->ins[r->load[0]].aux)
            return refuse(x, "int16 times int8: PIE multiplies lanes of one width");
        /* an index that may be negative wraps (index); the guard sends those to the scalar loop */
        int32_t at = ir->ins[ld->b].op == IR_INDEX ? ir->ins[ld->b].b : ld->b;
        if (!affine_in(x, at, &r->at[k]) || r->at[k].scale >= 0)
            return refuse(x, "a factor's index is not the counter plus offsets (not contiguous)");
    }
    if (r->load[0] == r->load[1])
        return refuse(x, "a square (one load times itself)");
    r->s16 = ir->ins[r->load[0]].aux == 'h';
    /* the rest of the body: the counter's step, index arithmetic and checks */
    for (uint32_t i = 0; i < bb->nins; i++) {
        int32_t v = bb->ins[i];
        const IrIns *in = &ir->ins[v];
        RAff a;
        if (v == r->add || v == prod || v == r->load[0] || v == r->load[1] || v == c->next)
            continue;
        switch ((IrOp)in->op) {
        case IR_NOP: case IR_CONST: case IR_JMP:
            break;
        case IR_CHECK:
            if (!invariant(x, in->a))
                return refuse(x, "a check of a value that changes in the loop");
            break;
        case IR_ADD: case IR_MUL: case IR_ADDO: case IR_MULO: case IR_SUB: case IR_SUBO:
            if (!affine_in(x, v, &a) && !(invariant(x, in->a) && invariant(x, in->b)))
                return refuse(x, "index arithmetic that is not the counter plus offsets");
            break;
        case IR_BOUND: case IR_INDEX:
            if (!fixed_len(ir, x->in, in->a) || !(affine_in(x, in->b, &a) || invariant(x, in->b)))
                return refuse(x, "an index that is not the counter plus offsets");
            break;
        default:
            x->why_op = in->op;
            return refuse(x, "an operation in the body beside the multiply-accumulate");
        }
    }
    /* the loads and the product feed the accumulation only; the
     * accumulation's value only the phi (read after the loop through it) */
    for (uint32_t v = 0; v < x->nin; v++) {
        const IrIns *in = &ir->ins[v];
        if (in->block < 0 || (int32_t)v == prod || (int32_t)v == r->add)
            continue;
        int32_t ops[3] = {in->a, in->b, in->c};
        for (int o = 0; o < 3; o++)
            if (ops[o] == r->load[0] || ops[o] == r->load[1] || ops[o] == prod || ops[o] == r->add)
                if (!((int32_t)v == r->acc && ops[o] == r->add))
                    return refuse(x, "a factor, the product or the sum is used elsewhere");
        for (int o = 0; o < in->nw; o++)
            if (in->w[o] >= 0 && (in->w[o] == r->load[0] || in->w[o] == r->load[1] || in->w[o] == prod ||
                                  in->w[o] == r->add))
                return refuse(x, "a factor, the product or the sum is used by a check");
        if (in->op == IR_PHI && (int32_t)v != r->acc)
            for (uint32_t p = 0; p < ir->blocks[in->block].npreds; p++) {
                int32_t o = ir->lists[in->list + (int32_t)p];
                if (o == r->load[0] || o == r->load[1] || o == prod || o == r->add)
                    return refuse(x, "a factor, the product or the sum is used elsewhere");
            }
    }
    return true;
}

/* an index at i = k, without checks (the guard tested them) */
int32_t index_at(Vec *x, RAff a, int32_t k) { return red_affine_at(x, a, k, NULL); }

/* Non-zero when some check of the loop might fail for a counter in
 * [first, last], or the accumulator leave int32 over `trips` products
 * (int16: the checks and the count only, vector_dot16.c). */
int32_t reduction_guard(Vec *x, const Reduction *r, int32_t first, int32_t last, int32_t acc0)
{
    Ir *ir = x->ir;
    const IrBlock *bb = &ir->blocks[x->c.body];
    int32_t any = -1;
    for (uint32_t i = 0; i < bb->nins; i++) {
        int32_t v = bb->ins[i];
        const IrIns in = ir->ins[v]; /* a copy: emit() may move the table */
        RAff a;
        if (v == r->add)
            continue;
        if (in.op == IR_CHECK) {
            any = either(x, any, fixed_here(x, in.a));
        } else if (in.op == IR_ADDO || in.op == IR_MULO || in.op == IR_SUBO) {
            if (invariant(x, in.a) && invariant(x, in.b))
                any = either(x, any, ovf(x, (IrOp)in.op, fixed_here(x, in.a), fixed_here(x, in.b)));
            else if (affine_in(x, v, &a))
                red_affine_at(x, a, first, &any), red_affine_at(x, a, last, &any);
        } else if (in.op == IR_BOUND || in.op == IR_INDEX) {
            int32_t len = length_here(x, in.a);
            if (invariant(x, in.b)) {
                any = either(x, any, ovf(x, IR_BOUND, len, fixed_here(x, in.b)));
            } else if (affine_in(x, in.b, &a)) {
                any = either(x, any, ovf(x, IR_BOUND, len, red_affine_at(x, a, first, &any)));
                any = either(x, any, ovf(x, IR_BOUND, len, red_affine_at(x, a, last, &any)));
            }
        }
    }
    /* trips <= MAC_LIMIT keeps the products' sum in int32 and the
     * multiplications below exact; acc0 plus the sum of any prefix lies in
     * acc0 + trips * [-16256, 16384] */
    int32_t trips = emit(x, IR_SUB, TY_INT, x->c.bound, x->c.init, -1, 0);
    any = either(x, any, ovf(x, IR_SUBO, x->c.bound, x->c.init));
    if (r->s16)
        return any;
    any = either(x, any, cmp(x, CC_GT, trips, konst(x, MAC_LIMIT)));
    if (!is_const(ir, acc0, &(int32_t){0}) || ir->ins[acc0].k.i != 0) {
        any = either(x, any, ovf(x, IR_ADDO, acc0, emit(x, IR_MUL, TY_INT, trips, konst(x, 16384), -1, 0)));
        any = either(x, any, ovf(x, IR_ADDO, acc0, emit(x, IR_MUL, TY_INT, trips, konst(x, -16256), -1, 0)));
    }
    return any;
}

/* ---- row pairs: one load of x for two rows (QACC beside XACC) ------------------
 *
 * A dense layer's output loop o around the dot product,
 *
 *     for o in range(m):
 *         acc = 0
 *         for i in range(n):
 *             acc += x[i] * w[o*n + i]
 *
 * loads x once per row. PIE has one XACC (the row's sum) and one QACC (16
 * int32 lanes): a row's vector loop can also sum the *next* row in QACC,
 * lane by lane, from the same load of x (vld x, and two vmulas.ld.ip that
 * load the rows: 9 modelled cycles for 32 MACs instead of 12), its 16
 * lanes added once at the end. Rather than unrolling o (its body may hold
 * anything), the next row's sum is carried to the next iteration of o in
 * phis of o's header, with its key: w's pointer, and the first i and the
 * limit of its vector loop when they change with o. A row whose key
 * matches (and whose own checks pass: the guard is tested on every row)
 * takes the carried sum instead of running its vector loop. Memory is the
 * same (o's loop stores no 8-bit element and calls nothing; compiled code
 * never resizes an array) and x's pointer does not change in o's loop (x:
 * the operand whose array and index offsets are made outside it), so the
 * same key gives the same sum: a wrong guess of the next row can only
 * cost time. The guess: w's pointer moves by the step it moved from the
 * previous row; the next row is summed only when its lanes lie inside its
 * array (no load outside one). So the first row runs alone, then rows go
 * in pairs; the last of an odd count, or of a guess that leaves the
 * array, runs alone. */

typedef struct Pair {
    int32_t oh;         /* o's header */
    uint32_t from_in;   /* its predecessor from outside (the other is the latch) */
    int xk;             /* the load of x (the other, w, changes with o) */
    int32_t warr;       /* w's array object */
    bool init_moves, bound_moves; /* the dot product's first i, its bound: made in o's loop */
} Pair;

/* Rows shorter than this run alone: a pair saves 3 modelled cycles per 16
 * products of the second row, and costs about 75 (QACC's lanes summed
 * through memory, the guess and its tests, the carried values' moves).
 * bench/layers_vec6.py against main: fc 500 inputs -1.6% paired from 384
 * on, +0.8% from 768 on; fc 320 +1.2% either way (never paired) */
enum { PAIR_MIN_TRIPS = 384 };

/* the carried values (phis of o's header) */
enum { C_NW, C_SUM, C_INIT, C_LIM, NCARRY };

/* Made outside o's loop (its blocks in in2), or a constant. */
static bool outside_o(const Ir *ir, const uint8_t *in2, int32_t v)
{
    return v < 0 || ir->ins[v].op == IR_CONST || ir->ins[v].block < 0 || !in2[ir->ins[v].block];
}

/* Does load k's pointer stay the same through o's loop, but for the
 * first i (which, when it changes with o, is part of the key)? */
static bool fixed_in_o(const Vec *x, const Reduction *r, const uint8_t *in2, int k)
{
    const Ir *ir = x->ir;
    if (!outside_o(ir, in2, ir->ins[r->load[k]].a))
        return false;
    for (int j = 0; j < r->at[k].n; j++)
        if (!outside_o(ir, in2, r->at[k].off[j]))
            return false;
    return true;
}

/* Can the loop around dot product x->h (entered from pre) carry a row? */
static bool pair_plan(Vec *x, const Reduction *r, int32_t pre, Pair *P, uint8_t *in2, int32_t *work)
{
    Ir *ir = x->ir;
    if (!x->pair_ok || r->s16) /* (int16: one row at a time) */
        return false;
    int32_t oh = ir->blocks[pre].loop_head;
    if (oh < 0 || oh == x->h || ir->blocks[oh].npreds != 2)
        return false;
    const IrBlock *ob = &ir->blocks[oh];
    P->oh = oh;
    P->from_in = ir_dominates(ir, oh, ob->preds[0]) ? 1 : 0;
    int32_t latch = ob->preds[1 - P->from_in];
    if (!ir_dominates(ir, oh, latch) || ir_dominates(ir, oh, ob->preds[P->from_in]) || !ir_dominates(ir, pre, latch))
        return false; /* (a row is summed on every iteration of o, before its latch) */
    ir_loop_blocks(ir, oh, in2, work);
    for (uint32_t v = 0; v < x->nin; v++) {
        const IrIns *in = &ir->ins[v];
        if (in->block < 0 || !in2[in->block])
            continue;
        if (in->op == IR_CALL || in->op == IR_NEWBYTES || in->op == IR_EWST || in->op == IR_VSTQ ||
            (in->op == IR_ASTORE && ir_elem_shift(in->aux) == 0))
            return false;
    }
    bool f0 = fixed_in_o(x, r, in2, 0), f1 = fixed_in_o(x, r, in2, 1);
    if (f0 == f1) /* both fixed: every row the same; neither: no x to share */
        return false;
    P->xk = f0 ? 0 : 1;
    const IrIns *d = &ir->ins[ir->ins[r->load[1 - P->xk]].a];
    if (d->op != IR_ADATA)
        return false;
    P->warr = d->a;
    int32_t lo, hi;
    if (is_const(ir, x->c.init, &lo) && is_const(ir, x->c.bound, &hi) && (int64_t)hi - lo < PAIR_MIN_TRIPS)
        return false;
    P->init_moves = !outside_o(ir, in2, x->c.init);
    P->bound_moves = !outside_o(ir, in2, x->c.bound);
    return true;
}

/* A new instruction v, block b's last, moved before b's terminator. */
static int32_t before_end(Ir *ir, int32_t b, int32_t v)
{
    if (ir->oom)
        return v;
    IrBlock *bl = &ir->blocks[b];
    if (bl->nins >= 2) {
        bl->ins[bl->nins - 1] = bl->ins[bl->nins - 2];
        bl->ins[bl->nins - 2] = v;
    }
    return v;
}

void set_phi(Ir *ir, int32_t phi, const int32_t *ops, uint32_t n)
{
    for (uint32_t k = 0; k < n; k++)
        ir->lists[ir->ins[phi].list + (int32_t)k] = ops[k];
}

static int32_t and2(Vec *x, int32_t f, int32_t g) { return f < 0 ? g : emit(x, IR_AND, TY_BOOL, f, g, -1, 0); }

/* The vector loop ahead of dot-product loop x->h:
 *
 *   pre -> vtest -> vpre -> vhdr <-> vbody;  vhdr -> vexit -> join -> h
 *          vtest -> join (fewer than 16 iterations)
 *   h -> done -> exit;  join -> done when no iteration is left
 *
 * With a row pair (above): vpre -> vuse -> join (the carried sum), or
 * vpre -> vpair -> vhdr (alone) or -> vpre2 -> vhdr2 <-> vbody2; vhdr2 ->
 * vexit2 -> join (this row from XACC, the next one's lanes from QACC).
 *
 * The scalar loop is skipped when the vector loop did every iteration:
 * what later passes put before it (version.c's guard) costs nothing then.
 * `done` merges the counter and the accumulator from both ways; the uses
 * after the loop read those. */
static bool reduce_loop(Vec *x, const Reduction *r, uint8_t *in2, int32_t *work)
{
    Ir *ir = x->ir;
    IrCounted *c = &x->c;
    IrBlock *hb = &ir->blocks[x->h];
    uint32_t p0 = x->in[hb->preds[0]] ? 1 : 0;
    int32_t pre = hb->preds[p0], acc0 = ir->lists[ir->ins[r->acc].list + (int32_t)p0];
    uint32_t pc = hb->bc_start;
    Pair P = {.oh = -1};
    if (r->s16)
        return reduce16_loop(x, r);
    bool pair = pair_plan(x, r, pre, &P, in2, work);
    int32_t vtest = new_block(x, pc), vpre = new_block(x, pc), vhdr = new_block(x, pc), vbody = new_block(x, pc);
    int32_t vexit = new_block(x, pc), join = new_block(x, pc);
    int32_t vuse = -1, vpair = -1, vpre2 = -1, vhdr2 = -1, vbody2 = -1, vexit2 = -1, vchk = -1, vone = -1;
    if (pair)
        vuse = new_block(x, pc), vpair = new_block(x, pc), vpre2 = new_block(x, pc), vhdr2 = new_block(x, pc),
        vbody2 = new_block(x, pc), vexit2 = new_block(x, pc), vchk = new_block(x, pc), vone = new_block(x, pc);
    if (ir->oom || vtest < 0 || vpre < 0 || vhdr < 0 || vbody < 0 || vexit < 0 || join < 0 ||
        (pair && (vuse < 0 || vpair < 0 || vpre2 < 0 || vhdr2 < 0 || vbody2 < 0 || vexit2 < 0 || vchk < 0 || vone < 0)))
        return false;
    /* the carried row: phis of o's header (from outside: nothing carried;
     * w's pointer 0 matches no row whose checks pass) */
    int32_t H[NCARRY] = {-1, -1, -1, -1};
    bool carried[NCARRY] = {true, true, pair && P.init_moves, pair && P.bound_moves};
    if (pair) {
        static const IrType ty[NCARRY] = {TY_PTR, TY_INT, TY_INT, TY_INT};
        int32_t entry = ir->blocks[P.oh].preds[P.from_in];
        for (int k = 0; k < NCARRY; k++) {
            if (!carried[k])
                continue;
            int32_t k0 = before_end(ir, entry, ir_const_int(ir, entry, 0));
            H[k] = ir_add(ir, P.oh, IR_PHI, ty[k], -1, -1, -1); /* (ir_add keeps phis in front) */
            if (ir->oom)
                return false;
            ir->ins[H[k]].pc = pc;
            ir->ins[H[k]].list = ir_list_alloc(ir, 2);
            if (ir->oom)
                return false;
            ir->lists[ir->ins[H[k]].list + (int32_t)P.from_in] = k0;
        }
    }
    for (uint32_t s = 0; s < ir->blocks[pre].nsucc; s++)
        if (ir->blocks[pre].succ[s] == x->h)
            ir->blocks[pre].succ[s] = vtest;
    ir->blocks[vtest].preds[ir->blocks[vtest].npreds++] = pre;
    x->cur = vtest;
    int32_t lim0 = ir_clamped_limit(ir, vtest, c->bound, 15), lim = lim0;
    /* the guard, for the vector loop and the scalar one (version.c takes
     * it as the scalar loop's: a prefix of the products from acc0 on, and
     * any i from init to bound - 1; when bound <= init it tests values
     * that no iteration reaches, and no iteration runs) */
    int32_t last = -1, no = -1;
    if (!pair) { /* (in a row-pair nest, a value live over the vector loop and a copy of the
                    scalar one cost large rows more than they save small ones: 4 to 12% on
                    bench/layers_vec6.py; its guard stays after the test, as before) */
        last = emit(x, IR_SUB, TY_INT, c->bound, konst(x, 1), -1, 0);
        no = reduction_guard(x, r, c->init, last, acc0);
    }
    emit(x, IR_BR, TY_VOID, cmp(x, CC_LT, c->init, lim), -1, -1, pc);
    edge(ir, vtest, vpre);
    edge(ir, vtest, join);

    x->cur = vpre;
    emit(x, IR_VCFG, TY_VOID, -1, -1, -1, pc);
    ir->ins[emit(x, IR_VZERO, TY_VOID, -1, -1, -1, pc)].aux = 1; /* XACC */
    if (pair) {
        last = emit(x, IR_SUB, TY_INT, c->bound, konst(x, 1), -1, 0); /* bound > init + 15 here */
        no = reduction_guard(x, r, c->init, last, acc0);
    }
    if (no >= 0)
        lim = emit(x, IR_SELECT, TY_INT, no, konst(x, INT32_MIN), lim, pc);
    int32_t p[2];
    for (int k = 0; k < 2; k++)
        p[k] = emit(x, IR_ADD, TY_PTR, ir->ins[r->load[k]].a, index_at(x, r->at[k], c->init), -1, pc);
    int32_t nw = -1;
    if (pair) {
        int wk = 1 - P.xk;
        /* this row's sum was carried: the same key, and its checks pass */
        int32_t trips = emit(x, IR_SUB, TY_INT, c->bound, c->init, -1, pc);
        emit(x, IR_BR, TY_VOID, cmp(x, CC_GE, trips, konst(x, PAIR_MIN_TRIPS)), -1, -1, pc);
        edge(ir, vpre, vchk);
        edge(ir, vpre, vone);
        x->cur = vchk;
        int32_t ok = no >= 0 ? cmp(x, CC_EQ, no, konst(x, 0)) : -1;
        int32_t use = and2(x, ok, cmp(x, CC_EQ, p[wk], H[C_NW]));
        if (carried[C_INIT])
            use = and2(x, use, cmp(x, CC_EQ, c->init, H[C_INIT]));
        if (carried[C_LIM])
            use = and2(x, use, cmp(x, CC_EQ, lim0, H[C_LIM]));
        emit(x, IR_BR, TY_VOID, use, -1, -1, pc);
        edge(ir, vchk, vuse);
        edge(ir, vchk, vpair);
        /* else guess the next row: w's rows follow each other (w moves by
         * the row's length); summed when its lanes are inside w:
         * 0 <= nw - data <= len - (bound - init) */
        x->cur = vpair;
        nw = emit(x, IR_ADD, TY_PTR, p[wk], trips, -1, pc);
        int32_t off = emit(x, IR_SUB, TY_INT, nw, ir->ins[r->load[wk]].a, -1, pc);
        int32_t len = emit(x, IR_ALEN, TY_INT, P.warr, -1, -1, pc);
        int32_t room = emit(x, IR_SUB, TY_INT, len, trips, -1, pc);
        int32_t go = and2(x, ok, cmp(x, CC_GE, off, konst(x, 0)));
        go = and2(x, go, cmp(x, CC_LE, off, room));
        emit(x, IR_BR, TY_VOID, go, -1, -1, pc);
        edge(ir, vpair, vpre2);
        edge(ir, vpair, vone);
        x->cur = vone;
        emit(x, IR_JMP, TY_VOID, -1, -1, -1, pc);
        edge(ir, vone, vhdr);
    } else {
        emit(x, IR_JMP, TY_VOID, -1, -1, -1, pc);
        edge(ir, vpre, vhdr);
    }

    VLoop l = {.hdr = vhdr, .body = vbody, .exit = vexit};
    vloop_header(x, &l, lim, pc);
    int32_t mac = emit(x, IR_VMAC, TY_VOID, l.q[0], l.q[1], -1, ir->ins[r->add].pc);
    int32_t sixteen = konst(x, 16);
    if (!vloop_latch(x, &l, c->init, p, (int32_t[2]){sixteen, sixteen}, pc))
        return false;
    int32_t iv = l.iv;

    x->cur = vexit;
    int32_t sum = emit(x, IR_VXACC, TY_INT, -1, -1, -1, pc);
    int32_t acc1 = emit(x, IR_ADD, TY_INT, acc0, sum, -1, pc);
    emit(x, IR_JMP, TY_VOID, -1, -1, -1, pc);
    edge(ir, vexit, join);

    int32_t ivu = -1, accu = -1, iv2 = -1, acc2 = -1, sum2 = -1, mac2 = -1;
    if (pair) {
        /* the carried sum: i where the vector loop would have stopped */
        x->cur = vuse;
        int32_t run = emit(x, IR_ADD, TY_INT, emit(x, IR_SUB, TY_INT, lim0, c->init, -1, pc), konst(x, 15), -1, pc);
        ivu = emit(x, IR_ADD, TY_INT, c->init, emit(x, IR_AND, TY_INT, run, konst(x, -16), -1, pc), -1, pc);
        accu = emit(x, IR_ADD, TY_INT, acc0, H[C_SUM], -1, pc);
        emit(x, IR_JMP, TY_VOID, -1, -1, -1, pc);
        edge(ir, vuse, join);
        /* two rows: x * w into XACC, x * the next w into QACC */
        x->cur = vpre2;
        emit(x, IR_VZERO, TY_VOID, -1, -1, -1, pc); /* QACC */
        emit(x, IR_JMP, TY_VOID, -1, -1, -1, pc);
        edge(ir, vpre2, vhdr2);
        VLoop l2 = {.hdr = vhdr2, .body = vbody2, .exit = vexit2, .np = 3};
        vloop_header(x, &l2, lim, pc);
        mac2 = emit(x, IR_VMAC, TY_VOID, l2.q[0], l2.q[1], l2.q[2], ir->ins[r->add].pc);
        if (!vloop_latch(x, &l2, c->init, (int32_t[3]){p[P.xk], p[1 - P.xk], nw}, (int32_t[3]){sixteen, sixteen, sixteen},
                         pc))
            return false;
        iv2 = l2.iv;
        x->cur = vexit2;
        acc2 = emit(x, IR_ADD, TY_INT, acc0, emit(x, IR_VXACC, TY_INT, -1, -1, -1, pc), -1, pc);
        sum2 = emit(x, IR_VXACC, TY_INT, -1, -1, -1, pc);
        emit(x, IR_JMP, TY_VOID, -1, -1, -1, pc);
        edge(ir, vexit2, join);
    }

    x->cur = join;
    uint32_t nj = pair ? 4 : 2; /* join's predecessors: vtest, vexit (, vuse, vexit2) */
    int32_t from = emit(x, IR_PHI, TY_INT, -1, -1, -1, pc), accj = emit(x, IR_PHI, TY_INT, -1, -1, -1, pc);
    ir->ins[from].list = ir_list_alloc(ir, nj);
    ir->ins[accj].list = ir_list_alloc(ir, nj);
    int32_t J[NCARRY];
    for (int k = 0; k < NCARRY; k++)
        if (carried[k] && pair) {
            J[k] = emit(x, IR_PHI, ir->ins[H[k]].type, -1, -1, -1, pc);
            ir->ins[J[k]].list = ir_list_alloc(ir, nj);
        }
    emit(x, IR_JMP, TY_VOID, -1, -1, -1, pc);
    if (ir->oom)
        return false;
    ir->ins[mac].aux = 1 | 2; /* both operands in lanes; XACC */
    set_phi(ir, from, (int32_t[4]){c->init, iv, ivu, iv2}, nj);
    set_phi(ir, accj, (int32_t[4]){acc0, acc1, accu, acc2}, nj);
    if (pair) {
        ir->ins[mac2].aux = 1 | 4;    /* x * w into XACC, x * the next w into QACC */
        ir->ins[sum2].aux = 1;        /* QACC's lanes summed */
        const int32_t next[NCARRY] = {nw, sum2, c->init, lim0};
        for (int k = 0; k < NCARRY; k++) {
            if (!carried[k])
                continue;
            set_phi(ir, J[k], (int32_t[4]){H[k], H[k], H[k], next[k]}, nj);
            ir->lists[ir->ins[H[k]].list + (int32_t)(1 - P.from_in)] = J[k];
        }
        x->paired = true;
    }
    hb = &ir->blocks[x->h];
    hb->preds[p0] = join;
    ir->lists[ir->ins[c->phi].list + (int32_t)p0] = from;
    ir->lists[ir->ins[r->acc].list + (int32_t)p0] = accj;

    if (!skip_scalar(x, join, from, 2, (int32_t[2]){c->phi, r->acc}, (int32_t[2]){from, accj}, pc, !pair))
        return false;
    if (!pair && no >= 0 && ir->ntested < sizeof ir->tested / sizeof ir->tested[0])
        ir->tested[ir->ntested++] = (struct IrTested){x->h, no};
    return true;
}

/* ---- the output loop versioned on the row length (vec8) ----------------------------------
 *
 * A nest built for row pairs runs rows too short for its vector loop (below
 * 16 products) slower than the scalar JIT: the carried values' registers,
 * and a scalar loop with all its checks, as versioning it cost large rows
 * more than it saved (vec7): dense 15 -> 4 +781 cycles against -X pie=off
 * in bench/small_shapes.py. When the row's length is fixed through the
 * output loop o (the dot product's first i and bound made outside it), o's
 * nest is copied and its entry tests the length once: rows of 16 or more
 * run the original (pairs from PAIR_MIN_TRIPS on), shorter ones the copy,
 * left scalar (version.c's check-free copy of the dot product, as without
 * PIE). Both compute the same thing; the test picks speed only. Measured
 * and rejected: the copy with the single-row vector loop (vec7's scalar
 * tails) for every row below PAIR_MIN_TRIPS: dense 256 -> 64 +2.7%, 64 ->
 * 10 +3.9% (bench/RESULTS.md, vec8). */
enum { SHORT_ROW = 16 };

/* Can o's nest (its blocks in in2) be copied: left only from o's header
 * to one block with no phi, no runtime call in it, no value of the nest
 * used outside it? */
static bool row_split_plan(Vec *x, const Reduction *r, int32_t pre, uint8_t *in2, int32_t *work, NestCopy *S)
{
    Ir *ir = x->ir;
    Pair P = {.oh = -1};
    int32_t lo, hi;
    if (!pair_plan(x, r, pre, &P, in2, work) || P.init_moves || P.bound_moves ||
        (is_const(ir, x->c.init, &lo) && is_const(ir, x->c.bound, &hi)))
        return false;
    S->oh = P.oh, S->entry = ir->blocks[P.oh].preds[P.from_in], S->from_header = true;
    return nest_copyable(x, in2, S);
}

/* Copies o's nest (its blocks in in2) and makes its entry choose: rows of
 * SHORT_ROW products or more run the original, shorter ones the copy.
 * Returns the copy of the dot product's header x->h, or -1. */
static int32_t row_split(Vec *x, NestCopy *S, const uint8_t *in2, bool tails)
{
    Ir *ir = x->ir;
    uint32_t pc = ir->blocks[S->oh].bc_start;
    int32_t h2 = nest_copy(x, S, in2, x->h);
    if (h2 < 0)
        return -1;
    int32_t trips = emit(x, IR_SUB, TY_INT, x->c.bound, x->c.init, -1, pc); /* (a wrap only picks a copy) */
    int32_t keep = cmp(x, CC_GE, trips, konst(x, SHORT_ROW));
    if (tails) /* the copy: PAIR_MIN_TRIPS > trips >= SHORT_ROW with a tail of 4 or more */
        keep = emit(x, IR_OR, TY_BOOL, cmp(x, CC_LT, emit(x, IR_AND, TY_INT, trips, konst(x, 15), -1, pc), konst(x, 4)),
                    cmp(x, CC_GE, trips, konst(x, PAIR_MIN_TRIPS)), -1, pc);
    emit(x, IR_BR, TY_VOID, keep, -1, -1, pc);
    return ir->oom ? -1 : h2;
}

/* Dot product h from a fresh start (the graph changed): with row pairs
 * when pair_ok, else split again when `tails` (returns the copy's header
 * then, or -1). */
static int32_t reduce_at(Ir *ir, int32_t h, bool pair_ok, bool tails)
{
    IrTmpMark mark = ir_tmp_mark(ir);
    ir_dominators(ir);
    ir_loops(ir);
    uint32_t nb = ir->nblocks;
    int32_t *work = ir_tmp(ir, (nb + 1) * sizeof *work);
    uint8_t *in = ir_tmp(ir, nb + 1), *in2 = ir_tmp(ir, nb + 1);
    int32_t ok = -1;
    if (work && in && in2) {
        Vec x = {.ir = ir, .h = h, .nb = nb, .nin = ir->nins, .in = in, .store = -1, .pair_ok = pair_ok || tails};
        Reduction r;
        NestCopy S;
        ir_loop_blocks(ir, h, in, work);
        const IrBlock *hb = &ir->blocks[h];
        int32_t pre = hb->preds[in[hb->preds[0]] ? 1 : 0];
        if (!reduction_shape(&x, &r))
            ok = -1;
        else if (tails)
            ok = row_split_plan(&x, &r, pre, in2, work, &S) ? row_split(&x, &S, in2, true) : -1;
        else
            ok = reduce_loop(&x, &r, in2, work);
    }
    ir_tmp_release(ir, mark);
    return ok;
}

static bool has_dot_product(const Ir *ir)
{
    for (uint32_t v = 0; v < ir->nins; v++) {
        const IrIns *in = &ir->ins[v];
        if (in->op != IR_ADDO || in->block < 0)
            continue;
        for (int s = 0; s < 2; s++) {
            int32_t acc = s ? in->b : in->a, prod = s ? in->a : in->b;
            const IrIns *m = &ir->ins[prod], *ph = &ir->ins[acc];
            if (ph->op == IR_PHI && m->op == IR_MUL && ir->ins[m->a].op == IR_ALOAD && ir->ins[m->b].op == IR_ALOAD &&
                ir->ins[m->a].aux == ir->ins[m->b].aux && (ir->ins[m->a].aux == 'b' || ir->ins[m->a].aux == 'h'))
                return true;
        }
    }
    return false;
}

/* The first dot-product loop, innermost loops in reverse post-order. */
bool vectorize_reduction(Ir *ir)
{
    if (!has_dot_product(ir))
        return false;
    ir_licm(ir);
    IrTmpMark mark = ir_tmp_mark(ir);
    uint32_t nb = ir->nblocks;
    int32_t *order = ir_tmp(ir, (nb + 1) * sizeof *order), *work = ir_tmp(ir, (nb + 1) * sizeof *work);
    uint8_t *in = ir_tmp(ir, nb + 1);
    bool done = false;
    if (order && work && in) {
        ir_dominators(ir);
        ir_loops(ir);
        uint32_t n = ir_rpo(ir, order);
        for (uint32_t i = 0; i < n; i++) {
            int32_t h = order[i];
            if (ir->blocks[h].loop_head != h)
                continue;
            if (done) { /* (the graph changed: only the report's notes from here) */
                IrLoopNote *t = note_of(ir, h);
                IrCounted c;
                if (t && !t->how && !t->why_dot && ir_counted_loop(ir, h, &c) && c.body == c.latch)
                    t->why_dot = "not looked at: one loop per function is vectorised";
                continue;
            }
            Vec x = {.ir = ir, .h = h, .nb = nb, .nin = ir->nins, .in = in, .store = -1};
            Reduction r;
            ir_loop_blocks(ir, h, in, work);
            if (reduction_shape(&x, &r)) {
                int lanes = r.s16 ? 8 : 16;
                note_done(ir, h, in, r.s16 ? "int16 dot product" : "dot product", lanes, 0); /* (before the change: in[] is h's loop) */
                uint8_t *in2 = ir_tmp(ir, nb + 1);
                x.pair_ok = in2 != NULL;
                const IrBlock *hb = &ir->blocks[h];
                int32_t pre = hb->preds[in[hb->preds[0]] ? 1 : 0], h2 = -1;
                NestCopy S;
                if (x.pair_ok && row_split_plan(&x, &r, pre, in2, work, &S))
                    h2 = row_split(&x, &S, in2, false);
                bool ok;
                if (h2 >= 0) { /* rows of 16 or more: pairs, or the single-row loop for a tail of 4 or more */
                    int32_t h3 = reduce_at(ir, h, false, true);
                    ok = reduce_at(ir, h, true, false) == 1 && (h3 < 0 || reduce_at(ir, h3, false, false) == 1);
                } else {
                    ok = reduce_loop(&x, &r, in2, work);
                }
                if (ok)
                    ir->vector_lanes = (uint8_t)lanes, ir->vector_pc = ir->blocks[h].bc_start;
                done = true; /* (a failure is out of memory: the compile fails) */
            } else if (x.why != NOT_ONE_BLOCK && note_of(ir, h)) {
                note_of(ir, h)->why_dot = x.why;
            }
        }
    }
    ir_tmp_release(ir, mark);
    return done;
}
