/*
 * dict.c - insertion-ordered hash tables.
 *
 * Entries sit in insertion order in one array; an index of 2^k slots maps a
 * hash to an entry number (-1 empty), probed linearly. Deleting leaves a
 * tombstone entry (key T_UNBOUND), removed when the table is rebuilt.
 */
#include <string.h>

#include "vm/vm.h"
#include "vm/class.h"

#define EMPTY (-1)

Dict *dict_new(VM *vm)
{
    return gc_alloc(vm, T_DICT, sizeof(Dict));
}

/* Finds key: returns its index slot position in *slot and the entry number
 * (or EMPTY) in *entry. */
static bool lookup(VM *vm, Dict *d, Value key, uint32_t hash, uint32_t *slot, int32_t *entry)
{
    *entry = EMPTY;
    *slot = 0;
    if (d->mask == 0)
        return true;
    for (uint32_t i = hash & d->mask;; i = (i + 1) & d->mask) {
        int32_t e = d->index[i];
        if (e == EMPTY) {
            *slot = i;
            return true;
        }
        DictEntry *de = &d->entries[e];
        if (de->hash == hash && de->key.type != T_UNBOUND) {
            bool eq;
            if (de->key.type == key.type && (!v_is_obj(key) || de->key.u.obj == key.u.obj) &&
                (v_is_obj(key) || de->key.u.i == key.u.i))
                eq = true; /* identical: skip the comparison */
            else if (!vm_equal(vm, de->key, key, &eq))
                return false;
            if (eq) {
                *slot = i;
                *entry = e;
                return true;
            }
        }
    }
}

/* Points the index at every live entry. */
static void reindex(Dict *d)
{
    for (uint32_t i = 0; i <= d->mask; i++)
        d->index[i] = EMPTY;
    for (uint32_t e = 0; e < d->used; e++) {
        if (d->entries[e].key.type == T_UNBOUND)
            continue;
        uint32_t i = d->entries[e].hash & d->mask;
        while (d->index[i] != EMPTY)
            i = (i + 1) & d->mask;
        d->index[i] = (int32_t)e;
    }
}

/* Resizes the table for `need` live entries, dropping the deleted ones. The
 * dict must be reachable. The index is replaced first (indexing the old
 * entries), then the entries, so that when either allocation fails the dict
 * is still whole. */
static bool rebuild(VM *vm, Dict *d, uint32_t need)
{
    uint32_t cap = 8;
    while (cap < need + need / 2)
        cap *= 2;
    if (cap > (1u << 24))
        return vm_raise_oom(vm);
    uint32_t slots = cap * 2; /* at most half full: short probe runs */
    int32_t *index = gc_alloc_raw(vm, slots * sizeof(int32_t));
    if (!index)
        return false;
    gc_free_raw(vm, d->index);
    d->index = index;
    d->mask = slots - 1;
    reindex(d);
    DictEntry *entries = gc_alloc_raw(vm, cap * sizeof(DictEntry));
    if (!entries)
        return false;
    DictEntry *old = d->entries;
    uint32_t used = 0;
    for (uint32_t i = 0; i < d->used; i++)
        if (old[i].key.type != T_UNBOUND)
            entries[used++] = old[i];
    d->entries = entries;
    d->used = used;
    d->cap = cap;
    gc_free_raw(vm, old);
    reindex(d);
    return true;
}

bool dict_get(VM *vm, Dict *d, Value key, Value *out, bool *found)
{
    uint32_t hash, slot;
    int32_t e;
    *found = false;
    if (!vm_hash(vm, key, &hash) || !lookup(vm, d, key, hash, &slot, &e))
        return false;
    if (e != EMPTY) {
        *out = d->entries[e].value;
        *found = true;
    }
    return true;
}

bool dict_set_cstr(VM *vm, Dict *d, const char *key, Value value)
{
    VM_ROOT(vm, v_obj(d));
    VM_ROOT(vm, value); /* while the key is made */
    Str *k = str_from_cstr(vm, key);
    bool ok = k && dict_set(vm, d, v_obj(k), value);
    VM_UNROOT(vm, 2);
    return ok;
}

bool dict_set(VM *vm, Dict *d, Value key, Value value)
{
    uint32_t hash, slot;
    int32_t e;
    if (!vm_hash(vm, key, &hash) || !lookup(vm, d, key, hash, &slot, &e))
        return false;
    if (e != EMPTY) {
        d->entries[e].value = value;
        return true;
    }
    if (d->used == d->cap) {
        VM_ROOT(vm, v_obj(d));
        VM_ROOT(vm, key);
        VM_ROOT(vm, value);
        bool ok = rebuild(vm, d, d->len + 1);
        VM_UNROOT(vm, 3);
        if (!ok)
            return false;
        if (!lookup(vm, d, key, hash, &slot, &e))
            return false;
    }
    DictEntry *de = &d->entries[d->used];
    de->key = key;
    de->value = value;
    de->hash = hash;
    d->index[slot] = (int32_t)d->used;
    d->used++;
    d->len++;
    return true;
}

