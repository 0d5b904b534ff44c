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

/* Probes dict d for str name as class.c's ns_get does. 1: found (*out its
 * value), 0: absent, -1: cannot tell without running code (a key that is
 * not a str shares the hash). */
static int probe(const Dict *d, Str *name, Value *out)
{
    if (!d || d->mask == 0)
        return 0; /* no index yet: class.c's ns_get finds nothing there either */
    uint32_t h = str_hash(name);
    for (uint32_t i = h & d->mask;; i = (i + 1) & d->mask) {
        int32_t e = d->index[i];
        if (e < 0)
            return 0;
        const DictEntry *de = &d->entries[e];
        if (de->hash != h || de->key.type == T_UNBOUND)
            continue;
        if (de->key.type != T_STR)
            return -1;
        if (de->key.u.obj == &name->hdr || str_equal(AS(Str, de->key), name)) {
            *out = de->value;
            return 1;
        }
    }
}

uint32_t jit_rt_method(const Instance *o, Str *name)
{
    Value v;
    if (o->hdr.type != T_INSTANCE || probe(o->dict, name, &v) != 0)
        return 0; /* shadowed by the instance (or unknowable): the interpreter decides */
    const Tuple *mro = o->cls->mro;
    for (uint32_t i = 0; i < mro->len; i++) {
        const TypeObj *k = AS(TypeObj, mro->items[i]);
        if (!type_is_user(k))
            return 0; /* a built-in class's method would come next: not compiled */
        int r = probe(((const Class *)k)->dict, name, &v);
        if (r < 0)
            return 0;
        if (r > 0)
            return v.type == T_FUNCTION ? (uint32_t)(uintptr_t)v.u.obj : 0;
    }
    return 0;
}
