/*
 * interp.c - the bytecode interpreter.
 *
 * One loop runs all Python frames: a call pushes a Frame and continues in the
 * same loop, so Python recursion never recurses in C and RecursionError is a
 * counter check. Arguments become the callee's first locals where they lie
 * on the caller's stack (no copy). Dispatch is a computed goto where the
 * compiler supports it, a switch otherwise.
 *
 * GC discipline: every handler that may allocate first stores the stack top
 * (SAVE), and pops its operands only after the allocation, so they stay
 * rooted on the stack.
 */
#include <string.h>

#include "vm/bytecode.h"
#include "vm/p4b.h"
#include "jit/jit.h"
#include "vm/vm.h"

#if defined(__GNUC__) || defined(__clang__)
#define P4_COMPUTED_GOTO 1
#endif

/* Slots a frame may use beyond its verified maximum (UNPACK_SEQUENCE's
 * temporary, the callee slot of vm_call). */
#define FRAME_SLACK 2

static bool stack_overflow(VM *vm)
{
    return vm_raise(vm, EXC_RecursionError, "maximum recursion depth exceeded");
}

/* ---- calls ------------------------------------------------------------------ */

/* given, and the counts in the message, leave out a bound self (self_args). */
static bool arg_count_error(VM *vm, const Native *n, int given, int self_args)
{
    int min = n->minargs - self_args, max = n->maxargs < 0 ? -1 : n->maxargs - self_args;
    if (min == max) {
        if (min == 0)
            return vm_raise(vm, EXC_TypeError, "%s() takes no arguments (%d given)", n->name, given);
        if (min == 1)
            return vm_raise(vm, EXC_TypeError, "%s() takes exactly one argument (%d given)", n->name, given);
        return vm_raise(vm, EXC_TypeError, "%s expected %d arguments, got %d", n->name, min, given);
    }
    if (given < min)
        return vm_raise(vm, EXC_TypeError, "%s expected at least %d argument%s, got %d", n->name,
                        min, min == 1 ? "" : "s", given);
    return vm_raise(vm, EXC_TypeError, "%s expected at most %d argument%s, got %d", n->name,
                    max, max == 1 ? "" : "s", given);
}

/* Calls a native. self_args: 1 when args[0] is a bound self (not counted in
 * the messages). */
static bool call_native(VM *vm, const Native *n, Value *args, int nargs, Tuple *kw, int self_args,
                        Value *out)
{
    int npos = nargs - (kw ? (int)kw->len : 0);
    if (kw && kw->len > 0 && !(n->hdr.flags & NATIVE_KW))
        return vm_raise(vm, EXC_TypeError, "%s() takes no keyword arguments", n->name);
    if (npos < n->minargs || (n->maxargs >= 0 && npos > n->maxargs))
        return arg_count_error(vm, n, npos - self_args, self_args);
    return n->fn(vm, args, nargs, kw && kw->len ? kw : NULL, out);
}

static bool call_type(VM *vm, const TypeObj *t, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (t->exc >= 0) {
        if (kw && kw->len)
            return vm_raise(vm, EXC_TypeError, "%s() takes no keyword arguments", t->name);
        Tuple *a = tuple_new(vm, (uint32_t)nargs);
        if (!a)
            return false;
        memcpy(a->items, args, (size_t)nargs * sizeof(Value));
        Exception *e = exc_new(vm, t, a);
        if (!e)
            return false;
        *out = v_obj(e);
        return true;
    }
    if (!t->ctor)
        return vm_raise(vm, EXC_TypeError, "cannot create '%s' instances", t->name);
    return call_native(vm, t->ctor, args, nargs, kw, 0, out);
}

/* Moves keyword arguments into their parameter slots. args[0..nargs) holds
 * the positional arguments followed by kw->len keyword values; on success
 * args[0..nparams) are the parameters (T_UNBOUND where not given). */
static bool bind_keywords(VM *vm, const Code *c, Value *args, int nargs, Tuple *kw)
{
    int nkw = (int)kw->len, npos = nargs - nkw;
    Value kwvals[P4B_MAX_LOCALS];
    if (nkw > (int)P4B_MAX_LOCALS)
        return vm_raise(vm, EXC_TypeError, "too many keyword arguments");
    memcpy(kwvals, args + npos, (size_t)nkw * sizeof(Value));
    for (int i = npos; i < c->nparams; i++)
        args[i] = v_unbound();
    const P4bCode *src = c->src;
    for (int k = 0; k < nkw; k++) {
        Str *name = AS(Str, kw->items[k]);
        int slot = -1;
        for (int p = 0; p < c->nparams; p++) {
            Str *pname = AS(Str, c->program->strings[src->localnames[p]]);
            if (str_equal(pname, name)) {
                slot = p;
                break;
            }
        }
        if (slot < 0)
            return vm_raise(vm, EXC_TypeError, "%s() got an unexpected keyword argument '%s'",
                            c->name->data, name->data);
        if (slot < npos || args[slot].type != T_UNBOUND)
            return vm_raise(vm, EXC_TypeError, "%s() got multiple values for argument '%s'",
                            c->name->data, name->data);
        args[slot] = kwvals[k];
    }
    return true;
}

