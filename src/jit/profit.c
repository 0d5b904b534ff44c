/*
 * profit.c - -X jit=auto: will a function with a loop repay compiling it at
 * this call? (docs/jit.md, "Policy"). Without on-stack replacement a loop is
 * compiled at its function's entry or never, so numeric kernels are compiled
 * at their first call. A loop that makes objects of a user class gains
 * little a trip (compiled code makes them through the interpreter) and
 * costs its callees' compiles: such a function is compiled only once the
 * iterations its loops were estimated to run, this call's included, reach
 * JIT_CALLING_LOOP_ITERS.
 *
 * The estimate reads the bytecode: a `for` over range(a), range(a, b),
 * len(p) or a parameter p, with a and b int constants, int parameters or
 * len() of a parameter, runs that many times at entry; nested loops
 * multiply. Any other loop (a while, range of a local) is not estimated,
 * and the function is compiled at its first call as before.
 */
#include <string.h>

#include "jit/jit_int.h"
#include "vm/bytecode.h"
#include "vm/class.h"

#define UNKNOWN UINT32_MAX

/* One operand of a range(): an int constant, a parameter, len(parameter). */
typedef struct Operand {
    enum { OPD_NONE, OPD_CONST, OPD_PARAM, OPD_LEN } kind;
    int32_t k; /* the constant or the parameter's index */
} Operand;

static int32_t operand_value(Operand o, const Value *args, int nargs, bool *known)
{
    if (o.kind == OPD_CONST)
        return o.k;
    if (o.k >= nargs) {
        *known = false;
        return 0;
    }
    Value v = args[o.k];
    if (o.kind == OPD_PARAM && (v.type == T_INT || v.type == T_BOOL))
        return v.u.i;
    if (o.kind == OPD_LEN) {
        switch ((Type)v.type) {
        case T_LIST: return (int32_t)AS(List, v)->len;
        case T_TUPLE: return (int32_t)AS(Tuple, v)->len;
        case T_ARRAY: case T_BYTEARRAY: return (int32_t)AS(Array, v)->len;
        default: break;
        }
    }
    *known = false;
    return 0;
}

static const Value *global_at(const Code *c, uint32_t slot)
{
    const Program *p = c->program;
    if (!p || slot >= p->nglobals)
        return NULL;
    return p->globals[slot].type != T_UNBOUND ? &p->globals[slot] : &p->builtin_of_global[slot];
}

static bool is_native_named(const Code *c, uint32_t insn, const char *name)
{
    if (BC_OP(insn) != OP_LOAD_GLOBAL)
        return false;
    const Value *v = global_at(c, BC_ARG(insn));
    if (v && v->type == T_TYPE && AS(TypeObj, *v)->ctor && !type_is_user(AS(TypeObj, *v)))
        return strcmp(AS(TypeObj, *v)->ctor->name, name) == 0; /* range is a class */
    return v && v->type == T_NATIVE && strcmp(AS(Native, *v)->name, name) == 0;
}

/* The operand bytecode at [*pc] ends, walking back: LOAD_INT, an int
 * LOAD_CONST, a parameter's LOAD_FAST, or LOAD_GLOBAL len, LOAD_FAST p,
 * CALL 1. Moves *pc before it. */
static Operand operand_before(const Code *c, int32_t *pc)
{
    Operand o = {OPD_NONE, 0};
    if (*pc < 0)
        return o;
    uint32_t insn = c->insns[*pc];
    unsigned op = BC_OP(insn);
    if (op == OP_LOAD_INT)
        o.kind = OPD_CONST, o.k = BC_IMM(insn), (*pc)--;
    else if (op == OP_LOAD_CONST && c->consts->items[BC_ARG(insn)].type == T_INT)
        o.kind = OPD_CONST, o.k = c->consts->items[BC_ARG(insn)].u.i, (*pc)--;
    else if (op == OP_LOAD_FAST && BC_ARG(insn) < c->nparams)
        o.kind = OPD_PARAM, o.k = (int32_t)BC_ARG(insn), (*pc)--;
    else if (op == OP_CALL && BC_ARG(insn) == 1 && *pc >= 2 && BC_OP(c->insns[*pc - 1]) == OP_LOAD_FAST &&
             BC_ARG(c->insns[*pc - 1]) < c->nparams && is_native_named(c, c->insns[*pc - 2], "len"))
        o.kind = OPD_LEN, o.k = (int32_t)BC_ARG(c->insns[*pc - 1]), *pc -= 3;
    return o;
}

/* The trips of the for loop whose FOR_ITER is at pc, at entry with args,
 * or UNKNOWN. */