/* Removes key; *found tells whether it was there (value in *out). */
static bool dict_pop(VM *vm, Dict *d, Value key, Value *out, bool *found)
{
    uint32_t hash, slot;
    int32_t e;
    *found = false;
    if (!vm_hash(vm, key, &hash) || !lookup(vm, d, key, hash, &slot, &e))
        return false;
    if (e == EMPTY)
        return true;
    *found = true;
    *out = d->entries[e].value;
    d->entries[e].key = v_unbound();
    d->entries[e].value = v_none();
    d->len--;
    /* the index slot keeps pointing at the tombstone entry, so probe chains
     * through it stay intact; a rebuild drops it */
    return true;
}

bool dict_delete(VM *vm, Dict *d, Value key)
{
    Value v;
    bool found;
    if (!dict_pop(vm, d, key, &v, &found))
        return false;
    if (!found)
        return vm_raise_value(vm, EXC_KeyError, key);
    return true;
}

/* ---- methods ---------------------------------------------------------------------- */

static bool m_get(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    bool found;
    if (!dict_get(vm, AS(Dict, args[0]), args[1], out, &found))
        return false;
    if (!found)
        *out = nargs == 3 ? args[2] : v_none();
    return true;
}

static bool make_view(VM *vm, Value d, enum DictViewKind kind, Value *out)
{
    DictView *v = gc_alloc(vm, T_DICTVIEW, sizeof(DictView));
    if (!v)
        return false;
    v->hdr.aux = (uint16_t)kind;
    v->dict = AS(Dict, d);
    *out = v_obj(v);
    return true;
}

static bool m_keys(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return make_view(vm, args[0], VIEW_KEYS, out); }
static bool m_values(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return make_view(vm, args[0], VIEW_VALUES, out); }
static bool m_items(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return make_view(vm, args[0], VIEW_ITEMS, out); }

/* A module's globals() dict about to be changed by one of its methods:
 * brought up to date with the module first (vm/eval.c); other dicts are
 * left as they are. */
static bool module_fresh(VM *vm, Value d)
{
    return !(d.u.obj->flags & DICT_MODULE_NS) || eval_module_dict_refresh(vm, AS(Dict, d));
}

/* A module's globals() dict changed by one of its methods: the module
 * follows (vm/eval.c); other dicts are left as they are. */
static bool module_synced(VM *vm, Value d, bool ok)
{
    return ok && (d.u.obj->flags & DICT_MODULE_NS) ? eval_module_dict_sync(vm, AS(Dict, d)) : ok;
}

static bool m_pop(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    bool found;
    if (!module_fresh(vm, args[0]) || !dict_pop(vm, AS(Dict, args[0]), args[1], out, &found))
        return false;
    if (!found) {
        if (nargs == 3) {
            *out = args[2];
            return true;
        }
        return vm_raise_value(vm, EXC_KeyError, args[1]);
    }
    return module_synced(vm, args[0], true);
}

static bool m_setdefault(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    bool found;
    if (!module_fresh(vm, args[0]) || !dict_get(vm, AS(Dict, args[0]), args[1], out, &found))
        return false;
    if (found)
        return true;
    *out = nargs == 3 ? args[2] : v_none();
    return module_synced(vm, args[0], dict_set(vm, AS(Dict, args[0]), args[1], *out));
}

/* The pairs of an object that is a mapping without being a dict (a class
 * with keys() and __getitem__) into d, as CPython's dict(m), d.update(m) and
 * f(**m) take them. *is_mapping false, and nothing done, for an object
 * without keys. */
