/*
 * build.c - bytecode to typed SSA.
 *
 * The bytecode's basic blocks become IR blocks. Each block is interpreted
 * abstractly: the value stack holds IR values, and locals, stack slots live
 * across blocks and the hidden state of for-loops are "variables" put into
 * SSA form on the fly (Braun et al., "Simple and Efficient Construction of
 * Static Single Assignment Form", CC 2013): a block is sealed once all its
 * predecessors are built; a variable read in an unsealed loop header gets an
 * incomplete phi, completed when the back edge is built.
 *
 * Types come from the specialisation's argument types, constants and the
 * operations. A loop header's phi takes the type of the value entering the
 * loop; if the back edge brings another type the function is refused (Python
 * would change the variable's type between iterations; the interpreter
 * handles that, compiled code does not).
 *
 * Values that exist only at compile time (the built-in `range`, a module, a
 * function to call, a range or array iterator, a tuple being unpacked) are
 * "statics": negative stack entries indexing a table here.
 */
#include "jit/build_int.h"

/* ---- refusals ------------------------------------------------------------- */

static int32_t line_of(Builder *b, uint32_t pc)
{
    const P4bCode *src = b->code->src;
    return bc_line_for_pc(src->linetab, src->linetab_len, (int32_t)src->firstline, pc);
}

bool refuse(Builder *b, const char *fmt, ...)
{
    if (!b->failed) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(b->why->why, sizeof b->why->why, fmt, ap);
        va_end(ap);
        b->why->line = line_of(b, b->pc);
        b->failed = true;
    }
    return false;
}

static const char *local_name(Builder *b, uint32_t var)
{
    if (var < b->code->nlocals)
        return AS(Str, b->code->program->strings[b->code->src->localnames[var]])->data;
    return var < b->hidden_base ? "(a stack slot)" : "(a loop iterator)";
}

/* ---- values ----------------------------------------------------------------- */

int32_t res(Builder *b, int32_t v)
{
    while (v >= 0 && (uint32_t)v < b->capforward && b->forward[v] >= 0)
        v = b->forward[v];
    return v;
}

/* The guards that deoptimise: those whose failure the interpreter may get
 * past (an int result outside int32, which it computes as an int of any
 * size; int(x) of a float beyond int32 too, and a NaN or an infinity there
 * raises in the interpreter's frame). The others (a bad index, a division by zero, a value out of
 * an array's element range, a float error) are an exception in the
 * interpreter too: they raise it directly (jit_rt_fail re-runs the
 * instruction on their witnesses), which costs no deopt map. */
static bool deoptimises(IrOp op)
{
    switch (op) {
    case IR_ADDO: case IR_SUBO: case IR_MULO: case IR_NEGO: case IR_SHLO: case IR_ABSO: case IR_FLOORDIV: case IR_FTOI:
        return true;
    default:
        return false;
    }
}

int32_t build_emit(Builder *b, IrOp op, IrType t, int32_t x, int32_t y, int32_t z)
{
    if (b->entry_mode)
        return at_entry(b, op, t, x, y, z);
    int32_t v = ir_add(b->ir, b->cur, op, t, x, y, z);
    b->ir->ins[v].pc = b->pc;
    if (deoptimises(op) && b->snap_ok)
        attach_deopt_map(b, v);
    return v;
}

/* A failing instruction re-runs pc with these witnesses. */
void witness(Builder *b, int32_t v, int32_t w0, int32_t w1, int32_t w2)
{
    IrIns *in = &b->ir->ins[v];
    in->w[0] = w0, in->w[1] = w1, in->w[2] = w2;
    in->nw = (uint8_t)(w0 < 0 ? 0 : w1 < 0 ? 1 : w2 < 0 ? 2 : 3);
}

/* A check at the current pc that fails when flag is non-zero; the runtime
 * then re-runs the bytecode operation (or native n) on the witnesses, which
 * raises the interpreter's exception. */
void check_that(Builder *b, int32_t flag, int32_t w0, int32_t w1, const Native *n)
{
    int32_t chk = emit(b, IR_CHECK, TY_VOID, flag, -1, -1);
    witness(b, chk, w0, w1, -1);
    if (n && extra(b, chk))
        extra(b, chk)->native = n;
}

/* f == k, for a float value and a float constant. */
int32_t float_equals(Builder *b, int32_t f, float k)
{
    int32_t c = emit(b, IR_FCMP, TY_BOOL, f, ir_const_float(b->ir, b->cur, k), -1);
    b->ir->ins[c].aux = CC_EQ;
    return c;
}

bool ensure_forward(Builder *b)
{
    uint32_t need = b->ir->nins + 1;
    if (need <= b->capforward)
        return true;
    uint32_t nc = need * 2;
    int32_t *f = realloc(b->forward, nc * sizeof *f);
    int32_t *vp = realloc(b->var_of_phi, nc * sizeof *vp);
    if (!f || !vp) {
        if (f) b->forward = f;
        if (vp) b->var_of_phi = vp;
        return refuse(b, "out of memory while compiling");
    }
    for (uint32_t i = b->capforward; i < nc; i++)
        f[i] = -1, vp[i] = -1;
    b->forward = f, b->var_of_phi = vp, b->capforward = nc;
    return true;
}

/* ---- SSA variables (Braun et al.) --------------------------------------------- */

static void write_var(Builder *b, uint32_t var, int32_t block, int32_t v)
{
    b->defs[(size_t)block * b->nvars + var] = v;
}

static int32_t new_phi(Builder *b, int32_t block, uint32_t var, IrType t, uint8_t aux)
{
    int32_t save = b->cur;
    b->cur = block;
    int32_t phi = emit(b, IR_PHI, t, -1, -1, -1);
    b->cur = save;
    b->ir->ins[phi].aux = aux;
    b->ir->ins[phi].pc = b->ir->blocks[block].bc_start;
    if (ensure_forward(b))
        b->var_of_phi[phi] = (int32_t)var;
    return phi;
}

/* A merge a recompilation widened (JitSpec.float_merges: its int path
 * deoptimised too often where a float came in): a variable int on one
 * path and float on another is a float there, and the int paths leave. */
static bool widened_merge(Builder *b, uint32_t pc)
{
    for (uint32_t i = 0; i < b->spec->nfloat_merges; i++)
        if (b->spec->float_merges[i] == pc)
            return true;
    return false;
}

