/*
 * build_call.c - bytecode to typed SSA: calls. Built-ins inline, compiled
 * Python functions called directly, anything else through the interpreter
 * (vmcall.c's stubs); tuples made for a call or a return and unpacked
 * (build_int.h lists the builder's files).
 */
#include "jit/build_int.h"

/* ---- calls ------------------------------------------------------------------------- */

static int32_t call_native(Builder *b, const Native *n, int32_t *args, int nargs)
{
    const char *name = n->name;
    for (int i = 0; i < nargs; i++)
        if (IS_STATIC(args[i]) && !(strcmp(name, "range") == 0))
            return refuse(b, "%s() of a compile-time object", name), -1;
    if (strcmp(name, "range") == 0) {
        if (nargs < 1 || nargs > 3)
            return refuse(b, "range() with %d arguments", nargs), -1;
        Static s = {.kind = S_RANGE};
        s.obj = v_obj((void *)n);
        for (int i = 0; i < nargs; i++) {
            if (IS_STATIC(args[i]) || !is_intlike(ty(b, args[i])))
                return refuse(b, "range() of a non-int"), -1;
        }
        s.v[0] = nargs == 1 ? ir_const_int(b->ir, b->cur, 0) : args[0];
        s.v[1] = nargs == 1 ? args[0] : args[1];
        s.v[2] = nargs == 3 ? args[2] : ir_const_int(b->ir, b->cur, 1);
        return new_static(b, s);
    }
    if (nargs == 1) {
        int32_t x = args[0];
        IrType t = ty(b, x);
        int32_t r = -1;
        if (strcmp(name, "len") == 0 && t == TY_PTR && b->ir->ins[res(b, x)].aux == JIT_TC_STR) {
            int32_t n = emit(b, IR_CALLRT, TY_INT, x, -1, -1);
            b->ir->ins[n].aux = H_STRLEN;
            return n;
        }
        if (strcmp(name, "len") == 0 && t == TY_PTR && !is_instance(b->ir->ins[res(b, x)].aux) &&
            !is_boxed(b->ir->ins[res(b, x)].aux))
            return emit(b, IR_ALEN, TY_INT, x, -1, -1);
        if (strcmp(name, "abs") == 0 && is_intlike(t))
            r = emit(b, IR_ABSO, TY_INT, x, -1, -1);
        else if (strcmp(name, "abs") == 0 && t == TY_FLOAT)
            return emit(b, IR_FABS, TY_FLOAT, x, -1, -1);
        else if (strcmp(name, "int") == 0 && is_intlike(t))
            return t == TY_INT ? x : emit(b, IR_COPY, TY_INT, x, -1, -1);
        else if (strcmp(name, "int") == 0 && t == TY_FLOAT)
            r = emit(b, IR_FTOI, TY_INT, x, -1, -1);
        else if (strcmp(name, "float") == 0 && (is_intlike(t) || t == TY_FLOAT))
            return to_float(b, x);
        else if (strcmp(name, "sqrt") == 0 && (is_intlike(t) || t == TY_FLOAT))
            r = emit(b, IR_FSQRT, TY_FLOAT, to_float(b, x), -1, -1);
        else if ((strcmp(name, "floor") == 0 || strcmp(name, "ceil") == 0) && is_intlike(t))
            return x;
        else if ((strcmp(name, "floor") == 0 || strcmp(name, "ceil") == 0) && t == TY_FLOAT) {
            int32_t f = emit(b, IR_CALLRT, TY_FLOAT, x, -1, -1);
            b->ir->ins[f].aux = name[0] == 'f' ? H_FLOOR : H_CEIL;
            r = emit(b, IR_FTOI, TY_INT, f, -1, -1);
        } else {
            static const struct { const char *name; IrHelper h; } math1[] = {
                {"exp", H_EXP}, {"sin", H_SIN}, {"cos", H_COS}, {"tan", H_TAN}, {"atan", H_ATAN}};
            for (size_t i = 0; i < sizeof math1 / sizeof math1[0]; i++)
                if (strcmp(name, math1[i].name) == 0 && (is_intlike(t) || t == TY_FLOAT)) {
                    int32_t xf = to_float(b, x);
                    if (math1[i].h == H_SIN || math1[i].h == H_COS || math1[i].h == H_TAN) {
                        /* the interpreter's domain: an infinite argument raises */
                        int32_t ax = emit(b, IR_FABS, TY_FLOAT, xf, -1, -1);
                        check_that(b, float_equals(b, ax, INFINITY), x, -1, n);
                    }
                    int32_t f = emit(b, IR_CALLRT, TY_FLOAT, xf, -1, -1);
                    b->ir->ins[f].aux = (uint8_t)math1[i].h;
                    if (math1[i].h == H_EXP) /* as the interpreter: inf from a finite x is an OverflowError */
                        check_that(b, emit(b, IR_XOR, TY_BOOL, float_equals(b, f, INFINITY), float_equals(b, xf, INFINITY), -1),
                                   x, -1, n);
                    return f;
                }
        }
        if (r >= 0) {
            witness(b, r, x, -1, -1);
            if (extra(b, r)) extra(b, r)->native = n;
            return r;
        }
    }
    if (nargs == 2 && (strcmp(name, "min") == 0 || strcmp(name, "max") == 0)) {
        int32_t x = args[0], y = args[1];
        IrType tx = ty(b, x), ty_ = ty(b, y);
        bool mx = name[1] == 'a';
        /* min(x, y) is y if y < x else x; max(x, y) is y if y > x else x:
         * the first of equal (or unordered) arguments wins, as in CPython. */
        if (tx == ty_ && (is_intlike(tx) || tx == TY_FLOAT)) {
            int32_t c = emit(b, tx == TY_FLOAT ? IR_FCMP : IR_CMP, TY_BOOL, y, x, -1);
            b->ir->ins[c].aux = mx ? CC_GT : CC_LT;
            return emit(b, IR_SELECT, tx, c, y, x);
        }
    }
    b->via_interpreter = true; /* do_call: through the interpreter */
    return -1;
}

