/*
 * vector.c - PIE vectorisation of int8 multiply-accumulate loop nests.
 *
 * The loop vectorised is the one whose iterations are independent: in
 *
 *     for j in range(N):
 *         acc = 0
 *         for k in range(K):
 *             acc += a[i*K + k] * b[k*N + j]
 *         c[i*N + j] = acc
 *
 * it is j, not k (b[k*N + j] is contiguous in j, not in k). Sixteen
 * iterations of j run at once, one per lane: acc lives in PIE's QACC (16
 * lanes of int32), a[i*K + k] is the same in every lane (broadcast with
 * esp.vldbc.8), b[k*N + j .. +15] is one 128-bit load, c[i*N + j .. +15]
 * four stores of QACC. conv2d's filter loop has the same shape with three
 * loops inside it.
 *
 * Every value of the j loop's body is classified by how it depends on j:
 * uniform (the same in every lane: computed once, as the scalar code does),
 * linear (v0 + d*lane: an index, computed for lane 0), int8 lanes loaded
 * from memory, their products, and the accumulator. Anything else (a call,
 * a branch on j, a second store, a float of j, ...) and the loop stays
 * scalar. Uniform checks stay checks: they fail in lane 0 first, before
 * anything of this iteration is stored, exactly as the interpreter would.
 *
 * The vector loop runs ahead of the original loop, which is kept with all
 * its checks and finishes the iterations left (fewer than 16) - and takes
 * over on any doubt: a linear check that might fail in some lane (tested at
 * both ends of the lanes: the values are affine, so in range at both ends
 * means in range in between), or an accumulator that might overflow int32
 * (tested by counting the multiply-accumulates: products of int8 lie in
 * [-16256, 16384], so 131071 of them cannot overflow). Nothing is stored
 * before the last of those tests, so "bailing out" is a jump to the scalar
 * loop at the first lane of the vector iteration; QACC is simply dropped.
 *
 * Each vector iteration computes 16 lanes and stores those of its
 * iterations: 16, or the 1 to 15 left (vectorize_loop); the loads still
 * read 16 bytes, at most 15 past the last element used, which the heap
 * leaves readable (state.c); the upper lanes are not stored.
 *
 * Runs after range.c and cse.c (checks are in their simplest form, ranges
 * proved) and before licm.c, which then hoists the uniform values.
 */
#include <stdlib.h>
#include <string.h>

#include "jit/jit_int.h"
#include "jit/vector_int.h"

static uint8_t kind_of(const Vec *x, int32_t v)
{
    const IrIns *in = &x->ir->ins[v];
    if (in->op == IR_CONST && in->type != TY_FLOAT && in->k.i == 0)
        return K_ZERO;
    return inside(x, v) ? x->kind[v] : K_UNI;
}

static bool uniform(uint8_t k) { return k == K_UNI || k == K_ZERO; }

/* A check that deoptimises (its deopt map: an int that may need more than
 * 32 bits, or a type change), of a kind the copy tests as a bail-out. */
static bool overflow_guard(const IrIns *in)
{
    return in->ndm && (in->op == IR_ADDO || in->op == IR_SUBO || in->op == IR_MULO || in->op == IR_CHECK);
}

/* An int8 element that can feed a multiply-accumulate: lanes from memory,
 * or one element for every lane (broadcast). */
static bool mac_operand(const Vec *x, int32_t v)
{
    const IrIns *in = &x->ir->ins[v];
    uint8_t k = kind_of(x, v);
    return k == K_VEC || (k == K_UNI && in->op == IR_ALOAD && in->aux == 'b');
}

static bool accumulator(const Vec *x, int32_t v)
{
    uint8_t k = kind_of(x, v);
    return k == K_ACC || (k == K_ZERO && x->ir->ins[v].op == IR_PHI);
}

/* classify()'s refusal: K_BAD, with the report's reason (about op). */
static uint8_t bad(Vec *x, int32_t v, const char *why)
{
    if (!x->why)
        x->why = why, x->why_op = x->ir->ins[v].op;
    return K_BAD;
}

/* A linear value from two operands of kinds ka, kb and slopes sa, sb
 * combined with sign (+1 add, -1 sub). */
static uint8_t linear(Vec *x, int32_t v, uint8_t ka, int64_t sa, uint8_t kb, int64_t sb, int sign)
{
    int64_t s = (ka == K_LIN ? sa : 0) + sign * (kb == K_LIN ? sb : 0);
    if (s == 0)
        return K_UNI;
    if (s > MAX_SLOPE || s < -MAX_SLOPE)
        return bad(x, v, "an index changes by more than 2**20 from one iteration to the next");
    x->slope[v] = (int32_t)s;
    return K_LIN;
}

