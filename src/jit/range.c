/*
 * range.c - integer value ranges, and the checks they prove redundant.
 *
 * Every int value gets an interval [lo, hi] (in 64 bits, so the sum or
 * product of two int32 ranges is exact), computed in one pass over the
 * blocks in reverse post-order: constants are points, array elements span
 * their typecode, lengths are non-negative, arithmetic combines its
 * operands' intervals. A loop header's phi is the one value whose operands
 * are not all known yet; it gets a range only when it is a counted loop's
 * induction variable (below), otherwise everything.
 *
 * Then the checks:
 * - a checked add, sub or mul whose exact result range fits in int32
 *   cannot overflow: it becomes the plain operation;
 * - an index known to be non-negative needs no wrap from the end: index
 *   becomes bound (one unsigned compare) and its users take the index.
 * A check that cannot be proved stays as it is.
 *
 * Induction variables: a header phi p = phi(init, p + c) (c a non-zero
 * constant, the add in the loop body) whose header branches into the loop
 * on p < bound (c > 0) or p > bound (c < 0) takes values from init up to the
 * last value that passed the test plus c. Python's range() loops build
 * exactly this (build.c).
 */
#include <stdlib.h>

#include "jit/ir.h"

typedef struct Range {
    int64_t lo, hi;
} Range;

static const Range FULL = {INT32_MIN, INT32_MAX};

static Range rng(int64_t lo, int64_t hi) { return (Range){lo, hi}; }

static bool fits(Range r) { return r.lo >= INT32_MIN && r.hi <= INT32_MAX; }

static Range clip(Range r) { return fits(r) ? r : FULL; }

static int64_t min4(int64_t a, int64_t b, int64_t c, int64_t d)
{
    int64_t m = a < b ? a : b;
    m = m < c ? m : c;
    return m < d ? m : d;
}

static int64_t max4(int64_t a, int64_t b, int64_t c, int64_t d)
{
    int64_t m = a > b ? a : b;
    m = m > c ? m : c;
    return m > d ? m : d;
}

/* The exact range of a op b over all operand pairs (before any wrap).
 * Operands are int32 ranges, so the products fit in int64. */
static Range arith(IrOp op, Range a, Range b)
{
    if (!fits(a) || !fits(b))
        return rng(INT64_MIN / 4, INT64_MAX / 4); /* never int32: no check is removed */
    switch (op) {
    case IR_ADD: case IR_ADDO: return rng(a.lo + b.lo, a.hi + b.hi);
    case IR_SUB: case IR_SUBO: return rng(a.lo - b.hi, a.hi - b.lo);
    default: /* MUL, MULO: int32 * int32 fits in int64 */
        return rng(min4(a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi),
                   max4(a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi));
    }
}

static Range typecode_range(uint8_t tc)
{
    switch (tc) {
    case 'b': return rng(-128, 127);
    case 'B': case 'Y': return rng(0, 255);
    case 'h': return rng(-32768, 32767);
    case 'H': return rng(0, 65535);
    default: return FULL;
    }
}

typedef struct Ranges {
    Ir *ir;
    Range *r;
    uint8_t *known; /* bit 0: r[v] is computed; bit 1: v is an operand of a compare */
} Ranges;

static Range get(const Ranges *s, int32_t v)
{
    return v >= 0 && s->known[v] & 1 ? s->r[v] : FULL;
}

static IrCond negate(IrCond c)
{
    static const IrCond neg[] = {CC_NE, CC_EQ, CC_GE, CC_GT, CC_LE, CC_LT};
    return neg[c];
}

static IrCond swap(IrCond c)
{
    static const IrCond sw[] = {CC_EQ, CC_NE, CC_GT, CC_GE, CC_LT, CC_LE};
    return sw[c];
}

/* What "x cc y" tells about x. */
static Range restrict_to(Range x, IrCond cc, Range y)
{
    Range r = x;
    switch (cc) {
    case CC_LT: if (y.hi - 1 < r.hi) r.hi = y.hi - 1; break;
    case CC_LE: if (y.hi < r.hi) r.hi = y.hi; break;
    case CC_GT: if (y.lo + 1 > r.lo) r.lo = y.lo + 1; break;
    case CC_GE: if (y.lo > r.lo) r.lo = y.lo; break;
    case CC_EQ: if (y.lo > r.lo) r.lo = y.lo; if (y.hi < r.hi) r.hi = y.hi; break;
    default: break;
    }
    return r.lo <= r.hi ? r : x;
}