static int32_t call_function(Builder *b, Function *fn, int32_t *args, int nargs)
{
    Code *c = fn->code;
    int ndef = fn->defaults ? (int)fn->defaults->len : 0;
    if (nargs > c->nparams || nargs < c->nparams - ndef)
        return b->via_interpreter = true, -1; /* the interpreter raises the TypeError */
    if (c->nparams > JIT_MAX_PARAMS)
        return b->via_interpreter = true, -1;
    if (c->flags)
        return b->via_interpreter = true, -1;
    if (!list_params_exposed(b))
        return -1;
    int32_t all[JIT_MAX_PARAMS];
    JitType types[JIT_MAX_PARAMS];
    for (int i = 0; i < c->nparams; i++) {
        int32_t v;
        if (i < nargs)
            v = args[i];
        else {
            Value d = fn->defaults->items[i - (c->nparams - ndef)];
            if (d.type == T_INT || d.type == T_BOOL) {
                v = ir_const_int(b->ir, b->cur, d.u.i);
                b->ir->ins[v].type = d.type == T_BOOL ? TY_BOOL : TY_INT;
            } else if (d.type == T_FLOAT)
                v = ir_const_float(b->ir, b->cur, d.u.f);
            else
                return b->via_interpreter = true, -1;
        }
        if (IS_STATIC(v))
            return refuse(b, "call of %s() with a compile-time object as argument", c->name->data), -1;
        IrIns *in = &b->ir->ins[res(b, v)];
        all[i] = res(b, v);
        types[i].ty = in->type, types[i].tc = in->type == TY_PTR ? in->aux : 0; /* (a compare's aux is its condition) */
        types[i].obj = in->type == TY_PTR ? ptr_obj(in->aux) : 0;
        types[i].cls = NULL;
        if (in->type == TY_PTR && ((is_instance(in->aux) && in->aux - INST_AUX >= JIT_MAX_PARAMS) || is_boxed(in->aux)))
            return b->via_interpreter = true, -1; /* an instance whose class is not checked, any object */
        if (in->type == TY_PTR && is_instance(in->aux)) /* keyed by its class, as from the interpreter */
            types[i].tc = JIT_TC_INSTANCE, types[i].cls = b->spec->params[in->aux - INST_AUX].cls;
        if (in->type == TY_NONE)
            return refuse(b, "call of %s() with None as argument", c->name->data), -1;
    }
    /* the instances passed on keep their examples: the callee's attribute
     * layouts (guarded there like any other) */
    Value example[JIT_MAX_PARAMS];
    bool any_example = false;
    for (int i = 0; i < c->nparams; i++) {
        example[i] = v_unbound();
        uint32_t p = types[i].tc == JIT_TC_INSTANCE ? (uint32_t)(b->ir->ins[all[i]].aux - INST_AUX) : JIT_MAX_PARAMS;
        if (p < JIT_MAX_PARAMS && b->js->example && p < b->js->nexample && b->js->example[p].type == T_INSTANCE)
            example[i] = b->js->example[p], any_example = true;
    }
    b->js->callee_example = any_example ? example : NULL, b->js->ncallee_example = (uint32_t)c->nparams;
    JitSpec *callee = b->resolve(b->js, fn, types, c->nparams);
    b->js->callee_example = NULL, b->js->ncallee_example = 0;
    if (!callee)
        return refuse(b, "out of memory while compiling"), -1;
    /* a callee that calls this function back, is not compiled, or
     * allocates (compiled code allocates only when called from the
     * interpreter): through the interpreter */
    if ((callee->state == SPEC_BUILDING && callee != b->spec) || callee->state == SPEC_REFUSED || callee->allocates)
        return b->via_interpreter = true, -1;
    if (b->hoisted) { /* a dict checked at the entry could change in the call: build again */
        b->retry_plain = true;
        return refuse(b, "calls %s() after checking attributes at the entry", c->name->data), -1;
    }
    b->hoist = false;
    b->makes_calls = true;
    if (!held_across_calls(b))
        return -1;
    JitType rt = callee->ret;
    if (callee->state == SPEC_BUILDING && rt.ty == TY_VOID) {
        /* Recursion before any return was seen: assume int; jit.c builds
         * again if the guess was wrong. */
        rt.ty = TY_INT;
        callee->ret_guessed = true;
    }
    if (!root_live(b, all, c->nparams))
        return -1;
    int32_t r = emit(b, IR_CALL, rt.ty == TY_NONE ? TY_NONE : (IrType)rt.ty, -1, -1, -1);
    if (rt.ty == TY_PTR) { /* an object: only passed on, returned, its methods called */
        b->ir->ins[r].aux = JIT_TC_BOXED;
        if (!made_object(b))
            return -1;
        note_class(b, r, (const Class *)rt.cls);
        note_tuple(b, r, callee->ret_nitems, callee->ret_items);
    }
    if (!attach_call_map(b, r, true))
        return -1;
    b->ir->ins[r].nargs = (uint8_t)c->nparams;
    b->ir->ins[r].list = ir_list_alloc(b->ir, c->nparams);
    for (int i = 0; i < c->nparams; i++)
        b->ir->lists[b->ir->ins[r].list + i] = all[i];
    if (extra(b, r)) extra(b, r)->callee = callee;
    return r;
}