/* The kind of v from its operands' (phis: the meet of theirs). */
static uint8_t classify(Vec *x, int32_t v)
{
    Ir *ir = x->ir;
    const IrIns *in = &ir->ins[v];
    uint8_t ka = in->a >= 0 ? kind_of(x, in->a) : K_UNI, kb = in->b >= 0 ? kind_of(x, in->b) : K_UNI;
    int32_t sa = in->a >= 0 ? x->slope[in->a] : 0, sb = in->b >= 0 ? x->slope[in->b] : 0, k;
    if (ka == K_BAD || kb == K_BAD)
        return K_BAD;
    switch ((IrOp)in->op) {
    case IR_NOP: case IR_CONST: case IR_JMP: case IR_ALEN: case IR_ADATA:
        return uniform(ka) ? K_UNI : bad(x, v, "an array that changes from one iteration to the next");
    case IR_PHI: {
        if (v == x->c.phi) {
            x->slope[v] = 1;
            return K_LIN;
        }
        if (in->block == x->h) /* something else carried from one j to the next */
            return bad(x, v, "a value carried from one iteration to the next (a sum over this loop itself)");
        uint8_t m = K_TOP;
        int32_t s = 0;
        for (uint32_t i = 0; i < ir->blocks[in->block].npreds; i++) {
            int32_t o = ir->lists[in->list + (int32_t)i];
            uint8_t ko = kind_of(x, o);
            if (ko == K_TOP)
                continue;
            if (ko == K_VEC || ko == K_PROD || ko == K_BAD)
                return bad(x, v, "elements or products merged where paths join");
            if (m == K_TOP || (m == K_ZERO && (ko == K_UNI || ko == K_ACC)))
                m = ko, s = x->slope[o];
            else if (ko == m ? ko == K_LIN && x->slope[o] != s : !(ko == K_ZERO && (m == K_UNI || m == K_ACC)))
                return bad(x, v, "paths that join with values of different kinds (a branch inside the nest)");
        }
        if (m == K_LIN)
            x->slope[v] = s;
        return m;
    }
    case IR_ADD: case IR_ADDO: case IR_SUB: case IR_SUBO:
        /* acc += a * b, acc a phi (all zeros while its back edge is not known yet) */
        if (in->op == IR_ADDO && ((accumulator(x, in->a) && kb == K_PROD) || (accumulator(x, in->b) && ka == K_PROD)))
            return K_ACC;
        if (ka == K_ACC || kb == K_ACC)
            return bad(x, v, "the sum is used for something other than adding products (a bias, a second sum)");
        if (ka > K_LIN || kb > K_LIN)
            return bad(x, v, "arithmetic on elements other than a multiply-accumulate");
        if (uniform(ka) && uniform(kb))
            return K_UNI;
        return linear(x, v, ka, sa, kb, sb, in->op == IR_SUB || in->op == IR_SUBO ? -1 : 1);
    case IR_MUL: case IR_MULO: case IR_SHL:
        if (in->op == IR_MUL && (ka == K_VEC || kb == K_VEC))
            return mac_operand(x, in->a) && mac_operand(x, in->b)
                       ? K_PROD
                       : bad(x, v, "a product of int8 lanes and something that is neither an int8 element nor lanes");
        if (ka > K_LIN || kb > K_LIN)
            return bad(x, v, "arithmetic on elements other than a multiply-accumulate");
        if (uniform(ka) && uniform(kb))
            return K_UNI;
        if (in->op == IR_SHL)
            return ka == K_LIN && is_const(ir, in->b, &k) && k >= 0 && k < 20
                       ? linear(x, v, ka, (int64_t)sa << k, K_UNI, 0, 1)
                       : bad(x, v, "an index shifted by a count that is not a small constant");
        if (ka == K_LIN && is_const(ir, in->b, &k))
            return linear(x, v, ka, (int64_t)sa * k, K_UNI, 0, 1);
        if (kb == K_LIN && is_const(ir, in->a, &k))
            return linear(x, v, kb, (int64_t)sb * k, K_UNI, 0, 1);
        return bad(x, v, "an index is the counter times a value not known at compile time (no fixed slope)");
    case IR_INDEX: case IR_BOUND: /* a = len, b = index */
        if (!uniform(ka))
            return bad(x, v, "an array that changes from one iteration to the next");
        if (kb > K_LIN)
            return bad(x, v, "an index read from memory that changes from one iteration to the next");
        if (kb == K_LIN)
            x->slope[v] = sb;
        return kb == K_LIN ? K_LIN : K_UNI;
    case IR_ALOAD:
        if (!uniform(ka))
            return bad(x, v, "an array that changes from one iteration to the next");
        if (kb > K_LIN)
            return bad(x, v, "an index read from memory that changes from one iteration to the next");
        if (kb == K_LIN) {
            if (in->aux != 'b')
                return bad(x, v, "an operand that changes with the counter is not int8 (only 'b' arrays make lanes)");
            return sb == 1 ? K_VEC : bad(x, v, "an int8 operand is neither contiguous (slope 1) nor uniform (slope 0)");
        }
        return K_UNI;
    case IR_ASTORE: {
        int32_t val = in->c;
        if (x->store >= 0 && x->store != v)
            return bad(x, v, "more than one store in the nest");
        x->store = v;
        if (in->aux != 'i')
            return bad(x, v, "the store is not into an int32 ('i') array");
        if (!uniform(ka) || kb != K_LIN || sb != 1)
            return bad(x, v, "the store's index does not move by one with the counter (slope other than 1)");
        return accumulator(x, val) ? K_UNI : bad(x, v, "the stored value is not a sum of int8 products");
    }
    case IR_BR:
        return uniform(ka) ? K_UNI : bad(x, v, "a branch that depends on the counter or on elements");
    case IR_CALL:
        return bad(x, v, "a call in the body");
    case IR_NEWBYTES:
        return bad(x, v, "an allocation in the body");
    case IR_RET:
        return bad(x, v, "a return in the body");
    case IR_VCFG: case IR_VZERO: case IR_VMAC: case IR_VSTQ: case IR_VXACC:
        return bad(x, v, "already vectorised");
    default: { /* any other operation: of uniform operands only */
        uint8_t kc = in->c >= 0 ? kind_of(x, in->c) : K_UNI;
        return uniform(ka) && uniform(kb) && uniform(kc)
                   ? K_UNI
                   : bad(x, v, "an operation the lanes do not make, on values that change with the counter");
    }
    }
}

/* Every use of a vector, product or accumulator value is one the copy can
 * make: lanes and broadcasts into a product, products and accumulators
 * into an accumulation, accumulators into phis and the store. */
static bool uses_ok(Vec *x, int32_t user, int32_t slot_value, bool witness)
{
    const IrIns *u = &x->ir->ins[user];
    uint8_t kv = kind_of(x, slot_value), ku = kind_of(x, user);
    if (kv == K_VEC || (kv == K_UNI && ku == K_PROD))
        return !witness && ku == K_PROD;
    if (kv == K_PROD)
        return ku == K_ACC && u->op == IR_ADDO;
    if (kv == K_ACC)
        return (ku == K_ACC && !witness) || (user == x->store && !witness && u->c == slot_value);
    return true;
}

typedef struct Reads {
    const Vec *x;
    bool body;
} Reads;

static void body_value(Ir *ir, int32_t *slot, void *ctx)
{
    Reads *r = ctx;
    (void)ir;
    r->body |= inside(r->x, *slot) && r->x->ir->ins[*slot].block != r->x->h;
}

/* Does v, outside the loop, read a value made in its body? */
static bool reads_body(const Vec *x, int32_t v)
{
    Reads r = {x, false};
    ir_for_operands(x->ir, v, body_value, &r);
    return r.body;
}

/* QACC holds one value at a time: at every use of an accumulator value it
 * must be the last one made on every path there. state[b]: the value in
 * QACC at the end of block b (-1 none, -2 paths disagree). */
