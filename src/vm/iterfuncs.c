/*
 * iterfuncs.c - built-ins over iterators and attributes: iter, next, map,
 * filter, any, all, callable, id, getattr/setattr/hasattr/delattr, slice.
 * The lazy iterators (map, filter, iter(f, sentinel)) are Iter kinds that
 * vm_iternext hands to lib_iternext.
 */
#include <string.h>

#include "vm/vm.h"
#include "vm/libobj.h"
#include "vm/class.h"
#include "vm/itertools.h"

int lib_iternext(VM *vm, Iter *it, Value *out)
{
    switch (it->hdr.aux) {
    case ITER_MAP: {
        Tuple *src = AS(Tuple, it->src);
        uint32_t n = src->len - 1;
        Tuple *args = tuple_new(vm, n);
        if (!args)
            return -1;
        if (!vm_recursion_enter(vm, NULL)) /* map over map over ...: bounded C recursion */
            return -1;
        VM_ROOT(vm, v_obj(args));
        int r = 1;
        for (uint32_t k = 0; k < n && r == 1; k++)
            r = vm_iternext_raw(vm, src->items[k + 1], &args->items[k]);
        if (r == 1)
            r = vm_call(vm, src->items[0], args->items, (int)n, NULL, out) ? 1 : -1;
        VM_UNROOT(vm, 1);
        vm_recursion_leave(vm);
        return r;
    }
    case ITER_FILTER: {
        Tuple *src = AS(Tuple, it->src);
        if (!vm_recursion_enter(vm, NULL))
            return -1;
        int r;
        for (;;) {
            Value v, keep;
            r = vm_iternext_raw(vm, src->items[1], &v);
            if (r != 1)
                break;
            if (src->items[0].type == T_NONE) {
                keep = v;
            } else {
                VM_ROOT(vm, v);
                bool ok = vm_call(vm, src->items[0], &vm->roots[vm->nroots - 1], 1, NULL, &keep);
                VM_UNROOT(vm, 1);
                if (!ok) {
                    r = -1;
                    break;
                }
            }
            if (vm_truthy(keep)) {
                *out = v;
                break;
            }
        }
        vm_recursion_leave(vm);
        return r;
    }
    case ITER_CALL: {
        if (it->i)
            return 0;
        Tuple *src = AS(Tuple, it->src);
        Value v;
        bool eq = false;
        if (!vm_call(vm, src->items[0], src->items, 0, NULL, &v)) /* no arguments (a valid pointer for memcpy) */
            return -1;
        VM_ROOT(vm, v);
        bool ok = vm_equal(vm, v, src->items[1], &eq);
        VM_UNROOT(vm, 1);
        if (!ok)
            return -1;
        if (eq) {
            it->i = 1;
            return 0;
        }
        *out = v;
        return 1;
    }
    case ITER_ITERTOOL:
        return itertools_next(vm, it, out);
    default:
        vm_raise(vm, EXC_RuntimeError, "bad iterator");
        return -1;
    }
}

/* ---- iter, next, map, filter, any, all ------------------------------------------ */

static bool iter_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (nargs == 1)
        return vm_getiter(vm, args[0], out);
    Value fn = args[0];
    if (fn.type != T_FUNCTION && fn.type != T_NATIVE && fn.type != T_BOUNDMETHOD && fn.type != T_TYPE)
        return vm_raise(vm, EXC_TypeError, "iter(v, w): v must be callable");
    Tuple *t = tuple_new(vm, 2);
    if (!t)
        return false;
    t->items[0] = args[0];
    t->items[1] = args[1];
    Iter *it = iter_new(vm, ITER_CALL, v_obj(t));
    if (!it)
        return false;
    *out = v_obj(it);
    return true;
}
NATIVE(bi_iter, "iter", iter_fn, 1, 2);

static bool next_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    /* generators and instances with __next__ are iterators too (vm_iternext) */
    if (args[0].type != T_ITER && args[0].type != T_GEN && args[0].type != T_INSTANCE)
        return vm_raise(vm, EXC_TypeError, "'%s' object is not an iterator", type_name(args[0]));
    Value got = v_none();
    int r = vm_iternext_raw(vm, args[0], &got); /* __next__'s own StopIteration(x) passes through */
    if (r < 0 && nargs == 2 && vm->exc.type == T_EXCEPTION &&
        exc_matches(AS(Exception, vm->exc), &exc_types[EXC_StopIteration])) {
        vm->exc = v_unbound();
        r = 0;
    }
    if (r == 0) {
        if (nargs == 2) {
            *out = args[1];
            return true;
        }
        if (args[0].type == T_GEN && got.type != T_NONE) /* a generator's return value */
            return vm_raise_value(vm, EXC_StopIteration, got);
        Exception *e = exc_new(vm, &exc_types[EXC_StopIteration], NULL);
        if (e)
            vm->exc = v_obj(e);
        return false;
    }
    *out = got;
    return r == 1;
}
NATIVE(bi_next, "next", next_fn, 1, 2);

/* map(f, *iterables) / filter(f, iterable): a tuple (f, iterators...) */
static bool lazy_iter(VM *vm, enum IterKind kind, Value *args, int nargs, Value *out)
{
    Tuple *t = tuple_new(vm, (uint32_t)nargs);
    if (!t)
        return false;
    VM_ROOT(vm, v_obj(t));
    t->items[0] = args[0];
    bool ok = true;
    for (int k = 1; k < nargs && ok; k++)
        ok = vm_getiter(vm, args[k], &t->items[k]);
    Iter *it = ok ? iter_new(vm, kind, v_obj(t)) : NULL;
    VM_UNROOT(vm, 1);
    if (!it)
        return false;
    *out = v_obj(it);
    return true;
}

