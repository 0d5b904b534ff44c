/*
 * build_roots.c - bytecode to typed SSA: what a guard or a call leaves for
 * the interpreter and the collector. Deopt maps describe the interpreter's
 * frame at a guard or after a call; root slots hold the objects compiled
 * code keeps across a call (build_int.h lists the builder's files).
 */
#include "jit/build_int.h"

/* ---- deopt maps ------------------------------------------------------------------------ */

/* The locals live before each instruction (read on some path before being
 * written): a deopt map describes only those; a dead one is left unbound,
 * so compiled code need not keep its value. Per bytecode block (the IR's
 * blocks from find_blocks, in pc order) to a fixed point; live_at walks
 * back from a block's end to the instruction asked for. */
static void bytecode_liveness(Builder *b)
{
    Ir *ir = b->ir;
    uint32_t w = (b->code->nlocals + 31) / 32, nb = ir->nblocks;
    b->live_done = true;
    b->live_words = w;
    const P4bModule *m = b->code->program->p4b;
    for (uint32_t pc = 0; pc < b->n; pc++) /* super() reads local 0 (class.c super_new) */
        if (BC_OP(b->insns[pc]) == OP_LOAD_GLOBAL &&
            strcmp((const char *)m->strings[m->globals[BC_ARG(b->insns[pc])]].bytes, "super") == 0)
            b->keeps_self = true;
    b->live = ir_tmp0(ir, ((size_t)nb * 4 + 1) * w * sizeof *b->live + sizeof *b->live);
    if (!b->live)
        return;
    uint32_t *in = b->live, *out = in + (size_t)nb * w, *gen = out + (size_t)nb * w, *kill = gen + (size_t)nb * w;
    for (uint32_t blk = 1; blk < nb; blk++) {
        uint32_t start = ir->blocks[blk].bc_start, end = blk + 1 < nb ? ir->blocks[blk + 1].bc_start : b->n;
        for (uint32_t pc = end; pc-- > start;) {
            uint32_t insn = b->insns[pc], arg = BC_ARG(insn);
            unsigned op = BC_OP(insn);
            if ((op == OP_STORE_FAST || op == OP_LOAD_FAST) && arg < b->code->nlocals) {
                uint32_t bit = 1u << (arg & 31), *g = &gen[(size_t)blk * w + (arg >> 5)];
                if (op == OP_LOAD_FAST)
                    *g |= bit;
                else
                    *g &= ~bit, kill[(size_t)blk * w + (arg >> 5)] |= bit;
            }
        }
    }
    for (bool changed = w > 0; changed;) {
        changed = false;
        for (uint32_t blk = nb; blk-- > 1;) {
            if (ir->blocks[blk].dead)
                continue;
            uint32_t end = blk + 1 < nb ? ir->blocks[blk + 1].bc_start : b->n;
            uint32_t last = b->insns[end - 1], flow = bc_opinfo[BC_OP(last)].flow;
            int32_t succ[2] = {-1, -1};
            if ((flow == FLOW_JUMP || flow == FLOW_BRANCH) && BC_ARG(last) < b->n)
                succ[0] = b->block_of[BC_ARG(last)];
            if ((flow == FLOW_NEXT || flow == FLOW_BRANCH) && end < b->n)
                succ[1] = b->block_of[end];
            for (uint32_t i = 0; i < w; i++) {
                uint32_t o = 0;
                for (int k = 0; k < 2; k++)
                    if (succ[k] > 0)
                        o |= in[(size_t)succ[k] * w + i];
                uint32_t li = gen[(size_t)blk * w + i] | (o & ~kill[(size_t)blk * w + i]);
                out[(size_t)blk * w + i] = o;
                if (li != in[(size_t)blk * w + i])
                    in[(size_t)blk * w + i] = li, changed = true;
            }
        }
    }
}