bool dict_update_mapping(VM *vm, Dict *d, Value src, bool *is_mapping)
{
    *is_mapping = false;
    if (src.type != T_INSTANCE)
        return true;
    Str *name = str_from_cstr(vm, "keys");
    if (!name)
        return false;
    if (name->hdr.aux == QID_NONE) /* a built-in keys (a dict subclass's) is found by qid */
        name->hdr.aux = qid_lookup(name->data, name->len);
    Value m[2];
    VM_ROOT(vm, src);
    if (!vm_load_method(vm, src, name, m)) {
        VM_UNROOT(vm, 1);
        if (vm->exc.type == T_EXCEPTION && exc_matches(AS(Exception, vm->exc), &exc_types[EXC_AttributeError])) {
            vm->exc = v_unbound();
            return true;
        }
        return false;
    }
    *is_mapping = true;
    Value keys, it, key, value;
    bool ok = (m[1].type == T_UNBOUND ? vm_call(vm, m[0], NULL, 0, NULL, &keys)
                                      : vm_call_method(vm, m[0], m[1], NULL, 0, NULL, &keys));
    VM_ROOT(vm, keys);
    ok = ok && vm_getiter(vm, keys, &it);
    VM_ROOT(vm, ok ? it : v_none());
    while (ok) {
        int r = vm_iternext(vm, it, &key);
        if (r <= 0) {
            ok = r == 0;
            break;
        }
        VM_ROOT(vm, key);
        ok = vm_getitem(vm, src, key, &value) && dict_set(vm, d, key, value);
        VM_UNROOT(vm, 1);
    }
    VM_UNROOT(vm, 3);
    return ok;
}

/* Adds the pairs of a dict, a mapping or an iterable of pairs into d. */
static bool update_from(VM *vm, Dict *d, Value src)
{
    bool is_mapping;
    if (instance_native(src).type == T_DICT) /* a dict subclass: its entries, as CPython copies them */
        src = instance_native(src);
    if (!dict_update_mapping(vm, d, src, &is_mapping))
        return false;
    if (is_mapping)
        return true;
    if (src.type == T_DICT) {
        Dict *s = AS(Dict, src);
        for (uint32_t i = 0; i < s->used; i++)
            if (s->entries[i].key.type != T_UNBOUND &&
                !dict_set(vm, d, s->entries[i].key, s->entries[i].value))
                return false;
        return true;
    }
    Value it;
    if (!vm_getiter(vm, src, &it))
        return false;
    VM_ROOT(vm, it);
    bool ok = true;
    for (uint32_t n = 0;; n++) {
        Value item;
        int r = vm_iternext(vm, it, &item);
        if (r <= 0) {
            ok = r == 0;
            break;
        }
        Value kv[2] = {v_none(), v_none()};
        VM_ROOT(vm, item);
        VM_ROOT(vm, kv[0]);
        VM_ROOT(vm, kv[1]);
        /* unpack into the root slots so both halves stay reachable */
        Value *slots = &vm->roots[vm->nroots - 2];
        int32_t len = 0;
        if (!vm_len(vm, item, &len)) {
            VM_UNROOT(vm, 3);
            vm->exc = v_unbound();
            ok = vm_raise(vm, EXC_TypeError, "cannot convert dictionary update sequence element #%lu to a sequence",
                          (unsigned long)n);
            break;
        }
        if (len != 2) {
            VM_UNROOT(vm, 3);
            ok = vm_raise(vm, EXC_ValueError, "dictionary update sequence element #%lu has length %ld; 2 is required",
                          (unsigned long)n, (long)len);
            break;
        }
        ok = vm_unpack(vm, item, 2, slots) && dict_set(vm, d, slots[0], slots[1]);
        VM_UNROOT(vm, 3);
        if (!ok)
            break;
    }
    VM_UNROOT(vm, 1);
    return ok;
}

/* The name=value keyword arguments of dict() and update() into d */
static bool update_kw(VM *vm, Dict *d, Value *args, int nargs, Tuple *kw)
{
    int npos = nargs - (kw ? (int)kw->len : 0);
    for (uint32_t k = 0; kw && k < kw->len; k++)
        if (!dict_set(vm, d, kw->items[k], args[npos + (int)k]))
            return false;
    return true;
}

static bool m_update(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    int npos = nargs - (kw ? (int)kw->len : 0);
    *out = v_none();
    if (npos > 2)
        return vm_raise(vm, EXC_TypeError, "update expected at most 1 argument, got %d", npos - 1);
    bool ok = module_fresh(vm, args[0]) && (npos < 2 || update_from(vm, AS(Dict, args[0]), args[1])) && update_kw(vm, AS(Dict, args[0]), args, nargs, kw);
    return module_synced(vm, args[0], ok);
}