/* The compare that decides entry into block b, when b is entered only from
 * a branch on one: *cc is its outcome there (negated on the false edge). */
static const IrIns *entry_fact(const Ir *ir, int32_t b, IrCond *cc)
{
    const IrBlock *bl = &ir->blocks[b];
    if (bl->npreds != 1)
        return NULL;
    const IrBlock *p = &ir->blocks[bl->preds[0]];
    if (p->nsucc != 2 || p->succ[0] == p->succ[1] || p->nins == 0)
        return NULL;
    const IrIns *br = &ir->ins[p->ins[p->nins - 1]];
    if (br->op != IR_BR || br->a < 0 || ir->ins[br->a].op != IR_CMP)
        return NULL;
    const IrIns *cmp = &ir->ins[br->a];
    *cc = p->succ[0] == b ? (IrCond)cmp->aux : negate((IrCond)cmp->aux);
    return cmp;
}

/* v's range where block runs: narrowed by the branches that lead there.
 * Walking up the dominator tree, a block entered only from a branch on
 * v < y (or any compare of v) knows that compare's outcome; in a loop body,
 * `k < n` with k >= 0 says n >= 1. */
static Range at(const Ranges *s, int32_t v, int32_t block)
{
    const Ir *ir = s->ir;
    Range r = get(s, v);
    if (v < 0 || !(s->known[v] & 2))
        return r; /* no compare can narrow it: no walk */
    IrCond cc;
    for (int32_t b = block; b >= 0; b = ir->blocks[b].idom) {
        const IrIns *cmp = entry_fact(ir, b, &cc);
        if (cmp && cmp->a == v)
            r = restrict_to(r, cc, get(s, cmp->b));
        else if (cmp && cmp->b == v)
            r = restrict_to(r, swap(cc), get(s, cmp->a));
    }
    return r;
}

/* x and y are one length: the same value, or the lengths of one array
 * in a function without calls (compiled code never resizes, but a callee
 * may run the interpreter, which can; cse merges them only later). */
static bool function_calls; /* ir_block_calls of the function ir_ranges works on, found once */

static bool same_len(const Ir *ir, int32_t x, int32_t y)
{
    return x == y || (x >= 0 && y >= 0 && ir->ins[x].op == IR_ALEN && ir->ins[y].op == IR_ALEN &&
                      ir->ins[x].a == ir->ins[y].a && !function_calls);
}

/* Whether a branch on the way to block proves idx < len, the operands
 * themselves compared (`for j in range(i + 1, n)` with n = len(a): a[j]). */
static bool below(const Ir *ir, int32_t idx, int32_t len, int32_t block)
{
    IrCond cc;
    for (int32_t b = block; b >= 0; b = ir->blocks[b].idom) {
        const IrIns *cmp = entry_fact(ir, b, &cc);
        if (cmp && ((cmp->a == idx && same_len(ir, cmp->b, len) && cc == CC_LT) ||
                    (same_len(ir, cmp->a, len) && cmp->b == idx && cc == CC_GT)))
            return true;
    }
    return false;
}

/* The range of an induction variable (see the top), or FULL. */
static Range induction(const Ranges *s, int32_t p)
{
    IrCounted c;
    if (!ir_counted_loop(s->ir, s->ir->ins[p].block, &c) || c.phi != p || !(s->known[c.init] & 1))
        return FULL;
    /* p passed p < bound (or >) with bound's value at that moment, whatever
     * it is: a bound not known yet counts as any int */
    Range i0 = s->r[c.init], bound = get(s, c.bound), out;
    int64_t k = c.step;
    switch (c.cc) {
    case CC_LT: out = rng(i0.lo, i0.hi > bound.hi - 1 + k ? i0.hi : bound.hi - 1 + k); break;
    case CC_LE: out = rng(i0.lo, i0.hi > bound.hi + k ? i0.hi : bound.hi + k); break;
    case CC_GT: out = rng(i0.lo < bound.lo + 1 + k ? i0.lo : bound.lo + 1 + k, i0.hi); break;
    default: out = rng(i0.lo < bound.lo + k ? i0.lo : bound.lo + k, i0.hi); break;
    }
    return clip(out); /* a step past int32 could wrap: then nothing is known */
}