/* Fills a phi's operands from the predecessors; checks their types. */
static int32_t add_phi_operands(Builder *b, uint32_t var, int32_t phi)
{
    IrBlock *bl = &b->ir->blocks[b->ir->ins[phi].block];
    int32_t list = ir_list_alloc(b->ir, bl->npreds);
    b->ir->ins[phi].list = list;
    if (b->ir->ins[phi].type == TY_VOID && widened_merge(b, bl->bc_start))
        for (uint32_t p = 0; p < bl->npreds; p++) { /* a float on any path: the merge is a float */
            int32_t v = res(b, read_var(b, var, bl->preds[p]));
            if (v >= 0 && !IS_STATIC(v) && b->ir->ins[v].type == TY_FLOAT) {
                b->ir->ins[phi].type = TY_FLOAT, b->ir->ins[phi].aux = 0;
                break;
            }
        }
    for (uint32_t p = 0; p < bl->npreds; p++) {
        int32_t v = res(b, read_var(b, var, bl->preds[p]));
        b->ir->lists[list + (int32_t)p] = v;
        if (IS_STATIC(v) || v < 0) {
            refuse(b, "%s holds a compile-time object on one path only", local_name(b, var));
            continue;
        }
        IrIns *in = &b->ir->ins[v];
        IrIns *ph = &b->ir->ins[phi];
        /* a path back to a block whose phi is still being filled (this one
         * or one it reads through) brings that phi, untyped yet: like an
         * unassigned value, it does not decide the type */
        if (in->op == IR_UNDEF || (in->op == IR_PHI && in->type == TY_VOID))
            continue;
        if (ph->type == TY_VOID) /* unassigned before the loop: the loop's type */
            ph->type = in->type, ph->aux = in->aux;
        bool same = in->type == ph->type && (in->type != TY_PTR || in->aux == ph->aux);
        IrType pt = (IrType)ph->type;
        /* an instance read from an attribute on one path, an object made or
         * returned on another: an object (its uses are guarded either way:
         * attribute reads check the dict, methods the lookup) */
#define OPAQUE(x) (is_boxed(x) || (is_instance(x) && (x) - INST_AUX >= JIT_MAX_PARAMS))
        if (!same && pt == TY_PTR && in->type == TY_PTR && OPAQUE(ph->aux) && OPAQUE(in->aux)) {
            ph->aux = JIT_TC_BOXED;
            same = true;
        }
#undef OPAQUE
        bool numbers = (is_intlike(pt) || pt == TY_FLOAT) && (is_intlike((IrType)in->type) || in->type == TY_FLOAT);
        if (!same && v != phi && numbers &&
            type_change_exit(b, bl->preds[p], ir_at(b->ir, phi)->block, in->type == TY_FLOAT)) {
            /* that path leaves for the interpreter before it gets here:
             * any value of the phi's type stands for it */
            int32_t k = ir_add(b->ir, -1, IR_CONST, pt, -1, -1, -1);
            if (b->ir->oom || !ensure_forward(b))
                return refuse(b, "out of memory while compiling"), phi;
            b->ir->ins[k].k.i = 0; /* 0 or 0.0 */
            ir_move_ins(b->ir, k, bl->preds[p]);
            b->ir->lists[b->ir->ins[phi].list + (int32_t)p] = k;
            continue;
        }
        if (!same && v != phi) {
            b->pc = bl->bc_start;
            char t1[24], t2[24];
            JitType a = {ph->type, 0, ph->aux, NULL}, c = {in->type, 0, in->aux, NULL};
            refuse(b, "%s is %s on one path and %s on another (a variable must keep one type)",
                   local_name(b, var), jit_type_name(a, t1, sizeof t1), jit_type_name(c, t2, sizeof t2));
        }
    }
    return phi;
}

static int32_t read_var_recursive(Builder *b, uint32_t var, int32_t block)
{
    IrBlock *bl = &b->ir->blocks[block];
    int32_t v;
    if (!bl->sealed) {
        /* A loop header: the value entering the loop fixes the type, or the
         * static, of what the back edge must bring. */
        int32_t first = bl->npreds ? res(b, read_var(b, var, bl->preds[0])) : -1;
        if (first < 0 && !IS_STATIC(first))
            return refuse(b, "%s is read before the loop assigns it", local_name(b, var)), 0;
        if (IS_STATIC(first)) {
            if (b->nassumed == b->capassumed) {
                uint32_t nc = b->capassumed ? b->capassumed * 2 : 16;
                void *p = realloc(b->assumed, nc * sizeof *b->assumed);
                if (!p)
                    return refuse(b, "out of memory while compiling"), 0;
                b->assumed = p, b->capassumed = nc;
            }
            b->assumed[b->nassumed].block = block, b->assumed[b->nassumed].var = (int32_t)var;
            b->assumed[b->nassumed++].val = first;
            v = first;
        } else {
            IrIns *f = &b->ir->ins[first];
            IrType t = f->op == IR_UNDEF ? TY_VOID : (IrType)f->type;
            v = new_phi(b, block, var, t, f->aux);
            if (b->nincomplete == b->capincomplete) {
                uint32_t nc = b->capincomplete ? b->capincomplete * 2 : 16;
                void *p = realloc(b->incomplete, nc * sizeof *b->incomplete);
                if (!p)
                    return refuse(b, "out of memory while compiling"), 0;
                b->incomplete = p, b->capincomplete = nc;
            }
            b->incomplete[b->nincomplete].block = block, b->incomplete[b->nincomplete].var = (int32_t)var;
            b->incomplete[b->nincomplete++].phi = v;
        }
    } else if (bl->npreds == 0) {
        v = ir_add(b->ir, -1, IR_UNDEF, TY_VOID, -1, -1, -1); /* never assigned on this path */
        ensure_forward(b);
    } else if (bl->npreds == 1) {
        v = read_var(b, var, bl->preds[0]);
    } else {
        /* Break cycles first: an operandless phi stands for the variable
         * here while the predecessors are read, so a path that comes back
         * to this block (a variable read after a loop nest that assigns it
         * only inside) reads the phi instead of recursing for ever. Its type
         * comes from the operands (add_phi_operands). */
        int32_t phi = new_phi(b, block, var, TY_VOID, 0);
        write_var(b, var, block, phi);
        int32_t first = res(b, read_var(b, var, bl->preds[0]));
        if (IS_STATIC(first)) {
            bool all = true; /* a path back here reads the phi: not the same object */
            for (uint32_t p = 1; p < bl->npreds; p++)
                all = all && res(b, read_var(b, var, bl->preds[p])) == first;
            if (!all)
                return refuse(b, "%s holds different compile-time objects on different paths",
                              local_name(b, var)), 0;
            ir_remove_ins(b->ir, phi);
            v = first;
        } else {
            add_phi_operands(b, var, phi);
            v = phi;
        }
    }
    write_var(b, var, block, v);
    return v;
}