static bool map_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (nargs < 2)
        return vm_raise(vm, EXC_TypeError, "map() must have at least two arguments.");
    return lazy_iter(vm, ITER_MAP, args, nargs, out);
}
NATIVE(bi_map, "map", map_fn, 0, -1);

static bool filter_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    return lazy_iter(vm, ITER_FILTER, args, nargs, out);
}
NATIVE(bi_filter, "filter", filter_fn, 2, 2);

/* any() stops at the first true item, all() at the first false one */
static bool any_all(VM *vm, Value iterable, bool want, Value *out)
{
    Value it, v;
    if (!vm_getiter(vm, iterable, &it))
        return false;
    VM_ROOT(vm, it);
    int r;
    while ((r = vm_iternext(vm, it, &v)) == 1 && vm_truthy(v) != want)
        ;
    VM_UNROOT(vm, 1);
    if (r < 0)
        return false;
    *out = v_bool(r == 1 ? want : !want);
    return true;
}
static bool any_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return any_all(vm, args[0], true, out); }
static bool all_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return any_all(vm, args[0], false, out); }
NATIVE(bi_any, "any", any_fn, 1, 1);
NATIVE(bi_all, "all", all_fn, 1, 1);

/* ---- callable, id ---------------------------------------------------------------- */

static bool callable_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    switch ((Type)args[0].type) {
    case T_FUNCTION: case T_NATIVE: case T_BOUNDMETHOD: case T_TYPE:
        *out = v_bool(true);
        break;
    case T_INSTANCE: { /* a class with __call__ */
        Value call;
        if (!class_special(vm, args[0], SN___call__, &call))
            return false;
        /* even __call__ = None, as CPython; a class made by a subclass of type */
        *out = v_bool(call.type != T_UNBOUND || instance_native(args[0]).type == T_TYPE);
        break;
    }
    case T_LIBOBJ: /* weakref.ref and weakref.finalize objects */
        *out = v_bool(args[0].u.obj->aux == LIB_WEAKREF || args[0].u.obj->aux == LIB_FINALIZE ||
                      args[0].u.obj->aux == LIB_OPGETTER);
        break;
    default:
        *out = v_bool(false);
    }
    return true;
}
NATIVE(bi_callable, "callable", callable_fn, 1, 1);

/* id(): an object's offset in the heap (unique among live objects, fits an
 * int); static objects and immediates get a number from their contents */
static bool id_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Value v = args[0];
    uint32_t id;
    if (v_is_obj(v) && gc_in_heap(vm, v.u.obj))
        id = (uint32_t)((const uint8_t *)v.u.obj - vm->heap.base);
    else if (v_is_obj(v))
        id = 0x40000000u | (uint32_t)(((uintptr_t)v.u.obj >> 3) & 0x3fffffffu);
    else
        id = 0x20000000u ^ (uint32_t)v.u.i ^ (v.type << 24);
    *out = v_int((int32_t)(id & 0x7fffffffu));
    return true;
}
NATIVE(bi_id, "id", id_fn, 1, 1);

/* ---- attributes --------------------------------------------------------------------- */

static bool attr_name(VM *vm, Value v, const char *fn, Str **out)
{
    if (v.type != T_STR)
        return vm_raise(vm, EXC_TypeError, "attribute name must be string, not '%s'", type_name(v));
    *out = AS(Str, v);
    /* a name made at run time is not tagged yet: lookups go by qid */
    if ((*out)->hdr.aux == QID_NONE)
        (*out)->hdr.aux = qid_lookup((*out)->data, (*out)->len);
    return true;
}

static bool is_attribute_error(VM *vm)
{
    return vm->exc.type == T_EXCEPTION && exc_matches(AS(Exception, vm->exc), &exc_types[EXC_AttributeError]);
}

static bool getattr_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Str *name = NULL;
    if (!attr_name(vm, args[1], "getattr", &name))
        return false;
    if (vm_load_attr(vm, args[0], name, out))
        return true;
    if (nargs == 3 && is_attribute_error(vm)) {
        vm->exc = v_unbound();
        *out = args[2];
        return true;
    }
    return false;
}
NATIVE(bi_getattr, "getattr", getattr_fn, 2, 3);

static bool hasattr_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Str *name = NULL;
    Value v;
    if (!attr_name(vm, args[1], "hasattr", &name))
        return false;
    if (vm_load_attr(vm, args[0], name, &v)) {
        *out = v_bool(true);
        return true;
    }
    if (!is_attribute_error(vm))
        return false;
    vm->exc = v_unbound();
    *out = v_bool(false);
    return true;
}
NATIVE(bi_hasattr, "hasattr", hasattr_fn, 2, 2);

static bool setattr_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Str *name = NULL;
    if (!attr_name(vm, args[1], "setattr", &name) || !vm_store_attr(vm, args[0], name, args[2]))
        return false;
    *out = v_none();
    return true;
}
NATIVE(bi_setattr, "setattr", setattr_fn, 3, 3);

static bool delattr_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Str *name = NULL;
    if (!attr_name(vm, args[1], "delattr", &name) || !vm_delete_attr(vm, args[0], name))
        return false;
    *out = v_none();
    return true;
}
NATIVE(bi_delattr, "delattr", delattr_fn, 2, 2);

/* ---- slice ----------------------------------------------------------------------------- */

static bool slice_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Slice *s = nargs == 1 ? slice_new(vm, v_none(), args[0], v_none())
                          : slice_new(vm, args[0], args[1], nargs == 3 ? args[2] : v_none());
    if (!s)
        return false;
    *out = v_obj(s);
    return true;
}
NATIVE(bi_slice, "slice", slice_fn, 1, 3);