static Range compute(Ranges *s, int32_t v)
{
    Ir *ir = s->ir;
    const IrIns *in = &ir->ins[v];
    if (in->type != TY_INT && in->type != TY_BOOL)
        return FULL;
    Range a = at(s, in->a, in->block), b = at(s, in->b, in->block);
    switch ((IrOp)in->op) {
    case IR_CONST: return rng(in->k.i, in->k.i);
    case IR_CMP: case IR_FCMP: return rng(0, 1);
    case IR_COPY: return a;
    case IR_ALEN: return rng(0, INT32_MAX);
    case IR_ALOAD: return typecode_range(in->aux);
    case IR_INDEX: return rng(0, a.hi - 1 < 0 ? 0 : a.hi - 1);
    case IR_CALLRT: return in->aux == H__COUNT ? rng(0, INT32_MAX) : FULL; /* a range's length */
    case IR_ADD: case IR_SUB: case IR_MUL: return clip(arith((IrOp)in->op, a, b));
    case IR_ADDO: case IR_SUBO: case IR_MULO: {
        /* when it does not fail, the result is the exact one (and when it
         * always fails, nothing is known of a value nobody sees) */
        Range x = arith((IrOp)in->op, a, b);
        if (x.lo > INT32_MAX || x.hi < INT32_MIN)
            return FULL;
        return rng(x.lo < INT32_MIN ? INT32_MIN : x.lo, x.hi > INT32_MAX ? INT32_MAX : x.hi);
    }
    case IR_AND: {
        if (a.lo >= 0 || b.lo >= 0) /* the result is no larger than a non-negative operand */
            return rng(0, a.lo >= 0 && b.lo >= 0 ? (a.hi < b.hi ? a.hi : b.hi) : a.lo >= 0 ? a.hi : b.hi);
        return FULL;
    }
    case IR_PHI: {
        const IrBlock *b = &ir->blocks[in->block];
        Range u = {INT64_MAX, INT64_MIN};
        for (uint32_t i = 0; i < b->npreds; i++) {
            int32_t op = ir->lists[in->list + (int32_t)i];
            if (op < 0 || ir->ins[op].op == IR_UNDEF)
                continue;
            if (!(s->known[op] & 1)) /* a back edge: only an induction variable has a range */
                return induction(s, v);
            Range r = s->r[op];
            u.lo = r.lo < u.lo ? r.lo : u.lo;
            u.hi = r.hi > u.hi ? r.hi : u.hi;
        }
        return u.lo <= u.hi ? u : FULL;
    }
    default:
        return FULL;
    }
}

/* A range for v from the values it is made of alone (constants, array
 * elements of a narrow typecode, their sums, differences and products; at
 * most 2**24 in magnitude once combined): what version.c needs to bound an
 * accumulator, without the whole analysis. */
static bool small(const Ir *ir, int32_t v, int depth, Range *r)
{
    const IrIns *in = &ir->ins[v];
    Range a, b;
    if (depth > 4)
        return false;
    switch ((IrOp)in->op) {
    case IR_CONST:
        *r = rng(in->k.i, in->k.i);
        return in->type != TY_FLOAT;
    case IR_ALOAD:
        *r = typecode_range(in->aux);
        return r->lo != FULL.lo || r->hi != FULL.hi;
    case IR_ADD: case IR_ADDO: case IR_SUB: case IR_SUBO: case IR_MUL: case IR_MULO:
        if (!small(ir, in->a, depth + 1, &a) || !small(ir, in->b, depth + 1, &b))
            return false;
        *r = arith((IrOp)in->op, a, b);
        return r->lo >= -(1 << 24) && r->hi <= (1 << 24);
    default:
        return false;
    }
}