int32_t read_var(Builder *b, uint32_t var, int32_t block)
{
    int32_t v = b->defs[(size_t)block * b->nvars + var];
    if (v != -1)
        return res(b, v);
    if (b->failed)
        return -1;
    return read_var_recursive(b, var, block);
}

static void seal(Builder *b, int32_t block)
{
    IrBlock *bl = &b->ir->blocks[block];
    if (bl->sealed)
        return;
    bl->sealed = true;
    for (uint32_t i = 0; i < b->nincomplete; i++)
        if (b->incomplete[i].block == block)
            add_phi_operands(b, (uint32_t)b->incomplete[i].var, b->incomplete[i].phi);
    for (uint32_t i = 0; i < b->nassumed; i++) {
        if (b->assumed[i].block != block)
            continue;
        for (uint32_t p = 0; p < bl->npreds; p++)
            if (res(b, read_var(b, (uint32_t)b->assumed[i].var, bl->preds[p])) != b->assumed[i].val)
                refuse(b, "%s changes inside a loop to another compile-time object",
                       local_name(b, (uint32_t)b->assumed[i].var));
    }
}

/* ---- stack ------------------------------------------------------------------- */

int32_t new_static(Builder *b, Static s)
{
    if (b->nstatics >= sizeof b->statics / sizeof b->statics[0])
        return refuse(b, "too many compile-time objects"), STATIC_ID(0);
    b->statics[b->nstatics] = s;
    return STATIC_ID(b->nstatics++);
}

/* A value operand: refuses statics. */
int32_t value(Builder *b, int32_t v, const char *what)
{
    if (IS_STATIC(v)) {
        refuse(b, "%s is not a number or an array", what);
        return -1;
    }
    return res(b, v);
}

/* ---- iteration ------------------------------------------------------------------------ */

static uint32_t hidden_for(Builder *b, uint32_t pc, uint32_t nvars_needed)
{
    for (uint32_t i = 0; i < b->nhidden_sites; i++)
        if ((uint32_t)b->hidden_of_pc[i][0] == pc)
            return (uint32_t)b->hidden_of_pc[i][1];
    if (b->nhidden_sites == 64 || b->nhidden + nvars_needed > b->maxhidden)
        return refuse(b, "too many nested loops"), 0;
    uint32_t base = b->hidden_base + b->nhidden;
    b->nhidden += nvars_needed;
    b->hidden_of_pc[b->nhidden_sites][0] = (int32_t)pc;
    b->hidden_of_pc[b->nhidden_sites++][1] = (int32_t)base;
    return base;
}

static bool get_iter(Builder *b)
{
    int32_t o = pop(b);
    Static *s = static_of(b, o);
    if (s && s->kind == S_RANGE) {
        int32_t start = s->v[0], stop = s->v[1], step = s->v[2];
        IrIns *k = &b->ir->ins[step];
        uint32_t base = hidden_for(b, b->pc, 3);
        if (b->failed)
            return false;
        Static it = {.kind = S_ITER_RANGE};
        it.v[0] = (int32_t)base;
        if (k->op == IR_CONST && k->k.i == 1) {
            /* i < stop; i + 1 cannot overflow while i < stop */
            write_var(b, base, b->cur, start);
            write_var(b, base + 1, b->cur, stop);
        } else {
            /* Counted: n = len(range) (fails for step 0); i += step n times. */
            it.kind = S_ITER_COUNTED;
            int32_t n = emit(b, IR_CALLRT, TY_INT, start, stop, step);
            b->ir->ins[n].aux = H__COUNT; /* range length, inline in the back end */
            b->ir->ins[n].op = IR_CALLRT;
            witness(b, n, start, stop, step);
            /* a zero step fails: range() itself, re-run, raises its ValueError */
            if (extra(b, n) && s->obj.type == T_NATIVE)
                extra(b, n)->native = AS(Native, s->obj);
                        write_var(b, base, b->cur, start);
            write_var(b, base + 1, b->cur, n);
            write_var(b, base + 2, b->cur, step);
        }
        push(b, new_static(b, it));
        return true;
    }
    if (!s && o >= 0 && ty(b, o) == TY_PTR && b->ir->ins[res(b, o)].aux == JIT_TC_STR)
        return refuse(b, "for loop over a str");
    if (!s && o >= 0 && ty(b, o) == TY_PTR && is_boxed(b->ir->ins[res(b, o)].aux))
        return refuse(b, "for loop over an object made or returned in compiled code");
    if (!s && o >= 0 && ty(b, o) == TY_PTR && !is_instance(b->ir->ins[res(b, o)].aux)) {
        uint32_t base = hidden_for(b, b->pc, 2);
        if (b->failed)
            return false;
        write_var(b, base, b->cur, ir_const_int(b->ir, b->cur, 0));
        write_var(b, base + 1, b->cur, res(b, o));
        Static it = {.kind = S_ITER_ARRAY};
        it.v[0] = (int32_t)base;
        push(b, new_static(b, it));
        return true;
    }
    return refuse(b, "for loop over something other than range() or an array");
}

