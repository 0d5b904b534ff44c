/*
 * weakrefmod.c - the weakref module: ref(obj[, callback]) and
 * finalize(obj, func, *args, **kwargs).
 *
 * Both are T_LIBOBJ whose slot 0 holds the referent without keeping it
 * alive: the collector skips that slot when marking, and after marking
 * (vm/gc.c, weak_after_mark) it sets slot 0 of every reference whose object
 * is about to be freed to None. P4JIT has no reference counts, so an object
 * dies at a collection, not when its last reference goes; the callbacks of
 * references cleared by a collection are queued (flag WEAK_PENDING, the
 * collector keeps queued objects alive) and run at the next gc.collect() or
 * weakref call (weakref_run_pending), never inside the collector.
 *
 * A finalize object keeps itself alive while its object lives (the
 * collector marks it then), as CPython's registry does.
 */
#include <string.h>

#include "vm/vm.h"
#include "vm/libobj.h"

enum { REF_OBJ, REF_CALLBACK, REF_SEQ, REF__SLOTS };
enum { FIN_OBJ, FIN_FUNC, FIN_ARGS, FIN_KWARGS, FIN_ATEXIT, FIN_SEQ, FIN__SLOTS };

/* Weak objects made so far: the last slot of each has its number, as
 * callbacks run newest first (CPython's order for one object's refs, and
 * for finalizers at exit). */
static int32_t weak_count;

static int32_t seq_of(const LibObj *o) { return o->slots[o->nslots - 1].u.i; }

/* Sorts weak objects newest first (insertion sort: short queues). */
static void newest_first(List *l)
{
    for (uint32_t i = 1; i < l->len; i++) {
        Value v = l->items[i];
        uint32_t j = i;
        for (; j > 0 && seq_of(AS(LibObj, l->items[j - 1])) < seq_of(AS(LibObj, v)); j--)
            l->items[j] = l->items[j - 1];
        l->items[j] = v;
    }
}

static bool fin_alive(const LibObj *f) { return (f->hdr.flags & WEAK_ALIVE) != 0; }

/* Objects CPython can refer to weakly: those with an identity that the
 * program made (not ints, strings, tuples, lists or dicts). */
static bool weakable(Value v)
{
    switch ((Type)v.type) {
    case T_INSTANCE:
    case T_FUNCTION:
    case T_TYPE:
    case T_SET:
    case T_FROZENSET:
    case T_GEN:
    case T_BOUNDMETHOD:
    case T_NATIVE:
    case T_MODULE:
    case T_CODE:
        return true;
    case T_LIBOBJ:
        return v.u.obj->aux == LIB_WEAKREF || v.u.obj->aux == LIB_STRINGIO;
    default:
        return false;
    }
}

static bool new_weak(VM *vm, enum LibKind kind, uint32_t nslots, Value target, LibObj **out)
{
    if (!weakable(target))
        return vm_raise(vm, EXC_TypeError, "cannot create weak reference to '%s' object", type_name(target));
    LibObj *o = libobj_new(vm, kind, nslots);
    if (!o)
        return false;
    o->slots[0] = target;
    o->slots[nslots - 1] = v_int(weak_count++ & 0x3fffffff);
    vm->heap.weak_objects++; /* the collector looks for weak objects from now on */
    *out = o;
    return true;
}

static bool ref_new(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (!weakref_run_pending(vm))
        return false;
    LibObj *r;
    if (!new_weak(vm, LIB_WEAKREF, REF__SLOTS, args[0], &r))
        return false;
    if (nargs > 1)
        r->slots[REF_CALLBACK] = args[1];
    *out = v_obj(r);
    return true;
}
static NATIVE(ref_ctor, "ref", ref_new, 1, 2);

static bool fin_new(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (!weakref_run_pending(vm))
        return false;
    int nkw = kw ? (int)kw->len : 0, npos = nargs - nkw;
    if (npos < 2)
        return vm_raise(vm, EXC_TypeError, "finalize expected at least 2 positional arguments, got %d", npos);
    Tuple *pos = tuple_new(vm, (uint32_t)(npos - 2));
    if (!pos)
        return false;
    memcpy(pos->items, args + 2, (size_t)(npos - 2) * sizeof(Value));
    VM_ROOT(vm, v_obj(pos));
    Dict *kwargs = dict_new(vm);
    bool ok = kwargs != NULL;
    if (ok) {
        VM_ROOT(vm, v_obj(kwargs));
        for (int k = 0; ok && k < nkw; k++)
            ok = dict_set(vm, kwargs, kw->items[k], args[npos + k]);
        LibObj *f = NULL;
        ok = ok && new_weak(vm, LIB_FINALIZE, FIN__SLOTS, args[0], &f);
        if (ok) {
            f->slots[FIN_FUNC] = args[1];
            f->slots[FIN_ARGS] = v_obj(pos);
            f->slots[FIN_KWARGS] = v_obj(kwargs);
            f->slots[FIN_ATEXIT] = v_bool(true);
            f->hdr.flags |= WEAK_ALIVE;
            *out = v_obj(f);
        }
        VM_UNROOT(vm, 1);
    }
    VM_UNROOT(vm, 1);
    return ok;
}
static const Native fin_ctor = {{0, T_NATIVE, NATIVE_KW, 0}, "finalize", fin_new, 2, -1};