static bool one_accumulator(Vec *x, const int32_t *order, uint32_t n, int32_t *state)
{
    Ir *ir = x->ir;
    for (uint32_t b = 0; b < ir->nblocks; b++)
        state[b] = -3;
    for (int round = 0; round < 3; round++) {
        bool last = round == 2;
        for (uint32_t r = 0; r < n; r++) {
            int32_t b = order[r];
            if (!x->in[b] || b == x->h)
                continue;
            const IrBlock *bl = &ir->blocks[b];
            int32_t s = -3; /* not known yet */
            for (uint32_t p = 0; p < bl->npreds; p++) {
                int32_t ps = bl->preds[p] == x->h ? -1 : state[bl->preds[p]];
                s = s == -3 ? ps : ps == -3 || ps == s ? s : -2;
            }
            uint32_t i = 0, nacc = 0;
            for (; i < bl->nins && ir->ins[bl->ins[i]].op == IR_PHI; i++) {
                int32_t v = bl->ins[i];
                if (kind_of(x, v) != K_ACC)
                    continue;
                if (++nacc > 1)
                    return false;
                for (uint32_t p = 0; p < bl->npreds; p++) {
                    int32_t o = ir->lists[ir->ins[v].list + (int32_t)p], pb = bl->preds[p];
                    if (kind_of(x, o) == K_ZERO) {
                        if (ir->blocks[pb].nsucc != 1) /* QACC is cleared at the end of pb */
                            return false;
                    } else if (last && (pb == x->h || state[pb] != o)) {
                        return false;
                    }
                }
                s = v;
            }
            for (; i < bl->nins; i++) {
                int32_t v = bl->ins[i];
                const IrIns *in = &ir->ins[v];
                if (kind_of(x, v) == K_ACC) {
                    int32_t acc = kind_of(x, in->a) == K_ACC ? in->a : in->b;
                    if (kind_of(x, acc) != K_ACC)
                        return false;
                    if (last && s != acc)
                        return false;
                    s = v;
                } else if (v == x->store && last && s != in->c) {
                    return false;
                }
            }
            state[b] = s;
        }
    }
    return true;
}

/* An array's data pointer that the vector loop's preheader can have: made
 * outside the loop, or read there from an array made outside it. */
static bool data_before(const Vec *x, int32_t data)
{
    const IrIns *d = &x->ir->ins[data];
    return !inside(x, data) || (d->op == IR_ADATA && !inside(x, d->a));
}

/* The alias rule (docs/jit.md): a vector iteration makes every lane's loads
 * before any lane's store, which is the scalar order only if no load in the
 * nest reads the stored array. Arrays own their buffers and an array's kind
 * never changes, so only a load of the stored kind can; each such load's
 * data pointer is compared with the store's before the vector loop (equal:
 * no vector iteration). Needs both pointers there; else the loop stays
 * scalar. */
static bool alias_rule(Vec *x)
{
    Ir *ir = x->ir;
    const IrIns *st = &ir->ins[x->store];
    x->aliased = false;
    for (uint32_t v = 0; v < x->nin; v++) {
        const IrIns *in = &ir->ins[v];
        if (in->op != IR_ALOAD || in->aux != st->aux || !inside(x, (int32_t)v))
            continue;
        if (!data_before(x, in->a) || !data_before(x, st->a))
            return false;
        x->aliased = true;
    }
    return true;
}

/* Can loop h be vectorised? Fills x->kind, slope, store, lanes. */
static bool analyse(Vec *x, const int32_t *order, uint32_t n, int32_t *state)
{
    Ir *ir = x->ir;
    IrCounted *c = &x->c;
    if (!ir_counted_loop(ir, x->h, c) || c->step != 1 || c->cc != CC_LT)
        return refuse(x, "not a counted loop (`for` over range with step 1)");
    if (inside(x, c->bound) || inside(x, c->init))
        return refuse(x, "the trip count is not known when the loop is entered (its bounds change in it)");
    int32_t lo, hi;
    /* the lanes stored are chosen when the loop runs (vectorize_loop): at
     * least 4 iterations are needed */
    x->lanes = 16;
    if (is_const(ir, c->init, &lo) && is_const(ir, c->bound, &hi) && (int64_t)hi - lo < 2)
        return refuse(x, "it makes one iteration or none (one lane costs more than the scalar loop)");
    /* leaves only through the header; one latch, which holds the store */
    for (uint32_t b = 0; b < ir->nblocks; b++) {
        if (!x->in[b] || (int32_t)b == x->h)
            continue;
        for (uint32_t s = 0; s < ir->blocks[b].nsucc; s++)
            if (!x->in[ir->blocks[b].succ[s]])
                return refuse(x, "it is left other than at its test (break, return, or an error path)");
    }
    /* the kinds, to a fixpoint (phis see their back edges on a later round) */
    bool changed = true;
    for (int round = 0; changed && round < 8; round++) {
        changed = false;
        x->store = -1;
        for (uint32_t r = 0; r < n; r++) {
            const IrBlock *bl = &ir->blocks[order[r]];
            if (!x->in[order[r]])
                continue;
            if (order[r] == x->h) { /* the counter, its test, the branch: made anew */
                if (bl->nins != 3 || bl->ins[1] != c->cmp)
                    return refuse(x, "a value carried from one iteration to the next (a sum over this loop itself)");
                x->kind[c->phi] = K_LIN, x->slope[c->phi] = 1;
                continue;
            }
            for (uint32_t i = 0; i < bl->nins; i++) {
                int32_t v = bl->ins[i];
                uint8_t k = classify(x, v);
                if (k == K_BAD)
                    return false;
                changed |= k != x->kind[v];
                x->kind[v] = k;
            }
        }
    }
    if (changed)
        return refuse(x, "the analysis did not settle");
    if (x->store < 0)
        return refuse(x, "it stores no element (a loop on lanes ends in an int32 store of a sum)");
    if (ir->ins[x->store].block != c->latch || kind_of(x, ir->ins[x->store].c) != K_ACC)
        return refuse(x, "the store is not at the end of every iteration (a branch around it)");
    if (!alias_rule(x))
        return refuse(x, "aliasing: a load may read the stored array, whose data is not known before the loop");
    /* nothing that can fail after the store: its lanes are all written at once */
    const IrBlock *lb = &ir->blocks[c->latch];
    bool after = false;
    uint32_t bails = 0;
    for (uint32_t i = 0; i < lb->nins; i++) {
        if (after && (ir_opinfo[ir->ins[lb->ins[i]].op].flags & (IR_FAILS | IR_SIDE)))
            return refuse(x, "something that can fail or write comes after the store");
        after |= lb->ins[i] == x->store;
    }
    /* the uses; outside the loop, only of the counter (a value made in the
     * body and read after the loop, as fold leaves `acc` when the loop may
     * not run, would be the scalar loop's, which may not run either) */
    for (uint32_t b = 0; b < ir->nblocks; b++) {
        if (!x->in[b] && !ir->blocks[b].dead)
            for (uint32_t i = 0; i < ir->blocks[b].nins; i++)
                if (reads_body(x, ir->blocks[b].ins[i]))
                    return refuse(x, "a value computed in the body is used after the loop");
        if (!x->in[b])
            continue;
        const IrBlock *bl = &ir->blocks[b];
        for (uint32_t i = 0; i < bl->nins; i++) {
            int32_t v = bl->ins[i];
            IrIns *in = &ir->ins[v];
            int32_t ops[3] = {in->a, in->b, in->c};
            for (int o = 0; o < 3; o++)
                if (ops[o] >= 0 && !uses_ok(x, v, ops[o], false))
                    return refuse(x, "an element, a product or the sum is used other than in a multiply-accumulate");
            for (int o = 0; o < in->nw; o++)
                /* an accumulation's and the store's failures are not re-run (they cannot fail) */
                if (in->w[o] >= 0 && kind_of(x, v) != K_ACC && v != x->store && !uses_ok(x, v, in->w[o], true))
                    return refuse(x, "an element, a product or the sum is used by a check");
            if (in->op == IR_PHI)
                for (uint32_t p = 0; p < bl->npreds; p++) {
                    int32_t o = ir->lists[in->list + (int32_t)p];
                    if (o >= 0 && !uses_ok(x, v, o, false))
                        return refuse(x, "an element, a product or the sum is used other than in a multiply-accumulate");
                }
            uint8_t k = kind_of(x, v);
            /* a uniform guard that deoptimises must become a bail-out in the
             * copy (which has no deopt maps): the kinds copy_ins() knows */
            if (in->ndm && uniform(k) && !overflow_guard(in))
                return refuse(x, "a guard that deoptimises (a type assumption) in the nest");
            /* the places a bail-out is tested: before each multiply-accumulate,
             * the store and each block's end (the join takes an edge from each) */
            bails += (k == K_ACC && in->op != IR_PHI) || v == x->store || (ir_opinfo[in->op].flags & IR_TERM) ||
                     overflow_guard(in);
        }
    }
    /* the join's predecessors: the bail-outs, vtest, vhdr */
    if (bails + 2 > IR_MAX_PREDS)
        return refuse(x, "too many places that may leave the vector loop");
    return one_accumulator(x, order, n, state) ||
           refuse(x, "two sums alive at once (QACC holds one), or a sum not cleared where it starts");
}

