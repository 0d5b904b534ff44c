/*
 * sched.c - list scheduling inside basic blocks, for the P4's latencies.
 *
 * The core issues one instruction per cycle in order, but a load's or a
 * multiply's result is ready a cycle later than an add's, and a float
 * operation's two cycles later (docs/p4sim.md, "The cycle model"). Code
 * in source order puts each use right after its definition: matmul's
 * `lb, lb, mul, add` stalls twice per multiply-accumulate. Reordering
 * independent work into those gaps costs nothing at run time.
 *
 * A block is cut into regions at every instruction that can fail, has a
 * side effect or calls out; those keep their place, so checks, stores and
 * exceptions happen in the order of the bytecode, and no load moves above
 * the check that guards it. Inside a region (pure operations and loads)
 * only the data dependences hold the order. The region is scheduled cycle
 * by cycle: of the instructions whose operands are ready, the one with the
 * longest path to the end of the region goes first; when none is ready,
 * the one ready soonest (a stall that cannot be filled). Ties keep the
 * original order, and only the next few instructions are candidates, so
 * that live ranges grow little (a spill costs more than a stall). Phis, the terminator and a compare feeding it stay put.
 */
#include <string.h>

#include "jit/ir.h"

/* An instruction moves up past at most WINDOW - 1 others: each one moved
 * early lengthens a live range, and a spill costs more than a stall. */
enum { MAX_REGION = 64, WINDOW = 4 };

/* Cycles from issue until a dependent instruction can issue. */
static uint32_t latency(const IrIns *in)
{
    switch ((IrOp)in->op) {
    case IR_ALOAD: case IR_MUL: case IR_ALEN: case IR_ADATA: return 2;
    case IR_FADD: case IR_FSUB: case IR_FMUL: case IR_FNEG: case IR_FABS: case IR_FMIN: case IR_FMAX:
    case IR_FCMP: case IR_ITOF: return 3;
    default: return 1;
    }
}

static bool boundary(const IrIns *in)
{
    return (ir_opinfo[in->op].flags & (IR_FAILS | IR_SIDE | IR_TERM)) || in->op == IR_CALL ||
           in->op == IR_CALLRT || in->op == IR_PHI || in->op == IR_PARAM;
}

typedef struct Region {
    const Ir *ir;
    uint8_t *pos;                /* per value: index in the region + 1, or 0 */
    int32_t *ins;                /* the region's instructions, rewritten in place */
    uint32_t n;
    uint32_t height[MAX_REGION]; /* longest latency path to the region's end */
    uint32_t ready[MAX_REGION];  /* cycle its operands are ready (while scheduling) */
    int8_t dep[MAX_REGION][3];   /* operands defined in the region: their index, or -1 */
    bool done[MAX_REGION];
} Region;

/* v's index in the region, or -1 (r->pos: per value, its index + 1 while
 * the region is scheduled, else 0) */
static int32_t index_in(const Region *r, int32_t v) { return (int32_t)r->pos[v] - 1; }

static void schedule(Region *r)
{
    const Ir *ir = r->ir;
    for (uint32_t i = 0; i < r->n; i++)
        r->pos[r->ins[i]] = (uint8_t)(i + 1);
    for (uint32_t i = 0; i < r->n; i++) {
        const IrIns *in = &ir->ins[r->ins[i]];
        int32_t ops[3] = {in->a, in->b, in->c};
        for (int k = 0; k < 3; k++)
            r->dep[i][k] = (int8_t)(ops[k] >= 0 ? index_in(r, ops[k]) : -1);
        r->height[i] = latency(in);
        r->done[i] = false;
        r->ready[i] = 0;
    }
    for (uint32_t i = r->n; i-- > 0;)
        for (int k = 0; k < 3; k++)
            if (r->dep[i][k] >= 0) {
                uint32_t d = (uint32_t)r->dep[i][k];
                uint32_t h = latency(&ir->ins[r->ins[d]]) + r->height[i];
                if (h > r->height[d])
                    r->height[d] = h;
            }
    int32_t out[MAX_REGION];
    uint32_t cycle = 0, first = 0; /* the first not placed yet */
    for (uint32_t placed = 0; placed < r->n; placed++) {
        int32_t best = -1;
        while (r->done[first])
            first++;
        for (uint32_t i = first; i < r->n && i < first + WINDOW; i++) {
            if (r->done[i])
                continue;
            bool deps_done = true;
            uint32_t at = 0;
            for (int k = 0; k < 3; k++)
                if (r->dep[i][k] >= 0) {
                    uint32_t d = (uint32_t)r->dep[i][k];
                    deps_done = deps_done && r->done[d];
                    if (r->ready[d] > at)
                        at = r->ready[d];
                }
            if (!deps_done)
                continue;
            r->ready[i] = at; /* operands' readiness, until placed */
            if (best < 0)
                best = (int32_t)i;
            else {
                uint32_t bi = (uint32_t)best;
                bool now_i = at <= cycle, now_b = r->ready[bi] <= cycle;
                if (now_i != now_b ? now_i
                                   : now_i ? r->height[i] > r->height[bi] : at < r->ready[bi])
                    best = (int32_t)i;
            }
        }
        uint32_t b = (uint32_t)best;
        if (r->ready[b] > cycle)
            cycle = r->ready[b];
        r->done[b] = true;
        r->ready[b] = cycle + latency(&ir->ins[r->ins[b]]);
        out[placed] = r->ins[b];
        cycle++;
    }
    for (uint32_t i = 0; i < r->n; i++)
        r->pos[r->ins[i]] = 0;
    memcpy(r->ins, out, r->n * sizeof *out);
}

void ir_schedule(Ir *ir)
{
    IrTmpMark mark = ir_tmp_mark(ir);
    Region *r = ir_tmp(ir, sizeof *r);
    uint8_t *pos = ir_tmp0(ir, ir->nins + 1);
    if (!r || !pos) {
        ir->oom = true;
        return;
    }
    r->ir = ir;
    r->pos = pos;
    for (uint32_t bi = 0; bi < ir->nblocks; bi++) {
        IrBlock *b = &ir->blocks[bi];
        if (b->dead || b->nins < 3)
            continue;
        uint32_t end = b->nins - 1; /* the terminator, and a compare feeding it, stay last */
        const IrIns *term = &ir->ins[b->ins[end]];
        if (term->op == IR_BR && term->a == b->ins[end - 1])
            end--;
        for (uint32_t i = 0; i < end;) {
            if (boundary(&ir->ins[b->ins[i]])) {
                i++;
                continue;
            }
            uint32_t j = i;
            while (j < end && j - i < MAX_REGION && !boundary(&ir->ins[b->ins[j]]))
                j++;
            /* constants first: they are not instructions (emit.c makes
             * them where they are used), so they take no place in the window */
            uint32_t k = i;
            for (uint32_t x = i; x < j; x++)
                if (ir->ins[b->ins[x]].op == IR_CONST) {
                    int32_t c = b->ins[x];
                    memmove(b->ins + k + 1, b->ins + k, (x - k) * sizeof *b->ins);
                    b->ins[k++] = c;
                }
            if (j - k > 2) {
                r->ins = b->ins + k;
                r->n = j - k;
                schedule(r);
            }
            i = j;
        }
    }
    ir_tmp_release(ir, mark);
}
