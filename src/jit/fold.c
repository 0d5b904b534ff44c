/*
 * fold.c - constant folding, copy propagation, trivial phis and algebraic
 * identities, repeated until nothing changes.
 *
 * Folding happens on the chip, in the same float32 arithmetic the generated
 * code would use, so a folded value is bit-identical to a computed one.
 * Checked operations are folded only when their result fits: a constant
 * operation that overflows stays, and raises when it runs.
 */
#include <stdlib.h>
#include <string.h>

#include "jit/ir.h"

static bool is_const(const Ir *ir, int32_t v) { return v >= 0 && ir->ins[v].op == IR_CONST; }

static bool cond_holds(IrCond cc, int c)
{
    switch (cc) {
    case CC_EQ: return c == 0;
    case CC_NE: return c != 0;
    case CC_LT: return c < 0;
    case CC_LE: return c <= 0;
    case CC_GT: return c > 0;
    default: return c >= 0;
    }
}

/* Folds v to a constant when its operands are constants; a select on a
 * constant becomes one of its operands (*pick). */
static bool fold_const(Ir *ir, int32_t v, int32_t *pick)
{
    IrIns *in = &ir->ins[v];
    const IrOpInfo *info = &ir_opinfo[in->op];
    if (!info->has_result || in->op == IR_CONST || in->op == IR_PHI || in->op == IR_PARAM || in->op == IR_CALL ||
        in->op == IR_CALLRT || in->op == IR_ALOAD || in->op == IR_ALEN || in->op == IR_ADATA || info->nops == 0)
        return false;
    if (!is_const(ir, in->a) || (info->nops > 1 && !is_const(ir, in->b)) || (info->nops > 2 && !is_const(ir, in->c)))
        return false;
    int32_t x = ir->ins[in->a].k.i, y = info->nops > 1 ? ir->ins[in->b].k.i : 0;
    float fx = ir->ins[in->a].k.f, fy = info->nops > 1 ? ir->ins[in->b].k.f : 0;
    int32_t r, f_unused;
    float f;
    bool isf = false;
    switch ((IrOp)in->op) {
    case IR_COPY: r = x; break;
    case IR_ADD: r = (int32_t)((uint32_t)x + (uint32_t)y); break;
    case IR_SUB: r = (int32_t)((uint32_t)x - (uint32_t)y); break;
    case IR_MUL: r = (int32_t)((uint32_t)x * (uint32_t)y); break;
    case IR_AND: r = x & y; break;
    case IR_OR: r = x | y; break;
    case IR_XOR: r = x ^ y; break;
    case IR_SHL: r = (int32_t)((uint32_t)x << (y & 31)); break;
    case IR_SHR: r = x >> (y & 31); break;
    case IR_NOT: r = ~x; break;
    case IR_ADDO: if (__builtin_add_overflow(x, y, &r)) return false; break;
    case IR_SUBO: if (__builtin_sub_overflow(x, y, &r)) return false; break;
    case IR_MULO: if (__builtin_mul_overflow(x, y, &r)) return false; break;
    case IR_NEGO: if (x == INT32_MIN) return false; r = -x; break;
    case IR_CMP: r = cond_holds((IrCond)in->aux, x < y ? -1 : x > y); break;
    case IR_FCMP: {
        if (fx != fx || fy != fy) /* NaN: only != holds */
            r = in->aux == CC_NE;
        else
            r = cond_holds((IrCond)in->aux, fx < fy ? -1 : fx > fy);
        break;
    }
    case IR_SELECT:
        *pick = x ? in->b : in->c;
        return false;
    case IR_OVF:
        switch (in->aux) {
        case IR_ADDO: r = __builtin_add_overflow(x, y, &f_unused); break;
        case IR_SUBO: r = __builtin_sub_overflow(x, y, &f_unused); break;
        case IR_MULO: r = __builtin_mul_overflow(x, y, &f_unused); break;
        default: r = !((uint32_t)y < (uint32_t)x); break; /* BOUND: a = len, b = index */
        }
        break;
    case IR_FADD: f = fx + fy, isf = true; r = 0; break;
    case IR_FSUB: f = fx - fy, isf = true; r = 0; break;
    case IR_FMUL: f = fx * fy, isf = true; r = 0; break;
    case IR_FNEG: f = -fx, isf = true; r = 0; break;
    case IR_ITOF: f = (float)x, isf = true; r = 0; break;
    default: return false;
    }
    in->op = IR_CONST;
    in->a = in->b = in->c = -1;
    ir_drop_failure(in); /* (a checked op folds only when it cannot fail) */
    if (isf)
        in->k.f = f;
    else
        in->k.i = r;
    return true;
}