/* An inner loop whose counter runs up by one between values from outside it. */
static bool inner_counted(const Vec *x, int32_t h2, IrCounted *c2, const uint8_t *in2)
{
    const Ir *ir = x->ir;
    return ir_counted_loop(ir, h2, c2) && c2->step == 1 && (c2->cc == CC_LT || c2->cc == CC_LE) &&
           !in2[ir->ins[c2->init].block] && !in2[ir->ins[c2->bound].block];
}

/* Known before the vector loop: made outside it, or a constant. */
static bool before(const Vec *x, int32_t v)
{
    return !inside(x, v) || x->ir->ins[v].op == IR_CONST;
}

/* Inner loop h2 counts up by one from and to values known before the
 * vector loop: its trip count can be computed there. */
static bool trips_known(const Vec *x, int32_t h2, IrCounted *c2)
{
    return h2 >= 0 && ir_counted_loop(x->ir, h2, c2) && c2->step == 1 && (c2->cc == CC_LT || c2->cc == CC_LE) &&
           before(x, c2->init) && before(x, c2->bound);
}

/* The length of an array, fixed in inner loop in2: made outside it, or
 * read there from an array made outside it (compiled code never resizes). */
static bool fixed_len(const Ir *ir, const uint8_t *in2, int32_t len)
{
    const IrIns *l = &ir->ins[len];
    return !in2[l->block] || (l->op == IR_ALEN && !in2[ir->ins[l->a].block]);
}

/* The largest value the index of check v takes where v is, from range.c:
 * a counter's own range includes its exit value, which a check in the
 * loop's body never sees (x[i] with i < 64 in an array of 64). */
static bool index_max(const Vec *x, int32_t v, int32_t *lo, int32_t *hi)
{
    const Ir *ir = x->ir;
    int32_t idx = ir->ins[v].b, blo, bhi;
    if (!ir_value_range(ir, idx, lo, hi))
        return false;
    IrCounted c2;
    const IrIns *p = &ir->ins[idx];
    if (p->op == IR_PHI && p->block >= 0 && ir_counted_loop(ir, p->block, &c2) && c2.phi == idx && c2.step == 1 &&
        c2.cc == CC_LT && ir_dominates(ir, c2.body, ir->ins[v].block) && ir_value_range(ir, c2.bound, &blo, &bhi) &&
        (int64_t)bhi - 1 < *hi)
        *hi = bhi - 1;
    return true;
}

/* ---- checks tested once, on the ranges of the nest's counters -----------------
 *
 * A check whose value (an index, or a checked add, sub or multiply) is
 * made by +, - and * from loop counters - the lanes' counter, those of
 * inner counted loops whose bounds are known before the vector loop, and
 * those of the counted loops around it - and from values from before the
 * vector loop is tested once, before the vector loop, on intervals: each
 * counter's range [first, last], each +, - and * of two ranges the range
 * of its results (the ends of a sum, the four products of the ends), each
 * end's computation checked for overflow. Every value the check sees lies
 * in its interval, so the interval in range means the check passes (a
 * failure: no vector iteration, the scalar loop runs them all). licm then
 * moves the tests out of the loops around, to run once per call: a 3x3
 * conv's per-tap tests (issue 12). An interval is exact when each counter
 * appears once (as in indices), wider otherwise: a refusal, never an
 * error. */
enum { MAX_BOX_LOOPS = 8 };

typedef struct Box {
    int32_t head[MAX_BOX_LOOPS];
    int n;
} Box;

static bool arith(uint8_t op)
{
    return op == IR_ADD || op == IR_ADDO || op == IR_SUB || op == IR_SUBO || op == IR_MUL || op == IR_MULO;
}

/* Does loop h2 contain the vector loop? */
static bool encloses(const Vec *x, int32_t h2)
{
    const Ir *ir = x->ir;
    for (int32_t at = preheader(ir, x->h), hh; (hh = ir->blocks[at].loop_head) >= 0; at = preheader(ir, hh))
        if (hh == h2)
            return true;
    return false;
}