/* popitem: the last pair inserted (LIFO, as CPython 3.7+) */
static bool m_popitem(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Dict *d = AS(Dict, args[0]);
    if (!module_fresh(vm, args[0]))
        return false;
    if (d->len == 0)
        return vm_raise(vm, EXC_KeyError, "popitem(): dictionary is empty");
    uint32_t i = d->used;
    while (i > 0 && d->entries[i - 1].key.type == T_UNBOUND)
        i--;
    Tuple *t = tuple_new(vm, 2);
    if (!t)
        return false;
    t->items[0] = d->entries[i - 1].key;
    t->items[1] = d->entries[i - 1].value;
    VM_ROOT(vm, v_obj(t));
    bool ok = module_synced(vm, args[0], dict_delete(vm, d, t->items[0]));
    VM_UNROOT(vm, 1);
    *out = v_obj(t);
    return ok;
}

/* dict.fromkeys(iterable, value=None) */
static bool fromkeys_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Value it, key;
    Dict *d = dict_new(vm);
    if (!d)
        return false;
    *out = v_obj(d);
    VM_ROOT(vm, *out);
    bool ok = vm_getiter(vm, args[0], &it);
    if (ok) {
        VM_ROOT(vm, it);
        int r;
        while ((r = vm_iternext(vm, it, &key)) == 1 && (ok = dict_set(vm, d, key, nargs > 1 ? args[1] : v_none())))
            ;
        ok = ok && r == 0;
        VM_UNROOT(vm, 1);
    }
    VM_UNROOT(vm, 1);
    return ok;
}
NATIVE(dict_fromkeys, "fromkeys", fromkeys_fn, 1, 2);

static bool m_clear(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Dict *d = AS(Dict, args[0]);
    d->len = d->used = d->cap = d->mask = 0;
    d->entries = NULL;
    d->index = NULL;
    *out = v_none();
    return module_synced(vm, args[0], true);
}

static bool m_copy(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Dict *d = dict_new(vm);
    if (!d)
        return false;
    *out = v_obj(d);
    VM_ROOT(vm, *out);
    bool ok = update_from(vm, d, args[0]);
    VM_UNROOT(vm, 1);
    return ok;
}

/* a | b (a new dict; b a dict) and a |= b (a updated; b any mapping or
 * iterable of pairs), as CPython 3.9+ */
bool dict_union(VM *vm, Dict *a, Value b, bool inplace, Value *out)
{
    Dict *d = a;
    if (!inplace) {
        VM_ROOT(vm, b);
        d = dict_new(vm);
        VM_UNROOT(vm, 1);
        if (!d)
            return false;
    }
    *out = v_obj(d);
    VM_ROOT(vm, *out);
    VM_ROOT(vm, b);
    bool ok = (inplace ? module_fresh(vm, v_obj(a)) : update_from(vm, d, v_obj(a))) && update_from(vm, d, b);
    if (inplace)
        ok = module_synced(vm, v_obj(a), ok);
    VM_UNROOT(vm, 2);
    return ok;
}

static NATIVE(dict_get_m, "get", m_get, 2, 3);
static NATIVE(dict_keys_m, "keys", m_keys, 1, 1);
static NATIVE(dict_values_m, "values", m_values, 1, 1);
static NATIVE(dict_items_m, "items", m_items, 1, 1);
static NATIVE(dict_pop_m, "pop", m_pop, 2, 3);
static NATIVE_WITH_KW(dict_update_m, "update", m_update, 1, -1);
static NATIVE(dict_popitem_m, "popitem", m_popitem, 1, 1);
static NATIVE(dict_setdefault_m, "setdefault", m_setdefault, 2, 3);
static NATIVE(dict_clear_m, "clear", m_clear, 1, 1);
static NATIVE(dict_copy_m, "copy", m_copy, 1, 1);

const MethodEntry dict_methods[] = {
    {Q_get, &dict_get_m},       {Q_keys, &dict_keys_m},     {Q_values, &dict_values_m},
    {Q_items, &dict_items_m},   {Q_pop, &dict_pop_m},       {Q_update, &dict_update_m},
    {Q_setdefault, &dict_setdefault_m}, {Q_clear, &dict_clear_m}, {Q_copy, &dict_copy_m},
    {Q_popitem, &dict_popitem_m},
};
const uint32_t n_dict_methods = sizeof dict_methods / sizeof dict_methods[0];

static bool dict_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Dict *d = dict_new(vm);
    if (!d)
        return false;
    *out = v_obj(d);
    int npos = nargs - (kw ? (int)kw->len : 0);
    if (npos > 1)
        return vm_raise(vm, EXC_TypeError, "dict expected at most 1 argument, got %d", npos);
    VM_ROOT(vm, *out);
    bool ok = (npos == 0 || update_from(vm, d, args[0])) && update_kw(vm, d, args, nargs, kw);
    VM_UNROOT(vm, 1);
    return ok;
}
NATIVE_WITH_KW(bi_dict, "dict", dict_fn, 0, -1);