/* ---- calls into the interpreter (vmcall.c) ------------------------------------------ */

static int32_t interp_call(Builder *b, Value callee, int32_t *args, int nargs);

/* Tuples (docs/jit.md, "Objects as values"): a tuple display stays a
 * compile-time list of values while it is only unpacked (a, b = b, a);
 * returned or passed to a call it is made (a call stub that builds it,
 * vmcall.c), and its items' types are remembered for a compiled caller
 * that unpacks it (JitSpec.ret_items). */
void note_tuple(Builder *b, int32_t v, uint32_t n, const JitType *t)
{
    if (n == 0 || n > 4 || b->ntuples == sizeof b->tuples / sizeof b->tuples[0])
        return;
    b->tuples[b->ntuples].v = v, b->tuples[b->ntuples].n = (uint8_t)n;
    memcpy(b->tuples[b->ntuples++].t, t, n * sizeof *t);
}

int32_t materialize(Builder *b, int32_t x)
{
    Static *s = static_of(b, x);
    if (!s || s->kind != S_TUPLE)
        return x;
    int32_t items[4];
    JitType t[4];
    uint32_t n = s->n;
    for (uint32_t i = 0; i < n; i++) {
        items[i] = s->v[i];
        if (IS_STATIC(items[i]) || b->ir->ins[res(b, items[i])].type == TY_NONE)
            return refuse(b, "a tuple of something other than numbers and objects is made"), -1;
        const IrIns *in = &b->ir->ins[res(b, items[i])];
        t[i].ty = in->type, t[i].tc = 0, t[i].cls = NULL;
        t[i].obj = in->type == TY_FLOAT ? T_FLOAT : in->type == TY_BOOL ? T_BOOL : T_INT;
        if (in->type == TY_PTR) { /* its object type (the unpacking guard), and class when known */
            t[i].tc = JIT_TC_BOXED, t[i].obj = ptr_obj(in->aux);
            if (is_boxed(in->aux))
                t[i].obj = 0; /* any object */
            else if (is_instance(in->aux) && in->aux - INST_AUX < JIT_MAX_PARAMS)
                t[i].cls = b->spec->params[in->aux - INST_AUX].cls;
        }
    }
    b->making_tuple = true;
    int32_t r = interp_call(b, v_obj((void *)&type_tuple), items, (int)n);
    b->making_tuple = false;
    if (r >= 0)
        note_tuple(b, r, n, t);
    return r;
}

/* a, b = t for a tuple t made or returned (its items known): guards on its
 * type, length and each item's type word, then the payloads. */
bool unpack_tuple(Builder *b, int32_t x, uint32_t n)
{
    x = res(b, x);
    const JitType *t = NULL;
    for (uint32_t i = 0; i < b->ntuples && !t; i++)
        if (b->tuples[i].v == x && b->tuples[i].n == n)
            t = b->tuples[i].t;
    if (!t)
        return refuse(b, "unpacking of a value whose items are not known when compiling");
    int32_t tb = emit(b, IR_ALOAD, TY_INT, x, ir_const_int(b->ir, b->cur, 4), -1);
    b->ir->ins[tb].aux = 'B'; /* Obj.type */
    if (!guard(b, cmp_k(b, CC_NE, tb, T_TUPLE)) || !guard(b, cmp_k(b, CC_NE, word(b, x, 2, TY_INT), (int32_t)n)))
        return false;
    int32_t vals[4];
    for (uint32_t i = 0; i < n; i++) {
        int32_t tw = word(b, x, (int32_t)(3 + 2 * i), TY_INT);
        if (t[i].ty == TY_PTR) { /* an object: any (obj 0), or of that type */
            if (!guard(b, t[i].obj ? cmp_k(b, CC_NE, tw, t[i].obj) : cmp_k(b, CC_LT, tw, T_FIRST_OBJ)))
                return false;
            vals[i] = emit(b, IR_COPY, TY_PTR, word(b, x, (int32_t)(4 + 2 * i), TY_PTR), -1, -1);
            b->ir->ins[vals[i]].aux = JIT_TC_BOXED;
            if (!made_object(b))
                return false;
            note_class(b, vals[i], (const Class *)t[i].cls);
        } else {
            if (!guard(b, cmp_k(b, CC_NE, tw, (int32_t)value_tag((IrType)t[i].ty))))
                return false;
            vals[i] = word(b, x, (int32_t)(4 + 2 * i), (IrType)t[i].ty);
        }
    }
    for (int i = (int)n - 1; i >= 0; i--)
        push(b, vals[i]);
    return true;
}

/* The result type a caller of Python function code c assumes when the call
 * goes through the interpreter: what its returns say (a constant, a true
 * division, a comparison), else float when it has a float constant or a
 * true division, else int. Only a guess: a result of another type sends
 * the caller to the interpreter after the call (the call's deopt map). */
/* The instruction that pushed the value depth slots below the top of the
 * stack as it is before pc, walking back through straight code: its pc,
 * or -1 (only for a guess: a jump into the walk is not seen). */
static int32_t pushed_by(const Code *c, uint32_t pc, uint32_t depth)
{
    for (uint32_t i = pc; i-- > 0 && pc - i < 64;) {
        uint32_t insn = c->insns[i];
        if (bc_opinfo[BC_OP(insn)].flow != FLOW_NEXT)
            return -1;
        int pops = bc_stack_pops(insn), pushes = pops + bc_stack_effect(insn, false);
        if ((int)depth < pushes)
            return (int32_t)i;
        depth = (uint32_t)((int)depth - pushes + pops);
    }
    return -1;
}