/* FOR_ITER at the end of a block: branch on "more items". */
static bool for_iter(Builder *b, int32_t *cond)
{
    Static *s = static_of(b, b->stack[b->sp - 1]);
    if (!s || s->kind < S_ITER_RANGE || s->kind > S_ITER_ARRAY)
        return refuse(b, "for loop over an unsupported iterator");
    uint32_t base = (uint32_t)s->v[0];
    int32_t c;
    if (s->kind == S_ITER_RANGE) {
        c = emit(b, IR_CMP, TY_BOOL, read_var(b, base, b->cur), read_var(b, base + 1, b->cur), -1);
        b->ir->ins[c].aux = CC_LT;
    } else if (s->kind == S_ITER_COUNTED) {
        c = emit(b, IR_CMP, TY_BOOL, read_var(b, base + 1, b->cur), ir_const_int(b->ir, b->cur, 0), -1);
        b->ir->ins[c].aux = CC_NE;
    } else {
        int32_t arr = read_var(b, base + 1, b->cur);
        int32_t len = emit(b, IR_ALEN, TY_INT, arr, -1, -1);
        c = emit(b, IR_CMP, TY_BOOL, read_var(b, base, b->cur), len, -1);
        b->ir->ins[c].aux = CC_LT;
    }
    *cond = c;
    return !b->failed;
}

/* At the start of a loop body: the next item, and the iterator advanced. */
static void for_item(Builder *b)
{
    Static *s = static_of(b, b->stack[b->sp - 1]);
    if (!s)
        return;
    uint32_t base = (uint32_t)s->v[0];
    int32_t item;
    if (s->kind == S_ITER_RANGE) {
        item = read_var(b, base, b->cur);
        write_var(b, base, b->cur, emit(b, IR_ADD, TY_INT, item, ir_const_int(b->ir, b->cur, 1), -1));
    } else if (s->kind == S_ITER_COUNTED) {
        item = read_var(b, base, b->cur);
        write_var(b, base, b->cur, emit(b, IR_ADD, TY_INT, item, read_var(b, base + 2, b->cur), -1));
        write_var(b, base + 1, b->cur,
                  emit(b, IR_SUB, TY_INT, read_var(b, base + 1, b->cur), ir_const_int(b->ir, b->cur, 1), -1));
    } else {
        int32_t i = read_var(b, base, b->cur), arr = read_var(b, base + 1, b->cur);
        uint8_t tc = b->ir->ins[arr].aux;
        if (is_guarded_list(tc)) {
            /* the item's type word checked: a failure deoptimises to the
             * FOR_ITER, with the iterator not yet advanced */
            uint32_t pc = b->pc;
            b->pc = pc - 1, b->snap_sp = b->sp, b->snap_ok = true, b->map_pc = -1;
            item = guarded_item(b, arr, i);
            b->pc = pc, b->map_pc = -1;
            if (item < 0)
                return;
        } else {
            int32_t data = emit(b, IR_ADATA, TY_PTR, arr, -1, -1);
            item = emit(b, IR_ALOAD, elem_type(tc == 'Y' ? 'B' : tc), data, i, -1);
            b->ir->ins[item].aux = elem_aux(tc);
        }
        write_var(b, base, b->cur, emit(b, IR_ADD, TY_INT, i, ir_const_int(b->ir, b->cur, 1), -1));
    }
    push(b, item);
}

/* ---- one block ------------------------------------------------------------------------- */

static void end_block_stack(Builder *b)
{
    for (uint32_t i = 0; i < b->sp; i++)
        write_var(b, b->stack_base + i, b->cur, b->stack[i]);
}

static void link(Builder *b, uint32_t target_pc)
{
    int32_t t = b->block_of[target_pc];
    ir_add_edge(b->ir, b->cur, t);
    b->filled_preds[t]++;
}

static bool build_block_ops(Builder *b, int32_t blk, uint32_t start, uint32_t end);

static bool build_block(Builder *b, int32_t blk, uint32_t start, uint32_t end)
{
    bool ok = build_block_ops(b, blk, start, end);
    b->snap_ok = false; /* guards made outside an instruction (none yet) get no map */
    return ok;
}

