/*
 * opgetters.c - the `_operator` module: itemgetter, attrgetter and
 * methodcaller in C, imported by lib/std/operator.py. As Python classes a
 * call cost 1,600 (itemgetter) to 6,000 instructions; sorted(key=...) and
 * map() call them once an item (bench/RESULTS.md, stdlib2).
 *
 * Each object is a T_LIBOBJ of kind LIB_OPGETTER that interp.c calls
 * (operator_getter_call); slots below. Its repr is CPython's,
 * `operator.itemgetter(1)`.
 */
#include <string.h>

#include "vm/vm.h"
#include "vm/libobj.h"

enum { GET_ITEM, GET_ATTR, CALL_METHOD };
/* slots: 0 = which (int), 1 = the items / the names as given / the method
 * name, 2 = attrgetter: each name split at its dots (a tuple of tuples of
 * str); methodcaller: the arguments then keyword values, 3 = methodcaller's
 * keyword names (tuple) or None */
enum { SLOT_WHICH, SLOT_ITEMS, SLOT_AUX, SLOT_KWNAMES, NSLOTS };

static bool make(VM *vm, int which, Value items, LibObj **out)
{
    VM_ROOT(vm, items);
    LibObj *o = libobj_new(vm, LIB_OPGETTER, NSLOTS);
    VM_UNROOT(vm, 1);
    if (!o)
        return false;
    o->slots[SLOT_WHICH] = v_int(which);
    o->slots[SLOT_ITEMS] = items;
    *out = o;
    return true;
}

static bool args_tuple(VM *vm, Value *args, int n, Value *out)
{
    Tuple *t = tuple_new(vm, (uint32_t)n);
    if (!t)
        return false;
    memcpy(t->items, args, (size_t)n * sizeof(Value));
    *out = v_obj(t);
    return true;
}

static bool itemgetter_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (kw && kw->len)
        return vm_raise(vm, EXC_TypeError, "itemgetter() takes no keyword arguments");
    if (nargs == 0)
        return vm_raise(vm, EXC_TypeError, "itemgetter expected 1 argument, got 0");
    Value items;
    LibObj *o;
    if (!args_tuple(vm, args, nargs, &items) || !make(vm, GET_ITEM, items, &o))
        return false;
    *out = v_obj(o);
    return true;
}

/* A name made at run time, tagged as getattr() tags one: lookups go by qid */
static Str *attr_name(VM *vm, const char *s, uint32_t len)
{
    Str *n = str_new(vm, s, len);
    if (n)
        n->hdr.aux = qid_lookup(n->data, n->len);
    return n;
}

/* "a.b.c" -> ('a', 'b', 'c') */
static bool split_dotted(VM *vm, const Str *name, Value *out)
{
    uint32_t parts = 1;
    for (uint32_t i = 0; i < name->len; i++)
        parts += name->data[i] == '.';
    Tuple *t = tuple_new(vm, parts);
    if (!t)
        return false;
    VM_ROOT(vm, v_obj(t));
    uint32_t start = 0, k = 0;
    bool ok = true;
    for (uint32_t i = 0; i <= name->len && ok; i++) {
        if (i < name->len && name->data[i] != '.')
            continue;
        Str *part = attr_name(vm, name->data + start, i - start);
        ok = part != NULL;
        if (ok)
            t->items[k++] = v_obj(part);
        start = i + 1;
    }
    VM_UNROOT(vm, 1);
    *out = v_obj(t);
    return ok;
}

static bool attrgetter_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (kw && kw->len)
        return vm_raise(vm, EXC_TypeError, "attrgetter() takes no keyword arguments");
    if (nargs == 0)
        return vm_raise(vm, EXC_TypeError, "attrgetter expected 1 argument, got 0");
    for (int k = 0; k < nargs; k++)
        if (args[k].type != T_STR)
            return vm_raise(vm, EXC_TypeError, "attribute name must be a string");
    Value names;
    LibObj *o;
    if (!args_tuple(vm, args, nargs, &names) || !make(vm, GET_ATTR, names, &o))
        return false;
    VM_ROOT(vm, v_obj(o));
    Tuple *paths = tuple_new(vm, (uint32_t)nargs);
    bool ok = paths != NULL;
    if (ok)
        o->slots[SLOT_AUX] = v_obj(paths);
    for (int k = 0; k < nargs && ok; k++)
        ok = split_dotted(vm, AS(Str, args[k]), &paths->items[k]);
    VM_UNROOT(vm, 1);
    if (!ok)
        return false;
    *out = v_obj(o);
    return true;
}

static bool methodcaller_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    int nkw = kw ? (int)kw->len : 0, npos = nargs - nkw;
    if (npos < 1)
        return vm_raise(vm, EXC_TypeError, "methodcaller needs at least one argument, the method name");
    if (args[0].type != T_STR)
        return vm_raise(vm, EXC_TypeError, "method name must be a string");
    Str *name = attr_name(vm, AS(Str, args[0])->data, AS(Str, args[0])->len);
    LibObj *o;
    if (!name || !make(vm, CALL_METHOD, v_obj(name), &o))
        return false;
    VM_ROOT(vm, v_obj(o));
    bool ok = args_tuple(vm, args + 1, nargs - 1, &o->slots[SLOT_AUX]);
    if (ok && kw)
        o->slots[SLOT_KWNAMES] = v_obj(kw);
    VM_UNROOT(vm, 1);
    if (!ok)
        return false;
    *out = v_obj(o);
    return true;
}