/* `return C(...)`, C a global that is a class defined in Python now: C,
 * else NULL. */
static const Class *returns_instance(const Code *c, uint32_t ret_pc)
{
    int32_t call = pushed_by(c, ret_pc, 0);
    if (call < 0 || BC_OP(c->insns[call]) != OP_CALL)
        return NULL;
    int32_t f = pushed_by(c, (uint32_t)call, BC_ARG(c->insns[call]));
    if (f < 0 || BC_OP(c->insns[f]) != OP_LOAD_GLOBAL)
        return NULL;
    Value g = c->program->globals[BC_ARG(c->insns[f])];
    return g.type == T_TYPE && type_is_user(AS(TypeObj, g)) ? (const Class *)AS(TypeObj, g) : NULL;
}

static IrType guessed_result(const Code *c)
{
    IrType known = TY_VOID;
    bool nones = false, unknown = false, floats = false;
    for (uint32_t pc = 0; pc < c->ninsns; pc++) {
        unsigned op = BC_OP(c->insns[pc]);
        Value k = op == OP_LOAD_CONST ? c->consts->items[BC_ARG(c->insns[pc])] : v_none();
        floats |= op == OP_BINARY_TRUEDIV || (op == OP_LOAD_CONST && k.type == T_FLOAT);
        if (op != OP_RETURN_VALUE || pc == 0)
            continue;
        unsigned prev = BC_OP(c->insns[pc - 1]);
        Value r = prev == OP_LOAD_CONST ? c->consts->items[BC_ARG(c->insns[pc - 1])] : v_unbound();
        IrType t = returns_instance(c, pc) != NULL                                           ? TY_PTR
                   : prev == OP_BINARY_TRUEDIV                                               ? TY_FLOAT
                   : (prev >= OP_COMPARE_LT && prev <= OP_COMPARE_GE) || prev == OP_UNARY_NOT ? TY_BOOL
                   : r.type == T_INT                                                         ? TY_INT
                   : r.type == T_BOOL                                                        ? TY_BOOL
                   : r.type == T_FLOAT                                                       ? TY_FLOAT
                                                                                             : TY_VOID;
        if (prev == OP_LOAD_CONST && r.type == T_NONE)
            nones = true; /* (also the implicit return after a last `return x`) */
        else if (t == TY_VOID)
            unknown = true;
        else if (known == TY_VOID)
            known = t;
    }
    if (known != TY_VOID)
        return known;
    if (nones && !unknown)
        return TY_NONE;
    return floats ? TY_FLOAT : TY_INT;
}

/* The class of object v, made by a class call here, as far as the builder
 * can tell: the call's class, or for a variable the class of the object
 * last stored into it. Only a prediction: the method it finds is guarded
 * (jit_rt_method) whatever the class is at run time. */
void note_class(Builder *b, int32_t v, const Class *c)
{
    if (c && b->nboxed_cls < sizeof b->boxed_cls / sizeof b->boxed_cls[0])
        b->boxed_cls[b->nboxed_cls].v = v, b->boxed_cls[b->nboxed_cls++].cls = c;
}

const Class *boxed_class(Builder *b, int32_t v)
{
    v = res(b, v);
    for (uint32_t i = 0; i < b->nboxed_cls; i++)
        if (b->boxed_cls[i].v == v)
            return b->boxed_cls[i].cls;
    if (v >= 0 && b->ir->ins[v].op == IR_PHI && b->var_of_phi && (uint32_t)v < b->capforward) {
        int32_t var = b->var_of_phi[v];
        if (var >= 0 && var < 64)
            return b->var_cls[var];
    }
    return NULL;
}

/* The return type of a compiled specialisation fn has already: for these
 * argument types, else any (most functions return one type), else
 * TY_VOID. Only looked up: compiling it here without the instances'
 * examples would refuse it for good. */
static const JitSpec *compiled_return(Function *fn, const JitType *types, int nargs)
{
    const JitFunc *f = fn->jit;
    const JitSpec *any = NULL;
    for (const JitSpec *s = f ? f->specs : NULL; s; s = s->next) {
        if (s->state != SPEC_COMPILED || s->ret.ty == TY_VOID)
            continue;
        bool same = s->nparams == (uint32_t)nargs;
        for (int i = 0; same && i < nargs; i++)
            same = s->params[i].ty == types[i].ty && (!types[i].cls || s->params[i].cls == types[i].cls);
        if (same)
            return s;
        if (!any)
            any = s;
    }
    return any;
}

/* The result type of Python function fn called with args through the
 * interpreter: its specialisation's for these argument types when the JIT
 * compiles it (instances of the classes the builder predicts, compiled
 * with the examples it has; the call through the interpreter then runs
 * that code), else one compiled already, else guessed_result. sibling:
 * an instance without an example may take one of its class from another
 * argument (below). */