/* Made outside loop h2 (so before its header), or a constant. */
static bool outside_loop(const Ir *ir, int32_t h2, int32_t v)
{
    int32_t k;
    return is_const(ir, v, &k) || !ir_dominates(ir, h2, ir->ins[v].block);
}

/* The counted loop whose counter is phi v, if its range can be had before
 * the vector loop: the lanes', an inner one with trips_known(), or one
 * around the vector loop whose bounds are made outside it. */
static bool box_counter(const Vec *x, int32_t v, IrCounted *c2)
{
    const Ir *ir = x->ir;
    int32_t h2 = ir->ins[v].block;
    if (v == x->c.phi) {
        *c2 = x->c;
        return true;
    }
    if (inside(x, v))
        return trips_known(x, h2, c2) && c2->phi == v;
    return ir_counted_loop(ir, h2, c2) && c2->phi == v && c2->step == 1 && (c2->cc == CC_LT || c2->cc == CC_LE) &&
           encloses(x, h2) && outside_loop(ir, h2, c2->init) && outside_loop(ir, h2, c2->bound);
}

/* Is v, read in block `at`, such a value? Its counters' loops go to box. */
static bool box_value(const Vec *x, int32_t v, int32_t at, Box *box, int depth)
{
    const Ir *ir = x->ir;
    int32_t k;
    if (v < 0 || depth > 16)
        return false;
    const IrIns *in = &ir->ins[v];
    if (in->op == IR_PHI) {
        IrCounted c2;
        if (!box_counter(x, v, &c2))
            return inside(x, v) ? false : true; /* (another phi from before: one value) */
        if (!ir_dominates(ir, c2.body, at)) /* (after the loop the counter is past its range) */
            return false;
        int i = 0;
        while (i < box->n && box->head[i] != in->block)
            i++;
        if (i == box->n) {
            if (box->n == MAX_BOX_LOOPS)
                return false;
            box->head[box->n++] = in->block;
        }
        return true;
    }
    if (!inside(x, v) || is_const(ir, v, &k))
        return true;
    return in->type == TY_INT && arith(in->op) && box_value(x, in->a, at, box, depth + 1) &&
           box_value(x, in->b, at, box, depth + 1);
}

/* The value a check tests: a bound's index, or the checked operation. */
static int32_t checked_value(const Ir *ir, int32_t v)
{
    const IrIns *in = &ir->ins[v];
    return in->op == IR_BOUND || in->op == IR_INDEX ? in->b : v;
}

/* Is v a check that can be tested on ranges before the vector loop? */
static bool range_check(const Vec *x, int32_t v, Box *box)
{
    const IrIns *in = &x->ir->ins[v];
    bool index = in->op == IR_BOUND || in->op == IR_INDEX;
    if ((!index && in->op != IR_ADDO && in->op != IR_SUBO && in->op != IR_MULO) ||
        (index && !fixed_len(x->ir, x->in, in->a)))
        return false;
    box->n = 0;
    return box_value(x, checked_value(x->ir, v), in->block, box, 0);
}

/* Checks inside an inner counted loop whose value (a bound's index) is
 * affine in its counter move one way as it runs: tested at the counter's
 * first and last values before the loop, they leave the loop (version.c's
 * argument; here a failure is a bail-out, not a second copy). And when
 * every inner loop around an accumulation has a trip count known before
 * the vector loop, the products are counted there, once. */
static void plan(Vec *x, uint8_t *in2, int32_t *work)
{
    Ir *ir = x->ir;
    x->counted = false;
    for (uint32_t b = 0; b < ir->nblocks; b++) {
        if (!x->in[b])
            continue;
        const IrBlock *bl = &ir->blocks[b];
        for (uint32_t i = 0; i < bl->nins; i++) {
            int32_t v = bl->ins[i];
            const IrIns *in = &ir->ins[v];
            int32_t lo, hi;
            x->hoist_to[v] = -1;
            /* an index whose range range.c proved over the whole function
             * (loops over constants): its largest value, once, before the
             * vector loop (as version.c does) */
            if ((in->op == IR_BOUND || in->op == IR_INDEX) && (x->kind[v] == K_UNI || x->kind[v] == K_LIN) &&
                fixed_len(ir, x->in, in->a) && index_max(x, v, &lo, &hi) && lo >= 0 && hi < SMALL_INDEX) {
                x->hoist_to[v] = x->h, x->most[v] = hi;
                continue;
            }
            Box box;
            if ((x->kind[v] == K_UNI || x->kind[v] == K_LIN) && range_check(x, v, &box)) {
                x->hoist_to[v] = x->h, x->most[v] = -1;
                continue;
            }
            if (x->kind[v] != K_ACC || in->op == IR_PHI)
                continue;
            IrCounted c2;
            for (int32_t at = (int32_t)b, h2; (h2 = ir->blocks[at].loop_head) != x->h; at = preheader(ir, h2))
                if (!trips_known(x, h2, &c2)) {
                    x->counted = true;
                    break;
                }
        }
    }
    for (uint32_t h2 = 0; h2 < ir->nblocks; h2++) {
        IrCounted c2;
        if (!x->in[h2] || (int32_t)h2 == x->h || ir->blocks[h2].loop_head != (int32_t)h2)
            continue;
        ir_loop_blocks(ir, (int32_t)h2, in2, work);
        if (!inner_counted(x, (int32_t)h2, &c2, in2))
            continue;
        for (uint32_t b = 0; b < ir->nblocks; b++) {
            if (!in2[b] || ir->blocks[b].loop_head != (int32_t)h2)
                continue;
            const IrBlock *bl = &ir->blocks[b];
            for (uint32_t i = 0; i < bl->nins; i++) {
                int32_t v = bl->ins[i];
                const IrIns *in = &ir->ins[v];
                bool index = in->op == IR_BOUND || in->op == IR_INDEX;
                if ((in->op != IR_ADDO && in->op != IR_MULO && !index) || (x->kind[v] != K_UNI && x->kind[v] != K_LIN) ||
                    (index && !fixed_len(ir, in2, in->a)) || x->hoist_to[v] >= 0)
                    continue;
                IrAffine a = ir_affine(ir, in2, c2.phi, index ? in->b : v, true);
                if (a.ok)
                    x->hoist_to[v] = (int32_t)h2, x->aff[v] = a;
            }
        }
    }
}

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
static int32_t length_here(Vec *x, int32_t len)
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
static bool skip_scalar(Vec *x, int32_t join, int32_t from, int n, const int32_t *phi, const int32_t *val, uint32_t pc,
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
 * loop runs only what a bail-out leaves it, or a trip count of 1 (vtest
 * skips the vector loop and its guards then: one compare-branch more than
 * the scalar code). */
static bool vectorize_loop(Vec *x, const int32_t *order, uint32_t n)
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
     * output, 1 to 63 inputs, 20 to 109 cycles slower on PIE) */
    emit(x, IR_BR, TY_VOID, cmp(x, CC_LT, c->init, ir_clamped_limit(ir, vtest, c->bound, 1)), -1, -1, pc);
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
    int32_t lim = emit(x, IR_SELECT, TY_INT, no, konst(x, INT32_MIN), c->bound, pc);
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
 * Runs after licm (ir_vectorize calls it when a candidate exists), so that
 * invariant parts of the indices are outside the loop. */