/* x * 0, and an overflow flag that is zero whatever the other operand:
 * x + 0, x - 0, x * 0, x * 1. */
static bool fold_zero(Ir *ir, IrIns *in)
{
    bool ka = is_const(ir, in->a) && ir->ins[in->a].type != TY_FLOAT;
    bool kb = is_const(ir, in->b) && ir->ins[in->b].type != TY_FLOAT;
    int32_t x = ka ? ir->ins[in->a].k.i : 1 << 30, y = kb ? ir->ins[in->b].k.i : 1 << 30;
    bool zero = false;
    if (in->op == IR_MUL || in->op == IR_MULO)
        zero = x == 0 || y == 0;
    else if (in->op == IR_OVF && in->aux == IR_MULO)
        zero = x == 0 || y == 0 || x == 1 || y == 1;
    else if (in->op == IR_OVF && in->aux == IR_ADDO)
        zero = x == 0 || y == 0;
    else if (in->op == IR_OVF && in->aux == IR_SUBO)
        zero = y == 0;
    if (!zero)
        return false;
    in->op = IR_CONST;
    in->a = in->b = in->c = -1;
    ir_drop_failure(in);
    in->k.i = 0;
    return true;
}

/* x + 0, x * 1, x | 0 ...: the value is an operand. Returns it or -1. */
static int32_t identity(const Ir *ir, const IrIns *in)
{
    bool bk = is_const(ir, in->b) && ir->ins[in->b].type != TY_FLOAT;
    int32_t k = bk ? ir->ins[in->b].k.i : 1 << 30;
    /* a commutative op with the constant first: the same with the other operand */
    bool ak = is_const(ir, in->a) && ir->ins[in->a].type != TY_FLOAT;
    if (ak && !bk && (in->op == IR_ADD || in->op == IR_ADDO || in->op == IR_MUL || in->op == IR_MULO ||
                      in->op == IR_OR || in->op == IR_XOR || in->op == IR_AND)) {
        int32_t ka = ir->ins[in->a].k.i;
        bool same_type = ir->ins[in->b].type == in->type;
        if (!same_type)
            return -1;
        if ((ka == 0 && in->op != IR_MUL && in->op != IR_MULO && in->op != IR_AND) ||
            (ka == 1 && (in->op == IR_MUL || in->op == IR_MULO)) || (ka == -1 && in->op == IR_AND))
            return in->b;
        return -1;
    }
    switch ((IrOp)in->op) {
    case IR_ADD: case IR_SUB: case IR_ADDO: case IR_SUBO: case IR_OR: case IR_XOR: case IR_SHL: case IR_SHR:
        return k == 0 && ir->ins[in->a].type == in->type ? in->a : -1;
    case IR_MUL: case IR_MULO:
        return k == 1 && ir->ins[in->a].type == in->type ? in->a : -1;
    case IR_AND:
        return k == -1 && ir->ins[in->a].type == in->type ? in->a : -1;
    case IR_COPY:
        return ir->ins[in->a].type == in->type ? in->a : -1;
    default:
        return -1;
    }
}

/* A phi whose operands are all one value (or itself) is that value. */
static int32_t trivial_phi(const Ir *ir, int32_t v)
{
    const IrIns *in = &ir->ins[v];
    const IrBlock *b = &ir->blocks[in->block];
    int32_t same = -1;
    for (uint32_t p = 0; p < b->npreds; p++) {
        int32_t op = ir->lists[in->list + (int32_t)p];
        if (op == v || op == same)
            continue;
        if (same >= 0)
            return -1;
        same = op;
    }
    return same;
}