static JitType typed_result(Builder *b, Function *fn, const int32_t *args, int nargs, const JitSpec **from, bool sibling)
{
    *from = NULL;
    JitType rt = {guessed_result(fn->code), 0, 0, NULL};
    const Code *c = fn->code;
    if (rt.ty == TY_PTR) /* `return C(...)`: the first such return's class (a prediction) */
        for (uint32_t pc = 1; pc < c->ninsns && !rt.cls; pc++)
            if (BC_OP(c->insns[pc]) == OP_RETURN_VALUE)
                rt.cls = returns_instance(c, pc);
    if (rt.ty == TY_PTR)
        rt.tc = JIT_TC_BOXED;
    if (nargs != c->nparams || c->flags || nargs > JIT_MAX_PARAMS)
        return rt;
    JitType types[JIT_MAX_PARAMS];
    Value example[JIT_MAX_PARAMS];
    bool any_example = false, no_example = false;
    for (int i = 0; i < nargs; i++) {
        if (IS_STATIC(args[i]))
            return rt;
        const IrIns *in = &b->ir->ins[res(b, args[i])];
        if (in->type == TY_NONE || in->type == TY_VOID)
            return rt;
        types[i].ty = in->type, types[i].tc = in->type == TY_PTR ? in->aux : 0;
        types[i].obj = in->type == TY_PTR ? ptr_obj(in->aux) : 0, types[i].cls = NULL;
        example[i] = v_unbound();
        if (in->type == TY_PTR && (is_instance(in->aux) || is_boxed(in->aux))) {
            types[i].tc = JIT_TC_INSTANCE, types[i].obj = T_INSTANCE;
            if (is_boxed(in->aux))
                types[i].cls = boxed_class(b, res(b, args[i]));
            else if (in->aux - INST_AUX < JIT_MAX_PARAMS) {
                uint32_t p = (uint32_t)(in->aux - INST_AUX);
                types[i].cls = b->spec->params[p].cls;
                if (b->js->example && p < b->js->nexample)
                    example[i] = b->js->example[p];
            } else {
                example[i] = b->nested[in->aux - INST_AUX - JIT_MAX_PARAMS];
                types[i].cls = example[i].type == T_INSTANCE ? AS(Instance, example[i])->cls : NULL;
            }
            if (!types[i].cls || example[i].type != T_INSTANCE || AS(Instance, example[i])->cls != types[i].cls)
                example[i] = v_unbound();
        }
    }
    for (int i = 0; i < nargs; i++) {
        if (types[i].tc != JIT_TC_INSTANCE || example[i].type == T_INSTANCE)
            continue;
        /* an object this function made (`r = C(...)`, no example to read a
         * layout from) passed beside an instance of the same class that has
         * one (`r.delta(prev)`): the layout predicted from it; the callee
         * is entered through the interpreter's call (its argument checks)
         * and guards each attribute it reads (bench/jitobj2/sensors.py: the
         * callee was compiled for an object, refused, its result guessed
         * wrong, and the caller deoptimised and was compiled again). Not
         * for an operator's special method (sibling false): the
         * interpreter's operator code does not enter what that compiles
         * (raytrace.py's Vec.__add__: 595 k cycles compiling, no gain) */
        for (int j = 0; sibling && j < nargs && types[i].cls && example[i].type != T_INSTANCE; j++)
            if (example[j].type == T_INSTANCE && AS(Instance, example[j])->cls == types[i].cls)
                example[i] = example[j];
        no_example |= example[i].type != T_INSTANCE;
    }
    for (int i = 0; i < nargs; i++)
        any_example |= example[i].type == T_INSTANCE;
    const JitSpec *callee = no_example ? compiled_return(fn, types, nargs) : NULL;
    if (no_example && !callee)
        /* an instance whose layout is not known: compiled with it as any
         * object (a type the interpreter never calls with, so no refusal
         * stays in the way of the real one), for its return type */
        for (int i = 0; i < nargs; i++)
            if (types[i].tc == JIT_TC_INSTANCE && example[i].type != T_INSTANCE)
                types[i].tc = JIT_TC_BOXED, types[i].obj = 0, types[i].cls = NULL;
    if (!callee) {
        b->js->callee_example = any_example ? example : NULL, b->js->ncallee_example = (uint32_t)nargs;
        callee = b->resolve(b->js, fn, types, (uint32_t)nargs);
        b->js->callee_example = NULL, b->js->ncallee_example = 0;
    }
    if (callee && callee->state == SPEC_COMPILED && callee->ret.ty != TY_VOID) {
        rt = callee->ret, *from = callee;
        if (rt.ty == TY_PTR)
            rt.tc = JIT_TC_BOXED;
    }
    return rt;
}

/* A call compiled code makes through the interpreter: callee (a function
 * the JIT does not compile, a built-in, a class) with the arguments boxed
 * (numbers, and objects the caller holds: instances, strs, arrays), the
 * result dropped, or guessed (guessed_result) and checked. */