static bool build_block_ops(Builder *b, int32_t blk, uint32_t start, uint32_t end)
{
    Ir *ir = b->ir;
    b->cur = blk;
    b->sp = 0;
    b->pc = start;
    uint32_t depth = (uint32_t)b->entry_depth[blk];
    /* The fall-through of FOR_ITER is the loop body: it gets its item here. */
    bool body = start > 0 && BC_OP(b->insns[start - 1]) == OP_FOR_ITER && b->expect_preds[blk] == 1;
    for (uint32_t i = 0; i < depth - body; i++)
        push(b, read_var(b, b->stack_base + i, blk));
    if (body)
        for_item(b);
    for (uint32_t pc = start; pc < end && !b->failed; pc++) {
        b->pc = pc;
        uint32_t insn = b->insns[pc], arg = BC_ARG(insn);
        unsigned op = BC_OP(insn);
        int32_t x, y, z;
        b->snap_sp = b->sp, b->snap_ok = true, b->map_pc = -1; /* for deopt maps */
        switch (op) {
        case OP_NOP: break;
        case OP_POP_TOP: pop(b); break;
        case OP_DUP_TOP: x = pop(b); push(b, x); push(b, x); break;
        case OP_DUP_TOP_TWO: y = pop(b); x = pop(b); push(b, x); push(b, y); push(b, x); push(b, y); break;
        case OP_ROT_TWO: y = pop(b); x = pop(b); push(b, y); push(b, x); break;
        case OP_ROT_THREE: z = pop(b); y = pop(b); x = pop(b); push(b, z); push(b, x); push(b, y); break;
        case OP_LOAD_CONST: {
            Value k = b->code->consts->items[arg];
            if (k.type == T_INT || k.type == T_BOOL) {
                x = ir_const_int(ir, blk, k.u.i);
                ir->ins[x].type = k.type == T_BOOL ? TY_BOOL : TY_INT;
            } else if (k.type == T_FLOAT)
                x = ir_const_float(ir, blk, k.u.f);
            else if (k.type == T_NONE) {
                x = emit(b, IR_CONST, TY_NONE, -1, -1, -1);
            } else if (k.type == T_STR) { /* held by the code object; compared, passed on (objcall.c) */
                x = ir_const_int(ir, blk, (int32_t)(uintptr_t)k.u.obj);
                ir->ins[x].type = TY_PTR, ir->ins[x].aux = JIT_TC_STR;
            } else if (k.type == T_TUPLE && b->pc + 1 < b->n && BC_OP(b->insns[b->pc + 1]) == OP_CALL_KW)
                break; /* CALL_KW's names: read there (do_call_kw) */
            else if (k.type == T_LONG)
                return refuse(b, "an int constant beyond 32 bits (compiled code has 32-bit ints)");
            else
                return refuse(b, "constant of type %s", type_name(k));
            push(b, x);
            break;
        }
        case OP_LOAD_INT: push(b, ir_const_int(ir, blk, BC_IMM(insn))); break;
        case OP_LOAD_FAST:
            x = read_var(b, arg, blk);
            if (b->failed)
                return false;
            if (x >= 0 && (ir->ins[x].op == IR_UNDEF || ir->ins[x].type == TY_VOID))
                return refuse(b, "local '%s' may be used before it is assigned", local_name(b, arg));
            push(b, x);
            break;
        case OP_STORE_FAST:
            x = pop(b);
            if (arg < 64 && x >= 0 && ty(b, x) == TY_PTR && is_boxed(ir->ins[res(b, x)].aux))
                b->var_cls[arg] = boxed_class(b, x);
            write_var(b, arg, blk, x);
            break;
        case OP_LOAD_GLOBAL: if (!load_global(b, arg)) return false; break;
        case OP_LOAD_ATTR: if (!load_attr(b, arg, false)) return false; break;
        case OP_STORE_ATTR: if (!store_attr(b, arg)) return false; break;
        case OP_LOAD_FREE: if (!load_free(b, arg)) return false; break;
        case OP_STORE_FREE: if (!store_free(b, arg)) return false; break;
        case OP_LOAD_DEREF: case OP_STORE_DEREF: case OP_DELETE_DEREF:
            return refuse(b, "'%s' is not compiled (a variable its closures share: the function that owns the cell "
                             "stays interpreted, its closures compile)", bc_opinfo[op].name);
        case OP_DELETE_FREE:
            return refuse(b, "'del' of a free variable is not compiled");
        case OP_LOAD_METHOD: if (!load_attr(b, arg, true)) return false; break;
        case OP_UNARY_NEG: case OP_UNARY_POS: case OP_UNARY_NOT: case OP_UNARY_INVERT: {
            x = value(b, pop(b), "operand");
            if (x < 0)
                return false;
            IrType t = ty(b, x);
            if (op == OP_UNARY_NOT) {
                int32_t tv = truth(b, x);
                if (tv < 0) return false;
                y = emit(b, IR_CMP, TY_BOOL, tv, ir_const_int(ir, blk, 0), -1);
                ir->ins[y].aux = CC_EQ;
            } else if (t == TY_FLOAT && op != OP_UNARY_INVERT)
                y = op == OP_UNARY_NEG ? emit(b, IR_FNEG, TY_FLOAT, x, -1, -1) : x;
            else if (is_intlike(t)) {
                if (op == OP_UNARY_NEG) {
                    y = emit(b, IR_NEGO, TY_INT, x, -1, -1);
                    witness(b, y, x, -1, -1);
                } else if (op == OP_UNARY_INVERT)
                    y = emit(b, IR_NOT, TY_INT, x, -1, -1);
                else
                    y = t == TY_INT ? x : emit(b, IR_COPY, TY_INT, x, -1, -1);
            } else
                return refuse(b, "unary operator on this type");
            push(b, y);
            break;
        }
        case OP_BINARY_ADD: case OP_BINARY_SUB: case OP_BINARY_MUL: case OP_BINARY_TRUEDIV:
        case OP_BINARY_FLOORDIV: case OP_BINARY_MOD: case OP_BINARY_POW: case OP_BINARY_LSHIFT:
        case OP_BINARY_RSHIFT: case OP_BINARY_AND: case OP_BINARY_OR: case OP_BINARY_XOR:
        case OP_INPLACE_ADD: case OP_INPLACE_MUL:
        case OP_INPLACE_SUB: case OP_INPLACE_AND: case OP_INPLACE_OR: case OP_INPLACE_XOR:
            y = value(b, pop(b), "right operand");
            x = value(b, pop(b), "left operand");
            if (x < 0 || y < 0)
                return false;
            if (is_object(b, x) || is_object(b, y)) /* special methods: the interpreter's (build_call.c) */
                z = object_operator(b, op, x, y, -1);
            else
                z = binary(b, binary_of_inplace(op), x, y);
            if (z < 0)
                return false;
            push(b, z);
            break;
        case OP_COMPARE_LT: case OP_COMPARE_LE: case OP_COMPARE_EQ: case OP_COMPARE_NE:
        case OP_COMPARE_GT: case OP_COMPARE_GE:
            y = value(b, pop(b), "right operand");
            x = value(b, pop(b), "left operand");
            if (x < 0 || y < 0)
                return false;
            z = is_object(b, x) || is_object(b, y) ? object_operator(b, op, x, y, -1) : compare(b, op, x, y);
            if (z < 0)
                return false;
            push(b, z);
            break;
        case OP_BINARY_SUBSCR: {
            uint8_t tc = 0;
            y = value(b, pop(b), "index");
            x = value(b, pop(b), "subscripted value");
            if (x >= 0 && y >= 0 && is_object(b, x)) { /* __getitem__ (build_call.c) */
                if ((z = object_operator(b, op, x, y, -1)) < 0)
                    return false;
                push(b, z);
                break;
            }
            if (x >= 0 && y >= 0 && ty(b, x) == TY_PTR && is_guarded_list(ir->ins[x].aux)) {
                if ((z = guarded_item(b, x, y)) < 0)
                    return false;
                push(b, z);
                break;
            }
            if (x < 0 || y < 0 || !array_type(b, x, &tc))
                return false;
            if (tc == 'I')
                return refuse(b, "array('I') elements may not fit an int");
            int32_t i = checked_index(b, x, y);
            if (i < 0)
                return false;
            int32_t data = emit(b, IR_ADATA, TY_PTR, x, -1, -1);
            z = emit(b, IR_ALOAD, elem_type(tc), data, i, -1);
            ir->ins[z].aux = elem_aux(tc);
            push(b, z);
            break;
        }
        case OP_STORE_SUBSCR: {
            uint8_t tc = 0;
            y = value(b, pop(b), "index");
            x = value(b, pop(b), "subscripted value");
            z = value(b, pop(b), "stored value");
            if (x >= 0 && y >= 0 && z >= 0 && is_object(b, x)) { /* __setitem__ */
                object_operator(b, op, x, y, z);
                if (b->failed)
                    return false;
                break;
            }
            if (x >= 0 && y >= 0 && z >= 0 && ty(b, x) == TY_PTR && is_guarded_list(ir->ins[x].aux)) {
                if (!guarded_store(b, x, y, z))
                    return false;
                break;
            }
            if (x < 0 || y < 0 || z < 0 || !array_type(b, x, &tc))
                return false;
            IrType vt = ty(b, z);
            if (ir_is_list(tc) && !((tc == 'F' && vt == TY_FLOAT) || (tc == 'N' && vt == TY_INT)))
                return refuse(b, "storing a value of another kind into a %s", tc == 'F' ? "list of floats"
                                                                           : tc == 'N' ? "list of ints"
                                                                                       : "list of lists");
            if (ir_is_list(tc))
                ; /* the same kind as every item: checked above */
            else if (tc == 'f' ? !(vt == TY_FLOAT || is_intlike(vt)) : !is_intlike(vt))
                return refuse(b, "storing a %s in an array('%c')", vt == TY_FLOAT ? "float" : "value",
                              tc == 'Y' ? 'B' : tc);
            int32_t i = checked_index(b, x, y);
            if (i < 0)
                return false;
            int32_t data = emit(b, IR_ADATA, TY_PTR, x, -1, -1);
            int32_t v = tc == 'f' ? to_float(b, z) : z;
            int32_t st = emit(b, IR_ASTORE, TY_VOID, data, i, v);
            ir->ins[st].aux = tc;
            witness(b, st, x, y, z);
            break;
        }
        case OP_BUILD_TUPLE: {
            if (arg > 4)
                return refuse(b, "tuples are compiled only for unpacking (a, b = b, a)");
            Static s = {.kind = S_TUPLE, .n = arg};
            for (int i = (int)arg - 1; i >= 0; i--)
                s.v[i] = pop(b);
            push(b, new_static(b, s));
            break;
        }
        case OP_UNPACK_SEQUENCE: {
            x = pop(b);
            Static *s = static_of(b, x);
            if (!s && x >= 0 && ty(b, x) == TY_PTR && is_boxed(ir->ins[res(b, x)].aux)) {
                if (!unpack_tuple(b, x, arg))
                    return false;
                break;
            }
            if (!s || s->kind != S_TUPLE || s->n != arg)
                return refuse(b, "unpacking of a value that is not a tuple display");
            for (int i = (int)arg - 1; i >= 0; i--)
                push(b, s->v[i]);
            break;
        }
        case OP_CALL: case OP_CALL_METHOD: case OP_CALL_KW:
            if (!(op == OP_CALL_KW ? do_call_kw(b, (int)arg) : do_call(b, (int)arg, op == OP_CALL_METHOD)))
                return false;
            b->nshapes = b->nkeys = 0; /* the callee may deoptimise: the interpreter may change dicts */
            b->late_block = -1;
            break;
        case OP_GET_ITER: if (!get_iter(b)) return false; break;
        case OP_FOR_ITER: {
            int32_t c = -1;
            if (!for_iter(b, &c))
                return false;
            emit(b, IR_BR, TY_VOID, c, -1, -1);
            end_block_stack(b);
            link(b, pc + 1);
            link(b, arg);
            return true;
        }
        case OP_JUMP:
            emit(b, IR_JMP, TY_VOID, -1, -1, -1);
            end_block_stack(b);
            link(b, arg);
            return true;
        case OP_POP_JUMP_IF_FALSE: case OP_POP_JUMP_IF_TRUE:
        case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP: {
            bool keep = op == OP_JUMP_IF_FALSE_OR_POP || op == OP_JUMP_IF_TRUE_OR_POP;
            int32_t v = b->stack[b->sp - 1];
            int32_t c = -1;
            if (IS_STATIC(v))
                return refuse(b, "truth value of a compile-time object");
            if (ty(b, v) == TY_NONE)
                c = ir_const_int(ir, blk, 0);
            else if ((c = truth(b, res(b, v))) < 0)
                return false;
            emit(b, IR_BR, TY_VOID, c, -1, -1);
            end_block_stack(b);
            if (!keep)
                b->sp--;
            bool on_true = op == OP_POP_JUMP_IF_TRUE || op == OP_JUMP_IF_TRUE_OR_POP;
            /* succ[0] is taken when the condition is true */
            if (on_true)
                link(b, arg), link(b, pc + 1);
            else
                link(b, pc + 1), link(b, arg);
            return true;
        }
        case OP_RETURN_VALUE: {
            x = pop(b);
            if ((x = materialize(b, x)) == -1 && b->failed)
                return false;
            if (IS_STATIC(x))
                return refuse(b, "returns a compile-time object");
            if (ty(b, x) == TY_PTR) { /* the items of the tuples it returns, if they agree */
                const JitType *items = NULL;
                uint8_t n = 0;
                for (uint32_t i = 0; i < b->ntuples; i++)
                    if (b->tuples[i].v == res(b, x))
                        items = b->tuples[i].t, n = b->tuples[i].n;
                if (!b->ret_items_set)
                    b->spec->ret_nitems = n, b->ret_items_set = true;
                else if (b->spec->ret_nitems != n)
                    b->spec->ret_nitems = 0;
                if (n && b->spec->ret_nitems == n) {
                    for (uint32_t i = 0; i < n && b->spec->ret_nitems; i++)
                        if (b->ret_items_set && b->spec->ret_items[i].ty && b->spec->ret_items[i].ty != items[i].ty)
                            b->spec->ret_nitems = 0;
                    if (b->spec->ret_nitems)
                        memcpy(b->spec->ret_items, items, n * sizeof *items);
                }
            }
            IrType t = ty(b, x);
            JitType rt = {t, 0, ir->ins[res(b, x)].aux, NULL};
            if (t == TY_PTR) { /* an object: the caller holds it as any object (JIT_TC_BOXED), of the */
                const Class *c = NULL; /* class its returns agree on (a prediction for its methods) */
                uint8_t aux = ir->ins[res(b, x)].aux;
                if (is_boxed(aux))
                    c = boxed_class(b, x);
                else if (is_instance(aux) && aux - INST_AUX < JIT_MAX_PARAMS)
                    c = b->spec->params[aux - INST_AUX].cls;
                else if (is_instance(aux) && b->nested[aux - INST_AUX - JIT_MAX_PARAMS].type == T_INSTANCE)
                    c = AS(Instance, b->nested[aux - INST_AUX - JIT_MAX_PARAMS])->cls;
                b->spec->ret.cls = !ir->ret_known || b->spec->ret.cls == c ? c : NULL;
            }
            if (!ir->ret_known) {
                ir->ret_known = true;
                ir->ret_type = t;
            } else if (ir->ret_type != t) {
                char n1[24], n2[24];
                JitType o = {ir->ret_type, 0, 0, NULL};
                return refuse(b, "returns %s here and %s elsewhere", jit_type_name(rt, n1, sizeof n1),
                              jit_type_name(o, n2, sizeof n2));
            }
            emit(b, IR_RET, TY_VOID, t == TY_NONE ? -1 : res(b, x), -1, -1);
            return true;
        }
        default:
            return refuse(b, "'%s' is not compiled", bc_opinfo[op].name);
        }
    }
    if (b->failed)
        return false;
    /* falls through into the next block */
    emit(b, IR_JMP, TY_VOID, -1, -1, -1);
    end_block_stack(b);
    link(b, end);
    return true;
}