/* scale*i + off[0] +- off[1] ... (in the order computed; scale -1 for 1),
 * the values invariant in the loop */
typedef struct RAff {
    int32_t scale, off[4];
    int8_t sign[4];
    uint8_t n;
    bool ok;
} RAff;

typedef struct Reduction {
    int32_t acc, add;   /* the accumulator's phi and its `acc + x*w` (addo) */
    int32_t load[2];    /* the two int8 lane loads */
    RAff at[2];         /* their indices, i + offsets */
} Reduction;

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
        if (ld->aux != 'b')
            return refuse(x, "a factor of the product is not int8 (only 'b' arrays make lanes)");
        /* an index that may be negative wraps (index); the guard sends those to the scalar loop */
        int32_t at = ir->ins[ld->b].op == IR_INDEX ? ir->ins[ld->b].b : ld->b;
        if (!affine_in(x, at, &r->at[k]) || r->at[k].scale >= 0)
            return refuse(x, "a factor's index is not the counter plus offsets (not contiguous)");
    }
    if (r->load[0] == r->load[1])
        return refuse(x, "a square (one load times itself)");
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
static int32_t index_at(Vec *x, RAff a, int32_t k) { return red_affine_at(x, a, k, NULL); }

/* Non-zero when some check of the loop might fail for a counter in
 * [first, last], or the accumulator leave int32 over `trips` products. */
static int32_t reduction_guard(Vec *x, const Reduction *r, int32_t first, int32_t last, int32_t acc0)
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
    if (!x->pair_ok)
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

static void set_phi(Ir *ir, int32_t phi, const int32_t *ops, uint32_t n)
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

typedef struct RowSplit {
    int32_t oh, entry, exit; /* o's header, its predecessor from outside, the one block after it */
} RowSplit;

/* ir_for_operands callback: does an operand come from the nest? */
typedef struct Used {
    const uint8_t *in2;
    uint32_t nb;
    bool used;
} Used;

static void used_in(Ir *ir, int32_t *slot, void *ctx)
{
    Used *u = ctx;
    int32_t b = *slot >= 0 ? ir->ins[*slot].block : -1;
    u->used |= b >= 0 && (uint32_t)b < u->nb && u->in2[b];
}

/* Can o's nest (its blocks in in2) be copied: left only from o's header
 * to one block with no phi, no runtime call in it, no value of the nest
 * used outside it? */
static bool row_split_plan(Vec *x, const Reduction *r, int32_t pre, uint8_t *in2, int32_t *work, RowSplit *S)
{
    Ir *ir = x->ir;
    Pair P = {.oh = -1};
    int32_t lo, hi;
    if (!pair_plan(x, r, pre, &P, in2, work) || P.init_moves || P.bound_moves ||
        (is_const(ir, x->c.init, &lo) && is_const(ir, x->c.bound, &hi)))
        return false;
    S->oh = P.oh, S->entry = ir->blocks[P.oh].preds[P.from_in], S->exit = -1;
    for (uint32_t b = 0; b < x->nb; b++) {
        if (!in2[b])
            continue;
        const IrBlock *bl = &ir->blocks[b];
        for (uint32_t k = 0; k < bl->nsucc; k++) {
            if (in2[bl->succ[k]])
                continue;
            if ((int32_t)b != S->oh || (S->exit >= 0 && S->exit != bl->succ[k]))
                return false;
            S->exit = bl->succ[k];
        }
    }
    if (S->exit < 0)
        return false;
    const IrBlock *xb = &ir->blocks[S->exit];
    if (xb->npreds >= IR_MAX_PREDS || (xb->nins && ir->ins[xb->ins[0]].op == IR_PHI))
        return false;
    for (uint32_t v = 0; v < x->nin; v++) {
        int32_t b = ir->ins[v].block;
        if (b >= 0 && in2[b] && (ir->ins[v].op == IR_CALLRT || /* (ir_copy_blocks copies no call's extra) */
                                 (ir->extra && v < ir->capextra && (ir->extra[v].native || ir->extra[v].callee))))
            return false;
        if (b < 0 || in2[b])
            continue;
        Used u = {in2, x->nb, false};
        ir_for_operands(ir, (int32_t)v, used_in, &u);
        if (u.used)
            return false;
    }
    return true;
}

/* Copies o's nest (its blocks in in2) and makes its entry choose: rows of
 * SHORT_ROW products or more run the original, shorter ones the copy.
 * Returns the copy of the dot product's header x->h, or -1. */
