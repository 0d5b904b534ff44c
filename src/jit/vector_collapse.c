/*
 * vector_collapse.c - a conv's columns and channels as one run of taps
 * (vec16), in vec12's copy of a conv nest before it gets 16 taps per load.
 */
#include "jit/vector_int.h"

/* ---- collapsing the loop around a tap loop ----------------------------------------
 *
 * conv3x3 over HWC tensors, vectorised over the filters f:
 *
 *     for kx in range(3):
 *         for ch in range(C):
 *             acc += inp[((oy+ky)*W + ox + kx)*C + ch] * wts[((ky*3+kx)*C + ch)*F + f]
 *
 * Both operands step by C times their channel step when kx steps by one,
 * so the two loops are one run of 3C taps from kx's first value:
 * inp[base0 + t] * wts[wbase0 + t*F], t < 3C. vec12's copy ran a 16-tap
 * block per (ky, kx), 67 modelled cycles, with about 45 more around each
 * (the pointers from (oy+ky)*W+ox+kx, the 16-tap loop's entry and exit,
 * the tail's pointers: bench/RESULTS.md, vec16); collapsed, the block
 * loops three times per ky for about 7 cycles a turn.
 *
 * Which operand steps by how much is known only at run time (C and F are
 * arguments), so the copy computes, before the kx loop, each operand's
 * step in kx (the derivative of its offset, a tree of add, sub, mul and
 * shl) and tests it against C times its step in ch. When both match, the
 * channel loop's bound becomes init + 3C and the kx loop's init + 1; else
 * both keep theirs (a select each). The same elements are read in the same
 * order of kx and ch, so the sums are the same, and the copy's checks,
 * tested on ranges before the vector loop, cover them: the collapse is
 * made only when nothing but pure arithmetic sits in the kx loop beside
 * the channel loop (no check, store, phi but kx's own), and nothing made
 * in it is used after it. */

enum { DERIV_DEPTH = 24 };

static bool in_loop(const Ir *ir, const uint8_t *in, int32_t v)
{
    return v >= 0 && ir->ins[v].block >= 0 && in[ir->ins[v].block];
}

/* d v / d k over the loop's blocks in1 (k its counter), made in block pre:
 * ZERO when v does not vary with k, FAIL when v is not affine in k with
 * multipliers from outside the loop. held (or -1) is a value in the loop
 * taken as fixed: an inner loop's counter at its first value (vec21). */
enum { ZERO = VEC_DERIV_ZERO, FAIL = VEC_DERIV_FAIL };

static int32_t deriv(Ir *ir, const uint8_t *in1, int32_t k, int32_t held, int32_t v, int32_t pre, int depth)
{
    if (v == k)
        return ir_const_before_term(ir, pre, 1);
    if (!in_loop(ir, in1, v) || v == held)
        return ZERO;
    if (depth > DERIV_DEPTH)
        return FAIL;
    const IrIns in = ir->ins[v];
    if (in.op == IR_COPY)
        return deriv(ir, in1, k, held, in.a, pre, depth + 1);
    if (in.op != IR_ADD && in.op != IR_SUB && in.op != IR_MUL && in.op != IR_SHL)
        return FAIL;
    if (in.type != TY_INT)
        return FAIL;
    int32_t da = deriv(ir, in1, k, held, in.a, pre, depth + 1);
    int32_t db = deriv(ir, in1, k, held, in.b, pre, depth + 1);
    if (da == FAIL || db == FAIL)
        return FAIL;
    if (da == ZERO && db == ZERO)
        return ZERO;
    switch (in.op) {
    case IR_ADD:
        return da == ZERO ? db : db == ZERO ? da : ir_add_before_term(ir, pre, IR_ADD, TY_INT, da, db, -1);
    case IR_SUB:
        return db == ZERO ? da : ir_add_before_term(ir, pre, IR_SUB, TY_INT, da == ZERO ? ir_const_before_term(ir, pre, 0) : da, db, -1);
    case IR_MUL: /* one side fixed, made outside the loop */
        if (db == ZERO && !in_loop(ir, in1, in.b))
            return ir_add_before_term(ir, pre, IR_MUL, TY_INT, da, in.b, -1);
        if (da == ZERO && !in_loop(ir, in1, in.a))
            return ir_add_before_term(ir, pre, IR_MUL, TY_INT, db, in.a, -1);
        return FAIL;
    default: /* IR_SHL by a fixed amount */
        return db == ZERO && !in_loop(ir, in1, in.b) ? ir_add_before_term(ir, pre, IR_SHL, TY_INT, da, in.b, -1) : FAIL;
    }
}