/* ---- the bytecode CFG ------------------------------------------------------------------- */

static bool find_blocks(Builder *b)
{
    uint32_t n = b->n;
    const uint32_t *code = b->insns;
    uint8_t *leader = ir_tmp0(b->ir, n + 1); /* the arena's, released by jit_build */
    if (!leader)
        return refuse(b, "out of memory while compiling");
    leader[0] = 1;
    for (uint32_t pc = 0; pc < n; pc++) {
        unsigned op = BC_OP(code[pc]);
        uint8_t flow = bc_opinfo[op].flow;
        if (op >= OP_GET_LEN && op <= OP_MATCH_CLASS) /* said before a constant of the pattern is refused */
            return refuse(b, "a match statement's sequence, mapping or class pattern is not compiled");
        if (flow == FLOW_JUMP || flow == FLOW_BRANCH)
            leader[BC_ARG(code[pc])] = 1;
        if (flow != FLOW_NEXT && pc + 1 < n)
            leader[pc + 1] = 1;
    }
    for (uint32_t pc = 0; pc < n; pc++) {
        b->block_of[pc] = -1;
        if (leader[pc])
            b->block_of[pc] = ir_new_block(b->ir, pc);
    }
    if (b->ir->oom)
        return refuse(b, "out of memory while compiling");
    /* expected predecessors (reachable ones) and entry stack depths */
    uint32_t nb = b->ir->nblocks;
    uint8_t *reach = ir_tmp0(b->ir, nb + 1);
    uint32_t *work = ir_tmp(b->ir, (nb + 1) * sizeof *work);
    if (!reach || !work)
        return refuse(b, "out of memory while compiling");
    uint32_t sp = 0;
    uint32_t first = (uint32_t)b->block_of[0];
    reach[0] = 1;                       /* the entry block, which jumps to the first */
    reach[first] = 1, work[sp++] = first;
    b->entry_depth[first] = 0;
    b->expect_preds[first] = 1;
    while (sp) {
        uint32_t blk = work[--sp];
        uint32_t pc = b->ir->blocks[blk].bc_start;
        int32_t depth = b->entry_depth[blk];
        for (;; pc++) {
            uint32_t insn = code[pc];
            unsigned op = BC_OP(insn);
            uint8_t flow = bc_opinfo[op].flow;
            uint32_t targets[2];
            int32_t depths[2];
            int nt = 0;
            if (flow == FLOW_JUMP || flow == FLOW_BRANCH) {
                targets[nt] = BC_ARG(insn), depths[nt++] = depth + bc_stack_effect(insn, true);
            }
            if (flow == FLOW_BRANCH || (flow == FLOW_NEXT && pc + 1 < n && b->block_of[pc + 1] >= 0)) {
                targets[nt] = pc + 1, depths[nt++] = depth + bc_stack_effect(insn, false);
            }
            for (int t = 0; t < nt; t++) {
                int32_t tb = b->block_of[targets[t]];
                b->expect_preds[tb]++;
                if (!reach[tb]) {
                    reach[tb] = 1;
                    b->entry_depth[tb] = depths[t];
                    work[sp++] = (uint32_t)tb;
                }
            }
            if (flow != FLOW_NEXT || nt)
                break;
            depth += bc_stack_effect(insn, false);
        }
    }
    for (uint32_t i = 0; i < nb; i++)
        if (!reach[i])
            b->ir->blocks[i].dead = true;
    ir_cfg_changed(b->ir);
    return true;
}

