/*
 * gen.c - generator objects: creation, the iteration protocol, and the
 * methods send, throw and close.
 *
 * A generator function's code starts with RETURN_GENERATOR, which turns the
 * fresh frame (its arguments bound) into a Gen and returns it. Resuming
 * copies the saved locals and value stack back onto the VM stack and runs
 * the frame in interp.c until YIELD_VALUE copies them out again
 * (vm_gen_resume). A `yield from` is CPython 3.11's loop of SEND,
 * YIELD_VALUE and JUMP; throw() and close() recognise a generator suspended
 * in that loop and pass the exception to the inner generator first.
 */
#include <string.h>

#include "vm/bytecode.h"
#include "vm/class.h"
#include "vm/gen.h"

Gen *gen_new(VM *vm, Function *fn, const Value *frame, uint32_t nvalues, uint32_t pc)
{
    Code *c = fn->code;
    Gen *g = gc_alloc(vm, T_GEN, sizeof(Gen));
    if (!g)
        return NULL;
    g->func = fn;
    g->handled = v_none();
    g->hdr.aux = GEN_DONE; /* nothing to trace until saved is filled */
    VM_ROOT(vm, v_obj(g));
    Value *saved = gc_alloc_raw(vm, ((size_t)c->nlocals + c->maxstack) * sizeof(Value));
    VM_UNROOT(vm, 1);
    if (!saved)
        return NULL;
    memcpy(saved, frame, nvalues * sizeof(Value));
    g->saved = saved;
    g->pc = pc;
    g->depth = nvalues - c->nlocals;
    g->hdr.aux = GEN_CREATED;
    return g;
}

Str *gen_name(const Gen *g)
{
    return g->func->code->name;
}

int gen_next(VM *vm, Gen *g, Value *out)
{
    int rc = vm_gen_resume(vm, g, RESUME_SEND, v_none(), out);
    return rc;
}

int gen_send(VM *vm, Gen *g, Value v, Value *out)
{
    if (g->hdr.aux == GEN_CREATED && v.type != T_NONE) {
        vm_raise(vm, EXC_TypeError, "can't send non-None value to a just-started generator");
        return -1;
    }
    return vm_gen_resume(vm, g, RESUME_SEND, v, out);
}

/* If g is suspended inside a `yield from` (at the YIELD_VALUE of the
 * SEND/YIELD_VALUE/JUMP loop), the inner iterator and where the loop exits. */
static bool yield_from_inner(const Gen *g, Value *inner, uint32_t *exit_pc)
{
    const Code *c = g->func->code;
    if (g->hdr.aux != GEN_SUSPENDED || g->depth < 1 || g->pc >= c->ninsns)
        return false;
    uint32_t jump = c->insns[g->pc];
    if (BC_OP(jump) != OP_JUMP || BC_ARG(jump) >= c->ninsns)
        return false;
    uint32_t send = c->insns[BC_ARG(jump)];
    if (BC_OP(send) != OP_SEND)
        return false;
    *inner = g->saved[c->nlocals + g->depth - 1];
    *exit_pc = BC_ARG(send);
    return true;
}

static bool is_exc(Value v, ExcKind kind)
{
    return v.type == T_EXCEPTION && exc_matches(AS(Exception, v), &exc_types[kind]);
}

/* inner.name(args...) for an iterator that is not a generator, which a
 * `yield from` delegates to (PEP 380): 1 with *out, or -1 raised; 2 when
 * inner has no such method. */
int gen_call_delegate(VM *vm, Value inner, const char *name, Value *args, int nargs, Value *out)
{
    Str *n = str_from_cstr(vm, name);
    if (!n)
        return -1;
    Value m;
    if (!vm_load_attr(vm, inner, n, &m)) {
        if (!is_exc(vm->exc, EXC_AttributeError))
            return -1;
        vm->exc = v_unbound();
        return 2;
    }
    VM_ROOT(vm, m);
    bool entered = vm_recursion_enter(vm, NULL);
    bool ok = entered && vm_call(vm, m, args, nargs, NULL, out);
    if (entered)
        vm_recursion_leave(vm);
    VM_UNROOT(vm, 1);
    return ok ? 1 : -1;
}