/* The locals live before instruction pc (b->live's rows: in, out, gen, kill per block, then a spare row). */
static const uint32_t *live_at(Builder *b, uint32_t pc)
{
    Ir *ir = b->ir;
    uint32_t w = b->live_words, nb = ir->nblocks, p = pc;
    uint32_t *row = b->live + (size_t)nb * 4 * w;
    while (p > 0 && b->block_of[p] < 0)
        p--;
    int32_t blk = b->block_of[p];
    uint32_t end = blk + 1 < (int32_t)nb ? ir->blocks[blk + 1].bc_start : b->n;
    memcpy(row, b->live + (size_t)nb * w + (size_t)blk * w, w * sizeof *row);
    for (uint32_t q = end; q-- > pc;) {
        uint32_t insn = b->insns[q], arg = BC_ARG(insn);
        unsigned op = BC_OP(insn);
        if ((op == OP_STORE_FAST || op == OP_LOAD_FAST) && arg < b->code->nlocals)
            row[arg >> 5] = op == OP_LOAD_FAST ? row[arg >> 5] | 1u << (arg & 31) : row[arg >> 5] & ~(1u << (arg & 31));
    }
    if (b->keeps_self && w)
        row[0] |= 1;
    return row;
}

/* A deopt map being made: its values and its tags (jit_int.h). */
#define MAP_MAX 256
typedef struct MapBuf {
    int32_t vals[MAP_MAX], tags[MAP_MAX];
    uint32_t nv, nt;
} MapBuf;

static bool map_tag(MapBuf *m, unsigned kind, uint32_t extra)
{
    if (kind == DM_UNBOUND && m->nt && dm_kind(m->tags[m->nt - 1]) == DM_UNBOUND) {
        m->tags[m->nt - 1] = DM_TAG(DM_UNBOUND, dm_extra(m->tags[m->nt - 1]) + 1); /* a run */
        return true;
    }
    if (m->nt == MAP_MAX)
        return false;
    m->tags[m->nt++] = DM_TAG(kind, kind == DM_UNBOUND ? 1 : extra);
    return true;
}

/* Appends one slot of the frame (x: a value, a static or -1) to the map;
 * false when the slot cannot be described (a range not yet iterated, a
 * tuple being built). Iterators' variables are read in b->cur. */
static bool map_slot(Builder *b, MapBuf *m, int32_t x)
{
    Ir *ir = b->ir;
    int32_t v[3];
    uint32_t n = 0, extra = 0;
    unsigned kind;
    Static *s = static_of(b, x);
    if (s) {
        uint32_t base = (uint32_t)s->v[0];
        switch (s->kind) {
        case S_OBJ: {
            int32_t i = jit_add_dobj(b->js, s->obj);
            if (i < 0)
                return false;
            kind = DM_OBJ, extra = (uint32_t)i;
            break;
        }
        case S_METHOD_SELF_NONE: kind = DM_NOSELF; break;
        case S_ITER_RANGE: case S_ITER_ARRAY:
            kind = s->kind == S_ITER_RANGE ? DM_RANGE_IT : DM_ARRAY_IT, n = 2;
            v[0] = read_var(b, base, b->cur), v[1] = read_var(b, base + 1, b->cur);
            break;
        case S_ITER_COUNTED:
            kind = DM_COUNTED_IT, n = 3;
            for (uint32_t i = 0; i < 3; i++)
                v[i] = read_var(b, base + i, b->cur);
            break;
        default:
            return false;
        }
    } else {
        x = res(b, x);
        if (x < 0)
            return false;
        const IrIns *in = &ir->ins[x];
        static const int8_t kinds[TY__COUNT] = {[TY_VOID] = -1, [TY_INT] = DM_INT, [TY_BOOL] = DM_BOOL,
                                                [TY_FLOAT] = DM_FLOAT, [TY_NONE] = DM_NONE, [TY_PTR] = DM_PTR};
        if (in->op == IR_UNDEF)
            kind = DM_UNBOUND;
        else if (in->type == TY_NONE)
            kind = DM_NONE;
        else if (kinds[in->type] < 0)
            return false;
        else
            kind = (unsigned)kinds[in->type], v[0] = x, n = 1;
    }
    if (kind == DM_RANGE_IT || kind == DM_COUNTED_IT || kind == DM_ARRAY_IT) {
        /* in a loop body the next value is for_item's `item + step`: the
         * map takes the item instead (extra 1), which the loop keeps
         * anyway, so the step can still move to the end of the iteration
         * (sr.c) instead of both living through the body */
        const IrIns *nx = &ir->ins[res(b, v[0])];
        if (nx->op == IR_ADD && nx->b >= 0 && (kind == DM_COUNTED_IT ? res(b, nx->b) == res(b, v[2])
                                                                   : ir->ins[nx->b].op == IR_CONST && ir->ins[nx->b].k.i == 1)) {
            const IrIns *left = kind == DM_COUNTED_IT ? &ir->ins[res(b, v[1])] : NULL;
            if (!left || (left->op == IR_SUB && left->b >= 0 && ir->ins[left->b].op == IR_CONST && ir->ins[left->b].k.i == 1)) {
                v[0] = nx->a, extra = 1;
                if (left)
                    v[1] = left->a;
            }
        }
    }
    if (m->nv + n > MAP_MAX)
        return false;
    for (uint32_t i = 0; i < n; i++) {
        int32_t r = res(b, v[i]);
        if (r < 0 || b->failed)
            return false;
        m->vals[m->nv++] = r;
    }
    return map_tag(m, kind, extra);
}