int32_t vec_deriv(Ir *ir, const uint8_t *in1, int32_t k, int32_t held, int32_t v, int32_t pre)
{
    return deriv(ir, in1, k, held, v, pre, 0);
}

/* ir_for_operands callback: an operand made in the loop (used outside it) */
typedef struct Escape {
    const uint8_t *in1;
    bool out;
} Escape;

static void escapes(Ir *ir, int32_t *slot, void *ctx)
{
    Escape *e = ctx;
    e->out |= in_loop(ir, e->in1, *slot);
}

bool vec_loop_escapes(Ir *ir, const uint8_t *in1)
{
    for (uint32_t v = 0; v < ir->nins; v++) {
        int32_t b = ir->ins[v].block;
        if (b < 0 || ir->blocks[b].dead || in1[b])
            continue;
        Escape e = {in1, false};
        ir_for_operands(ir, (int32_t)v, escapes, &e);
        if (e.out)
            return true;
    }
    return false;
}

/* Only pure arithmetic, the counter's phi and the loop's branches in the
 * blocks of in1 outside in2, and no value of in1 used outside it. */
bool vec_only_arithmetic(Ir *ir, const uint8_t *in1, const uint8_t *in2, int32_t phi)
{
    if (vec_loop_escapes(ir, in1))
        return false;
    for (uint32_t v = 0; v < ir->nins; v++) {
        const IrIns *in = &ir->ins[v];
        int32_t b = in->block;
        if (b < 0 || ir->blocks[b].dead || !in1[b])
            continue;
        if (in2[b] || (int32_t)v == phi || in->op == IR_JMP || in->op == IR_BR)
            continue;
        if (!(ir_opinfo[in->op].flags & IR_PURE) || in->op == IR_PHI || in->nw || in->ndm)
            return false;
    }
    return true;
}

/* The MAC's operand o as data + index: the index's step in the tap
 * loop's counter (or -1: 1) and its offset (-1: 0). */
static bool operand(Ir *ir, const uint8_t *in2, int32_t phi2, int32_t addr, IrAffine *af)
{
    const IrIns *ad = &ir->ins[addr];
    if (ad->op != IR_ADD || ad->type != TY_PTR)
        return false;
    int32_t idx = ir->ins[ad->b].type == TY_PTR ? ad->a : ad->b;
    *af = ir_affine(ir, in2, phi2, idx, false);
    return af->ok;
}

static int32_t the_mac(const Ir *ir, int32_t body)
{
    const IrBlock *bb = &ir->blocks[body];
    for (uint32_t i = 0; i < bb->nins; i++)
        if (ir->ins[bb->ins[i]].op == IR_VMAC)
            return bb->ins[i];
    return -1;
}

