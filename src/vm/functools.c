/*
 * functools.c - the `_functools` module: reduce and partial, imported by
 * lib/std/functools.py (which adds lru_cache, total_ordering and the rest).
 *
 * A partial object is a bound method of a native (partial_call) whose self
 * is the tuple (function, positional arguments, keyword names, keyword
 * values): calling it needs nothing new in the interpreter. It has no
 * .func/.args/.keywords attributes and prints as a built-in method.
 */
#include <string.h>

#include "vm/vm.h"

static bool reduce_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Value it, acc, item;
    if (!vm_getiter(vm, args[1], &it))
        return false;
    VM_ROOT(vm, it);
    int r = 1;
    if (nargs == 3) {
        acc = args[2];
    } else if ((r = vm_iternext(vm, it, &acc)) == 0) {
        VM_UNROOT(vm, 1);
        return vm_raise(vm, EXC_TypeError, "reduce() of empty iterable with no initial value");
    }
    if (r < 0) {
        VM_UNROOT(vm, 1);
        return false;
    }
    /* the accumulator and the item sit in two root slots: the call may collect */
    VM_ROOT(vm, acc);
    VM_ROOT(vm, v_none());
    Value *pair = &vm->roots[vm->nroots - 2];
    bool ok = true;
    while (ok && (r = vm_iternext(vm, it, &item)) == 1) {
        pair[1] = item;
        ok = vm_call(vm, args[0], pair, 2, NULL, &pair[0]);
    }
    acc = pair[0];
    VM_UNROOT(vm, 3);
    if (!ok || r < 0)
        return false;
    *out = acc;
    return true;
}
static NATIVE(functools_reduce, "reduce", reduce_fn, 2, 3);

/* self = (function, args tuple, keyword names tuple, keyword values tuple) */
static bool partial_call(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Tuple *p = AS(Tuple, args[0]);
    Tuple *pargs = AS(Tuple, p->items[1]), *pnames = AS(Tuple, p->items[2]), *pvals = AS(Tuple, p->items[3]);
    int ncall_kw = kw ? (int)kw->len : 0, ncall_pos = nargs - 1 - ncall_kw;
    /* keywords of the call win over the partial's own */
    uint32_t nkw = (uint32_t)ncall_kw;
    for (uint32_t i = 0; i < pnames->len; i++) {
        bool overridden = false;
        for (int k = 0; k < ncall_kw && !overridden; k++)
            overridden = str_equal(AS(Str, pnames->items[i]), AS(Str, kw->items[k]));
        nkw += !overridden;
    }
    uint32_t npos = pargs->len + (uint32_t)ncall_pos;
    Tuple *all = tuple_new(vm, npos + nkw);
    if (!all)
        return false;
    VM_ROOT(vm, v_obj(all));
    Tuple *names = nkw ? tuple_new(vm, nkw) : NULL;
    if (nkw && !names) {
        VM_UNROOT(vm, 1);
        return false;
    }
    if (names)
        VM_ROOT(vm, v_obj(names));
    uint32_t k = 0;
    for (uint32_t i = 0; i < pargs->len; i++)
        all->items[k++] = pargs->items[i];
    for (int i = 0; i < ncall_pos; i++)
        all->items[k++] = args[1 + i];
    uint32_t nk = 0;
    for (uint32_t i = 0; i < pnames->len; i++) {
        bool overridden = false;
        for (int c = 0; c < ncall_kw && !overridden; c++)
            overridden = str_equal(AS(Str, pnames->items[i]), AS(Str, kw->items[c]));
        if (!overridden) {
            names->items[nk++] = pnames->items[i];
            all->items[k++] = pvals->items[i];
        }
    }
    for (int c = 0; c < ncall_kw; c++) {
        names->items[nk++] = kw->items[c];
        all->items[k++] = args[1 + ncall_pos + c];
    }
    bool ok = vm_call(vm, p->items[0], all->items, (int)(npos + nkw), names, out);
    VM_UNROOT(vm, names ? 2 : 1);
    return ok;
}
static const Native partial_native = {{0, T_NATIVE, NATIVE_KW, 0}, "partial", partial_call, 1, -1};

static bool partial_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    int nkw = kw ? (int)kw->len : 0, npos = nargs - nkw;
    if (npos < 1)
        return vm_raise(vm, EXC_TypeError, "type 'partial' takes at least one argument");
    Value f = args[0];
    if (f.type != T_FUNCTION && f.type != T_NATIVE && f.type != T_BOUNDMETHOD && f.type != T_TYPE)
        return vm_raise(vm, EXC_TypeError, "the first argument must be callable");
    Tuple *p = tuple_new(vm, 4);
    if (!p)
        return false;
    VM_ROOT(vm, v_obj(p));
    p->items[0] = f;
    bool ok = true;
    Tuple *t;
    ok = (t = tuple_new(vm, (uint32_t)npos - 1)) != NULL;
    if (ok) {
        memcpy(t->items, args + 1, (size_t)(npos - 1) * sizeof(Value));
        p->items[1] = v_obj(t);
        ok = (t = tuple_new(vm, (uint32_t)nkw)) != NULL;
    }
    if (ok) {
        for (int i = 0; i < nkw; i++)
            t->items[i] = kw->items[i];
        p->items[2] = v_obj(t);
        ok = (t = tuple_new(vm, (uint32_t)nkw)) != NULL;
    }
    if (ok) {
        memcpy(t->items, args + npos, (size_t)nkw * sizeof(Value));
        p->items[3] = v_obj(t);
    }
    BoundMethod *b = ok ? boundmethod_new(vm, &partial_native, v_obj(p)) : NULL;
    VM_UNROOT(vm, 1);
    if (!b)
        return false;
    *out = v_obj(b);
    return true;
}
static NATIVE_WITH_KW(functools_partial, "partial", partial_fn, 0, -1);

static Value get_reduce(void) { return v_obj((void *)&functools_reduce); }
static Value get_partial(void) { return v_obj((void *)&functools_partial); }

static const ModuleAttr functools_attrs[] = {
    {"reduce", get_reduce},
    {"partial", get_partial},
};

const Module module_functools = {{0, T_MODULE, 0, 0}, "_functools", functools_attrs,
                                 sizeof functools_attrs / sizeof functools_attrs[0]};