static int32_t interp_call(Builder *b, Value callee, int32_t *args, int nargs)
{
    const char *what = callee.type == T_FUNCTION ? AS(Function, callee)->code->name->data
                       : callee.type == T_NATIVE ? AS(Native, callee)->name
                       : callee.type == T_TYPE   ? AS(TypeObj, callee)->name
                                                 : type_name(callee);
    if (nargs > JIT_MAX_PARAMS)
        return refuse(b, "call of %s() with more than %d arguments through the interpreter", what, JIT_MAX_PARAMS), -1;
    if (!b->making_tuple && !list_params_exposed(b)) /* (a tuple is made without running Python code) */
        return -1;
    JitType types[JIT_MAX_PARAMS];
    int32_t all[JIT_MAX_PARAMS];
    for (int i = 0; i < nargs; i++) {
        if (IS_STATIC(args[i]))
            return refuse(b, "call of %s() with a compile-time object as argument", what), -1;
        IrIns *in = &b->ir->ins[res(b, args[i])];
        if (in->type == TY_NONE)
            return refuse(b, "call of %s() with None as argument", what), -1;
        all[i] = res(b, args[i]);
        types[i].ty = in->type, types[i].obj = in->type == TY_PTR ? ptr_obj(in->aux) : 0;
        types[i].tc = in->type == TY_PTR ? in->aux : 0, types[i].cls = NULL;
    }
    /* the result: dropped (POP_TOP next), or a number or None as guessed */
    bool dropped = !b->making_tuple && b->pc + 1 < b->n && BC_OP(b->insns[b->pc + 1]) == OP_POP_TOP;
    JitType rt = {TY_VOID, 0, 0, NULL};
    const Class *made = NULL; /* a class called: the instance's class */
    const JitSpec *from = NULL; /* the specialisation the result's type comes from */
    if (b->making_tuple) /* (materialize: a tuple of the arguments) */
        rt.ty = TY_PTR, rt.tc = JIT_TC_BOXED;
    else if (b->op_typed) /* (object_operator: as predicted there, or a store's, dropped) */
        rt = b->op_result, dropped = dropped || b->op_dropped;
    else if (!dropped && callee.type == T_NATIVE && strcmp(AS(Native, callee)->name, "len") == 0)
        rt.ty = TY_INT; /* len() of an object: its __len__'s int, or an exception */
    else if (!dropped) {
        if (callee.type == T_TYPE && type_is_user(AS(TypeObj, callee)))
            made = (const Class *)AS(TypeObj, callee), rt.ty = TY_PTR, rt.tc = JIT_TC_BOXED;
        else if (callee.type != T_FUNCTION)
            return refuse(b, "the result of %s() (called through the interpreter) is used", what), -1;
        else
            rt = typed_result(b, AS(Function, callee), args, nargs, &from, true);
    }
    JitType seen;
    if (!b->making_tuple && !dropped && jit_vm_observed(b->code, b->pc, &seen) && seen.ty != TY_VOID) /* (vmcall.c) */
        rt = seen, from = NULL;
    if (b->hoisted) { /* a dict checked at the entry could change in the call: build again */
        b->retry_plain = true;
        return refuse(b, "calls %s() after checking attributes at the entry", what), -1;
    }
    b->hoist = false;
    b->makes_calls = true;
    if (!held_across_calls(b))
        return -1;
    if (!root_live(b, NULL, 0)) /* (the arguments are rooted in the callee's frame) */
        return -1;
    JitSpec *stub = jit_vm_call_stub(b->js, callee.u.obj, b->code, types, (uint32_t)nargs, rt);
    if (!stub)
        return refuse(b, "out of memory (or code space) while compiling"), -1;
    stub->vm_tuple = b->making_tuple;
    stub->vm_pc = b->pc, stub->vm_caller = b->spec;
    int32_t r = emit(b, IR_CALL, dropped ? TY_NONE : (IrType)rt.ty, -1, -1, -1);
    if (rt.ty == TY_PTR) {
        b->ir->ins[r].aux = JIT_TC_BOXED;
        if (!made_object(b))
            return -1;
        note_class(b, r, made ? made : (const Class *)rt.cls);
        if (from)
            note_tuple(b, r, from->ret_nitems, from->ret_items);
    }
    /* (a tuple is made without running Python code, and its result always fits: no map) */
    if (!b->making_tuple && !attach_call_map(b, r, !b->op_dropped))
        return -1;
    b->ir->ins[r].nargs = (uint8_t)nargs;
    b->ir->ins[r].list = ir_list_alloc(b->ir, (uint32_t)nargs);
    for (int i = 0; i < nargs; i++)
        b->ir->lists[b->ir->ins[r].list + i] = all[i];
    if (extra(b, r)) extra(b, r)->callee = stub;
    return r;
}

bool do_call(Builder *b, int nargs, bool method)
{
    int32_t args[17];
    if (nargs > 16)
        return refuse(b, "call with more than 16 arguments");
    for (int i = 0; i < nargs; i++) { /* a tuple display passed on is made, the others on the stack */
        uint32_t at = b->sp - (uint32_t)nargs + (uint32_t)i;
        Static *ts = static_of(b, b->stack[at]);
        if (!ts || ts->kind != S_TUPLE)
            continue;
        int32_t t = b->stack[at];
        memmove(&b->stack[at], &b->stack[at + 1], (b->sp - at - 1) * sizeof *b->stack);
        b->sp--;
        t = materialize(b, t);
        if (b->failed)
            return false;
        memmove(&b->stack[at + 1], &b->stack[at], (b->sp - at) * sizeof *b->stack);
        b->stack[at] = t, b->sp++;
    }
    for (int i = nargs - 1; i >= 0; i--)
        args[i] = pop(b);
    if (method) {
        int32_t self = pop(b); /* the "no self" marker, or a method's instance (method_of_instance) */
        Static *ss = static_of(b, self);
        if (!ss) {
            if (nargs == 16)
                return refuse(b, "call with more than 16 arguments");
            memmove(args + 1, args, (size_t)nargs * sizeof *args);
            args[0] = self, nargs++;
        } else if (ss->kind != S_METHOD_SELF_NONE)
            return refuse(b, "call of a method of a value that is not known when compiling");
    }
    int32_t f = pop(b);
    Static *s = static_of(b, f);
    if (!s || s->kind != S_OBJ)
        return refuse(b, "call of a value that is not known when compiling");
    int32_t r = -1;
    b->via_interpreter = false;
    if (s->obj.type == T_NATIVE)
        r = call_native(b, AS(Native, s->obj), args, nargs);
    else if (s->obj.type == T_TYPE && AS(TypeObj, s->obj)->ctor &&
             (strcmp(AS(TypeObj, s->obj)->name, "int") == 0 || strcmp(AS(TypeObj, s->obj)->name, "float") == 0 ||
              AS(TypeObj, s->obj) == &type_range))
        r = call_native(b, AS(TypeObj, s->obj)->ctor, args, nargs);
    else if (s->obj.type == T_TYPE && AS(TypeObj, s->obj) == &type_bytearray && nargs == 1 && /* not a user class of that name */
             !IS_STATIC(args[0]) && is_intlike(ty(b, args[0]))) {
        if (b->guarded_lists)
            return refuse(b, "bytearray() in a function holding a list read from an attribute");
        b->makes_bytes = true;
        if (!root_live(b, NULL, 0))
            return false;
        r = emit(b, IR_NEWBYTES, TY_PTR, args[0], -1, -1);
        b->ir->ins[r].aux = 'Y';
    } else if (s->obj.type == T_TYPE && AS(TypeObj, s->obj) == &type_super && nargs == 0 && !method)
        return super_call(b);
    else if (s->obj.type == T_FUNCTION)
        r = call_function(b, AS(Function, s->obj), args, nargs);
    else
        b->via_interpreter = true;
    if (b->via_interpreter && !b->failed) {
        b->via_interpreter = false;
        r = interp_call(b, s->obj, args, nargs);
    }
    if (b->failed)
        return false;
    push(b, r);
    return true;
}