/* The frame at pc: the locals live there (read in block blk), then depth
 * stack slots (stack: the builder's stack, or NULL: the stack variables at
 * the end of blk). */
static bool map_frame(Builder *b, MapBuf *m, uint32_t pc, int32_t blk, const int32_t *stack, uint32_t depth)
{
    uint32_t nl = b->code->nlocals;
    uint32_t live[16]; /* a copy: reading a variable may make another map (type_change_exit) */
    if (b->live_words > 16)
        return false;
    memcpy(live, live_at(b, pc), b->live_words * sizeof *live);
    int32_t save = b->cur;
    b->cur = blk; /* map_slot reads iterators' variables there */
    bool ok = true;
    for (uint32_t l = 0; l < nl + depth && ok && !b->ir->oom; l++) {
        if (l < nl && !(live[l >> 5] >> (l & 31) & 1))
            ok = map_tag(m, DM_UNBOUND, 1);
        else
            ok = map_slot(b, m, l < nl ? read_var(b, l, blk)
                                : stack ? stack[l - nl] : read_var(b, b->stack_base + (l - nl), blk));
    }
    b->cur = save;
    return ok && !b->ir->oom;
}

/* ---- what the collector sees: root slots ---------------------------------------------- */

/* Objects compiled code holds that no one else may: results of calls
 * (into the interpreter, of compiled functions returning objects), and
 * instances and strs read from attributes (the interpreter, running for a
 * call, may store over the attribute). Parameters are held by the caller,
 * constants by the code. */
static bool needs_root(const Builder *b, int32_t v)
{
    const IrIns *in = &b->ir->ins[v];
    if (in->type != TY_PTR || in->op == IR_PARAM || in->op == IR_CONST)
        return false;
    if (in->op == IR_PHI) /* (a phi of an instance may get an object made later: add_phi_operands) */
        return is_instance(in->aux) || is_boxed(in->aux) || in->aux == JIT_TC_STR;
    return is_boxed(in->aux) || in->aux == JIT_TC_STR || (is_instance(in->aux) && in->aux - INST_AUX >= JIT_MAX_PARAMS);
}

/* A value that needs a root is made: refused if a call was built where the
 * values live across it were not known (it could be one of them). */
bool made_object(Builder *b)
{
    b->holds_objects = true;
    if (b->call_undescribed)
        return refuse(b, "holds an object across a call where the values live are not known");
    return true;
}

/* The root slots, made at the entry (their count set at the end of the
 * build, jit_build). */
static int32_t roots_base(Builder *b)
{
    if (b->roots_base < 0) {
        b->roots_n = entry_const(b, 0);
        b->roots_base = at_entry(b, IR_CALLRT, TY_PTR, b->roots_n, -1, -1);
        b->ir->ins[b->roots_base].aux = H_ROOTS;
    }
    return b->roots_base;
}

/* Before a call (or an allocation), where the collector may run: every
 * object the function still uses after it (the locals live after it and
 * the stack below its arguments, as its deopt map describes them) and the
 * objects passed to a compiled callee (whose parameters the caller holds)
 * are stored into the root slots, as Values (the type word read from the
 * object's header). Objects do not move, so the registers stay valid. */
