/*
 * coro.c - coroutines: `async def`, `await`, `async with`, `async for`.
 *
 * A coroutine is a generator (vm/gen.c) whose code has CODE_COROUTINE: the
 * compiler gives an `async def` a RETURN_GENERATOR start, and compiles
 * `await x` as GET_AWAITABLE followed by the SEND/YIELD_VALUE/JUMP loop of
 * `yield from`. So a coroutine is driven as MicroPython's tests and event
 * loops drive one: with send(None), throw() and close(). The instructions
 * here find the awaitable (a coroutine or generator itself, else what
 * __await__ returns) and call the asynchronous protocols' methods. The
 * event loop is Python: lib/std/asyncio.py drives coroutines with send and
 * throw.
 */
#include <string.h>

#include "vm/bytecode.h"
#include "vm/class.h"
#include "vm/gen.h"
#include "vm/coro.h"
#include "vm/vm.h"

bool gen_is_coroutine(const Gen *g)
{
    return (g->func->code->flags & CODE_COROUTINE) != 0;
}

/* obj.name() for an asynchronous protocol's method: 1 called (*out its
 * result), 0 obj has no such attribute, -1 raised. */
static int call_named(VM *vm, Value obj, const char *name, Value *args, int nargs, Value *out)
{
    if (!class_has_attrs(obj))
        return 0;
    Str *s = str_from_cstr(vm, name);
    if (!s)
        return -1;
    VM_ROOT(vm, v_obj(s));
    Value m[2];
    bool got = class_load_method(vm, obj, s, m);
    VM_UNROOT(vm, 1);
    if (!got) {
        if (vm->exc.type != T_EXCEPTION || !exc_matches(AS(Exception, vm->exc), &exc_types[EXC_AttributeError]))
            return -1;
        vm->exc = v_unbound();
        return 0;
    }
    VM_ROOT(vm, m[0]);
    VM_ROOT(vm, m[1]);
    bool ok = m[1].type == T_UNBOUND ? vm_call(vm, m[0], args, nargs, NULL, out)
                                     : vm_call_method(vm, m[0], m[1], args, nargs, NULL, out);
    VM_UNROOT(vm, 2);
    return ok ? 1 : -1;
}

/* GET_AWAITABLE: a coroutine, or a generator (MicroPython's rule; CPython
 * wants types.coroutine's mark), stays itself; else __await__() must give
 * an iterator. That may be a coroutine: coroutine.__await__() returns the
 * coroutine itself here (below), so `return coro.__await__()` in an
 * __await__ must be accepted, and a bare `return coro` is then too. */
bool coro_awaitable(VM *vm, Value *v)
{
    if (v->type == T_GEN)
        return true;
    Value r;
    int got = call_named(vm, *v, "__await__", NULL, 0, &r);
    if (got < 0)
        return false;
    if (got == 0)
        return vm_raise(vm, EXC_TypeError, "object %s can't be used in 'await' expression", type_name(*v));
    Value next = v_unbound();
    if (r.type == T_INSTANCE && !class_special(vm, r, SN___next__, &next))
        return false;
    if (r.type != T_GEN && r.type != T_ITER && next.type == T_UNBOUND)
        return vm_raise(vm, EXC_TypeError, "__await__() returned non-iterator of type '%s'", type_name(r));
    *v = r;
    return true;
}

/* BEFORE_ASYNC_WITH: mgr at sp[-1] -> the bound __aexit__ at sp[-1],
 * mgr.__aenter__() at sp[0]. */
bool coro_before_async_with(VM *vm, Value *sp)
{
    Value mgr = sp[-1];
    sp[0] = v_none();
    vm->sp = sp + 1;
    Str *name = str_from_cstr(vm, "__aexit__");
    if (!name)
        return false;
    VM_ROOT(vm, v_obj(name));
    Value exit = v_unbound();
    bool ok = !class_has_attrs(mgr) || class_load_attr(vm, mgr, name, &exit);
    VM_UNROOT(vm, 1);
    if (!ok) {
        if (vm->exc.type != T_EXCEPTION || !exc_matches(AS(Exception, vm->exc), &exc_types[EXC_AttributeError]))
            return false;
        vm->exc = v_unbound();
        exit = v_unbound();
    }
    Value enter;
    int got = 0;
    if (exit.type != T_UNBOUND) {
        sp[0] = exit; /* rooted on the value stack while __aenter__ runs */
        got = call_named(vm, mgr, "__aenter__", NULL, 0, &enter);
    }
    if (got < 0)
        return false;
    if (got == 0)
        return vm_raise(vm, EXC_TypeError,
                        "'%s' object does not support the asynchronous context manager protocol", type_name(mgr));
    sp[-1] = exit;
    sp[0] = enter;
    return true;
}