/* f(a, k=v): CALL_KW, its names tuple a constant (the LOAD_CONST before it,
 * which the builder leaves off its stack), bound here to the positional
 * call it makes, as interp.c's kw_as_positional binds it at run time: for a
 * Python function known when compiling, with plain parameters. A call that
 * does not bind (an unknown or repeated keyword, a missing argument) is
 * refused, and the interpreter raises CPython's TypeError. */
bool do_call_kw(Builder *b, int nargs)
{
    uint32_t prev = b->pc ? b->insns[b->pc - 1] : 0;
    Value nv = BC_OP(prev) == OP_LOAD_CONST ? b->code->consts->items[BC_ARG(prev)] : v_none();
    if (nv.type != T_TUPLE || AS(Tuple, nv)->len > (uint32_t)nargs)
        return refuse(b, "CALL_KW without its names tuple just before it");
    const Tuple *names = AS(Tuple, nv);
    int nkw = (int)names->len, npos = nargs - nkw;
    if (nargs > JIT_MAX_PARAMS)
        return refuse(b, "call with keyword arguments and more than %d arguments", JIT_MAX_PARAMS);
    Static *s = static_of(b, b->stack[b->sp - (uint32_t)nargs - 1]);
    if (!s || s->kind != S_OBJ || s->obj.type != T_FUNCTION)
        return refuse(b, "call with keyword arguments of %s (compiled only for a Python function known when compiling)",
                      s && s->kind == S_OBJ ? type_name(s->obj) : "a value not known when compiling");
    Function *fn = AS(Function, s->obj);
    const Code *c = fn->code;
    const char *name = c->name->data;
    if (c->flags)
        return refuse(b, "call of %s() with keyword arguments: it has *args, **kwargs or keyword-only parameters", name);
    int np = c->nparams, ndef = fn->defaults ? (int)fn->defaults->len : 0;
    if (npos > np)
        return refuse(b, "call of %s() with %d positional arguments for %d parameters", name, npos, np);
    int32_t bound[JIT_MAX_PARAMS];
    for (int p = 0; p < np; p++)
        bound[p] = p < npos ? b->stack[b->sp - (uint32_t)nargs + (uint32_t)p] : -1;
    int last = npos;
    for (int k = 0; k < nkw; k++) {
        const char *kn = names->items[k].type == T_STR ? AS(Str, names->items[k])->data : "";
        int p = 0;
        while (p < np && strcmp(AS(Str, c->program->strings[c->src->localnames[p]])->data, kn) != 0)
            p++;
        if (p == np || bound[p] >= 0)
            return refuse(b, "call of %s() with keyword '%s' that %s (the interpreter raises the TypeError)", name, kn,
                          p == np ? "names no parameter" : "repeats an argument");
        bound[p] = b->stack[b->sp - (uint32_t)nargs + (uint32_t)(npos + k)];
        last = p + 1 > last ? p + 1 : last;
    }
    for (int p = 0; p < last; p++) { /* a parameter left to its default before one given by keyword */
        if (bound[p] >= 0)
            continue;
        Value d = p >= np - ndef ? fn->defaults->items[p - (np - ndef)] : v_unbound();
        if (d.type == T_INT || d.type == T_BOOL) {
            bound[p] = ir_const_int(b->ir, b->cur, d.u.i);
            b->ir->ins[bound[p]].type = d.type == T_BOOL ? TY_BOOL : TY_INT;
        } else if (d.type == T_FLOAT)
            bound[p] = ir_const_float(b->ir, b->cur, d.u.f);
        else
            return refuse(b, "call of %s() with keyword arguments: parameter '%s' is %s", name,
                          AS(Str, c->program->strings[c->src->localnames[p]])->data,
                          d.type == T_UNBOUND ? "missing (the interpreter raises the TypeError)"
                                              : "left to a default that is not a number");
    }
    b->sp -= (uint32_t)nargs;
    for (int p = 0; p < last; p++)
        push(b, bound[p]);
    return do_call(b, last, false);
}

/* ---- operators on objects ------------------------------------------------------------ */

/* The class of object v as far as the builder knows it (a parameter's
 * key, an attribute's example, a prediction for one made here), or NULL. */
static const Class *object_class(Builder *b, int32_t v)
{
    uint8_t aux = b->ir->ins[v].aux;
    if (is_boxed(aux))
        return boxed_class(b, v);
    if (aux - INST_AUX < JIT_MAX_PARAMS)
        return (const Class *)b->spec->params[aux - INST_AUX].cls;
    Value ex = b->nested[aux - INST_AUX - JIT_MAX_PARAMS];
    return ex.type == T_INSTANCE ? AS(Instance, ex)->cls : NULL;
}