/* Pushes a frame for a Python function whose arguments are args[0..nargs)
 * on the stack; the result will go to *ret. */
static bool push_frame(VM *vm, Function *fn, Value *args, int nargs, Tuple *kw, Value *ret)
{
    Code *c = fn->code;
    if (vm->nframes >= vm->cfg.max_frames)
        return stack_overflow(vm);
    if (args + c->nlocals + c->maxstack + FRAME_SLACK > vm->stack_end)
        return stack_overflow(vm);
    int npos = nargs - (kw ? (int)kw->len : 0);
    if (npos > c->nparams) {
        int ndef = fn->defaults ? (int)fn->defaults->len : 0;
        if (ndef == 0)
            return vm_raise(vm, EXC_TypeError, "%s() takes %d positional argument%s but %d %s given",
                            c->name->data, c->nparams, c->nparams == 1 ? "" : "s", npos,
                            npos == 1 ? "was" : "were");
        return vm_raise(vm, EXC_TypeError, "%s() takes from %d to %d positional arguments but %d were given",
                        c->name->data, c->nparams - ndef, c->nparams, npos);
    }
    if (kw && kw->len) {
        if (!bind_keywords(vm, c, args, nargs, kw))
            return false;
    } else {
        for (int i = nargs; i < c->nparams; i++)
            args[i] = v_unbound();
    }
    /* Defaults fill the last parameters; anything still missing is an error. */
    int ndef = fn->defaults ? (int)fn->defaults->len : 0;
    int missing = 0;
    for (int i = 0; i < c->nparams; i++) {
        if (args[i].type != T_UNBOUND)
            continue;
        int d = i - (c->nparams - ndef);
        if (d >= 0)
            args[i] = fn->defaults->items[d];
        else
            missing++;
    }
    if (missing) {
        StrBuf sb;
        sb_init(&sb);
        int seen = 0;
        for (int i = 0; i < c->nparams; i++) {
            if (args[i].type != T_UNBOUND)
                continue;
            Str *pname = AS(Str, c->program->strings[c->src->localnames[i]]);
            if (seen > 0)
                sb_adds(&sb, missing == 2 ? " and " : seen == missing - 1 ? ", and " : ", ");
            sb_addc(&sb, '\'');
            sb_add(&sb, pname->data, pname->len);
            sb_addc(&sb, '\'');
            seen++;
        }
        sb_addc(&sb, '\0');
        vm_raise(vm, EXC_TypeError, "%s() missing %d required positional argument%s: %s", c->name->data,
                 missing, missing == 1 ? "" : "s", sb.oom ? "?" : sb.data);
        sb_free(&sb);
        return false;
    }
    for (int i = c->nparams; i < c->nlocals; i++)
        args[i] = v_unbound();
    Frame *f = &vm->frames[vm->nframes++];
    f->code = c;
    f->func = fn;
    f->pc = 0;
    f->base = args;
    f->ret = ret;
    return true;
}

static bool run(VM *vm, uint32_t stop, Value *start_sp);

bool vm_resume_frame(VM *vm, Function *fn, Value *base, uint32_t depth, uint32_t pc, Value *out)
{
    Code *c = fn->code;
    if (vm->nframes >= vm->cfg.max_frames || base + c->nlocals + c->maxstack + FRAME_SLACK > vm->stack_end)
        return stack_overflow(vm);
    Frame *f = &vm->frames[vm->nframes++];
    f->code = c;
    f->func = fn;
    f->pc = pc;
    f->base = base;
    f->ret = base - 1;
    vm->sp = base + c->nlocals + depth;
    bool ok = run(vm, vm->nframes - 1, vm->sp);
    if (ok)
        *out = base[-1];
    return ok;
}

bool vm_call(VM *vm, Value fn, Value *args, int nargs, Tuple *kwnames, Value *out)
{
    switch ((Type)fn.type) {
    case T_NATIVE:
        return call_native(vm, AS(Native, fn), args, nargs, kwnames, 0, out);
    case T_TYPE:
        return call_type(vm, AS(TypeObj, fn), args, nargs, kwnames, out);
    case T_FUNCTION:
    case T_BOUNDMETHOD: {
        /* Lay out [fn or self] args on the VM stack, as CALL would find them. */
        Value *slot = vm->sp;
        if (slot + nargs + 2 > vm->stack_end)
            return stack_overflow(vm);
        if (fn.type == T_BOUNDMETHOD) {
            BoundMethod *b = AS(BoundMethod, fn);
            slot[0] = fn;
            slot[1] = b->self;
            memcpy(slot + 2, args, (size_t)nargs * sizeof(Value));
            vm->sp = slot + 2 + nargs;
            bool ok = call_native(vm, b->method, slot + 1, nargs + 1, kwnames, 1, out);
            vm->sp = slot;
            return ok;
        }
        slot[0] = fn;
        memcpy(slot + 1, args, (size_t)nargs * sizeof(Value));
        vm->sp = slot + 1 + nargs;
        if (!push_frame(vm, AS(Function, fn), slot + 1, nargs, kwnames, slot)) {
            vm->sp = slot;
            return false;
        }
        bool ok = run(vm, vm->nframes - 1, NULL);
        if (ok)
            *out = slot[0];
        vm->sp = slot;
        return ok;
    }
    default:
        return vm_raise(vm, EXC_TypeError, "'%s' object is not callable", type_name(fn));
    }
}