/* g.throw(args) while g delegates to inner, a non-generator with a throw
 * method: inner.throw(args) as given (CPython passes them on unchecked);
 * 2 when inner has none. */
static int delegate_throw(VM *vm, Gen *g, Value inner, uint32_t exit_pc, Value *args, int nargs, Value *out)
{
    Value r = v_none();
    int rc = gen_call_delegate(vm, inner, "throw", args, nargs, &r);
    if (rc == 1) { /* it gave a value: g yields it */
        *out = r;
        return 1;
    }
    if (rc == 2)
        return 2;
    if (is_exc(vm->exc, EXC_StopIteration)) { /* it finished: the yield from evaluates to its value */
        Tuple *a = AS(Exception, vm->exc)->args;
        vm->exc = v_unbound();
        g->saved[g->func->code->nlocals + g->depth - 1] = a->len ? a->items[0] : v_none();
        g->pc = exit_pc;
        return vm_gen_resume(vm, g, RESUME_CONTINUE, v_none(), out);
    }
    return vm_gen_resume(vm, g, RESUME_THROW, v_none(), out); /* its exception continues in g */
}

/* Raises exc (an exception instance) inside g where it is suspended. */
static int gen_throw(VM *vm, Gen *g, Value exc, Value *out)
{
    Value inner;
    uint32_t exit_pc;
    if (yield_from_inner(g, &inner, &exit_pc) && inner.type != T_GEN) {
        VM_ROOT(vm, exc);
        int rc;
        if (is_exc(exc, EXC_GeneratorExit)) { /* inner.close() if it has one, then GeneratorExit in g */
            Value r;
            rc = gen_call_delegate(vm, inner, "close", NULL, 0, &r);
            if (rc < 0) { /* its error replaces the GeneratorExit */
                exc = vm->exc;
                vm->exc = v_unbound();
            }
            rc = 2;
        } else {
            rc = delegate_throw(vm, g, inner, exit_pc, &exc, 1, out);
        }
        VM_UNROOT(vm, 1);
        if (rc != 2)
            return rc;
    }
    if (yield_from_inner(g, &inner, &exit_pc) && inner.type == T_GEN) {
        if (!vm_recursion_enter(vm, NULL)) /* a chain of yield-from as long as the program makes it */
            return -1;
        VM_ROOT(vm, exc);
        int rc;
        Value r = v_none();
        if (is_exc(exc, EXC_GeneratorExit))
            rc = gen_close(vm, AS(Gen, inner)) ? 2 : -1; /* 2: closed, now raise in g */
        else
            rc = gen_throw(vm, AS(Gen, inner), exc, &r);
        VM_UNROOT(vm, 1);
        vm_recursion_leave(vm);
        if (rc == 1) { /* the inner generator caught it and yielded: so does g */
            *out = r;
            return 1;
        }
        if (rc == 0) { /* it returned: the yield from evaluates to its value */
            g->saved[g->func->code->nlocals + g->depth - 1] = r;
            g->pc = exit_pc;
            return vm_gen_resume(vm, g, RESUME_CONTINUE, v_none(), out);
        }
        if (rc < 0) { /* it raised: that exception continues in g */
            exc = vm->exc;
            vm->exc = v_unbound();
        }
    }
    vm->exc = exc;
    return vm_gen_resume(vm, g, RESUME_THROW, v_none(), out);
}

bool gen_close(VM *vm, Gen *g)
{
    if (g->hdr.aux == GEN_RUNNING)
        return vm_raise(vm, EXC_ValueError, "generator already executing");
    if (g->hdr.aux != GEN_SUSPENDED) {
        g->hdr.aux = GEN_DONE;
        g->saved = NULL;
        return true;
    }
    Exception *e = exc_new(vm, &exc_types[EXC_GeneratorExit], NULL);
    if (!e)
        return false;
    Value out;
    int rc = gen_throw(vm, g, v_obj(e), &out);
    if (rc > 0)
        return vm_raise(vm, EXC_RuntimeError, "generator ignored GeneratorExit");
    if (rc == 0)
        return true;
    if (is_exc(vm->exc, EXC_GeneratorExit) || is_exc(vm->exc, EXC_StopIteration)) {
        vm->exc = v_unbound();
        return true;
    }
    return false;
}