/* The Python function class c's MRO has for special method name, or NULL
 * (only a prediction of the result's type: the interpreter looks it up
 * again when it makes the operation). Compared by text: the code's strings
 * need not hold the name, and nothing is allocated while compiling. */
static Function *special_method(const Class *c, const char *name)
{
    for (uint32_t i = 0; c && c->mro && i < c->mro->len; i++) {
        Value k = c->mro->items[i];
        if (k.type != T_TYPE || !type_is_user(AS(TypeObj, k)))
            return NULL;
        const Dict *d = ((const Class *)AS(TypeObj, k))->dict;
        for (uint32_t e = 0; d && e < d->used; e++) {
            const DictEntry *de = &d->entries[e];
            if (de->key.type == T_STR && strcmp(AS(Str, de->key)->data, name) == 0)
                return de->value.type == T_FUNCTION ? AS(Function, de->value) : NULL;
        }
    }
    return NULL;
}

/* The special methods of op, and their reflected forms (the operands
 * swapped; a comparison's mirror image). */
static const struct { uint8_t op; const char *name, *reflected; } special_names[] = {
    {OP_BINARY_ADD, "__add__", "__radd__"}, {OP_INPLACE_ADD, "__iadd__", "__radd__"},
    {OP_BINARY_SUB, "__sub__", "__rsub__"}, {OP_INPLACE_SUB, "__isub__", "__rsub__"},
    {OP_BINARY_MUL, "__mul__", "__rmul__"}, {OP_INPLACE_MUL, "__imul__", "__rmul__"},
    {OP_BINARY_TRUEDIV, "__truediv__", "__rtruediv__"}, {OP_BINARY_FLOORDIV, "__floordiv__", "__rfloordiv__"},
    {OP_BINARY_MOD, "__mod__", "__rmod__"}, {OP_BINARY_POW, "__pow__", "__rpow__"},
    {OP_BINARY_LSHIFT, "__lshift__", "__rlshift__"}, {OP_BINARY_RSHIFT, "__rshift__", "__rrshift__"},
    {OP_BINARY_AND, "__and__", "__rand__"}, {OP_BINARY_OR, "__or__", "__ror__"},
    {OP_BINARY_XOR, "__xor__", "__rxor__"}, {OP_INPLACE_AND, "__iand__", "__rand__"},
    {OP_INPLACE_OR, "__ior__", "__ror__"}, {OP_INPLACE_XOR, "__ixor__", "__rxor__"},
    {OP_COMPARE_LT, "__lt__", "__gt__"}, {OP_COMPARE_LE, "__le__", "__ge__"},
    {OP_COMPARE_EQ, "__eq__", "__eq__"}, {OP_COMPARE_NE, "__ne__", "__ne__"},
    {OP_COMPARE_GT, "__gt__", "__lt__"}, {OP_COMPARE_GE, "__ge__", "__le__"},
    {OP_BINARY_SUBSCR, "__getitem__", NULL}, {OP_STORE_SUBSCR, "__setitem__", NULL},
};

/* x op y (x[y] = z for a store), an operand an object: made by the
 * interpreter's own code (vmcall.c's jit_operator native: vm_binary_op,
 * vm_compare, vm_getitem, vm_setitem), so special methods, reflected and
 * in-place forms, NotImplemented and the errors are exactly the
 * interpreter's. A call into the interpreter like any other (its objects
 * rooted, dicts checked again after it); the result's type is the one the
 * special method the builder finds gives (typed_result: its compiled
 * specialisation, or a guess), a comparison's bool without one, and the
 * type seen at run time once a guess was wrong (jit_vm_observed). */
int32_t object_operator(Builder *b, unsigned op, int32_t x, int32_t y, int32_t z)
{
    const char *name = NULL, *reflected = NULL;
    for (size_t i = 0; i < sizeof special_names / sizeof special_names[0]; i++)
        if (special_names[i].op == op)
            name = special_names[i].name, reflected = special_names[i].reflected;
    if (!name)
        return refuse(b, "operator %s on an object", bc_opinfo[op].name), -1;
    bool compare = op >= OP_COMPARE_LT && op <= OP_COMPARE_GE;
    JitType rt = {compare ? TY_BOOL : TY_PTR, compare ? 0 : JIT_TC_BOXED, 0, NULL};
    Function *fn = is_object(b, x) ? special_method(object_class(b, x), name) : NULL;
    if (!fn && strncmp(name, "__i", 3) == 0 && is_object(b, x)) { /* no __iadd__: __add__ */
        char plain[16];
        snprintf(plain, sizeof plain, "__%s", name + 3);
        fn = special_method(object_class(b, x), plain);
    }
    int32_t pair[2] = {x, y};
    if (!fn && reflected && is_object(b, y)) {
        fn = special_method(object_class(b, y), reflected);
        pair[0] = y, pair[1] = x;
    }
    const JitSpec *from = NULL;
    if (op == OP_STORE_SUBSCR)
        rt.ty = TY_VOID, rt.tc = 0; /* (dropped) */
    else if (fn)
        rt = typed_result(b, fn, pair, 2, &from, false);
    int32_t args[4] = {ir_const_int(b->ir, b->cur, (int32_t)op), x, y, z};
    b->op_typed = true, b->op_result = rt, b->op_dropped = op == OP_STORE_SUBSCR;
    int32_t r = interp_call(b, v_obj((void *)&jit_operator), args, z >= 0 ? 4 : 3);
    b->op_typed = b->op_dropped = false;
    if (r >= 0 && from && rt.ty == TY_PTR)
        note_tuple(b, r, from->ret_nitems, from->ret_items);
    return r;
}