/* ASYNC_WITH_EXCEPT: aexit exc -> aexit exc aexit(type(exc), exc, None) */
bool coro_with_except(VM *vm, Value *sp)
{
    Value exc = sp[-1];
    Value *a = sp;
    a[0] = exc.type == T_EXCEPTION ? v_obj((void *)AS(Exception, exc)->cls) : v_none();
    a[1] = exc;
    a[2] = v_none();
    vm->sp = sp + 3;
    Value r;
    if (!vm_call(vm, sp[-2], a, 3, NULL, &r))
        return false;
    sp[0] = r;
    return true;
}

/* GET_AITER: obj -> obj.__aiter__() */
bool coro_aiter(VM *vm, Value *v)
{
    Value r;
    int got = call_named(vm, *v, "__aiter__", NULL, 0, &r);
    if (got < 0)
        return false;
    if (got == 0)
        return vm_raise(vm, EXC_TypeError, "'async for' requires an object with __aiter__ method, got %s",
                        type_name(*v));
    *v = r;
    return true;
}

/* GET_ANEXT: aiter -> aiter aiter.__anext__() */
bool coro_anext(VM *vm, Value aiter, Value *out)
{
    int got = call_named(vm, aiter, "__anext__", NULL, 0, out);
    if (got < 0)
        return false;
    if (got == 0)
        return vm_raise(vm, EXC_TypeError,
                        "'async for' received an object from __aiter__ that does not implement __anext__: %s",
                        type_name(aiter));
    return true;
}

/* END_ASYNC_FOR: is exc the StopAsyncIteration that ends the loop? */
bool coro_ends_loop(Value exc)
{
    return exc.type == T_EXCEPTION && exc_matches(AS(Exception, exc), &exc_types[EXC_StopAsyncIteration]);
}

/* ---- coroutine.__await__ ------------------------------------------------ */

/* CPython's coroutine.__await__() returns a wrapper that iterates the
 * coroutine. A coroutine here is a generator, already an iterator with
 * send/throw/close, so it is its own wrapper. */
static bool coro_await_m(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)vm, (void)nargs, (void)kw;
    *out = args[0];
    return true;
}
static NATIVE(coro_await_n, "__await__", coro_await_m, 1, 1);

const Native *coro_method(Value obj, uint16_t qid)
{
    if (qid == Q___await__)
        return gen_is_coroutine(AS(Gen, obj)) ? &coro_await_n : NULL;
    for (uint32_t i = 0; i < n_gen_methods; i++)
        if (gen_methods[i].qid == qid)
            return gen_methods[i].fn;
    return NULL;
}

const TypeObj type_coroutine = {{0, T_TYPE, 0, 0}, "coroutine", T_GEN, -1, NULL, NULL};

/* ---- types: coroutine() ------------------------------------------------------ */

/* types.coroutine(f): f itself, as await takes any generator here. */
static bool types_coroutine(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (args[0].type != T_FUNCTION && args[0].type != T_NATIVE && args[0].type != T_BOUNDMETHOD &&
        args[0].type != T_INSTANCE && args[0].type != T_TYPE)
        return vm_raise(vm, EXC_TypeError, "types.coroutine() expects a callable");
    *out = args[0];
    return true;
}
static NATIVE(types_coroutine_n, "coroutine", types_coroutine, 1, 1);
static Value get_coroutine(void) { return v_obj((void *)&types_coroutine_n); }

static const ModuleAttr types_attrs[] = {{"coroutine", get_coroutine}};
const Module module_types = {{0, T_MODULE, 0, 0}, "types", types_attrs, 1};