bool ir_small_range(const Ir *ir, int32_t v, int64_t *lo, int64_t *hi)
{
    Range r;
    if (!small(ir, v, 0, &r))
        return false;
    *lo = r.lo, *hi = r.hi;
    return true;
}

bool ir_value_range(const Ir *ir, int32_t v, int32_t *lo, int32_t *hi)
{
    if (v < 0 || (uint32_t)v >= ir->nranges || ir->ins[v].type == TY_FLOAT)
        return false;
    *lo = ir->ranges[v].lo, *hi = ir->ranges[v].hi;
    return *lo != INT32_MIN || *hi != INT32_MAX;
}

static void past_bound(Ir *ir, int32_t *slot, void *ctx)
{
    (void)ctx;
    if (ir->ins[*slot].op == IR_BOUND)
        *slot = ir->ins[*slot].b;
}

void ir_ranges(Ir *ir)
{
    IrTmpMark m = ir_tmp_mark(ir);
    Ranges s = {ir, ir_tmp(ir, (ir->nins + 1) * sizeof(Range)), ir_tmp0(ir, ir->nins + 1)};
    int32_t *order = ir_tmp(ir, (ir->nblocks + 1) * sizeof *order);
    if (!s.r || !s.known || !order) {
        ir->oom = true;
        goto out;
    }
    function_calls = ir_block_calls(ir, -1);
    ir_dominators(ir);
    uint32_t norder = ir_rpo(ir, order);
    for (uint32_t k = 0; k < norder; k++) {
        IrBlock *b = &ir->blocks[order[k]];
        for (uint32_t i = 0; i < b->nins; i++) {
            const IrIns *in = &ir->ins[b->ins[i]];
            if (in->op == IR_CMP && in->a >= 0 && in->b >= 0)
                s.known[in->a] |= 2, s.known[in->b] |= 2;
        }
    }
    for (uint32_t k = 0; k < norder; k++) {
        IrBlock *b = &ir->blocks[order[k]];
        for (uint32_t i = 0; i < b->nins; i++) {
            int32_t v = b->ins[i];
            s.r[v] = compute(&s, v);
            s.known[v] |= 1;
        }
    }
    /* the checks the ranges prove */
    for (uint32_t k = 0; k < norder; k++) {
        IrBlock *b = &ir->blocks[order[k]];
        for (uint32_t i = 0; i < b->nins; i++) {
            IrIns *in = &ir->ins[b->ins[i]];
            switch ((IrOp)in->op) {
            case IR_ADDO: case IR_SUBO: case IR_MULO:
                if (fits(arith((IrOp)in->op, at(&s, in->a, in->block), at(&s, in->b, in->block)))) {
                    in->op = in->op == IR_ADDO ? IR_ADD : in->op == IR_SUBO ? IR_SUB : IR_MUL;
                    ir_drop_failure(in);
                }
                break;
            case IR_INDEX:
                if (at(&s, in->b, in->block).lo >= 0)
                    in->op = IR_BOUND; /* its value is the index itself (below) */
                if (in->op == IR_BOUND && below(ir, in->b, in->a, in->block))
                    in->op = IR_COPY, in->a = in->b, in->b = -1, in->type = TY_INT, ir_drop_failure(in);
                break;
            case IR_BOUND:
                if (below(ir, in->b, in->a, in->block)) {
                    ir_remove_ins(ir, b->ins[i]);
                    i--;
                }
                break;
            default:
                break;
            }
        }
    }
    /* kept for version.c, which may test a whole range once */
    free(ir->ranges);
    ir->ranges = malloc((ir->nins + 1) * sizeof *ir->ranges);
    ir->nranges = ir->ranges ? ir->nins : 0;
    for (uint32_t v = 0; v < ir->nranges; v++) {
        Range r = get(&s, (int32_t)v);
        ir->ranges[v] = (struct IrRange){(int32_t)r.lo, (int32_t)r.hi};
    }
    /* users of a bound take the index */
    for (uint32_t bi = 0; bi < ir->nblocks; bi++)
        for (uint32_t i = 0; i < ir->blocks[bi].nins; i++)
            ir_for_operands(ir, ir->blocks[bi].ins[i], past_bound, NULL);
out:
    ir_tmp_release(ir, m);
}
