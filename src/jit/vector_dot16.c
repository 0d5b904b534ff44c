/*
 * vector_dot16.c - int16 dot products on PIE (vec11).
 *
 * The dot product of vector_reduce.c,
 *
 *     for i in range(n):
 *         acc += x[i] * w[base + i]
 *
 * with both operands array('h') runs 8 iterations at a time ahead of the
 * loop: a 128-bit load of each operand (8 elements) and one
 * esp.vmulas.s16.xacc, which adds the 8 products to XACC (in a hardware
 * loop the next lanes of w ride on the multiply: esp.vmulas.s16.xacc.ld.ip).
 * PIE has no multiply of int16 lanes by int8 ones, so int16 times int8
 * stays scalar.
 *
 * Exactness. Products of int16 lie in [-2**30 + 2**15, 2**30], so no bound
 * on the trip count keeps acc in int32 before the loop (the int8 path's
 * proof): the sum is tested after it instead. XACC holds 40 bits. Over at
 * most CHUNK products the true sum S has |S| <= 2**39, which XACC holds
 * but for S = 2**39 (wrapped to -2**39: out of int32 all the same); so
 * XACC's value fits int32 (its bits 39..32 are the sign of bits 31..0:
 * esp.movx.r.xacc.h against the low word's sign) exactly when S does, and
 * then acc + S is tested as the interpreter's addition is. The vector
 * loop therefore runs in chunks of CHUNK products: each chunk starts from
 * a cleared XACC and ends with that test and acc += its sum. When a test
 * fails, the vector work is dropped and the original loop starts again at
 * the first i with the first acc (the loop stores nothing, so running it
 * again is safe): it deoptimises at the product where the interpreter's
 * int becomes a long, and the interpreter finishes with the same int. A
 * sum that leaves int32 inside a chunk and comes back is the same int
 * either way: the vector loop gives it without the detour.
 *
 * The checks of the loop (indices, the counter's arithmetic) are decided
 * once before it, as for int8 (vector_reduce.c's guard: affine in i,
 * tested at the first and last i); when one might fail no vector iteration
 * runs. The original loop finishes the fewer than 8 iterations left, with
 * its checks (version.c's check-free copy needs a bound on acc that int16
 * products do not give).
 *
 * Rows of up to CHUNK products (most) run the vector loop once, without
 * the chunks' loop (its phis and limit cost short rows 30 modelled cycles,
 * FIR 13 taps +14%):
 *
 *   pre -> vtest -> vpre -> one -> vhdr <-> vbody; vhdr -> vexit -> vok1 -> join
 *          vpre -> chdr -> cbody -> vhdr2 <-> vbody2; vhdr2 -> vexit2 -> vok -> chdr
 *   vexit, vexit2 -> vwide -> join (all again); chdr -> join (no chunk left)
 *   vtest -> join (fewer than 8 iterations)
 */
#include "jit/jit_int.h"
#include "jit/vector_int.h"

/* Products per chunk: 64 vector iterations. */
enum { CHUNK = 512, LANES16 = 8 };

/* The chunk's test at the end of vexit (then the branch to vwide when
 * XACC's sum or acc + it leaves int32, else to vok); returns the sum. */
static int32_t chunk_sum(Vec *x, int32_t acc, int32_t vok, int32_t vwide, uint32_t pc)
{
    int32_t sum = emit(x, IR_VXACC, TY_INT, -1, -1, -1, pc);
    int32_t high = emit(x, IR_VXACC, TY_INT, -1, -1, -1, pc);
    x->ir->ins[high].aux = 2; /* XACC's bits 39..32 */
    int32_t sign = emit(x, IR_SHR, TY_INT, sum, konst(x, 31), -1, pc);
    int32_t wide = either(x, cmp(x, CC_NE, high, sign), ovf(x, IR_ADDO, acc, sum));
    emit(x, IR_BR, TY_VOID, wide, -1, -1, pc);
    edge(x->ir, x->cur, vwide);
    edge(x->ir, x->cur, vok);
    return sum;
}