static int32_t row_split(Vec *x, const RowSplit *S, const uint8_t *in2, bool tails)
{
    Ir *ir = x->ir;
    uint32_t nb = ir->nblocks, ni = ir->nins, pc = ir->blocks[S->oh].bc_start;
    IrTmpMark m = ir_tmp_mark(ir);
    int32_t *map = ir_tmp(ir, (ni + 1) * sizeof *map), *bmap = ir_tmp(ir, (nb + 1) * sizeof *bmap);
    int32_t oh2 = -1, h2 = -1;
    if (map && bmap) {
        memset(map, 0xff, (ni + 1) * sizeof *map);
        memset(bmap, 0xff, (nb + 1) * sizeof *bmap);
        oh2 = ir_copy_blocks(ir, in2, map, bmap, S->oh);
        h2 = oh2 >= 0 ? bmap[x->h] : -1;
    }
    ir_tmp_release(ir, m);
    int32_t sel = h2 >= 0 && !ir->oom ? new_block(x, pc) : -1;
    if (sel < 0)
        return -1;
    x->cur = sel;
    int32_t trips = emit(x, IR_SUB, TY_INT, x->c.bound, x->c.init, -1, pc); /* (a wrap only picks a copy) */
    int32_t keep = cmp(x, CC_GE, trips, konst(x, SHORT_ROW));
    if (tails) /* the copy: PAIR_MIN_TRIPS > trips >= SHORT_ROW with a tail of 4 or more */
        keep = emit(x, IR_OR, TY_BOOL, cmp(x, CC_LT, emit(x, IR_AND, TY_INT, trips, konst(x, 15), -1, pc), konst(x, 4)),
                    cmp(x, CC_GE, trips, konst(x, PAIR_MIN_TRIPS)), -1, pc);
    emit(x, IR_BR, TY_VOID, keep, -1, -1, pc);
    if (ir->oom)
        return -1;
    /* entry -> sel -> o's header or its copy (the slot of entry in each
     * header's predecessors, so their phis keep their operands) */
    IrBlock *eb = &ir->blocks[S->entry], *sb = &ir->blocks[sel], *xb = &ir->blocks[S->exit];
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
    xb->preds[xb->npreds++] = oh2;
    ir_cfg_changed(ir);
    return h2;
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
        RowSplit S;
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

/* ---- --jit-report: a note per loop ------------------------------------------------------ */

/* A note for every loop of the function, outermost first, with its
 * bytecode span (for elementwise.c's loops, found by their stores' pcs). */
static void notes_begin(Ir *ir)
{
    IrTmpMark mark = ir_tmp_mark(ir);
    uint32_t nb = ir->nblocks;
    int32_t *order = ir_tmp(ir, (nb + 1) * sizeof *order), *work = ir_tmp(ir, (nb + 1) * sizeof *work);
    uint8_t *in = ir_tmp(ir, nb + 1);
    free(ir->notes);
    ir->notes = NULL, ir->nnotes = 0;
    if (order && work && in) {
        ir_dominators(ir);
        ir_loops(ir);
        uint32_t n = ir_rpo(ir, order), loops = 0;
        for (uint32_t r = 0; r < n; r++)
            loops += ir->blocks[order[r]].loop_head == order[r];
        ir->notes = loops ? calloc(loops, sizeof *ir->notes) : NULL;
        for (uint32_t r = 0; r < n && ir->notes; r++) {
            int32_t h = order[r];
            if (ir->blocks[h].loop_head != h)
                continue;
            IrLoopNote *t = &ir->notes[ir->nnotes++];
            t->block = h, t->pc = t->lo = t->hi = ir->blocks[h].bc_start, t->ref_pc = UINT32_MAX;
            ir_loop_blocks(ir, h, in, work);
            for (uint32_t b = 0; b < nb; b++) { /* (a block's last bytecode: its terminator's) */
                const IrBlock *bl = &ir->blocks[b];
                if (in[b] && bl->nins && ir->ins[bl->ins[bl->nins - 1]].pc > t->hi)
                    t->hi = ir->ins[bl->ins[bl->nins - 1]].pc;
            }
        }
    }
    ir_tmp_release(ir, mark);
}

static IrLoopNote *note_of(Ir *ir, int32_t h)
{
    for (uint32_t i = 0; i < ir->nnotes; i++)
        if (ir->notes[i].block == h)
            return &ir->notes[i];
    return NULL;
}

/* Every loop gets the same reason (nothing in the function to look at). */
static void note_all(Ir *ir, const char *why)
{
    for (uint32_t i = 0; i < ir->nnotes; i++)
        if (!ir->notes[i].why && !ir->notes[i].how)
            ir->notes[i].why = why;
}

/* Loop h is on PIE (its blocks in `in`, before the change): its inner
 * loops and the loops not looked at yet say so. */
static void note_done(Ir *ir, int32_t h, const uint8_t *in, const char *how, int lanes, int taps)
{
    IrLoopNote *t = note_of(ir, h);
    if (!t)
        return;
    t->how = how, t->lanes = (uint8_t)lanes, t->taps = (uint8_t)taps, t->why = t->why_dot = NULL;
    for (uint32_t i = 0; i < ir->nnotes; i++) {
        IrLoopNote *o = &ir->notes[i];
        if (o == t || o->how)
            continue;
        if (in[o->block])
            o->why = "inside the vectorised loop", o->why_op = 0, o->why_dot = NULL, o->ref_pc = t->pc;
        else if (!o->why)
            o->why = "not looked at: one loop per function is vectorised", o->ref_pc = t->pc;
    }
}

void ir_loop_notes_finish(Ir *ir)
{
    for (uint32_t v = 0; v < ir->nins && ir->nnotes; v++) {
        const IrIns *st = &ir->ins[v];
        if (st->op != IR_EWST || st->block < 0 || ir->blocks[st->block].dead)
            continue;
        IrLoopNote *best = NULL; /* the innermost loop around the store's bytecode */
        for (uint32_t i = 0; i < ir->nnotes; i++) {
            IrLoopNote *t = &ir->notes[i];
            if (t->lo <= st->pc && st->pc <= t->hi && (!best || t->hi - t->lo < best->hi - best->lo))
                best = t;
        }
        if (!best || best->how)
            continue;
        int lanes = 4; /* the scalar store it replaces: its element size */
        for (uint32_t w = 0; w < ir->nins; w++)
            if (ir->ins[w].op == IR_ASTORE && ir->ins[w].pc == st->pc)
                lanes = ir->ins[w].aux == 'b' || ir->ins[w].aux == 'B' ? 16
                        : ir->ins[w].aux == 'h' || ir->ins[w].aux == 'H' ? 8 : 4;
        if (st->aux & EW_LOW64) /* a narrowing store (elementwise.c): half a register */
            lanes /= 2;
        best->how = "elementwise", best->lanes = (uint8_t)lanes, best->why = best->why_dot = NULL;
        best->ref_pc = UINT32_MAX;
    }
}

/* A dot-product loop in the function (quick test: an innermost loop whose
 * body adds a product of two int8 loads to a header phi)? */
static bool has_dot_product(const Ir *ir)
{
    for (uint32_t v = 0; v < ir->nins; v++) {
        const IrIns *in = &ir->ins[v];
        if (in->op != IR_ADDO || in->block < 0)
            continue;
        for (int s = 0; s < 2; s++) {
            int32_t acc = s ? in->b : in->a, prod = s ? in->a : in->b;
            const IrIns *m = &ir->ins[prod], *ph = &ir->ins[acc];
            if (ph->op == IR_PHI && m->op == IR_MUL && ir->ins[m->a].op == IR_ALOAD && ir->ins[m->a].aux == 'b' &&
                ir->ins[m->b].op == IR_ALOAD && ir->ins[m->b].aux == 'b')
                return true;
        }
    }
    return false;
}

/* The first dot-product loop, innermost loops in reverse post-order. */
static bool vectorize_reduction(Ir *ir)
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
                note_done(ir, h, in, "dot product", 16, 0); /* (before the change: in[] is h's loop) */
                uint8_t *in2 = ir_tmp(ir, nb + 1);
                x.pair_ok = in2 != NULL;
                const IrBlock *hb = &ir->blocks[h];
                int32_t pre = hb->preds[in[hb->preds[0]] ? 1 : 0], h2 = -1;
                RowSplit S;
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
                    ir->vector_lanes = 16, ir->vector_pc = ir->blocks[h].bc_start;
                done = true; /* (a failure is out of memory: the compile fails) */
            } else if (x.why != NOT_ONE_BLOCK && note_of(ir, h)) {
                note_of(ir, h)->why_dot = x.why;
            }
        }
    }
    ir_tmp_release(ir, mark);
    return done;
}