static bool get_path(VM *vm, Value obj, const Tuple *path, Value *out)
{
    for (uint32_t k = 0; k < path->len; k++) {
        VM_ROOT(vm, obj);
        bool ok = vm_load_attr(vm, obj, AS(Str, path->items[k]), &obj);
        VM_UNROOT(vm, 1);
        if (!ok)
            return false;
    }
    *out = obj;
    return true;
}

static bool get_one(VM *vm, const LibObj *o, Value obj, uint32_t k, Value *out)
{
    if (o->slots[SLOT_WHICH].u.i == GET_ITEM)
        return vm_getitem(vm, obj, AS(Tuple, o->slots[SLOT_ITEMS])->items[k], out);
    return get_path(vm, obj, AS(Tuple, AS(Tuple, o->slots[SLOT_AUX])->items[k]), out);
}

bool operator_getter_call(VM *vm, Value fn, Value *args, int nargs, Tuple *kwnames, Value *out)
{
    LibObj *o = AS(LibObj, fn);
    int which = o->slots[SLOT_WHICH].u.i;
    static const char *const names[] = {"itemgetter", "attrgetter", "methodcaller"};
    if (kwnames && kwnames->len)
        return vm_raise(vm, EXC_TypeError, "%s() takes no keyword arguments", names[which]);
    if (nargs != 1)
        return vm_raise(vm, EXC_TypeError, "%s expected 1 argument, got %d", names[which], nargs);
    if (which == CALL_METHOD) {
        Value m;
        if (!vm_load_attr(vm, args[0], AS(Str, o->slots[SLOT_ITEMS]), &m))
            return false;
        VM_ROOT(vm, m);
        Tuple *a = AS(Tuple, o->slots[SLOT_AUX]);
        Tuple *kw = o->slots[SLOT_KWNAMES].type == T_NONE ? NULL : AS(Tuple, o->slots[SLOT_KWNAMES]);
        bool ok = vm_call(vm, m, a->items, (int)a->len, kw, out);
        VM_UNROOT(vm, 1);
        return ok;
    }
    uint32_t n = AS(Tuple, o->slots[SLOT_ITEMS])->len;
    if (n == 1)
        return get_one(vm, o, args[0], 0, out);
    Tuple *t = tuple_new(vm, n);
    if (!t)
        return false;
    VM_ROOT(vm, v_obj(t));
    bool ok = true;
    for (uint32_t k = 0; k < n && ok; k++)
        ok = get_one(vm, o, args[0], k, &t->items[k]);
    VM_UNROOT(vm, 1);
    if (ok)
        *out = v_obj(t);
    return ok;
}

const char *operator_getter_type_name(const LibObj *o)
{
    static const char *const names[] = {"operator.itemgetter", "operator.attrgetter", "operator.methodcaller"};
    return names[o->slots[SLOT_WHICH].u.i];
}

bool operator_getter_repr(VM *vm, StrBuf *sb, Value v)
{
    const LibObj *o = AS(LibObj, v);
    int which = o->slots[SLOT_WHICH].u.i;
    static const char *const names[] = {"operator.itemgetter(", "operator.attrgetter(", "operator.methodcaller("};
    sb_adds(sb, names[which]);
    const Tuple *items = AS(Tuple, o->slots[which == CALL_METHOD ? SLOT_AUX : SLOT_ITEMS]);
    uint32_t npos = items->len;
    if (which == CALL_METHOD) {
        if (!fmt_repr(vm, sb, o->slots[SLOT_ITEMS]))
            return false;
        if (o->slots[SLOT_KWNAMES].type != T_NONE)
            npos -= AS(Tuple, o->slots[SLOT_KWNAMES])->len;
    }
    for (uint32_t k = 0; k < items->len; k++) {
        if (k || which == CALL_METHOD)
            sb_adds(sb, ", ");
        if (k >= npos) {
            sb_adds(sb, AS(Str, AS(Tuple, o->slots[SLOT_KWNAMES])->items[k - npos])->data);
            sb_adds(sb, "=");
        }
        if (!fmt_repr(vm, sb, items->items[k]))
            return false;
    }
    sb_adds(sb, ")");
    return true;
}

static NATIVE_WITH_KW(operator_itemgetter, "itemgetter", itemgetter_fn, 0, -1);
static NATIVE_WITH_KW(operator_attrgetter, "attrgetter", attrgetter_fn, 0, -1);
static NATIVE_WITH_KW(operator_methodcaller, "methodcaller", methodcaller_fn, 0, -1);

/* indexed by GET_ITEM, GET_ATTR, CALL_METHOD: the classes (calling one makes a getter) */
static const TypeObj getter_types[] = {
    {{0, T_TYPE, 0, 0}, "itemgetter", T_LIBOBJ, -1, NULL, &operator_itemgetter},
    {{0, T_TYPE, 0, 0}, "attrgetter", T_LIBOBJ, -1, NULL, &operator_attrgetter},
    {{0, T_TYPE, 0, 0}, "methodcaller", T_LIBOBJ, -1, NULL, &operator_methodcaller},
};

const TypeObj *operator_getter_type(Value v)
{
    return &getter_types[AS(LibObj, v)->slots[SLOT_WHICH].u.i];
}

static Value get_itemgetter(void) { return v_obj((void *)&getter_types[GET_ITEM]); }
static Value get_attrgetter(void) { return v_obj((void *)&getter_types[GET_ATTR]); }
static Value get_methodcaller(void) { return v_obj((void *)&getter_types[CALL_METHOD]); }

static const ModuleAttr operator_attrs[] = {
    {"itemgetter", get_itemgetter},
    {"attrgetter", get_attrgetter},
    {"methodcaller", get_methodcaller},
};

const Module module__operator = {{0, T_MODULE, 0, 0}, "_operator", operator_attrs,
                                 sizeof operator_attrs / sizeof operator_attrs[0]};
