/*
 * rega.c - register allocation: liveness, live intervals, linear scan
 * (Poletto and Sarkar, "Linear Scan Register Allocation", TOPLAS 1999).
 *
 * Blocks are laid out in the order given (reverse post-order); positions
 * number the instructions two apart. Each value gets one interval from its
 * definition to its last use, widened over every block it is live through,
 * so a value live around a loop stays allocated for the whole loop. An
 * interval that contains a call gets a callee-saved register (or a stack
 * slot); others prefer caller-saved registers, which cost no save/restore.
 * When the registers run out, the interval with the smallest spill weight
 * (its uses and its definition, where a spill stores it, each counted
 * 8^loop depth, so values of inner loops stay in
 * registers) goes to a stack slot for its whole life; among equals, the one
 * that ends last. A use in a cold block (a vector loop's scalar copy, run
 * only on a bail-out: IrBlock.cold) counts 1, whatever its depth: the
 * copy's inner loops no longer hold the registers of the loops around the
 * vector loop, which run every time (vec13).
 *
 * An interval ends strictly after its last use before another may take its
 * register, so an instruction's result never shares a register with its
 * operands: multi-instruction sequences (overflow checks) may read operands
 * after writing the result.
 */
#include <stdlib.h>
#include <string.h>

#include "jit/rega.h"

typedef struct Interval {
    int32_t v;
    uint32_t start, end;
    uint32_t weight; /* definition and uses, each 8^loop depth: what a spill would cost */
    bool fp, across_call;
} Interval;

static bool needs_loc(const Ir *ir, int32_t v, const uint8_t *fused)
{
    const IrIns *in = &ir->ins[v];
    if (!ir_opinfo[in->op].has_result || in->type == TY_NONE || in->type == TY_VOID || in->op == IR_UNDEF)
        return false;
    if (in->op == IR_CONST && in->type != TY_FLOAT)
        return false; /* integers are immediates or rematerialised where used */
    return !fused[v];
}

/* Emitted as one instruction that reads its operands before writing its
 * result (rv32/emit.c), so the result may reuse an operand's register. */
static bool one_insn(const Ir *ir, int32_t v)
{
    switch ((IrOp)ir->ins[v].op) {
    case IR_ADD: case IR_SUB: case IR_AND: case IR_OR: case IR_XOR: case IR_MUL:
        return ir->ins[v].type != TY_FLOAT;
    case IR_FADD: case IR_FSUB: case IR_FMUL:
        return true;
    default:
        return false;
    }
}

typedef struct Live {
    uint32_t words;
    uint32_t *in, *out; /* per block bitsets */
} Live;

static inline void bs_set(uint32_t *s, int32_t v) { s[v >> 5] |= 1u << (v & 31); }

/* The index of the lowest set bit of x != 0. RV32 without Zbb has no
 * instruction for it and __builtin_ctz is a libgcc call; a de Bruijn
 * multiply is a few instructions. */
static inline unsigned ctz32(uint32_t x)
{
    static const uint8_t pos[32] = {0,  1,  28, 2,  29, 14, 24, 3, 30, 22, 20, 15, 25, 17, 4,  8,
                                    31, 27, 13, 23, 21, 19, 16, 7, 26, 12, 18, 6,  11, 5,  10, 9};
    return pos[((x & (0u - x)) * 0x077CB531u) >> 27];
}

/* need[v]: what v's uses need (needs_loc and fused, once per value, not once per use) */
enum { NEED_NONE, NEED_LOC, NEED_FUSED };

typedef struct Ctx {
    Ir *ir;
    const uint8_t *need;
    const uint32_t *bit; /* a value's bit in the liveness sets (values that need a location only) */
    uint32_t *set;     /* the set being built */
    uint32_t *start, *end;
    uint32_t pos;
    uint32_t *weight, use_weight;
} Ctx;

static void gen_fused(Ir *ir, int32_t v, Ctx *c);
static void end_fused(Ir *ir, int32_t v, Ctx *c);
static void weighted_fused(Ir *ir, int32_t v, Ctx *c);

/* The operand walks' callbacks, one per walk so that each does only its
 * own work: inline in each walk (ir_for_operands with one is a direct
 * sequence, not a call per operand); a fused compare, rare, goes out of
 * line, and its operands are read where it is (by its branch).
 * Liveness: a use of *slot puts its bit in the block's set (c->set). */