/* Replaced values forward to their replacement (to[v], -1 when kept,
 * ir_forward): operands are redirected when their instruction is visited and
 * once more at the end, which keeps folding linear in the size of the
 * function. A forward that notes whether it changed a phi's operand. */
typedef struct PhiForward {
    const int32_t *to;
    bool changed;
} PhiForward;

static void forward_phi(Ir *ir, int32_t *slot, void *ctx)
{
    PhiForward *f = ctx;
    (void)ir;
    if (f->to[*slot] >= 0) {
        ir_forward(ir, slot, (void *)f->to);
        f->changed = true;
    }
}

/* Blocks in reverse post-order, so an instruction's operands are folded
 * before it, except around loops: a phi whose back-edge operand was
 * replaced may have become trivial, which is the one reason for another
 * round. That round starts at the first such phi's block: what comes
 * before it in the order uses nothing that changed (a phi there would have
 * changed too), so it would fold as before. */
void ir_fold(Ir *ir)
{
    IrTmpMark m = ir_tmp_mark(ir);
    int32_t *to = ir_tmp(ir, (ir->nins + 1) * sizeof *to);
    int32_t *order = ir_tmp(ir, (ir->nblocks + 1) * sizeof *order);
    uint32_t *index = ir_tmp(ir, (ir->nblocks + 1) * sizeof *index); /* a block's place in order */
    if (!to || !order || !index) {
        ir->oom = true;
        ir_tmp_release(ir, m);
        return;
    }
    for (uint32_t v = 0; v < ir->nins; v++)
        to[v] = -1;
    uint32_t norder = ir_rpo(ir, order);
    for (uint32_t b = 0; b < ir->nblocks; b++)
        index[b] = norder; /* unreachable: never folded */
    for (uint32_t k = 0; k < norder; k++)
        index[order[k]] = k;
    /* replacements made so far: until the first, forwarding has nothing to
     * do and is skipped (late in the pipeline most calls replace nothing) */
    uint32_t replaced = 0;
    for (uint32_t first = 0; first < norder && !ir->oom;) {
        for (uint32_t k = first; k < norder; k++) {
            IrBlock *b = &ir->blocks[order[k]];
            uint32_t kept = 0; /* removed instructions leave the list as it is walked */
            for (uint32_t i = 0; i < b->nins; i++) {
                int32_t v = b->ins[i];
                IrIns *in = &ir->ins[v];
                b->ins[kept++] = v;
                if (replaced)
                    ir_for_operands(ir, v, ir_forward, to);
                int32_t r = -1;
                if (in->op == IR_CHECK && is_const(ir, in->a) && ir->ins[in->a].k.i == 0) {
                    ir_drop(ir, v); /* a flag proved clear */
                    kept--;
                    continue;
                }
                if (in->op != IR_PHI && in->op != IR_COPY && !is_const(ir, in->a) && !is_const(ir, in->b))
                    continue; /* nothing below applies without a constant operand */
                if (in->op == IR_PHI && in->list >= 0) {
                    r = trivial_phi(ir, v);
                    /* a phi of only undefined values keeps its place (dce drops it if unused) */
                    if (r < 0 || ir->ins[r].op == IR_UNDEF)
                        continue;
                } else if (fold_const(ir, v, &r) || fold_zero(ir, in)) {
                    continue;
                } else if (r < 0)
                    r = identity(ir, in);
                if (r < 0)
                    continue;
                to[v] = r;
                replaced++;
                ir_drop(ir, v);
                kept--;
            }
            b->nins = kept;
        }
        first = norder;
        if (!replaced)
            break;
        for (uint32_t bi = 0; bi < ir->nblocks; bi++)
            for (uint32_t i = 0; i < ir->blocks[bi].nins; i++) {
                int32_t v = ir->blocks[bi].ins[i];
                PhiForward pf = {to, false};
                if (ir->ins[v].op == IR_PHI)
                    ir_for_operands(ir, v, forward_phi, &pf);
                else
                    ir_for_operands(ir, v, ir_forward, to);
                if (pf.changed && index[bi] < first)
                    first = index[bi];
            }
    }
    ir_tmp_release(ir, m);
}