/* Block b: acc + sum, then on to block `to`; returns the sum made. */
static int32_t add_then(Vec *x, int32_t b, int32_t acc, int32_t sum, int32_t to, uint32_t pc)
{
    x->cur = b;
    int32_t v = emit(x, IR_ADD, TY_INT, acc, sum, -1, pc);
    emit(x, IR_JMP, TY_VOID, -1, -1, -1, pc);
    edge(x->ir, b, to);
    return v;
}

static int32_t phi2(Vec *x, uint32_t pc)
{
    int32_t v = emit(x, IR_PHI, TY_INT, -1, -1, -1, pc);
    x->ir->ins[v].list = ir_list_alloc(x->ir, 2);
    return v;
}

/* One run of the vector loop from block `start` (which it ends): XACC
 * cleared, the lanes of i = from, from + 8, ... while i < limit, then the
 * test of its sum against acc: to vok (*sum its sum, *iv where it stopped)
 * or vwide. *mac: its multiply. False: out of memory. */
static bool vector_run(Vec *x, const Reduction *r, int32_t start, int32_t from, int32_t limit, int32_t acc,
                       int32_t vok, int32_t vwide, uint32_t pc, int32_t *iv, int32_t *sum, int32_t *mac)
{
    Ir *ir = x->ir;
    VLoop l = {.hdr = new_block(x, pc), .body = new_block(x, pc), .exit = new_block(x, pc), .lanes = LANES16};
    if (ir->oom || l.hdr < 0 || l.body < 0 || l.exit < 0)
        return false;
    x->cur = start;
    ir->ins[emit(x, IR_VZERO, TY_VOID, -1, -1, -1, pc)].aux = 1; /* XACC */
    int32_t p[2];
    for (int k = 0; k < 2; k++) { /* the lanes' addresses at from (inside the arrays: the guard) */
        int32_t at = emit(x, IR_SHL, TY_INT, index_at(x, r->at[k], from), konst(x, 1), -1, pc);
        p[k] = emit(x, IR_ADD, TY_PTR, ir->ins[r->load[k]].a, at, -1, pc);
    }
    emit(x, IR_JMP, TY_VOID, -1, -1, -1, pc);
    edge(ir, start, l.hdr);
    vloop_header(x, &l, limit, pc);
    *mac = emit(x, IR_VMAC, TY_VOID, l.q[0], l.q[1], -1, ir->ins[r->add].pc);
    int32_t sixteen = konst(x, 16);
    if (!vloop_latch(x, &l, from, p, (int32_t[2]){sixteen, sixteen}, pc))
        return false;
    x->cur = l.exit;
    *sum = chunk_sum(x, acc, vok, vwide, pc);
    *iv = l.iv;
    return !ir->oom;
}