const TypeObj type_weakref = {{0, T_TYPE, 0, 0}, "ReferenceType", T_LIBOBJ, -1, NULL, &ref_ctor};
const TypeObj type_finalize = {{0, T_TYPE, 0, 0}, "finalize", T_LIBOBJ, -1, NULL, &fin_ctor};

/* ---- calling them -------------------------------------------------------------- */

/* finalize's func(*args, **kwargs) (the object must be dead or detached). */
static bool fin_call_func(VM *vm, LibObj *f, Value *out)
{
    Tuple *pos = AS(Tuple, f->slots[FIN_ARGS]);
    Dict *kwargs = AS(Dict, f->slots[FIN_KWARGS]);
    uint32_t n = pos->len + kwargs->len;
    Tuple *names = NULL;
    if (kwargs->len && !(names = tuple_new(vm, kwargs->len)))
        return false;
    if (names)
        VM_ROOT(vm, v_obj(names));
    Tuple *argv = tuple_new(vm, n ? n : 1);
    bool ok = argv != NULL;
    if (ok) {
        VM_ROOT(vm, v_obj(argv));
        memcpy(argv->items, pos->items, pos->len * sizeof(Value));
        uint32_t k = 0;
        for (uint32_t i = 0; i < kwargs->used; i++) {
            DictEntry e = kwargs->entries[i];
            if (e.key.type == T_UNBOUND)
                continue;
            names->items[k] = e.key;
            argv->items[pos->len + k++] = e.value;
        }
        ok = vm_call(vm, f->slots[FIN_FUNC], argv->items, (int)n, names, out);
        VM_UNROOT(vm, 1);
    }
    if (names)
        VM_UNROOT(vm, 1);
    return ok;
}

/* r(): the object, or None once it was collected; f(): runs the finalizer
 * now if it is still alive (its result, else None). */
bool weakref_call(VM *vm, Value self, Value *args, int nargs, Tuple *kw, Value *out)
{
    LibObj *o = AS(LibObj, self);
    if (nargs || (kw && kw->len))
        return vm_raise(vm, EXC_TypeError, "%s() takes no arguments",
                        o->hdr.aux == LIB_WEAKREF ? "weakref" : "finalize");
    if (o->hdr.aux == LIB_WEAKREF) {
        *out = o->slots[REF_OBJ];
        return true;
    }
    *out = v_none();
    if (!fin_alive(o))
        return true;
    o->hdr.flags &= (uint8_t)~WEAK_ALIVE;
    VM_ROOT(vm, self);
    bool ok = fin_call_func(vm, o, out);
    VM_UNROOT(vm, 1);
    return ok;
}

/* ---- queued callbacks ------------------------------------------------------------ */

static void report_ignored(VM *vm, Value where)
{
    Value exc = vm->exc;
    vm->exc = v_unbound();
    static const char msg[] = "Exception ignored in weakref callback: ";
    vm_flush(vm);
    vm_write(vm, 2, msg, sizeof msg - 1);
    VM_ROOT(vm, exc);
    Str *s = vm_repr(vm, where);
    if (s)
        vm_write(vm, 2, s->data, s->len);
    else
        vm->exc = v_unbound();
    vm_write(vm, 2, "\n", 1);
    vm_print_exception(vm, exc);
    VM_UNROOT(vm, 1);
}

bool weakref_run_pending(VM *vm)
{
    if (!vm->heap.weak_pending)
        return true;
    List *queue = list_new(vm, vm->heap.weak_pending);
    if (!queue)
        return false;
    VM_ROOT(vm, v_obj(queue));
    bool ok = true;
    /* The queued objects stay alive (the collector marks them), so the walk
     * may allocate: blocks after the current one stay well formed. */
    for (uint8_t *p = vm->heap.base; ok && p < vm->heap.top; p += ((Obj *)p)->gc & ~7u) {
        Obj *o = (Obj *)p;
        if (o->type == T_LIBOBJ && (o->flags & WEAK_PENDING)) {
            o->flags &= (uint8_t)~WEAK_PENDING;
            vm->heap.weak_pending--;
            ok = list_append(vm, queue, v_obj(o));
        }
    }
    newest_first(queue);
    for (uint32_t i = 0; ok && i < queue->len; i++) {
        LibObj *w = AS(LibObj, queue->items[i]);
        Value r, where;
        bool done;
        if (w->hdr.aux == LIB_WEAKREF) {
            where = w->slots[REF_CALLBACK];
            Value arg = v_obj(w);
            done = vm_call(vm, where, &arg, 1, NULL, &r);
        } else {
            where = w->slots[FIN_FUNC];
            w->hdr.flags &= (uint8_t)~WEAK_ALIVE;
            done = fin_call_func(vm, w, &r);
        }
        if (!done) {
            if (vm->exc.type != T_UNBOUND && type_isinstance(vm->exc, &exc_types[EXC_MemoryError]))
                ok = false;
            else
                report_ignored(vm, where);
        }
    }
    VM_UNROOT(vm, 1);
    return ok;
}