/* ---- the loop --------------------------------------------------------------- */

static bool same_object(Value a, Value b)
{
    if (a.type != b.type)
        return false;
    if (v_is_obj(a))
        return a.u.obj == b.u.obj;
    if (a.type == T_FLOAT)
        return memcmp(&a.u.f, &b.u.f, sizeof(float)) == 0;
    return a.type == T_NONE || a.type == T_UNBOUND || a.u.i == b.u.i;
}

static bool exc_class_check(VM *vm, Value cls, Value exc, bool *match)
{
    if (cls.type == T_TUPLE) {
        Tuple *t = AS(Tuple, cls);
        *match = false;
        if (!vm_recursion_enter(vm, NULL)) /* a tuple of tuples of classes, nested by the program */
            return false;
        bool ok = true;
        for (uint32_t i = 0; i < t->len && ok; i++) {
            bool m = false;
            ok = exc_class_check(vm, t->items[i], exc, &m);
            if (m)
                *match = true;
        }
        vm_recursion_leave(vm);
        return ok;
    }
    if (cls.type != T_TYPE || AS(TypeObj, cls)->exc < 0)
        return vm_raise(vm, EXC_TypeError, "catching classes that do not inherit from BaseException is not allowed");
    *match = exc.type == T_EXCEPTION && exc_matches(AS(Exception, exc), AS(TypeObj, cls));
    return true;
}

/* Finds the handler for pc in a code object's exception table. */
static const ExcEntry *find_handler(const Code *c, uint32_t pc)
{
    const P4bCode *src = c->src;
    for (uint32_t i = 0; i < src->nexc; i++)
        if (pc >= src->exc[i].start && pc < src->exc[i].end)
            return &src->exc[i];
    return NULL;
}

static bool range_next(Iter *it, Value *out)
{
    int32_t i = it->i, stop = it->a, step = it->b;
    if (step > 0 ? i >= stop : i <= stop)
        return false;
    *out = v_int(i);
    int32_t next;
    /* past the int32 range the loop is over: park the counter on stop */
    it->i = __builtin_add_overflow(i, step, &next) ? stop : next;
    return true;
}

/* start_sp: the value stack of the frame being entered (vm_resume_frame),
 * or NULL for an empty one */