static bool build(JitState *js, JitSpec *spec, Ir *ir, JitResolveFn resolve, bool hoist, bool guard_lists,
                  bool *retry, bool *retry_guarded)
{
    Code *code = spec->fn->code;
    Builder bb, *b = &bb;
    memset(b, 0, sizeof *b);
    b->js = js, b->spec = spec, b->ir = ir, b->code = code, b->resolve = resolve;
    b->memo_block = -1, b->hoist = hoist;
    b->roots_base = b->roots_n = -1;
    b->late_block = -1;
    spec->ret.cls = NULL; /* (RETURN_VALUE: the class of the objects returned, */
    spec->ret_nitems = 0; /* and the items of the tuples) */
    memset(spec->ret_items, 0, sizeof spec->ret_items);
    for (uint32_t i = 0; i < INST_SLOTS; i++)
        b->param_val[i] = -1;
    b->insns = code->insns, b->n = code->ninsns;
    b->why = &spec->why;
    /* what the passes grow a function to: at most 3n + 64 values for all but
     * 3 of 10507 functions of the tests and genprog programs (they double it
     * once); malloc clears the whole block, so a generous guess costs. With
     * PIE a function taking int8 or int16 arrays (the vectorisers' kernels)
     * grows to 10-15n (fc 547 values for 36 bytecode instructions, mm_bt
     * 624 for 51, conv3x3 1116 for 106): two doublings from 3n + 64 */
    bool lanes = false;
    for (uint32_t i = 0; i < spec->nparams; i++)
        lanes |= spec->params[i].ty == TY_PTR && (spec->params[i].tc == 'b' || spec->params[i].tc == 'h');
    ir_init(ir, (js->cfg.pie && lanes ? 16 : 3) * code->ninsns + 64);
    ir->nparams = code->nparams;
    if (code->src->nexc)
        return refuse(b, "try/except and with blocks are not compiled");
    if (code->ninsns && BC_OP(code->insns[0]) == OP_RETURN_GENERATOR)
        return refuse(b, "generator functions are not compiled (the interpreter runs them)");
    if (code->flags)
        return refuse(b, "keyword-only, *args and **kwargs parameters are not compiled");
    size_t n = b->n + 1;
    IrTmpMark m = ir_tmp_mark(ir);
    b->block_of = ir_tmp(ir, n * sizeof *b->block_of);
    b->expect_preds = ir_tmp0(ir, n * sizeof *b->expect_preds);
    b->filled_preds = ir_tmp0(ir, n * sizeof *b->filled_preds);
    b->entry_depth = ir_tmp0(ir, n * sizeof *b->entry_depth);
    bool ok = false;
    if (!b->block_of || !b->expect_preds || !b->filled_preds || !b->entry_depth) {
        refuse(b, "out of memory while compiling");
        goto out;
    }
    /* Block 0 defines the parameters and jumps to the code: the code's first
     * block may be a loop header, which needs phis for them. */
    ir_new_block(ir, 0);
    if (!find_blocks(b))
        goto out;
    b->map = -1; /* (bytecode_liveness: at the first map) */
    b->stack_base = code->nlocals;
    b->hidden_base = b->stack_base + code->maxstack;
    b->maxhidden = 3 * 32;
    b->nvars = b->hidden_base + b->maxhidden;
    b->defs = ir_tmp(ir, (size_t)ir->nblocks * b->nvars * sizeof *b->defs);
    if (!b->defs) {
        refuse(b, "out of memory while compiling");
        goto out;
    }
    memset(b->defs, 0xff, (size_t)ir->nblocks * b->nvars * sizeof *b->defs);
    /* parameters: PARAM values in the entry block */
    b->cur = 0;
    for (uint32_t i = 0; i < code->nparams; i++) {
        JitType t = spec->params[i];
        int32_t p = emit(b, IR_PARAM, (IrType)t.ty, -1, -1, -1);
        ir->ins[p].k.i = (int32_t)i;
        ir->ins[p].aux = t.obj == T_BYTEARRAY ? 'Y' : t.tc; /* lists: their kind, 'F' ... */
        if (ir_is_list(t.tc) && guard_lists)
            ir->ins[p].aux = guarded_param_kind(t.tc);
        else if (ir_is_list(t.tc))
            b->trusted_list_params = true;
        if (t.tc == JIT_TC_INSTANCE)
            ir->ins[p].aux = (uint8_t)(INST_AUX + i);
        b->param_val[i] = p;
        write_var(b, i, 0, p);
    }
    emit(b, IR_JMP, TY_VOID, -1, -1, -1);
    link(b, 0);
    ir->blocks[0].sealed = ir->blocks[0].filled = true;
    for (uint32_t blk = 1; blk < ir->nblocks && !b->failed; blk++) {
        IrBlock *bl = &ir->blocks[blk];
        if (bl->dead)
            continue;
        uint32_t start = bl->bc_start, end = blk + 1 < ir->nblocks ? ir->blocks[blk + 1].bc_start : b->n;
        if (b->filled_preds[blk] == b->expect_preds[blk])
            seal(b, (int32_t)blk);
        if (!ensure_forward(b))
            break;
        build_block(b, (int32_t)blk, start, end);
        bl = &ir->blocks[blk];
        bl->filled = true;
        for (uint32_t s = 0; s < bl->nsucc; s++) {
            int32_t t = bl->succ[s];
            if (ir->blocks[t].filled && b->filled_preds[t] == b->expect_preds[t])
                seal(b, t);
        }
        if (ir->oom && ir->preds_full)
            refuse(b, "a point of the code is reached from more than %d places (break, continue, if)",
                   IR_MAX_PREDS);
        else if (ir->oom)
            refuse(b, "out of memory while compiling");
    }
    for (uint32_t blk = 0; blk < ir->nblocks && !b->failed; blk++)
        if (!ir->blocks[blk].dead && !ir->blocks[blk].sealed)
            seal(b, (int32_t)blk);
    if (b->failed)
        goto out;
    /* resolve forwarded values in every operand */
    for (uint32_t v = 0; v < ir->nins; v++) {
        IrIns *in = &ir->ins[v];
        if (in->a >= 0) in->a = res(b, in->a);
        if (in->b >= 0) in->b = res(b, in->b);
        if (in->c >= 0) in->c = res(b, in->c);
        for (int i = 0; i < in->nw; i++)
            in->w[i] = res(b, in->w[i]);
    }
    /* (deopt maps are in the lists: resolved below) */
    for (uint32_t i = 0; i < ir->nlists; i++)
        ir->lists[i] = ir->lists[i] >= 0 ? res(b, ir->lists[i]) : ir->lists[i];
    if (!ir->ret_known)
        ir->ret_type = TY_NONE; /* never returns normally: it raises */
    finish_roots(b);
    ok = true;
out:
    ir_tmp_release(ir, m);
    free(b->forward), free(b->incomplete), free(b->assumed), free(b->var_of_phi);
    *retry = !ok && b->retry_plain;
    *retry_guarded = !ok && b->retry_guarded;
    return ok;
}

bool jit_build(JitState *js, JitSpec *spec, Ir *ir, JitResolveFn resolve)
{
    bool hoist = true, guard_lists = false;
    for (;;) {
        bool retry = false, retry_guarded = false;
        if (build(js, spec, ir, resolve, hoist, guard_lists, &retry, &retry_guarded))
            return true;
        if (retry_guarded && !guard_lists)
            guard_lists = true; /* it calls a function or stores into a list: list arguments guarded */
        else if (retry && hoist)
            hoist = false; /* it calls a Python function: every attribute check where it reads */
        else
            return false;
        ir_free(ir);
        memset(&spec->why, 0, sizeof spec->why);
    }
}