static inline __attribute__((always_inline)) void gen_use(Ir *ir, int32_t *slot, void *vctx)
{
    Ctx *c = vctx;
    int32_t v = *slot;
    unsigned need = c->need[v];
    if (need == NEED_LOC)
        bs_set(c->set, (int32_t)c->bit[v]);
    else if (need == NEED_FUSED)
        gen_fused(ir, v, c);
}

/* Intervals: a use of *slot at c->pos ends its interval no earlier. A
 * deopt map's values, read only if a guard fails, get only this: they
 * keep their values alive but add nothing to the spill weight (a map
 * names every live local of the frame, and guards are many). */
static inline __attribute__((always_inline)) void end_use(Ir *ir, int32_t *slot, void *vctx)
{
    Ctx *c = vctx;
    int32_t v = *slot;
    unsigned need = c->need[v];
    if (need == NEED_LOC) {
        if (c->pos > c->end[v])
            c->end[v] = c->pos;
    } else if (need == NEED_FUSED)
        end_fused(ir, v, c);
}

/* ... and an operand's use adds c->use_weight to its spill weight too */
static inline __attribute__((always_inline)) void weighted_use(Ir *ir, int32_t *slot, void *vctx)
{
    Ctx *c = vctx;
    int32_t v = *slot;
    if (c->weight[v] < (1u << 30))
        c->weight[v] += c->use_weight;
    if (c->need[v] == NEED_FUSED)
        weighted_fused(ir, v, c);
    else
        end_use(ir, slot, vctx);
}

static void gen_fused(Ir *ir, int32_t v, Ctx *c)
{
    IrIns *cmp = &ir->ins[v];
    if (cmp->a >= 0) gen_use(ir, &cmp->a, c);
    if (cmp->b >= 0) gen_use(ir, &cmp->b, c);
}

static void end_fused(Ir *ir, int32_t v, Ctx *c)
{
    IrIns *cmp = &ir->ins[v];
    if (cmp->a >= 0) end_use(ir, &cmp->a, c);
    if (cmp->b >= 0) end_use(ir, &cmp->b, c);
}

static void weighted_fused(Ir *ir, int32_t v, Ctx *c)
{
    IrIns *cmp = &ir->ins[v];
    if (cmp->a >= 0) weighted_use(ir, &cmp->a, c);
    if (cmp->b >= 0) weighted_use(ir, &cmp->b, c);
}

/* weighted_use on v's operands, end_use on its deopt map's */
static void interval_uses(Ir *ir, int32_t v, Ctx *c)
{
    IrIns *x = &ir->ins[v];
    uint16_t ndm = x->ndm;
    x->ndm = 0;
    ir_for_operands(ir, v, weighted_use, c);
    x->ndm = ndm;
    if (ndm)
        ir_for_deopt_values(ir, x, end_use, c);
}

/* Phi operands flowing along the edge from -> to, given to fn. */
static inline __attribute__((always_inline)) void edge_uses(Ir *ir, int32_t from, int32_t to, Ctx *c,
                                                            void (*fn)(Ir *, int32_t *, void *))
{
    IrBlock *t = &ir->blocks[to];
    uint32_t p = 0;
    while (p < t->npreds && t->preds[p] != from)
        p++;
    for (uint32_t i = 0; i < t->nins; i++) {
        IrIns *phi = &ir->ins[t->ins[i]];
        if (phi->op != IR_PHI)
            break;
        int32_t v = ir->lists[phi->list + (int32_t)p];
        if (v >= 0)
            fn(ir, &v, c);
    }
}

/* A stack slot for interval y for its whole life: with reuse, one whose
 * last owner ended before y starts (as with registers, strictly), or a new
 * one. The emitter asks for reuse when a slot per spilled value would make
 * a frame its 12-bit offsets cannot reach (a loop carrying 72 ints and 72
 * floats); otherwise the code stays as it was (sharing a slot can order the
 * phi moves into more cycles: matmul's kernel took 124 more instructions). */
static uint16_t take_slot(uint32_t *slot_end, uint32_t *nslots, const Interval *y, bool reuse)
{
    for (uint32_t s = 0; reuse && s < *nslots; s++)
        if (slot_end[s] < y->start) {
            slot_end[s] = y->end;
            return (uint16_t)s;
        }
    slot_end[*nslots] = y->end;
    return (uint16_t)(*nslots)++;
}