static bool run(VM *vm, uint32_t stop, Value *start_sp)
{
    Frame *f;
    const uint32_t *code;
    Value *locals, *sp, *consts;
    const uint32_t *ip; /* the next instruction */
    uint32_t insn, arg;
    Program *prog; /* the frame's program: its globals and names (modules have their own) */

#define LOAD_FRAME()                                           \
    do {                                                       \
        f = &vm->frames[vm->nframes - 1];                      \
        prog = f->code->program;                               \
        code = f->code->insns;                                 \
        locals = f->base;                                      \
        consts = f->code->consts->items;                       \
        ip = code + f->pc;                                     \
    } while (0)
#define PC() ((uint32_t)(ip - code)) /* index of the next instruction */
#define JUMP_TO(target) (ip = code + (target))
#define SAVE() (vm->sp = sp, f->pc = PC() - 1)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define THIRD() (sp[-3])
#define CHECK(x) do { if (!(x)) goto error; } while (0)

#if P4_COMPUTED_GOTO
    static const void *const labels[OP__COUNT] = {
#define P4_OP_LABEL(name, kind, pops, pushes, flow) &&L_##name,
        P4_OPCODES(P4_OP_LABEL)
#undef P4_OP_LABEL
    };
#define CASE(name) L_##name:
#define NEXT() do { insn = *ip++; arg = BC_ARG(insn); goto *labels[BC_OP(insn)]; } while (0)
#define DISPATCH() NEXT();
#else
#define CASE(name) case OP_##name:
#define NEXT() goto dispatch
#define DISPATCH() dispatch: insn = *ip++; arg = BC_ARG(insn); switch (BC_OP(insn))
#endif

    LOAD_FRAME();
    sp = start_sp ? start_sp : locals + f->code->nlocals;

    for (;;) {
        DISPATCH()
        {
        CASE(NOP) NEXT();
        CASE(POP_TOP) sp--; NEXT();
        CASE(DUP_TOP) { Value v = TOP(); PUSH(v); NEXT(); }
        CASE(DUP_TOP_TWO) { Value a = SECOND(), b = TOP(); PUSH(a); PUSH(b); NEXT(); }
        CASE(ROT_TWO) { Value t = TOP(); TOP() = SECOND(); SECOND() = t; NEXT(); }
        CASE(ROT_THREE) {
            Value t = TOP();
            TOP() = SECOND();
            SECOND() = THIRD();
            THIRD() = t;
            NEXT();
        }

        CASE(LOAD_CONST) PUSH(consts[arg]); NEXT();
        CASE(LOAD_INT) PUSH(v_int(BC_IMM(insn))); NEXT();
        CASE(LOAD_FAST) {
            if (locals[arg].type == T_UNBOUND) {
                SAVE();
                Str *name = AS(Str, prog->strings[f->code->src->localnames[arg]]);
                vm_raise(vm, EXC_UnboundLocalError,
                         "cannot access local variable '%s' where it is not associated with a value", name->data);
                goto error;
            }
            PUSH(locals[arg]);
            NEXT();
        }
        CASE(STORE_FAST) locals[arg] = POP(); NEXT();
        CASE(LOAD_GLOBAL) {
            Value v = prog->globals[arg];
            if (v.type == T_UNBOUND) {
                v = prog->builtin_of_global[arg];
                if (v.type == T_UNBOUND) {
                    SAVE();
                    const P4bString *name = &prog->p4b->strings[prog->p4b->globals[arg]];
                    vm_raise(vm, EXC_NameError, "name '%s' is not defined", (const char *)name->bytes);
                    goto error;
                }
            }
            PUSH(v);
            NEXT();
        }
        CASE(STORE_GLOBAL)
            prog->globals[arg] = POP();
            if (vm->jit)
                jit_global_stored(vm, prog, arg); /* compiled code may have its old value built in */
            NEXT();
        CASE(LOAD_ATTR) {
            SAVE();
            CHECK(vm_load_attr(vm, TOP(), AS(Str, prog->strings[arg]), &TOP()));
            NEXT();
        }
        CASE(LOAD_METHOD) {
            SAVE();
            Value out[2];
            CHECK(vm_load_method(vm, TOP(), AS(Str, prog->strings[arg]), out));
            TOP() = out[0];
            PUSH(out[1]);
            NEXT();
        }
        CASE(IMPORT_NAME) {
            SAVE(); /* a module's first import runs its body (vm/module.c) */
            Value m;
            CHECK(module_import(vm, AS(Str, prog->strings[arg]), &m));
            PUSH(m);
            NEXT();
        }

        CASE(UNARY_NEG)
        CASE(UNARY_POS)
        CASE(UNARY_NOT)
        CASE(UNARY_INVERT) {
            SAVE();
            CHECK(vm_unary_op(vm, BC_OP(insn), TOP(), &TOP()));
            NEXT();
        }

        CASE(BINARY_ADD)
        CASE(INPLACE_ADD) {
            Value a = SECOND(), b = TOP();
            int32_t r;
            if (a.type == T_INT && b.type == T_INT && !__builtin_add_overflow(a.u.i, b.u.i, &r)) {
                sp--;
                TOP().u.i = r;
                NEXT();
            }
            if (a.type == T_FLOAT && b.type == T_FLOAT) {
                sp--;
                TOP().u.f = a.u.f + b.u.f;
                NEXT();
            }
            goto binary_slow;
        }
        CASE(BINARY_SUB) {
            Value a = SECOND(), b = TOP();
            int32_t r;
            if (a.type == T_INT && b.type == T_INT && !__builtin_sub_overflow(a.u.i, b.u.i, &r)) {
                sp--;
                TOP().u.i = r;
                NEXT();
            }
            if (a.type == T_FLOAT && b.type == T_FLOAT) {
                sp--;
                TOP().u.f = a.u.f - b.u.f;
                NEXT();
            }
            goto binary_slow;
        }
        CASE(BINARY_MUL)
        CASE(INPLACE_MUL) {
            Value a = SECOND(), b = TOP();
            int32_t r;
            if (a.type == T_INT && b.type == T_INT && !__builtin_mul_overflow(a.u.i, b.u.i, &r)) {
                sp--;
                TOP().u.i = r;
                NEXT();
            }
            if (a.type == T_FLOAT && b.type == T_FLOAT) {
                sp--;
                TOP().u.f = a.u.f * b.u.f;
                NEXT();
            }
            goto binary_slow;
        }
        CASE(BINARY_TRUEDIV)
        CASE(BINARY_FLOORDIV)
        CASE(BINARY_MOD)
        CASE(BINARY_POW)
        CASE(BINARY_LSHIFT)
        CASE(BINARY_RSHIFT)
        CASE(BINARY_AND)
        CASE(BINARY_OR)
        CASE(BINARY_XOR)
        binary_slow: {
            SAVE();
            Value r;
            CHECK(vm_binary_op(vm, BC_OP(insn), SECOND(), TOP(), &r));
            sp--;
            TOP() = r;
            NEXT();
        }

        CASE(COMPARE_LT)
        CASE(COMPARE_LE)
        CASE(COMPARE_EQ)
        CASE(COMPARE_NE)
        CASE(COMPARE_GT)
        CASE(COMPARE_GE) {
            Value a = SECOND(), b = TOP();
            if (a.type == T_INT && b.type == T_INT) {
                bool r;
                switch (BC_OP(insn)) {
                case OP_COMPARE_LT: r = a.u.i < b.u.i; break;
                case OP_COMPARE_LE: r = a.u.i <= b.u.i; break;
                case OP_COMPARE_EQ: r = a.u.i == b.u.i; break;
                case OP_COMPARE_NE: r = a.u.i != b.u.i; break;
                case OP_COMPARE_GT: r = a.u.i > b.u.i; break;
                default:            r = a.u.i >= b.u.i; break;
                }
                sp--;
                TOP() = v_bool(r);
                NEXT();
            }
            SAVE();
            Value r;
            CHECK(vm_compare(vm, BC_OP(insn), a, b, &r));
            sp--;
            TOP() = r;
            NEXT();
        }
        CASE(IS_OP) {
            bool r = same_object(SECOND(), TOP()) != (arg != 0);
            sp--;
            TOP() = v_bool(r);
            NEXT();
        }
        CASE(CONTAINS_OP) {
            SAVE();
            bool r;
            CHECK(vm_contains(vm, TOP(), SECOND(), &r));
            sp--;
            TOP() = v_bool(r != (arg != 0));
            NEXT();
        }

        CASE(BINARY_SUBSCR) {
            Value c = SECOND(), k = TOP();
            if (c.type == T_LIST && k.type == T_INT) {
                List *l = AS(List, c);
                int32_t i = k.u.i < 0 ? k.u.i + (int32_t)l->len : k.u.i;
                if (i >= 0 && (uint32_t)i < l->len) {
                    sp--;
                    TOP() = l->items[i];
                    NEXT();
                }
            }
            if (c.type == T_ARRAY && k.type == T_INT) {
                /* the numeric kernels' case: read the packed element directly */
                Array *arr = AS(Array, c);
                int32_t i = k.u.i < 0 ? k.u.i + (int32_t)arr->len : k.u.i;
                if (i >= 0 && (uint32_t)i < arr->len) {
                    Value r;
                    switch (arr->hdr.aux) {
                    case 'b': r = v_int(((const int8_t *)arr->data)[i]); break;
                    case 'B': r = v_int(arr->data[i]); break;
                    case 'h': { int16_t h; memcpy(&h, arr->data + 2 * (uint32_t)i, 2); r = v_int(h); break; }
                    case 'H': { uint16_t h; memcpy(&h, arr->data + 2 * (uint32_t)i, 2); r = v_int(h); break; }
                    case 'i': { int32_t w; memcpy(&w, arr->data + 4 * (uint32_t)i, 4); r = v_int(w); break; }
                    case 'f': { float f; memcpy(&f, arr->data + 4 * (uint32_t)i, 4); r = v_float(f); break; }
                    default: goto subscr_slow; /* 'I' may not fit an int */
                    }
                    sp--;
                    TOP() = r;
                    NEXT();
                }
            }
        subscr_slow:
            SAVE();
            Value r;
            CHECK(vm_getitem(vm, c, k, &r));
            sp--;
            TOP() = r;
            NEXT();
        }
        CASE(STORE_SUBSCR) {
            Value c = SECOND(), k = TOP(), v = THIRD();
            if (c.type == T_LIST && k.type == T_INT) {
                List *l = AS(List, c);
                int32_t i = k.u.i < 0 ? k.u.i + (int32_t)l->len : k.u.i;
                if (i >= 0 && (uint32_t)i < l->len) {
                    l->items[i] = v;
                    sp -= 3;
                    NEXT();
                }
            }
            if (c.type == T_ARRAY && k.type == T_INT) {
                Array *arr = AS(Array, c);
                int32_t i = k.u.i < 0 ? k.u.i + (int32_t)arr->len : k.u.i;
                if (i >= 0 && (uint32_t)i < arr->len) {
                    if (arr->hdr.aux == 'i' && v.type == T_INT) {
                        memcpy(arr->data + 4 * (uint32_t)i, &v.u.i, 4);
                        sp -= 3;
                        NEXT();
                    }
                    if (arr->hdr.aux == 'f' && v.type == T_FLOAT) {
                        memcpy(arr->data + 4 * (uint32_t)i, &v.u.f, 4);
                        sp -= 3;
                        NEXT();
                    }
                    if (arr->hdr.aux == 'b' && v.type == T_INT && v.u.i >= -128 && v.u.i <= 127) {
                        arr->data[i] = (uint8_t)v.u.i;
                        sp -= 3;
                        NEXT();
                    }
                }
            }
            SAVE();
            CHECK(vm_setitem(vm, c, k, v));
            sp -= 3;
            NEXT();
        }
        CASE(DELETE_SUBSCR) {
            SAVE();
            CHECK(vm_delitem(vm, SECOND(), TOP()));
            sp -= 2;
            NEXT();
        }
        CASE(BUILD_SLICE) {
            SAVE();
            Value step = arg == 3 ? TOP() : v_none();
            Value *base = sp - arg;
            Slice *s = slice_new(vm, base[0], base[1], step);
            CHECK(s);
            sp = base;
            PUSH(v_obj(s));
            NEXT();
        }
        CASE(BUILD_TUPLE) {
            SAVE();
            Tuple *t = tuple_new(vm, arg);
            CHECK(t);
            sp -= arg;
            memcpy(t->items, sp, arg * sizeof(Value));
            PUSH(v_obj(t));
            NEXT();
        }
        CASE(BUILD_LIST) {
            SAVE();
            List *l = list_new(vm, arg);
            CHECK(l);
            sp -= arg;
            if (arg)
                memcpy(l->items, sp, arg * sizeof(Value));
            l->len = arg;
            PUSH(v_obj(l));
            NEXT();
        }
        CASE(BUILD_MAP) {
            SAVE();
            Dict *d = dict_new(vm);
            CHECK(d);
            VM_ROOT(vm, v_obj(d));
            Value *base = sp - 2 * arg;
            for (uint32_t i = 0; i < arg; i++) {
                if (!dict_set(vm, d, base[2 * i], base[2 * i + 1])) {
                    VM_UNROOT(vm, 1);
                    goto error;
                }
            }
            VM_UNROOT(vm, 1);
            sp = base;
            PUSH(v_obj(d));
            NEXT();
        }
        CASE(LIST_APPEND) {
            SAVE();
            Value l = sp[-1 - (int)arg];
            if (l.type != T_LIST) {
                vm_raise(vm, EXC_RuntimeError, "LIST_APPEND on a non-list");
                goto error;
            }
            CHECK(list_append(vm, AS(List, l), TOP()));
            sp--;
            NEXT();
        }
        CASE(UNPACK_SEQUENCE) {
            Value seq = TOP();
            Value *items = NULL;
            uint32_t len = 0;
            if (seq.type == T_TUPLE) {
                items = AS(Tuple, seq)->items;
                len = AS(Tuple, seq)->len;
            } else if (seq.type == T_LIST) {
                items = AS(List, seq)->items;
                len = AS(List, seq)->len;
            }
            if (items && len == arg) {
                sp--;
                for (uint32_t i = arg; i-- > 0;)
                    PUSH(items[i]);
                NEXT();
            }
            /* General case: unpack above the sequence (rooted), then reverse into place. */
            for (uint32_t i = 0; i < arg; i++)
                sp[i] = v_none();
            vm->sp = sp + arg;
            f->pc = PC() - 1;
            CHECK(vm_unpack(vm, seq, arg, sp));
            for (uint32_t i = 0; i < arg / 2; i++) {
                Value t = sp[i];
                sp[i] = sp[arg - 1 - i];
                sp[arg - 1 - i] = t;
            }
            memmove(sp - 1, sp, arg * sizeof(Value));
            /* the sequence's slot is gone and arg items replace it: in two
             * steps, since arg - 1 in unsigned arithmetic is 2^32 - 1 for
             * UNPACK_SEQUENCE 0 (`[] = []`) */
            sp = sp - 1 + arg;
            NEXT();
        }

        CASE(GET_ITER) {
            SAVE();
            CHECK(vm_getiter(vm, TOP(), &TOP()));
            NEXT();
        }
        CASE(FOR_ITER) {
            Value it = TOP();
            if (it.type == T_ITER) {
                Iter *iter = AS(Iter, it);
                if (iter->hdr.aux == ITER_RANGE) {
                    Value v;
                    if (range_next(iter, &v)) {
                        PUSH(v);
                        NEXT();
                    }
                    sp--;
                    JUMP_TO(arg);
                    NEXT();
                }
                if (iter->hdr.aux == ITER_SEQ && iter->src.type == T_LIST) {
                    List *l = AS(List, iter->src);
                    if (iter->i >= 0 && (uint32_t)iter->i < l->len) {
                        PUSH(l->items[iter->i++]);
                        NEXT();
                    }
                    iter->i = INT32_MAX; /* stays exhausted even if the list grows */
                    sp--;
                    JUMP_TO(arg);
                    NEXT();
                }
            }
            SAVE();
            Value v;
            int r = vm_iternext(vm, it, &v);
            if (r < 0)
                goto error;
            if (r > 0) {
                PUSH(v);
            } else {
                sp--;
                JUMP_TO(arg);
            }
            NEXT();
        }
        CASE(JUMP) JUMP_TO(arg); NEXT();
        CASE(POP_JUMP_IF_FALSE) {
            Value v = POP();
            if (v.type == T_BOOL ? !v.u.i : !vm_truthy(v))
                JUMP_TO(arg);
            NEXT();
        }
        CASE(POP_JUMP_IF_TRUE) {
            Value v = POP();
            if (v.type == T_BOOL ? v.u.i : vm_truthy(v))
                JUMP_TO(arg);
            NEXT();
        }
        CASE(JUMP_IF_FALSE_OR_POP) {
            if (!vm_truthy(TOP()))
                JUMP_TO(arg);
            else
                sp--;
            NEXT();
        }
        CASE(JUMP_IF_TRUE_OR_POP) {
            if (vm_truthy(TOP()))
                JUMP_TO(arg);
            else
                sp--;
            NEXT();
        }

        CASE(CALL)
        CASE(CALL_KW)
        CASE(CALL_METHOD) {
            unsigned op = BC_OP(insn);
            int nargs = (int)arg;
            Tuple *kw = NULL;
            if (op == OP_CALL_KW) {
                Value names = TOP();
                if (names.type != T_TUPLE) {
                    SAVE();
                    vm_raise(vm, EXC_RuntimeError, "CALL_KW without a names tuple");
                    goto error;
                }
                kw = AS(Tuple, names);
                sp--; /* the names tuple is a constant: no need to keep it rooted */
                if (kw->len > (uint32_t)nargs) {
                    SAVE();
                    vm_raise(vm, EXC_RuntimeError, "CALL_KW with more names than arguments");
                    goto error;
                }
            }
            Value *args = sp - nargs;
            Value *fnslot = args - 1;
            int self_args = 0;
            if (op == OP_CALL_METHOD) {
                fnslot = args - 2;
                if (args[-1].type != T_UNBOUND) {
                    args--; /* self becomes the first argument */
                    nargs++;
                    self_args = 1;
                }
            }
            Value fn = *fnslot;
            SAVE();
            if (fn.type == T_FUNCTION) {
                if (vm->jit && !kw) {
                    bool jit_ok;
                    Value result;
                    if (jit_call(vm, AS(Function, fn), args, nargs, &result, &jit_ok)) {
                        CHECK(jit_ok);
                        *fnslot = result;
                        sp = fnslot + 1;
                        NEXT();
                    }
                }
                /* ([fn] [no self]) args: the callee's locals start at args */
                CHECK(push_frame(vm, AS(Function, fn), args, nargs, kw, fnslot));
                f->pc = PC();
                LOAD_FRAME();
                sp = locals + f->code->nlocals;
                NEXT();
            }
            Value r;
            if (fn.type == T_NATIVE) {
                CHECK(call_native(vm, AS(Native, fn), args, nargs, kw, self_args, &r));
            } else if (fn.type == T_BOUNDMETHOD) {
                /* The slot just below the arguments (the bound method's own
                 * slot for CALL, the empty self slot for CALL_METHOD)
                 * becomes self; self_args is 0 here because vm_load_method
                 * never pairs a bound method with a self. */
                BoundMethod *b = AS(BoundMethod, fn);
                Value *a = args - 1;
                a[0] = b->self;
                CHECK(call_native(vm, b->method, a, nargs + 1, kw, 1, &r));
            } else if (fn.type == T_TYPE) {
                CHECK(call_type(vm, AS(TypeObj, fn), args, nargs, kw, &r));
            } else {
                vm_raise(vm, EXC_TypeError, "'%s' object is not callable", type_name(fn));
                goto error;
            }
            sp = fnslot;
            PUSH(r);
            NEXT();
        }
        CASE(RETURN_VALUE) {
            Value r = TOP();
            Frame *done = f;
            *done->ret = r;
            sp = done->ret + 1;
            vm->nframes--;
            if (vm->nframes == stop) {
                vm->sp = sp - 1; /* the caller's view: the result slot is its own */
                return true;
            }
            LOAD_FRAME();
            NEXT();
        }
        CASE(MAKE_FUNCTION) {
            SAVE();
            Value codev = TOP();
            if (codev.type != T_CODE) { /* only a hand-made .p4b can get here */
                vm_raise(vm, EXC_TypeError, "MAKE_FUNCTION needs a code object, not '%s'", type_name(codev));
                goto error;
            }
            Tuple *defaults = NULL;
            if (arg) {
                defaults = tuple_new(vm, arg);
                CHECK(defaults);
                memcpy(defaults->items, sp - 1 - arg, arg * sizeof(Value));
                VM_ROOT(vm, v_obj(defaults));
            }
            Function *fn = gc_alloc(vm, T_FUNCTION, sizeof(Function));
            if (arg)
                VM_UNROOT(vm, 1);
            CHECK(fn);
            fn->code = AS(Code, codev);
            fn->defaults = defaults;
            sp -= arg + 1;
            PUSH(v_obj(fn));
            NEXT();
        }

        CASE(RAISE) {
            SAVE();
            Value v = TOP();
            if (v.type == T_TYPE && AS(TypeObj, v)->exc >= 0) {
                Exception *e = exc_new(vm, AS(TypeObj, v), NULL);
                CHECK(e);
                v = v_obj(e);
            } else if (v.type != T_EXCEPTION) {
                vm_raise(vm, EXC_TypeError, "exceptions must derive from BaseException");
                goto error;
            }
            vm->exc = v;
            goto error;
        }
        CASE(RERAISE) {
            SAVE();
            if (TOP().type != T_EXCEPTION) {
                vm_raise(vm, EXC_TypeError, "exceptions must derive from BaseException");
                goto error;
            }
            vm->exc = TOP();
            goto unwind; /* its traceback already has this frame */
        }
        CASE(CHECK_EXC_MATCH) {
            SAVE();
            bool m;
            CHECK(exc_class_check(vm, TOP(), SECOND(), &m));
            TOP() = v_bool(m);
            NEXT();
        }
        CASE(ASSERT_FAIL) {
            SAVE();
            Tuple *args = tuple_new(vm, arg);
            CHECK(args);
            if (arg)
                args->items[0] = TOP();
            Exception *e = exc_new(vm, &exc_types[EXC_AssertionError], args);
            CHECK(e);
            vm->exc = v_obj(e);
            goto error;
        }
        CASE(FORMAT_VALUE) {
            SAVE();
            StrBuf sb;
            sb_init(&sb);
            bool ok;
            if (arg == 1) {
                Value spec = TOP();
                if (spec.type != T_STR) {
                    sb_free(&sb);
                    vm_raise(vm, EXC_TypeError, "format spec must be a str");
                    goto error;
                }
                ok = fmt_format(vm, &sb, SECOND(), AS(Str, spec)->data, AS(Str, spec)->len);
            } else {
                ok = arg == 2 ? fmt_repr(vm, &sb, TOP()) : fmt_str(vm, &sb, TOP());
            }
            if (!ok) {
                sb_free(&sb);
                goto error;
            }
            Str *s = sb_to_str(vm, &sb);
            CHECK(s);
            if (arg == 1)
                sp--;
            TOP() = v_obj(s);
            NEXT();
        }
        CASE(BUILD_STRING) {
            SAVE();
            StrBuf sb;
            sb_init(&sb);
            for (uint32_t i = 0; i < arg; i++) {
                Value s = sp[(int)i - (int)arg];
                if (s.type == T_STR)
                    sb_add(&sb, AS(Str, s)->data, AS(Str, s)->len);
            }
            Str *s = sb_to_str(vm, &sb);
            CHECK(s);
            sp -= arg;
            PUSH(v_obj(s));
            NEXT();
        }
        }
#if !P4_COMPUTED_GOTO
        /* unknown opcodes cannot reach here: the loader verified every word */
        continue;
#endif

    error:
        /* A new exception at f->pc: record this frame in its traceback. */
        if (vm->exc.type == T_EXCEPTION)
            exc_add_traceback(vm, AS(Exception, vm->exc), f->code, f->pc);
    unwind:
        for (;;) {
            const ExcEntry *h = find_handler(f->code, f->pc);
            if (h) {
                sp = locals + f->code->nlocals + h->depth;
                PUSH(vm->exc);
                vm->exc = v_unbound();
                JUMP_TO(h->handler);
                break;
            }
            vm->nframes--;
            if (vm->nframes == stop) {
                vm->sp = f->ret;
                return false;
            }
            LOAD_FRAME();
            /* the caller's pc is past its CALL: report the call's line */
            f->pc = PC() - 1;
            if (vm->exc.type == T_EXCEPTION)
                exc_add_traceback(vm, AS(Exception, vm->exc), f->code, f->pc);
        }
    }
}

bool vm_run_program(VM *vm)
{
    Program *p = vm->program;
    Code *c = AS(Code, p->codes[0]);
    Value *slot = vm->stack;
    if (slot + 1 + c->nlocals + c->maxstack + FRAME_SLACK > vm->stack_end)
        return stack_overflow(vm);
    slot[0] = v_none();
    for (uint32_t i = 0; i < c->nlocals; i++)
        slot[1 + i] = v_unbound();
    vm->sp = slot + 1 + c->nlocals;
    Frame *f = &vm->frames[vm->nframes++];
    f->code = c;
    f->func = NULL;
    f->pc = 0;
    f->base = slot + 1;
    f->ret = slot;
    bool ok = run(vm, vm->nframes - 1, NULL);
    vm_flush(vm);
    return ok;
}