/* At the program's end (the command line calls it): the queued callbacks,
 * then the finalizers still alive whose atexit is true, newest first, as
 * CPython's atexit hook does. The pending exception (a SystemExit, an
 * uncaught error) is kept. */
void weakref_at_exit(VM *vm)
{
    if (!vm->heap.weak_objects)
        return;
    Value exc = vm->exc;
    vm->exc = v_unbound();
    VM_ROOT(vm, exc);
    List *todo = NULL;
    bool ok = weakref_run_pending(vm) && (todo = list_new(vm, 4)) != NULL;
    if (ok) {
        VM_ROOT(vm, v_obj(todo));
        for (uint8_t *p = vm->heap.base; ok && p < vm->heap.top; p += ((Obj *)p)->gc & ~7u) {
            Obj *o = (Obj *)p;
            if (o->type == T_LIBOBJ && o->aux == LIB_FINALIZE && fin_alive((LibObj *)o) &&
                vm_truthy(((LibObj *)o)->slots[FIN_ATEXIT]))
                ok = list_append(vm, todo, v_obj(o));
        }
        newest_first(todo);
        for (uint32_t i = 0; ok && i < todo->len; i++) {
            LibObj *f = AS(LibObj, todo->items[i]);
            if (!fin_alive(f))
                continue;
            f->hdr.flags &= (uint8_t)~WEAK_ALIVE;
            Value r;
            if (!fin_call_func(vm, f, &r))
                report_ignored(vm, f->slots[FIN_FUNC]);
        }
        VM_UNROOT(vm, 1);
    }
    vm_flush(vm);
    vm->exc = exc;
    VM_UNROOT(vm, 1);
}

/* ---- attributes ------------------------------------------------------------------- */

/* (obj, func, args, kwargs) of a live finalizer, else None */
static bool fin_info(VM *vm, LibObj *f, Value *out)
{
    *out = v_none();
    if (!fin_alive(f) || f->slots[FIN_OBJ].type == T_NONE)
        return true;
    Tuple *t = tuple_new(vm, 4);
    if (!t)
        return false;
    Dict *kw = AS(Dict, f->slots[FIN_KWARGS]);
    t->items[0] = f->slots[FIN_OBJ];
    t->items[1] = f->slots[FIN_FUNC];
    t->items[2] = f->slots[FIN_ARGS];
    t->items[3] = v_obj(kw);
    *out = v_obj(t);
    return true;
}

static bool m_peek(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (!weakref_run_pending(vm))
        return false;
    return fin_info(vm, AS(LibObj, args[0]), out);
}
static NATIVE(fin_peek, "peek", m_peek, 1, 1);

static bool m_detach(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (!weakref_run_pending(vm))
        return false;
    LibObj *f = AS(LibObj, args[0]);
    if (!fin_info(vm, f, out))
        return false;
    f->hdr.flags &= (uint8_t)~WEAK_ALIVE;
    return true;
}
static NATIVE(fin_detach, "detach", m_detach, 1, 1);

static int fin_data(VM *vm, LibObj *o, const Str *name, Value *out)
{
    if (strcmp(name->data, "alive") == 0) {
        if (!weakref_run_pending(vm))
            return 0;
        *out = v_bool(fin_alive(o) && o->slots[FIN_OBJ].type != T_NONE);
        return 1;
    }
    if (strcmp(name->data, "atexit") == 0) {
        *out = o->slots[FIN_ATEXIT];
        return 1;
    }
    return -1;
}

static int ref_data(VM *vm, LibObj *o, const Str *name, Value *out)
{
    if (strcmp(name->data, "__callback__") == 0) {
        *out = o->slots[REF_CALLBACK];
        return 1;
    }
    return -1;
}

static const Native *const fin_method_list[] = {&fin_peek, &fin_detach};
const LibMethods finalize_methods = {fin_method_list, 2, fin_data};
const LibMethods weakref_methods = {NULL, 0, ref_data};

bool weakref_store_attr(VM *vm, Value obj, Str *name, Value value)
{
    LibObj *o = AS(LibObj, obj);
    if (strcmp(name->data, "atexit") != 0)
        return vm_raise(vm, EXC_AttributeError, "'%s' object has no attribute '%s'", libobj_type_name(o),
                        name->data);
    o->slots[FIN_ATEXIT] = value;
    return true;
}

/* ---- the module ----------------------------------------------------------------- */

static Value get_ref(void) { return v_obj((void *)&type_weakref); }
static Value get_finalize(void) { return v_obj((void *)&type_finalize); }

static const ModuleAttr weakref_attrs[] = {
    {"ref", get_ref},
    {"ReferenceType", get_ref},
    {"finalize", get_finalize},
};
const Module module_weakref = {{0, T_MODULE, 0, 0}, "weakref", weakref_attrs,
                               sizeof weakref_attrs / sizeof weakref_attrs[0]};