static bool collapse(Vec *x, int32_t h2, uint8_t *in1, uint8_t *in2, int32_t *work)
{
    Ir *ir = x->ir;
    IrCounted c1, c2;
    if (!ir_counted_loop(ir, h2, &c2))
        return false;
    int32_t h1 = ir->blocks[preheader(ir, h2)].loop_head;
    if (h1 < 0 || !ir_counted_loop(ir, h1, &c1) || c1.step != 1 || c1.cc != CC_LT)
        return false;
    int32_t cmp1 = c1.cmp, cmp2 = c2.cmp;
    if (ir->ins[cmp1].a != c1.phi || ir->ins[cmp1].b != c1.bound || ir->ins[cmp2].a != c2.phi ||
        ir->ins[cmp2].b != c2.bound)
        return false;
    ir_loop_blocks(ir, h1, in1, work);
    ir_loop_blocks(ir, h2, in2, work);
    int32_t pre1 = preheader(ir, h1);
    int32_t mac = the_mac(ir, c2.body);
    if (mac < 0 || in_loop(ir, in1, c1.init) || in_loop(ir, in1, c1.bound) || in_loop(ir, in1, c2.init) ||
        in_loop(ir, in1, c2.bound) || !vec_only_arithmetic(ir, in1, in2, c1.phi))
        return false;
    IrAffine af[2];
    for (int o = 0; o < 2; o++) {
        int32_t addr = o ? ir->ins[mac].b : ir->ins[mac].a, d = ir->ins[addr].b;
        if (!operand(ir, in2, c2.phi, addr, &af[o]) || in_loop(ir, in1, af[o].scale))
            return false;
        int32_t data = ir->ins[d].type == TY_PTR ? d : ir->ins[addr].a;
        if (in_loop(ir, in1, data) && (ir->ins[data].op != IR_ADATA || in_loop(ir, in1, ir->ins[data].a)))
            return false; /* (the same array's data at every kx) */
    }
    /* each operand's step in kx against its step in ch times ch's count */
    int32_t trips = ir_add_before_term(ir, pre1, IR_SUB, TY_INT, c2.bound, c2.init, -1), bad = -1;
    for (int o = 0; o < 2 && !ir->oom; o++) {
        int32_t dk = af[o].off >= 0 ? deriv(ir, in1, c1.phi, -1, af[o].off, pre1, 0) : ZERO;
        if (dk == FAIL)
            return false; /* (the derivative's instructions left are dead code) */
        int32_t whole = af[o].scale >= 0 ? ir_add_before_term(ir, pre1, IR_MUL, TY_INT, af[o].scale, trips, -1) : trips;
        int32_t ne = ir_add_before_term(ir, pre1, IR_CMP, TY_BOOL, dk == ZERO ? ir_const_before_term(ir, pre1, 0) : dk, whole, -1);
        ir->ins[ne].aux = CC_NE;
        bad = bad < 0 ? ne : ir_add_before_term(ir, pre1, IR_OR, TY_BOOL, bad, ne, -1);
    }
    /* both counts exact (bound - init within int32: a count wrapped to a
     * small positive one would run a loop that runs no turn), kx's at
     * least 1, and init + its count times ch's within int32 */
    int32_t n1 = ir_add_before_term(ir, pre1, IR_SUB, TY_INT, c1.bound, c1.init, -1);
    int32_t wrap1 = ir_add_before_term(ir, pre1, IR_OVF, TY_BOOL, c1.bound, c1.init, -1);
    int32_t wrap2 = ir_add_before_term(ir, pre1, IR_OVF, TY_BOOL, c2.bound, c2.init, -1);
    int32_t none = ir_add_before_term(ir, pre1, IR_CMP, TY_BOOL, n1, ir_const_before_term(ir, pre1, 1), -1);
    int32_t big = ir_add_before_term(ir, pre1, IR_OVF, TY_BOOL, n1, trips, -1);
    int32_t all = ir_add_before_term(ir, pre1, IR_MUL, TY_INT, n1, trips, -1);
    int32_t far = ir_add_before_term(ir, pre1, IR_OVF, TY_BOOL, c2.init, all, -1);
    if (ir->oom)
        return false;
    ir->ins[none].aux = CC_LT, ir->ins[big].aux = IR_MULO, ir->ins[far].aux = IR_ADDO;
    ir->ins[wrap1].aux = IR_SUBO, ir->ins[wrap2].aux = IR_SUBO;
    bad = ir_add_before_term(ir, pre1, IR_OR, TY_BOOL, bad, ir_add_before_term(ir, pre1, IR_OR, TY_BOOL, none, ir_add_before_term(ir, pre1, IR_OR, TY_BOOL, big, far, -1), -1), -1);
    bad = ir_add_before_term(ir, pre1, IR_OR, TY_BOOL, bad, ir_add_before_term(ir, pre1, IR_OR, TY_BOOL, wrap1, wrap2, -1), -1);
    int32_t b2 = ir_add_before_term(ir, pre1, IR_SELECT, TY_INT, bad, c2.bound, ir_add_before_term(ir, pre1, IR_ADD, TY_INT, c2.init, all, -1));
    int32_t b1 = ir_add_before_term(ir, pre1, IR_SELECT, TY_INT, bad, c1.bound, ir_add_before_term(ir, pre1, IR_ADD, TY_INT, c1.init, ir_const_before_term(ir, pre1, 1), -1));
    if (ir->oom)
        return false;
    ir->ins[cmp2].b = b2, ir->ins[cmp1].b = b1;
    return true;
}

static bool collapse_at(Vec *x, int32_t h2, uint8_t *in2, int32_t *work, void *ctx)
{
    (void)ctx;
    uint8_t *in1 = ir_tmp(x->ir, x->ir->nblocks + 1);
    if (in1 && vec_taps_fit(x, h2, in2, work))
        collapse(x, h2, in1, in2, work);
    return false; /* (bounds and selects only: no edge changes) */
}

void vec_collapse_taps(Vec *x, uint32_t first)
{
    ir_licm(x->ir); /* (ir_affine wants the channel offsets outside the tap loop) */
    vec_each_loop(x, first, collapse_at, NULL);
}
