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

uint8_t kind_of(const Vec *x, int32_t v)
{
    const IrIns *in = &x->ir->ins[v];
    if (in->op == IR_CONST && in->type != TY_FLOAT && in->k.i == 0)
        return K_ZERO;
    return inside(x, v) ? x->kind[v] : K_UNI;
}

bool uniform(uint8_t k) { return k == K_UNI || k == K_ZERO; }

/* A check that deoptimises (its deopt map: an int that may need more than
 * 32 bits, or a type change), of a kind the copy tests as a bail-out. */
bool overflow_guard(const IrIns *in)
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
bool trips_known(const Vec *x, int32_t h2, IrCounted *c2)
{
    return h2 >= 0 && ir_counted_loop(x->ir, h2, c2) && c2->step == 1 && (c2->cc == CC_LT || c2->cc == CC_LE) &&
           before(x, c2->init) && before(x, c2->bound);
}

/* The length of an array, fixed in inner loop in2: made outside it, or
 * read there from an array made outside it (compiled code never resizes). */
bool fixed_len(const Ir *ir, const uint8_t *in2, int32_t len)
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
bool box_counter(const Vec *x, int32_t v, IrCounted *c2)
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
int32_t checked_value(const Ir *ir, int32_t v)
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

static bool vectorize_outer(Ir *ir);

void ir_vectorize(Ir *ir)
{
    /* most functions have no int8 or int16 load: nothing to look at */
    bool load8 = false, load16 = false, store32 = false;
    for (uint32_t v = 0; v < ir->nins; v++) {
        const IrIns *in = &ir->ins[v];
        load8 |= in->op == IR_ALOAD && in->aux == 'b' && in->block >= 0;
        load16 |= in->op == IR_ALOAD && in->aux == 'h' && in->block >= 0;
        store32 |= in->op == IR_ASTORE && in->aux == 'i' && in->block >= 0;
    }
    notes_begin(ir);
    if (!load8) { /* int16: dot products only (vector_reduce.c) */
        if (!load16 || !vectorize_reduction(ir))
            note_all(ir, load16 ? "int16 elements multiply-accumulate on PIE in dot products only"
                                : "the function reads no int8 ('b') or int16 ('h') element (PIE multiply-accumulates those)");
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
        Vec x = {.ir = ir, .h = h, .nb = nb, .nin = nin, .in = in, .store = -1, .vstep = -1, .panel = -1, .lim = -1};
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
                        vec_block_taps(&x, nb, inner > 1 ? TAPS_CONST16 : TAPS_ANY);
                    if (inner == 1) /* (matmul: its run-time choices out of the nest) */
                        vec_panel_version(&x);
                    if (inner > 1 && !x.taps) /* a run-time count: a copy of the nest (vector_nest.c) */
                        vec_nest_taps(&x, nb);
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