bool jit_rega(Ir *ir, const int32_t *order, uint32_t norder, const uint8_t *fused, const RegaTarget *t,
              RegaResult *r)
{
    uint32_t n = ir->nins, nb = ir->nblocks;
    bool ok = false;
    IrTmpMark m = ir_tmp_mark(ir);
    /* The liveness sets have a bit per value that needs a location (bit[v]),
     * not per instruction number: the passes leave many numbers unused
     * (removed, folded, constants), and the sets' size is what clearing and
     * the fixed point below cost. */
    uint8_t *need = ir_tmp(ir, n + 1);
    uint32_t *bit = ir_tmp(ir, (n + 1) * sizeof *bit);
    int32_t *val = ir_tmp(ir, (n + 1) * sizeof *val); /* bit -> value */
    if (!need || !bit || !val)
        goto out;
    uint32_t nloc = 0;
    for (uint32_t v = 0; v < n; v++) {
        need[v] = fused[v] ? NEED_FUSED : needs_loc(ir, (int32_t)v, fused) ? NEED_LOC : NEED_NONE;
        if (need[v] == NEED_LOC)
            val[nloc] = (int32_t)v, bit[v] = nloc++;
    }
    uint32_t words = (nloc + 31) / 32;
    size_t bits = ((size_t)nb * words + 1) * 4;
    /* (out needs no clearing: the first sweep below sets every block's) */
    uint32_t *in = ir_tmp0(ir, bits), *out = ir_tmp(ir, bits), *gen = ir_tmp0(ir, bits), *kill = ir_tmp0(ir, bits);
    uint32_t *start = ir_tmp(ir, (n + 1) * 4), *end = ir_tmp0(ir, (n + 1) * 4), *weight = ir_tmp0(ir, (n + 1) * 4);
    int32_t *hint = ir_tmp(ir, (n + 1) * sizeof *hint);
    int16_t *fixed = ir_tmp(ir, (n + 1) * sizeof *fixed);
    uint32_t *bstart = ir_tmp0(ir, (nb + 1) * 4), *bend = ir_tmp0(ir, (nb + 1) * 4);
    uint32_t *calls = ir_tmp(ir, (n + 1) * 4), ncalls = 0;
    Interval *iv = ir_tmp(ir, (n + 1) * sizeof *iv);
    int32_t *active = ir_tmp(ir, (n + 1) * sizeof *active);
    uint32_t *active_end = ir_tmp(ir, (n + 1) * sizeof *active_end); /* iv[active[a]].end, walked by the expiry */
    uint32_t *slot_end = ir_tmp(ir, (n + 1) * sizeof *slot_end); /* per stack slot: its last owner's end */
    uint8_t *narrow = ir_tmp0(ir, n + 1);
    if (!narrow || !in || !out || !gen || !kill || !weight || !hint || !fixed || !start || !end || !bstart || !bend || !calls || !iv ||
        !active || !active_end)
        goto out;
    memset(r->loc, 0, n * sizeof *r->loc);
    r->pos = realloc(r->pos, (n + 1) * sizeof *r->pos);
    if (!r->pos)
        goto out;

    /* positions */
    uint32_t pos = 0;
    for (uint32_t k = 0; k < norder; k++) {
        IrBlock *b = &ir->blocks[order[k]];
        bstart[order[k]] = pos;
        pos += 2;
        for (uint32_t i = 0; i < b->nins; i++) {
            IrIns *x = &ir->ins[b->ins[i]];
            r->pos[b->ins[i]] = x->op == IR_PHI ? bstart[order[k]] : pos;
            if (x->op == IR_CALL || x->op == IR_NEWBYTES || (x->op == IR_CALLRT && x->aux != H__COUNT))
                calls[ncalls++] = pos;
            pos += 2;
        }
        bend[order[k]] = pos;
        pos += 2;
    }

    /* liveness. Each block's upward-exposed uses (gen: phi operands on its
     * out-edges, then its instructions walked backwards) and definitions
     * (kill) are computed once; live-in = gen | (live-out - kill) is then
     * iterated over the bitsets alone, blocks in reverse order, to a fixed
     * point. A block's phis are defined at its start, so never live-in. */
    Ctx c = {ir, need, bit, NULL, NULL, NULL, 0, NULL, 0};
    for (uint32_t k = 0; k < norder; k++) {
        int32_t bi = order[k];
        IrBlock *b = &ir->blocks[bi];
        uint32_t *g = gen + (size_t)bi * words, *kl = kill + (size_t)bi * words;
        c.set = g;
        for (uint32_t s = 0; s < b->nsucc; s++)
            edge_uses(ir, bi, b->succ[s], &c, gen_use);
        for (uint32_t i = b->nins; i-- > 0;) {
            int32_t v = b->ins[i];
            if (need[v] == NEED_LOC) {
                int32_t d = (int32_t)bit[v];
                g[d >> 5] &= ~(1u << (d & 31));
                bs_set(kl, d);
            }
            if (ir->ins[v].op != IR_PHI)
                ir_for_operands(ir, v, gen_use, &c); /* (its deopt map's values too) */
        }
        for (uint32_t i = 0; i < b->nins && ir->ins[b->ins[i]].op == IR_PHI; i++)
            if (need[b->ins[i]] == NEED_LOC)
                g[bit[b->ins[i]] >> 5] &= ~(1u << (bit[b->ins[i]] & 31));
    }
    /* only blocks with a successor whose live-in changed are recomputed
     * (all at first): the last sweeps found little or nothing to do */
    uint8_t *stale = ir_tmp(ir, nb + 1);
    const uint32_t *zero = ir_tmp0(ir, (size_t)words * 4 + 4);
    if (!stale || !zero)
        goto out;
    memset(stale, 1, nb + 1);
    for (bool changed = true; changed;) {
        changed = false;
        for (uint32_t k = norder; k-- > 0;) {
            int32_t bi = order[k];
            IrBlock *b = &ir->blocks[bi];
            if (!stale[bi])
                continue;
            stale[bi] = 0;
            uint32_t *bo = out + (size_t)bi * words, *bin = in + (size_t)bi * words;
            const uint32_t *g = gen + (size_t)bi * words, *kl = kill + (size_t)bi * words;
            /* live-out and live-in in one pass over the words (at most two
             * successors; none: a row of zeros) */
            const uint32_t *s0 = b->nsucc ? in + (size_t)b->succ[0] * words : zero;
            const uint32_t *s1 = b->nsucc ? in + (size_t)b->succ[b->nsucc - 1] * words : zero;
            bool grew = false;
            for (uint32_t w = 0; w < words; w++) {
                uint32_t lo = s0[w] | s1[w], li = g[w] | (lo & ~kl[w]);
                bo[w] = lo;
                if (li != bin[w]) {
                    bin[w] = li;
                    grew = true;
                }
            }
            if (grew) {
                changed = true;
                for (uint32_t p = 0; p < b->npreds; p++)
                    stale[b->preds[p]] = 1;
            }
        }
    }

    /* intervals */
    for (uint32_t v = 0; v < n; v++)
        start[v] = UINT32_MAX;
    c.set = NULL;
    c.end = end;
    c.weight = weight;
    /* a value live into a block starts no later than the block's start,
     * one live out of it ends no earlier than its end. Positions grow with
     * the order, so only the first block a value is live into counts, and
     * the last it is live out of: each value's bit is looked at once
     * (seen: the values met so far), not once per block it is live in. */
    uint32_t *seen = ir_tmp0(ir, (size_t)words * 4 + 4);
    if (!seen)
        goto out;
    for (uint32_t k = 0; k < norder; k++) {
        int32_t bi = order[k];
        const uint32_t *bin = in + (size_t)bi * words;
        for (uint32_t w = 0; w < words; w++) {
            for (uint32_t m = bin[w] & ~seen[w]; m; m &= m - 1) {
                int32_t v = val[w * 32 + ctz32(m)];
                if (bstart[bi] < start[v])
                    start[v] = bstart[bi];
            }
            seen[w] |= bin[w];
        }
    }
    memset(seen, 0, (size_t)words * 4);
    for (uint32_t k = norder; k-- > 0;) {
        int32_t bi = order[k];
        const uint32_t *bo = out + (size_t)bi * words;
        for (uint32_t w = 0; w < words; w++) {
            for (uint32_t m = bo[w] & ~seen[w]; m; m &= m - 1) {
                int32_t v = val[w * 32 + ctz32(m)];
                if (bend[bi] > end[v])
                    end[v] = bend[bi];
            }
            seen[w] |= bo[w];
        }
    }
    for (uint32_t k = 0; k < norder; k++) {
        int32_t bi = order[k];
        IrBlock *b = &ir->blocks[bi];
        for (uint32_t i = 0; i < b->nins; i++) {
            int32_t v = b->ins[i];
            if (r->pos[v] < start[v])
                start[v] = r->pos[v];
            if (r->pos[v] > end[v])
                end[v] = r->pos[v];
            c.pos = r->pos[v];
            c.use_weight = b->cold ? 1 : 1u << (3 * (b->loop_depth < 8 ? b->loop_depth : 8));
            if (need[v] == NEED_LOC && weight[v] < (1u << 30))
                weight[v] += c.use_weight; /* spilled, it is stored where it is made */
            IrIns *x = &ir->ins[v];
            /* a deopt map's values add nothing to the spill weight
             * (end_use), so that a value only a map needs (an array
             * object whose data pointer the loop uses) goes to the stack
             * first and leaves the loop's registers alone */
            if (x->op != IR_PHI)
                interval_uses(ir, v, &c);
            if (x->op == IR_CALL && x->ndm) { /* its deopt map is read after the call returns */
                c.pos = r->pos[v] + 1;
                ir_for_deopt_values(ir, x, end_use, &c);
            }
        }
        c.pos = bend[bi];
        for (uint32_t s = 0; s < b->nsucc; s++)
            edge_uses(ir, bi, b->succ[s], &c, weighted_use);
    }

    /* register hints: each phi operand, its phi; a call's arguments and
     * result, the registers the convention puts them in; a PIE
     * multiply-accumulate's pointers, a register it can name */
    for (uint32_t v = 0; v < n; v++)
        hint[v] = -1, fixed[v] = -1;
    bool any_narrow = false;
    for (uint32_t k = 0; k < norder; k++) {
        IrBlock *b = &ir->blocks[order[k]];
        for (uint32_t i = 0; i < b->nins; i++) {
            const IrIns *x = &ir->ins[b->ins[i]];
            if (x->op == IR_VMAC || x->op == IR_VMACN) { /* PIE names its pointers in narrow fields (t->x_narrow) */
                narrow[x->a] = narrow[x->b] = 1, any_narrow = true;
                if (x->c >= 0 && x->op == IR_VMAC) /* a row pair's second row (vector.c, aux 4) */
                    narrow[x->c] = 1;
                /* and the step of a pointer it loads through: the load's
                 * post-increment (.xp) adds it (emit.c, post_step) */
                for (uint32_t j = i + 1; j < b->nins; j++) {
                    const IrIns *u = &ir->ins[b->ins[j]];
                    if (u->op == IR_ADD && (u->a == x->a || u->a == x->b) && ir->ins[u->b].op != IR_CONST)
                        narrow[u->b] = 1;
                }
                continue;
            }
            if (x->op == IR_EWLD || x->op == IR_EWST || x->op == IR_EWBC || x->op == IR_EWANY || x->op == IR_EWSAR) { /* elementwise.c's too */
                narrow[x->op == IR_EWANY ? b->ins[i] : x->a] = 1, any_narrow = true;
                continue;
            }
            if (x->op != IR_CALL)
                continue;
            fixed[b->ins[i]] = x->type == TY_FLOAT ? t->f_ret : t->x_ret;
            unsigned nx = 0, nf = 0;
            for (uint32_t a = 0; a < x->nargs; a++) {
                int32_t arg = ir->lists[x->list + (int32_t)a];
                bool fp = ir->ins[arg].type == TY_FLOAT;
                int16_t reg = (int16_t)(fp ? t->f_arg0 + nf++ : t->x_arg0 + nx++);
                if (fixed[arg] < 0 && (fp ? nf : nx) <= 8) /* (the ninth of a class goes on the stack) */
                    fixed[arg] = reg;
            }
        }
    }
    for (uint32_t k = 0; k < norder; k++) {
        IrBlock *b = &ir->blocks[order[k]];
        for (uint32_t i = 0; i < b->nins && ir->ins[b->ins[i]].op == IR_PHI; i++) {
            const IrIns *phi = &ir->ins[b->ins[i]];
            for (uint32_t p = 0; p < b->npreds; p++) {
                int32_t x = ir->lists[phi->list + (int32_t)p];
                if (x >= 0 && hint[x] < 0)
                    hint[x] = b->ins[i];
            }
        }
    }

    /* linear scan */
    uint32_t niv = 0;
    for (uint32_t k = 0; k < norder; k++) {
        IrBlock *b = &ir->blocks[order[k]];
        for (uint32_t i = 0; i < b->nins; i++) {
            int32_t v = b->ins[i];
            if (need[v] != NEED_LOC)
                continue;
            Interval *x = &iv[niv++];
            x->v = v, x->start = start[v], x->end = end[v] < start[v] ? start[v] : end[v];
            x->fp = ir->ins[v].type == TY_FLOAT;
            x->weight = weight[v];
            /* calls[] is in increasing order: is the first call after the
             * start before the end? */
            uint32_t lo = 0, hi = ncalls;
            while (lo < hi) {
                uint32_t mid = (lo + hi) / 2;
                if (calls[mid] > x->start)
                    hi = mid;
                else
                    lo = mid + 1;
            }
            x->across_call = lo < ncalls && calls[lo] < x->end;
        }
    }
    /* sort by start (insertion sort: nearly sorted already) */
    for (uint32_t i = 1; i < niv; i++)
        for (uint32_t j = i; j > 0 && iv[j].start < iv[j - 1].start; j--) {
            Interval tmpi = iv[j];
            iv[j] = iv[j - 1];
            iv[j - 1] = tmpi;
        }
    /* Each class's registers in the order they are tried: caller-saved,
     * then callee-saved; an interval across a call tries only the latter.
     * avail[fp] has bit k set when the k-th of them is free, so the first
     * free one is a count of trailing zeros instead of a walk of the lists. */
    const uint8_t *caller[2] = {t->x_caller, t->f_caller}, *callee[2] = {t->x_callee, t->f_callee};
    uint32_t ncaller[2] = {t->nx_caller, t->nf_caller}, ntry[2] = {t->nx_caller + t->nx_callee, t->nf_caller + t->nf_callee};
    uint8_t regs[2][32], rank[2][32];
    uint32_t avail[2], narrow_ranks = 0;
    for (int fp = 0; fp < 2; fp++) {
        memset(rank[fp], 0xff, sizeof rank[fp]);
        for (uint32_t k = 0; k < ntry[fp]; k++) {
            regs[fp][k] = k < ncaller[fp] ? caller[fp][k] : callee[fp][k - ncaller[fp]];
            rank[fp][regs[fp][k]] = (uint8_t)k;
            if (!fp && (t->x_narrow >> regs[fp][k] & 1))
                narrow_ranks |= 1u << k;
        }
        avail[fp] = ntry[fp] >= 32 ? UINT32_MAX : (1u << ntry[fp]) - 1;
    }
    uint32_t nactive = 0, min_end = UINT32_MAX; /* min_end: no active interval ends before it */
    r->nslots = 0;
    r->used_callee = 0;
    for (uint32_t i = 0; i < niv; i++) {
        Interval *x = &iv[i];
        int fp = x->fp;
        /* expire intervals that ended before this one starts; a call's
         * arguments end at the call, and its result may take their
         * registers (they are moved before the call, it comes after) */
        bool call = ir->ins[x->v].op == IR_CALL;
        uint32_t expire_before = x->start + call;
        if (min_end < expire_before) {
            min_end = UINT32_MAX;
            for (uint32_t a = 0; a < nactive;) {
                uint32_t y_end = active_end[a];
                if (y_end < expire_before) {
                    const Interval *y = &iv[active[a]];
                    const RegaLoc *l = &r->loc[y->v];
                    if (l->kind == LOC_REG)
                        avail[y->fp] |= 1u << rank[y->fp][l->reg];
                    nactive--;
                    active[a] = active[nactive], active_end[a] = active_end[nactive];
                } else {
                    if (y_end < min_end)
                        min_end = y_end;
                    a++;
                }
            }
        }
        /* the ranks x may use */
        uint32_t allowed = (ntry[fp] >= 32 ? UINT32_MAX : (1u << ntry[fp]) - 1) &
                           (x->across_call ? ~((1u << ncaller[fp]) - 1) : UINT32_MAX);
        int reg = -1;
        /* a phi operand takes its phi's register when that is free: the
         * move on the edge disappears */
        int32_t ph = hint[x->v];
        bool ph_reg = ph >= 0 && r->loc[ph].kind == LOC_REG && (ir->ins[ph].type == TY_FLOAT) == x->fp;
        if (ph_reg && one_insn(ir, x->v))
            for (uint32_t a = 0; a < nactive; a++) { /* the phi's last use is x itself: x may take over */
                Interval *y = &iv[active[a]];
                if (y->v == ph && y->end == x->start) {
                    avail[fp] |= 1u << rank[fp][r->loc[ph].reg];
                    nactive--;
                    active[a] = active[nactive], active_end[a] = active_end[nactive];
                    break;
                }
            }
        if (ph_reg && (allowed & avail[fp]) >> rank[fp][r->loc[ph].reg] & 1 &&
            !(narrow[x->v] && !fp && !(t->x_narrow >> r->loc[ph].reg & 1))) /* (PIE's pointer fields first) */
            reg = r->loc[ph].reg;
        /* a phi takes the register of an operand made before it whose
         * interval has ended (the value coming in from the preheader): no
         * move on that edge, where the operand's own hint (the phi's
         * register) could not apply, the phi not having one yet */
        const IrIns *xi = &ir->ins[x->v];
        if (reg < 0 && xi->op == IR_PHI) {
            const IrBlock *xb = &ir->blocks[xi->block];
            for (uint32_t p = 0; p < xb->npreds && reg < 0; p++) {
                int32_t o = ir->lists[xi->list + (int32_t)p];
                const RegaLoc *ol = o >= 0 ? &r->loc[o] : NULL;
                if (ol && ol->kind == LOC_REG && (ir->ins[o].type == TY_FLOAT) == x->fp &&
                    (allowed & avail[fp]) >> rank[fp][ol->reg] & 1 &&
                    !(narrow[x->v] && !fp && !(t->x_narrow >> ol->reg & 1)))
                    reg = ol->reg;
            }
        }
        int16_t fx = fixed[x->v];
        if (reg < 0 && fx >= 0 && rank[fp][fx] < 32 && (allowed & avail[fp]) >> rank[fp][fx] & 1)
            reg = fx;
        /* where some values want narrow registers, the others take the
         * rest first */
        uint32_t want = !any_narrow || fp ? 0 : narrow[x->v] ? narrow_ranks : ~narrow_ranks;
        if (reg < 0 && (allowed & avail[fp] & want))
            reg = regs[fp][ctz32(allowed & avail[fp] & want)];
        if (reg < 0 && (allowed & avail[fp]))
            reg = regs[fp][ctz32(allowed & avail[fp])];
        RegaLoc *l = &r->loc[x->v];
        if (reg < 0) {
            /* spill whichever of x and the active intervals of its class that
             * could give it a register costs least (then: ends last) */
            int32_t victim = -1;
            uint32_t vw = x->weight, vend = x->end;
            for (uint32_t a = 0; a < nactive; a++) {
                Interval *y = &iv[active[a]];
                RegaLoc *yl = &r->loc[y->v];
                if (y->fp != x->fp || yl->kind != LOC_REG)
                    continue;
                if (y->weight > vw || (y->weight == vw && y->end <= vend))
                    continue;
                if (allowed >> rank[fp][yl->reg] & 1)
                    victim = (int32_t)a, vw = y->weight, vend = y->end;
            }
            if (victim >= 0) {
                Interval *y = &iv[active[victim]];
                RegaLoc *yl = &r->loc[y->v];
                reg = yl->reg;
                avail[fp] |= 1u << rank[fp][reg];
                yl->kind = LOC_STACK, yl->reg = 0, yl->slot = take_slot(slot_end, &r->nslots, y, r->reuse_slots);
            } else {
                l->kind = LOC_STACK, l->slot = take_slot(slot_end, &r->nslots, x, r->reuse_slots);
                continue; /* not active: it lives in memory */
            }
        }
        l->kind = LOC_REG, l->reg = (uint8_t)reg;
        avail[fp] &= ~(1u << rank[fp][reg]);
        if (rank[fp][reg] >= ncaller[fp])
            r->used_callee |= 1ull << (reg + (x->fp ? 32 : 0));
        active[nactive] = (int32_t)i, active_end[nactive++] = x->end;
        if (x->end < min_end)
            min_end = x->end;
    }
    r->has_calls = ncalls > 0;
    ok = true;
out:
    ir_tmp_release(ir, m);
    return ok;
}