bool root_live(Builder *b, const int32_t *args, int nargs)
{
    if (BC_OP(b->insns[b->pc]) == OP_RETURN_VALUE) /* (materialize): nothing is used after it */
        return true;
    if (!b->holds_objects) {
        if (!b->live_done)
            bytecode_liveness(b);
        /* later objects can still be live here through a loop: known then */
        if (!b->live || b->pc + 1 >= b->n)
            b->call_undescribed = true;
        return true;
    }
    if (!b->live_done)
        bytecode_liveness(b);
    MapBuf m;
    m.nv = m.nt = 0;
    if (!b->live || b->pc + 1 >= b->n || !map_frame(b, &m, b->pc + 1, b->cur, b->stack, b->sp))
        return refuse(b, "holds objects across a call where the values live are not known");
    int32_t keep[32];
    uint32_t n = 0;
    for (uint32_t i = 0; i < m.nv + (uint32_t)nargs; i++) {
        int32_t v = i < m.nv ? m.vals[i] : res(b, args[i - m.nv]);
        if (v < 0 || !needs_root(b, v))
            continue;
        bool dup = false;
        for (uint32_t j = 0; j < n && !dup; j++)
            dup = keep[j] == v;
        if (dup)
            continue;
        if (n == sizeof keep / sizeof keep[0])
            return refuse(b, "holds more than %u objects across a call", (unsigned)n);
        keep[n++] = v;
    }
    if (n == 0)
        return true;
    int32_t base = roots_base(b);
    for (uint32_t j = 0; j < n; j++) {
        int32_t type = emit(b, IR_ALOAD, TY_INT, keep[j], ir_const_int(b->ir, b->cur, 4), -1);
        b->ir->ins[type].aux = 'B'; /* Obj.type: the byte after Obj.gc */
        int32_t st = emit(b, IR_ASTORE, TY_VOID, base, ir_const_int(b->ir, b->cur, (int32_t)(2 * j)), type);
        b->ir->ins[st].aux = JIT_TC_WORD;
        st = emit(b, IR_ASTORE, TY_VOID, base, ir_const_int(b->ir, b->cur, (int32_t)(2 * j + 1)), keep[j]);
        b->ir->ins[st].aux = JIT_TC_WORD;
    }
    if (n > b->nroots)
        b->nroots = n;
    return true;
}

/* At the end of the build: the root slots' count, and each return pops them. */
void finish_roots(Builder *b)
{
    if (b->roots_base < 0)
        return;
    Ir *ir = b->ir;
    ir->ins[b->roots_n].k.i = (int32_t)b->nroots;
    ir->nroots = b->nroots;
    uint32_t nblocks = ir->nblocks;
    for (uint32_t k = 0; k < nblocks; k++) {
        IrBlock *bl = &ir->blocks[k];
        if (bl->dead || bl->nins == 0 || ir->ins[bl->ins[bl->nins - 1]].op != IR_RET)
            continue;
        int32_t u = ir_add(ir, -1, IR_CALLRT, TY_INT, b->roots_base, -1, -1);
        ir->ins[u].aux = H_UNROOT;
        ir->ins[u].pc = ir->ins[bl->ins[bl->nins - 1]].pc;
        ir_move_ins(ir, u, (int32_t)k);
    }
}

/* The map into Ir.lists; its index, or -1. */
static int32_t map_store(Ir *ir, const MapBuf *m)
{
    int32_t at = ir_list_alloc(ir, m->nv + 1 + m->nt);
    if (ir->oom)
        return -1;
    memcpy(&ir->lists[at], m->vals, m->nv * sizeof *m->vals);
    ir->lists[at + (int32_t)m->nv] = (int32_t)m->nt;
    memcpy(&ir->lists[at + (int32_t)m->nv + 1], m->tags, m->nt * sizeof *m->tags);
    return at;
}

/* The deopt map of guard v: the interpreter's frame before b->pc, the
 * live locals then the stack (docs/jit.md, "Deoptimisation"). The guards
 * of one instruction share it. No map (the guard then raises, as before)
 * when a slot cannot be described. */
void attach_deopt_map(Builder *b, int32_t v)
{
    Ir *ir = b->ir;
    if (!b->live_done)
        bytecode_liveness(b);
    if (!b->live || b->failed || b->sp > b->snap_sp) /* (a push would have overwritten the stack) */
        return;
    if (b->map_pc != (int32_t)b->pc) {
        MapBuf m;
        m.nv = m.nt = 0;
        b->map_pc = (int32_t)b->pc, b->map = -1;
        if (map_frame(b, &m, b->pc, b->cur, b->stack, b->snap_sp))
            b->map = map_store(ir, &m), b->nmap = (uint16_t)m.nv;
    }
    if (b->map >= 0)
        ir->ins[v].dm = b->map, ir->ins[v].ndm = b->nmap;
}

