/*
 * objcall.c - runtime helpers that compiled code calls for object
 * operations (docs/jit.md, "Objects in compiled code").
 *
 * jit_rt_method answers the question a compiled `o.m(...)` must ask before
 * it calls the method it was compiled against: does looking m up on o
 * still find that very function, the way the interpreter's LOAD_METHOD
 * would (vm/class.c class_load_method: the instance's own dict first, then
 * the dicts of the user classes along the MRO)? It only reads: no hash of a
 * non-str key, no __eq__, no descriptor is ever called. Anything it cannot
 * answer that way (a key of another type in a probed chain, a built-in
 * class reached before the name is found) gives 0, and the compiled code
 * deoptimises to the interpreter, which does the lookup itself.
 */
#include "jit_int.h"
#include "vm/class.h"

/* Probes dict d for str name as class.c's ns_get does: its entry, NULL
 * when absent, or UNKNOWABLE when a key that is not a str shares the hash
 * (comparing them could run code). */
#define UNKNOWABLE ((const DictEntry *)1)
static const DictEntry *probe(const Dict *d, Str *name)
{
    if (!d || d->mask == 0)
        return NULL; /* no index yet: class.c's ns_get finds nothing there either */
    uint32_t h = str_hash(name);
    for (uint32_t i = h & d->mask;; i = (i + 1) & d->mask) {
        int32_t e = d->index[i];
        if (e < 0)
            return NULL;
        const DictEntry *de = &d->entries[e];
        if (de->hash != h || de->key.type == T_UNBOUND)
            continue;
        if (de->key.type != T_STR)
            return UNKNOWABLE;
        if (de->key.u.obj == &name->hdr || str_equal(AS(Str, de->key), name))
            return de;
    }
}

/* The value the dicts of c's MRO have for name, as class.c's mro_lookup
 * finds it, or NULL (absent, unknowable, or a built-in class reached
 * first, whose methods are not compiled). */
static const Value *in_classes(const Class *c, Str *name)
{
    const Tuple *mro = c->mro;
    for (uint32_t i = 0; i < mro->len; i++) {
        const TypeObj *k = AS(TypeObj, mro->items[i]);
        if (!type_is_user(k))
            return NULL;
        const DictEntry *de = probe(((const Class *)k)->dict, name);
        if (de == UNKNOWABLE)
            return NULL;
        if (de)
            return &de->value;
    }
    return NULL;
}

uint32_t jit_rt_method(const Instance *o, Str *name)
{
    if (o->hdr.type != T_INSTANCE || probe(o->dict, name))
        return 0; /* shadowed by the instance (or unknowable): the interpreter decides */
    const Value *v = in_classes(o->cls, name);
    return v && v->type == T_FUNCTION ? (uint32_t)(uintptr_t)v->u.obj : 0;
}

/* super().name (build_obj.c super_call): what class c's own dict holds
 * for name: the function's address, 0 when absent, 1 for anything else
 * (another kind of value, or a key that cannot be compared without
 * running code): compiled code compares it with what it was compiled
 * against. */
uint32_t jit_rt_own_method(const Class *c, Str *name)
{
    const DictEntry *de = probe(c->dict, name);
    if (!de)
        return 0;
    return de != UNKNOWABLE && de->value.type == T_FUNCTION ? (uint32_t)(uintptr_t)de->value.u.obj : 1;
}

/* o.name where o's own dict lacks it: the address of the Value its
 * class's MRO has, or 0 (compiled code then checks the Value's type). */
uint32_t jit_rt_inst_attr(const Instance *o, Str *name)
{
    if (o->hdr.type != T_INSTANCE || probe(o->dict, name))
        return 0;
    return (uint32_t)(uintptr_t)in_classes(o->cls, name);
}

/* C.name, C a class defined in Python: the address of the Value along
 * its MRO, or 0. */
uint32_t jit_rt_class_attr(const Class *c, Str *name)
{
    return (uint32_t)(uintptr_t)in_classes(c, name);
}

/* Strings (compiled code holds str arguments, constants and attributes,
 * and compares them; docs/jit.md): what the interpreter computes. */
uint32_t jit_rt_str_eq(const Str *a, const Str *b) { return a == b || str_equal(a, b); }

uint32_t jit_rt_str_cmp(const Str *a, const Str *b)
{
    int c = str_compare(a, b);
    return (uint32_t)(c < 0 ? -1 : c > 0); /* (compared as an int32 with 0) */
}

/* len(s): code points, as the interpreter counts them. */
uint32_t jit_rt_str_len(const Str *s) { return str_charlen(s); }