static uint32_t for_trips(const Code *c, uint32_t pc, const Value *args, int nargs)
{
    if (pc < 2 || BC_OP(c->insns[pc - 1]) != OP_GET_ITER)
        return UNKNOWN;
    int32_t at = (int32_t)pc - 2;
    bool known = true;
    int32_t lo = 0, hi;
    if (BC_OP(c->insns[at]) == OP_LOAD_FAST) { /* for v in p: len(p) */
        Operand o = operand_before(c, &at);
        if (o.kind != OPD_PARAM)
            return UNKNOWN;
        o.kind = OPD_LEN;
        hi = operand_value(o, args, nargs, &known);
    } else {
        uint32_t call = c->insns[at--];
        if (BC_OP(call) != OP_CALL || BC_ARG(call) < 1 || BC_ARG(call) > 2)
            return UNKNOWN;
        Operand b = operand_before(c, &at), a = {OPD_NONE, 0};
        if (BC_ARG(call) == 2)
            a = operand_before(c, &at);
        if (b.kind == OPD_NONE || (BC_ARG(call) == 2 && a.kind == OPD_NONE) || at < 0 ||
            !is_native_named(c, c->insns[at], "range"))
            return UNKNOWN;
        hi = operand_value(b, args, nargs, &known);
        if (a.kind != OPD_NONE)
            lo = operand_value(a, args, nargs, &known);
    }
    if (!known)
        return UNKNOWN;
    return hi > lo ? (uint32_t)hi - (uint32_t)lo : 0;
}

/* Does the bytecode [from, to) make objects of a user class? Compiled code
 * makes them through the interpreter (the class called with its arguments
 * boxed, __init__ run by the interpreter): bench/jitobj2/sensors.py's loop,
 * a Reading a trip, gained about 700 instructions a trip, where
 * bench/jitobj3/classes.py's loop of method calls alone gained 3,750 cycles
 * (bench/RESULTS.md, "jitperf2"). */
static bool makes_objects(const Code *c, uint32_t from, uint32_t to)
{
    for (uint32_t pc = from; pc < to; pc++) {
        uint32_t insn = c->insns[pc];
        if (BC_OP(insn) == OP_LOAD_GLOBAL) {
            const Value *v = global_at(c, BC_ARG(insn));
            if (v && v->type == T_TYPE && type_is_user(AS(TypeObj, *v)))
                return true;
        }
    }
    return false;
}

enum { MAX_LOOPS = 8 };

uint32_t jit_loop_trips(const Code *c, const Value *args, int nargs, bool *objects)
{
    /* the loops: a backward jump to a FOR_ITER closes a for loop over
     * [target, jump]; to anything else, a while loop (not estimated) */
    struct { uint32_t head, end, trips; } loop[MAX_LOOPS];
    uint32_t n = 0;
    *objects = false;
    for (uint32_t pc = 0; pc < c->ninsns; pc++) {
        uint32_t insn = c->insns[pc];
        if (bc_opinfo[BC_OP(insn)].flow != FLOW_JUMP || BC_ARG(insn) > pc)
            continue;
        uint32_t head = BC_ARG(insn);
        if (BC_OP(c->insns[head]) != OP_FOR_ITER || n == MAX_LOOPS)
            return UNKNOWN;
        bool seen = false;
        for (uint32_t i = 0; i < n; i++) /* (a continue jumps back too) */
            if (loop[i].head == head) {
                loop[i].end = pc > loop[i].end ? pc : loop[i].end;
                seen = true;
            }
        if (!seen) {
            uint32_t t = for_trips(c, head, args, nargs);
            if (t == UNKNOWN)
                return UNKNOWN;
            loop[n].head = head, loop[n].end = pc, loop[n].trips = t, n++;
        }
    }
    uint64_t total = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint64_t runs = loop[i].trips;
        for (uint32_t j = 0; j < n; j++) /* the loops around it */
            if (j != i && loop[j].head < loop[i].head && loop[i].end <= loop[j].end)
                runs *= loop[j].trips;
        total += runs;
        *objects |= makes_objects(c, loop[i].head, loop[i].end);
    }
    return total >= UNKNOWN ? UNKNOWN - 1 : (uint32_t)total;
}

bool jit_loop_repays(JitFunc *f, const Value *args, int nargs)
{
    bool objects;
    uint32_t trips = jit_loop_trips(f->code, args, nargs, &objects);
    if (trips == UNKNOWN || !objects)
        return true;
    f->loop_trips = f->loop_trips + trips < f->loop_trips ? UINT32_MAX : f->loop_trips + trips;
    return f->loop_trips >= JIT_CALLING_LOOP_ITERS;
}