static bool vectorize_outer(Ir *ir);

void ir_vectorize(Ir *ir)
{
    /* most functions have no int8 load: nothing to look at */
    bool load8 = false, store32 = false;
    for (uint32_t v = 0; v < ir->nins; v++) {
        const IrIns *in = &ir->ins[v];
        load8 |= in->op == IR_ALOAD && in->aux == 'b' && in->block >= 0;
        store32 |= in->op == IR_ASTORE && in->aux == 'i' && in->block >= 0;
    }
    notes_begin(ir);
    if (!load8) {
        note_all(ir, "the function reads no int8 ('b') element (PIE multiply-accumulates int8)");
        return;
    }
    if (!store32)
        note_all(ir, "the function stores no int32 ('i') element (lanes of sums are stored as int32)");
    if (!store32 || !vectorize_outer(ir)) /* else: a loop of stored lanes; one loop per function */
        vectorize_reduction(ir);
}

/* The first loop (outermost first) whose iterations run on lanes, with an
 * int32 store of an accumulator in QACC. */
static bool vectorize_outer(Ir *ir)
{
    bool done = false;
    IrTmpMark mark = ir_tmp_mark(ir);
    uint32_t nb = ir->nblocks;
    int32_t *order = ir_tmp(ir, (nb + 1) * sizeof *order), *work = ir_tmp(ir, (nb + 1) * sizeof *work);
    uint8_t *in = ir_tmp(ir, nb + 1);
    if (!order || !work || !in)
        goto out;
    ir_dominators(ir);
    ir_loops(ir);
    uint32_t n = ir_rpo(ir, order);
    /* headers first found are outermost: a vectorised loop's inner loops
     * are left alone (one loop per function: nothing is made before the
     * last candidate) */
    for (uint32_t r = 0; r < n; r++) {
        int32_t h = order[r];
        if (ir->blocks[h].loop_head != h)
            continue;
        IrTmpMark m = ir_tmp_mark(ir);
        uint32_t nin = ir->nins;
        Vec x = {.ir = ir, .h = h, .nb = nb, .nin = nin, .in = in, .store = -1};
        x.kind = ir_tmp0(ir, nin);
        x.slope = ir_tmp0(ir, nin * sizeof *x.slope);
        int32_t *state = ir_tmp(ir, nb * sizeof *state);
        ir_loop_blocks(ir, h, in, work);
        bool fit = x.kind && x.slope && state && analyse(&x, order, n, state);
        IrLoopNote *note = note_of(ir, h);
        if (!fit && note && !note->why)
            note->why = x.why, note->why_op = x.why_op;
        if (fit) {
            x.map = ir_tmp(ir, nin * sizeof *x.map);
            x.hoist_to = ir_tmp(ir, nin * sizeof *x.hoist_to);
            x.aff = ir_tmp(ir, nin * sizeof *x.aff);
            x.most = ir_tmp(ir, nin * sizeof *x.most);
            x.span = ir_tmp(ir, nin * sizeof *x.span);
            uint8_t *in2 = ir_tmp(ir, nb + 1);
            x.cnt = ir_tmp(ir, nin * sizeof *x.cnt);
            x.first = ir_tmp(ir, nb * sizeof *x.first);
            x.last = ir_tmp(ir, nb * sizeof *x.last);
            if (x.map && x.cnt && x.first && x.last && x.hoist_to && x.aff && x.most && x.span && in2) {
                memset(x.span, 0xff, nin * sizeof *x.span);
                plan(&x, in2, work);
                /* one inner loop (matmul, dense_t): its taps from one load each
                 * 16. In deeper nests (convs) only inner loops of a constant
                 * count of 16 or more: the 16-tap loop's values, which licm
                 * moves out of the nest, make the rest of the nest spill, and
                 * a count known only at run time costs more than it saves
                 * below 16 (bench/layers.py conv3x3, modelled cycles, all
                 * loops given taps: 16->32 8x8 122,715 -> 86,286, but 3->16
                 * 128,228 -> 161,225 and 8->16 106,929 -> 132,801) */
                uint32_t inner = 0, long16 = 0;
                for (uint32_t b = 0; b < nb; b++)
                    if (in[b] && (int32_t)b != h && ir->blocks[b].loop_head == (int32_t)b) {
                        IrCounted c2;
                        int32_t lo, hi;
                        inner++;
                        long16 += ir_counted_loop(ir, (int32_t)b, &c2) && is_const(ir, c2.init, &lo) &&
                                  is_const(ir, c2.bound, &hi) && (int64_t)hi - lo >= 16;
                    }
                /* (in[] is h's loop until the copy adds blocks) */
                note_done(ir, h, in, "lanes", 16, 0);
                if (vectorize_loop(&x, order, n)) {
                    ir->vector_lanes = (uint8_t)x.lanes, ir->vector_pc = ir->blocks[h].bc_start;
                    if (inner == 1 || long16) /* (it runs licm: not for nothing) */
                        vec_block_taps(&x, nb, inner > 1);
                    ir->vector_taps = (uint8_t)x.taps;
                    if (note)
                        note->lanes = (uint8_t)x.lanes, note->taps = (uint8_t)x.taps, note->alias = x.aliased;
                }
                done = true; /* (a failure is out of memory: the compile fails) */
                ir_tmp_release(ir, m);
                goto out; /* one loop per function: the graph changed under order[] */
            }
        }
        ir_tmp_release(ir, m);
    }
out:
    ir_tmp_release(ir, mark);
    return done;
}