/* ---- methods -------------------------------------------------------------------------- */

/* The result of a resumption as a method's: StopIteration(value) when the
 * generator returned. */
static bool method_result(VM *vm, int rc, Value *out)
{
    if (rc > 0)
        return true;
    if (rc < 0)
        return false;
    if (out->type == T_NONE) { /* StopIteration() with no arguments, as CPython raises it */
        Exception *e = exc_new(vm, &exc_types[EXC_StopIteration], NULL);
        if (!e)
            return false;
        vm->exc = v_obj(e);
        return false;
    }
    return vm_raise_value(vm, EXC_StopIteration, *out);
}

static bool gen_next_m(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)nargs, (void)kw;
    return method_result(vm, vm_gen_resume(vm, AS(Gen, args[0]), RESUME_SEND, v_none(), out), out);
}

static bool gen_send_m(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)nargs, (void)kw;
    return method_result(vm, gen_send(vm, AS(Gen, args[0]), args[1], out), out);
}

static bool gen_throw_m(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)kw;
    Value typ = args[1], val = nargs > 2 ? args[2] : v_none();
    Value inner;
    uint32_t exit_pc;
    bool closing = (typ.type == T_TYPE && AS(TypeObj, typ)->exc >= 0 &&
                    type_is_subclass(AS(TypeObj, typ), &exc_types[EXC_GeneratorExit])) ||
                   is_exc(typ, EXC_GeneratorExit);
    if (!closing && yield_from_inner(AS(Gen, args[0]), &inner, &exit_pc) && inner.type != T_GEN) {
        int rc = delegate_throw(vm, AS(Gen, args[0]), inner, exit_pc, &args[1], nargs - 1, out);
        if (rc != 2)
            return method_result(vm, rc, out);
    }
    Value exc;
    if (typ.type == T_EXCEPTION) {
        if (val.type != T_NONE)
            return vm_raise(vm, EXC_TypeError, "instance exception may not have a separate value");
        exc = typ;
    } else if (typ.type == T_TYPE && AS(TypeObj, typ)->exc >= 0) {
        if (val.type == T_EXCEPTION && exc_matches(AS(Exception, val), AS(TypeObj, typ))) {
            exc = val;
        } else if (type_is_user(AS(TypeObj, typ))) { /* called as raise calls it: __new__, __init__ run */
            if (!class_make_exception(vm, (Class *)AS(TypeObj, typ), &val, val.type == T_NONE ? 0 : 1, false, &exc)) {
                if (vm->exc.type != T_EXCEPTION)
                    return false;
                exc = vm->exc; /* what the call raised is thrown in instead, as CPython does */
                vm->exc = v_unbound();
            }
        } else {
            Tuple *a = tuple_new(vm, val.type == T_NONE ? 0 : 1);
            if (!a)
                return false;
            if (val.type != T_NONE)
                a->items[0] = val;
            Exception *e = exc_new(vm, AS(TypeObj, typ), a);
            if (!e)
                return false;
            exc = v_obj(e);
        }
    } else {
        return vm_raise(vm, EXC_TypeError,
                        "exceptions must be classes or instances deriving from BaseException, not %s",
                        type_name(typ));
    }
    VM_ROOT(vm, exc);
    int rc = gen_throw(vm, AS(Gen, args[0]), exc, out);
    VM_UNROOT(vm, 1);
    return method_result(vm, rc, out);
}

static bool gen_close_m(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)nargs, (void)kw;
    *out = v_none();
    return gen_close(vm, AS(Gen, args[0]));
}

static NATIVE(gen_next_n, "__next__", gen_next_m, 1, 1);
static NATIVE(gen_send_n, "send", gen_send_m, 2, 2);
static NATIVE(gen_throw_n, "throw", gen_throw_m, 2, 3);
static NATIVE(gen_close_n, "close", gen_close_m, 1, 1);

const MethodEntry gen_methods[] = {
    {Q___next__, &gen_next_n},
    {Q_send, &gen_send_n},
    {Q_throw, &gen_throw_n},
    {Q_close, &gen_close_n},
};
const uint32_t n_gen_methods = sizeof gen_methods / sizeof gen_methods[0];