/* A path that brings a number of another type into a merge (a variable
 * int on one path and float on another: Python allows it, a phi has one
 * machine type): the merge keeps the type of its first path, and this one
 * ends in a guard that always fails, deoptimising with the frame as it is
 * at the merge's first instruction. Only for a predecessor with no other
 * successor; false when the frame cannot be described (then refused). */
bool type_change_exit(Builder *b, int32_t pred, int32_t block, bool to_float)
{
    Ir *ir = b->ir;
    for (uint32_t i = 0; i < b->ntype_edges; i++)
        if (b->type_edges[i][0] == pred && b->type_edges[i][1] == block)
            return true;
    if (!b->live_done)
        bytecode_liveness(b);
    if (!b->live || b->failed || pred <= 0 || ir->blocks[pred].nsucc != 1 || !ir->blocks[pred].filled ||
        b->ntype_edges == 64)
        return false;
    uint32_t pc = ir->blocks[block].bc_start;
    b->type_edges[b->ntype_edges][0] = pred, b->type_edges[b->ntype_edges++][1] = block;
    MapBuf m;
    m.nv = m.nt = 0;
    int32_t at;
    if (!map_frame(b, &m, pc, pred, NULL, (uint32_t)b->entry_depth[block]) || (at = map_store(ir, &m)) < 0) {
        b->ntype_edges--;
        return false;
    }
    int32_t one = ir_add(ir, -1, IR_CONST, TY_INT, -1, -1, -1);
    int32_t chk = ir_add(ir, -1, IR_CHECK, TY_VOID, one, -1, -1);
    if (ir->oom || !ensure_forward(b))
        return false;
    ir->ins[one].k.i = 1;
    ir->ins[chk].pc = ir->ins[one].pc = pc;
    /* a type change, for --jit-report: 3 when the merge is int and this
     * path brings a float (recompiling may widen the merge, jit.c) */
    ir->ins[chk].aux = to_float ? 3 : 1;
    ir->ins[chk].dm = at, ir->ins[chk].ndm = (uint16_t)m.nv;
    ir_move_ins(ir, one, pred);
    ir_move_ins(ir, chk, pred);
    return !ir->oom;
}

/* A call's map: the frame after it (pc + 1), its result on the stack
 * (with_result; a store through __setitem__ leaves none). The callee may
 * deoptimise and its interpreted rest return a value of another type than
 * it returns compiled (a float where int was specialised, a long int), or
 * Python code it runs may assign a global compiled code has built in
 * (jit.c drop_pending): then this caller leaves for the interpreter too,
 * with that value. Every call gets one, its result used or not: a call
 * whose frame cannot be described refuses the function. The stack is
 * already without the function and its arguments here. */
bool attach_call_map(Builder *b, int32_t v, bool with_result)
{
    if (!b->live_done)
        bytecode_liveness(b);
    if (b->failed)
        return false;
    MapBuf m;
    m.nv = m.nt = 0;
    int32_t at;
    if (b->live && b->pc + 1 < b->n && map_frame(b, &m, b->pc + 1, b->cur, b->stack, b->sp) &&
        (!with_result || map_tag(&m, DM_RESULT, 0)) && (at = map_store(b->ir, &m)) >= 0) {
        b->ir->ins[v].dm = at, b->ir->ins[v].ndm = (uint16_t)m.nv;
        return true;
    }
    return refuse(b, "a call where the frame cannot be described (compiled code could not leave after it)");
}

/* A guard at the function's entry (entries_at_entry): a deopt there runs
 * the whole call in the interpreter, from pc 0 with the arguments. */
bool entry_guard(Builder *b, int32_t flag)
{
    if (!b->live_done)
        bytecode_liveness(b);
    MapBuf m;
    m.nv = m.nt = 0;
    int32_t at = -1;
    if (!b->live || b->failed || !map_frame(b, &m, 0, 0, NULL, 0) || (at = map_store(b->ir, &m)) < 0)
        return refuse(b, "a guard at the entry cannot deoptimise");
    int32_t c = at_entry(b, IR_CHECK, TY_VOID, flag, -1, -1);
    b->ir->ins[c].aux = 2; /* an attribute guard (emit.c) */
    b->ir->ins[c].dm = at, b->ir->ins[c].ndm = (uint16_t)m.nv;
    b->hoisted = true;
    return !b->ir->oom && !b->failed;
}
