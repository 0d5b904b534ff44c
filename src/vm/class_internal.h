/*
 * class_internal.h - what the parts of the class runtime share, inside
 * src/vm/class*.c only (the rest of the VM uses class.h):
 *   class.c           names, namespace probes, MRO, lookups, building classes
 *   class_instance.c  instances, object's and BaseException's methods
 *   class_attr.c      binding, attribute loads, stores and deletes
 *   class_descr.c     staticmethod, classmethod, property, super, issubclass
 *   class_special.c   the special methods the runtime calls
 *   class_meta.c      metaclasses and type's own methods
 */
#ifndef P4_CLASS_INTERNAL_H
#define P4_CLASS_INTERNAL_H

#include "vm/class.h"

/* Set once any class's namespace gets a property after the class was
 * made; until then a class without properties in its MRO is known by
 * Class.t.hdr.aux (CLASS_NO_PROPERTIES), and attribute stores skip the
 * lookup for a setter. */
extern bool late_property;
#define CLASS_NO_PROPERTIES 1
/* Every class of the MRO (object aside) has __slots__: instances take only
 * the attributes those name (Class.t.hdr.aux). */
#define CLASS_SLOTS_ONLY 2
/* A class of the MRO defines __setattr__ or __delattr__ (stores and deletes
 * on instances call it), __getattribute__ (loads call it): the attribute
 * caches (attr.c) leave such instances alone. */
#define CLASS_SETATTR_HOOK 4
#define CLASS_GETATTRIBUTE_HOOK 8

#define MAX_MRO 64

/* Laid out as a Str (obj.h) with room for the longest special name; static,
 * so the collector ignores them; dict probes cache the hash in place. */
typedef struct StaticStr {
    Obj hdr;
    uint32_t len;
    uint32_t hash;
    char data[24];
} StaticStr;

extern StaticStr special_strs[SN__COUNT];

/* class.c */
bool call_nested(VM *vm, Value fn, Value self, bool with_self, Value *args, int nargs, Value *out);
uint32_t mro_array(const TypeObj *t, const TypeObj **out);
bool immutable_builtin(const TypeObj *t);
bool mro_lookup_from(VM *vm, const TypeObj *t, uint32_t from, Value name, bool user_only,
                     Value *out, bool *found);
bool is_data_descriptor(VM *vm, Value v);
bool builtin_class_native(Value cv);
bool is_object_init_subclass(Value cv);

/* class_meta.c */
bool is_type_dunder_method(Value cv);

/* class_instance.c */
Dict **dict_slot(Value obj);
bool instance_alloc(VM *vm, Class *c, Value *args, int npos, Value *self);
bool native_init(VM *vm, Value *args, int nargs, Tuple *kw, Value *out);
bool object_init(VM *vm, Value *args, int nargs, Tuple *kw, Value *out);
void default_repr(StrBuf *sb, Value v);
bool object_repr(VM *vm, Value *args, int nargs, Tuple *kw, Value *out);
bool object_str(VM *vm, Value *args, int nargs, Tuple *kw, Value *out);
bool object_eq(VM *vm, Value *args, int nargs, Tuple *kw, Value *out);
bool object_ne(VM *vm, Value *args, int nargs, Tuple *kw, Value *out);
bool object_hash(VM *vm, Value *args, int nargs, Tuple *kw, Value *out);
bool object_setattr(VM *vm, Value *args, int nargs, Tuple *kw, Value *out);
bool object_delattr(VM *vm, Value *args, int nargs, Tuple *kw, Value *out);
bool object_getattribute(VM *vm, Value *args, int nargs, Tuple *kw, Value *out);
bool object_init_subclass(VM *vm, Value *args, int nargs, Tuple *kw, Value *out);
bool exc_init(VM *vm, Value *args, int nargs, Tuple *kw, Value *out);
bool exc_str(VM *vm, Value *args, int nargs, Tuple *kw, Value *out);
bool exc_repr(VM *vm, Value *args, int nargs, Tuple *kw, Value *out);

/* class_attr.c */
bool class_note_attr_hooks(VM *vm, Class *c);
bool generic_load_attr(VM *vm, Value obj, Str *name, Value *out, bool with_getattr);
bool generic_store_attr(VM *vm, Value obj, Str *name, Value value);
bool generic_delete_attr(VM *vm, Value obj, Str *name);
bool bind(VM *vm, Value cv, Value obj, const TypeObj *t, bool is_class, Value *out);
bool no_attr(VM *vm, Value obj, const Str *name);

/* class_descr.c */
bool super_lookup(VM *vm, Descr *s, Str *name, Value *cv, bool *found, const TypeObj **t);
bool descr_attr(VM *vm, Value obj, Str *name, Value *out);

static inline Str *sname(enum SpecialName sn) { return (Str *)(void *)&special_strs[sn]; }
static inline Value snamev(enum SpecialName sn) { return v_obj(sname(sn)); }
static inline bool is_dunder(const Str *s) { return s->len > 4 && s->data[0] == '_' && s->data[1] == '_'; }
static inline bool name_is(const Str *s, enum SpecialName sn) { return str_equal(s, sname(sn)); }

static inline bool is_notimpl(Value v) { return v.type == T_DESCR && v.u.obj == (Obj *)&not_implemented; }

/* A dict probe for a str key (the dicts of classes and instances): the
 * key's cached hash, a pointer compare before a byte compare, no calls. The
 * probe sequence is dict.c's (linear over the index, -1 empty), and str keys
 * hash as vm_hash hashes them. A dict holding a key that is not a str falls
 * back to dict_get, which compares by Python's rules. */
static inline bool ns_get(VM *vm, Dict *d, Str *name, Value *out, bool *found)
{
    *found = false;
    if (d->mask == 0)
        return true;
    uint32_t h = str_hash(name);
    for (uint32_t i = h & d->mask;; i = (i + 1) & d->mask) {
        int32_t e = d->index[i];
        if (e < 0)
            return true;
        DictEntry *de = &d->entries[e];
        if (de->hash != h || de->key.type == T_UNBOUND)
            continue;
        if (de->key.type != T_STR)
            return dict_get(vm, d, v_obj(name), out, found);
        if (de->key.u.obj == &name->hdr || str_equal(AS(Str, de->key), name)) {
            *out = de->value;
            *found = true;
            return true;
        }
    }
}

static inline bool mro_lookup(VM *vm, const TypeObj *t, Value name, bool user_only, Value *out, bool *found)
{
    return mro_lookup_from(vm, t, 0, name, user_only, out, found);
}

#endif