bool reduce16_loop(Vec *x, const Reduction *r)
{
    Ir *ir = x->ir;
    IrCounted *c = &x->c;
    IrBlock *hb = &ir->blocks[x->h];
    uint32_t p0 = x->in[hb->preds[0]] ? 1 : 0;
    int32_t pre = hb->preds[p0], acc0 = ir->lists[ir->ins[r->acc].list + (int32_t)p0];
    uint32_t pc = hb->bc_start;
    int32_t vtest = new_block(x, pc), vpre = new_block(x, pc), one = new_block(x, pc), vok1 = new_block(x, pc);
    int32_t chdr = new_block(x, pc), cbody = new_block(x, pc), vok = new_block(x, pc), vwide = new_block(x, pc);
    int32_t join = new_block(x, pc);
    if (ir->oom || vtest < 0 || vpre < 0 || one < 0 || vok1 < 0 || chdr < 0 || cbody < 0 || vok < 0 || vwide < 0 ||
        join < 0)
        return false;
    for (uint32_t s = 0; s < ir->blocks[pre].nsucc; s++)
        if (ir->blocks[pre].succ[s] == x->h)
            ir->blocks[pre].succ[s] = vtest;
    ir->blocks[vtest].preds[ir->blocks[vtest].npreds++] = pre;

    /* 8 iterations or more: the guard (none may fail: else no vector
     * iteration runs); up to CHUNK products one run, more in chunks */
    x->cur = vtest;
    int32_t lim = ir_clamped_limit(ir, vtest, c->bound, LANES16 - 1);
    int32_t no = reduction_guard(x, r, c->init, emit(x, IR_SUB, TY_INT, c->bound, konst(x, 1), -1, 0), acc0);
    emit(x, IR_BR, TY_VOID, cmp(x, CC_LT, c->init, lim), -1, -1, pc);
    edge(ir, vtest, vpre);
    edge(ir, vtest, join);
    x->cur = vpre;
    emit(x, IR_VCFG, TY_VOID, -1, -1, -1, pc);
    if (no >= 0)
        lim = emit(x, IR_SELECT, TY_INT, no, konst(x, INT32_MIN), lim, pc);
    /* (with `no`, lim - init may wrap either way: a chunk tests ci < lim, one run i < lim) */
    emit(x, IR_BR, TY_VOID, cmp(x, CC_GT, emit(x, IR_SUB, TY_INT, lim, c->init, -1, pc), konst(x, CHUNK)), -1, -1, pc);
    edge(ir, vpre, chdr);
    edge(ir, vpre, one);

    int32_t iv1, sum1, mac1, iv2, sum2, mac2;
    if (!vector_run(x, r, one, c->init, lim, acc0, vok1, vwide, pc, &iv1, &sum1, &mac1))
        return false;
    int32_t acc1 = add_then(x, vok1, acc0, sum1, join, pc);

    /* a chunk from ci with the sum so far cacc, while 8 iterations are left */
    x->cur = chdr;
    int32_t ci = phi2(x, pc), cacc = phi2(x, pc);
    emit(x, IR_BR, TY_VOID, cmp(x, CC_LT, ci, lim), -1, -1, pc);
    edge(ir, chdr, cbody);
    edge(ir, chdr, join);
    x->cur = cbody;
    int32_t full = cmp(x, CC_GT, emit(x, IR_SUB, TY_INT, lim, ci, -1, pc), konst(x, CHUNK)); /* (ci < lim: no wrap) */
    int32_t clim = emit(x, IR_SELECT, TY_INT, full, emit(x, IR_ADD, TY_INT, ci, konst(x, CHUNK), -1, pc), lim, pc);
    if (!vector_run(x, r, cbody, ci, clim, cacc, vok, vwide, pc, &iv2, &sum2, &mac2))
        return false;
    int32_t next = add_then(x, vok, cacc, sum2, chdr, pc);
    x->cur = vwide;
    emit(x, IR_JMP, TY_VOID, -1, -1, -1, pc);
    edge(ir, vwide, join);

    /* join's predecessors: vtest, vok1, chdr, vwide */
    x->cur = join;
    int32_t from = emit(x, IR_PHI, TY_INT, -1, -1, -1, pc), accj = emit(x, IR_PHI, TY_INT, -1, -1, -1, pc);
    ir->ins[from].list = ir_list_alloc(ir, 4);
    ir->ins[accj].list = ir_list_alloc(ir, 4);
    emit(x, IR_JMP, TY_VOID, -1, -1, -1, pc);
    if (ir->oom)
        return false;
    ir->ins[mac1].aux = ir->ins[mac2].aux = 1 | 2 | 8; /* both operands in lanes; XACC; int16 */
    set_phi(ir, ci, (int32_t[2]){c->init, iv2}, 2);
    set_phi(ir, cacc, (int32_t[2]){acc0, next}, 2);
    set_phi(ir, from, (int32_t[4]){c->init, iv1, ci, c->init}, 4);
    set_phi(ir, accj, (int32_t[4]){acc0, acc1, cacc, acc0}, 4);
    hb = &ir->blocks[x->h];
    hb->preds[p0] = join;
    ir->lists[ir->ins[c->phi].list + (int32_t)p0] = from;
    ir->lists[ir->ins[r->acc].list + (int32_t)p0] = accj;
    return skip_scalar(x, join, from, 2, (int32_t[2]){c->phi, r->acc}, (int32_t[2]){from, accj}, pc, true);
}
