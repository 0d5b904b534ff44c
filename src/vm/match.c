/*
 * match.c - what the match statement's instructions do at run time
 * (MATCH_SEQUENCE, MATCH_MAPPING, MATCH_KEYS, MATCH_CLASS; GET_LEN is
 * len()). The compiler (src/lang/compile_match.c) does the rest with plain
 * instructions: comparisons, unpacking, and the pattern's names stored only
 * once the whole pattern has matched.
 *
 * The rules are PEP 634's as CPython 3.11 implements them: which types are
 * sequences and mappings, the `get(key, sentinel)` lookup of mapping keys, and
 * the class pattern's __match_args__ and its errors, in CPython's words.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/memview.h"
#include "vm/obj.h"
#include "vm/set.h"
#include "vm/vm.h"

/* collections.abc.Sequence's built-in members; str, bytes and bytearray are
 * deliberately not sequences to a pattern. */
bool match_is_sequence(Value v)
{
    switch (v.type) {
    case T_LIST: case T_TUPLE: case T_RANGE: case T_ARRAY: case T_MEMVIEW:
        return true;
    case T_INSTANCE: /* a subclass of one of them */
        return type_isinstance(v, &type_list) || type_isinstance(v, &type_tuple) || type_isinstance(v, &type_deque);
    default:
        return false;
    }
}

/* collections.abc.Mapping's built-in member: dict and its subclasses
 * (OrderedDict, defaultdict, Counter). */
bool match_is_mapping(Value v)
{
    return v.type == T_DICT || (v.type == T_INSTANCE && type_isinstance(v, &type_dict));
}

static bool is_attribute_error(VM *vm)
{
    return vm->exc.type == T_EXCEPTION && exc_matches(AS(Exception, vm->exc), &exc_types[EXC_AttributeError]);
}

/* A name made at run time for an attribute lookup (lookups go by qid). */
static Str *attr_name(VM *vm, const char *s)
{
    Str *name = str_from_cstr(vm, s);
    if (name && name->hdr.aux == QID_NONE)
        name->hdr.aux = qid_lookup(name->data, name->len);
    return name;
}

static bool raise_with_repr(VM *vm, ExcKind kind, const char *before, Value v, const char *after)
{
    StrBuf sb;
    sb_init(&sb);
    sb_adds(&sb, before);
    if (!fmt_repr(vm, &sb, v)) {
        sb_free(&sb);
        return false;
    }
    sb_adds(&sb, after);
    Str *msg = sb_to_str(vm, &sb);
    return msg ? vm_raise_value(vm, kind, v_obj(msg)) : false;
}

/* io[0] subject, io[1] a tuple of keys -> io[0] the tuple of their values, or
 * None when one is missing. Each key is checked against the earlier ones as
 * CPython's set of seen keys does (hash, then ==), before it is looked up. */
bool match_keys(VM *vm, Value *io)
{
    Value subject = io[0];
    if (io[1].type != T_TUPLE) /* only a damaged .p4b gives anything else */
        return vm_raise(vm, EXC_RuntimeError, "MATCH_KEYS without a tuple of keys");
    Tuple *keys = AS(Tuple, io[1]);
    Tuple *values = tuple_new(vm, keys->len);
    if (!values)
        return false;
    VM_ROOT(vm, v_obj(values));
    uint32_t rooted = 1;
    Value get = v_unbound(), sentinel = v_unbound();
    bool ok = true, missing = false;
    if (subject.type != T_DICT && keys->len) { /* a subclass's own get() is called, with a default only it can return */
        Str *name = attr_name(vm, "get");
        List *fresh = name ? (VM_ROOT(vm, v_obj(name)), rooted++, list_new(vm, 0)) : NULL;
        ok = fresh != NULL;
        if (ok) {
            sentinel = v_obj(fresh);
            VM_ROOT(vm, sentinel);
            rooted++;
            ok = vm_load_attr(vm, subject, name, &get);
            VM_ROOT(vm, get);
            rooted++;
        }
    }
    for (uint32_t i = 0; ok && !missing && i < keys->len; i++) {
        Value key = keys->items[i];
        uint32_t h;
        ok = vm_hash(vm, key, &h);
        for (uint32_t j = 0; ok && j < i; j++) {
            bool same;
            ok = vm_equal(vm, keys->items[j], key, &same);
            if (ok && same)
                ok = raise_with_repr(vm, EXC_ValueError, "mapping pattern checks duplicate key (", key, ")");
        }
        if (!ok)
            break;
        Value v;
        if (subject.type == T_DICT) {
            bool found;
            ok = dict_get(vm, AS(Dict, subject), key, &v, &found);
            missing = !found;
        } else {
            Value args[2] = {key, sentinel};
            ok = vm_call(vm, get, args, 2, NULL, &v);
            missing = ok && v.type == sentinel.type && v.u.obj == sentinel.u.obj;
        }
        if (ok && !missing)
            values->items[i] = v;
    }
    VM_UNROOT(vm, rooted);
    if (ok)
        io[0] = missing ? v_none() : v_obj(values);
    return ok;
}

/* The classes whose instances match `C(x)` as a whole (x is the subject),
 * subclasses included, unless they define __match_args__. */
static bool matches_self(const TypeObj *t)
{
    static const TypeObj *const selfish[] = {&type_bool, &type_bytearray, &type_bytes, &type_dict, &type_float,
                                              &type_frozenset, &type_int, &type_list, &type_set, &type_str,
                                              &type_tuple};
    for (size_t i = 0; i < sizeof selfish / sizeof *selfish; i++)
        if (type_is_subclass(t, selfish[i]))
            return true;
    return false;
}

static bool same_name(const Str *a, const Str *b)
{
    return a->len == b->len && memcmp(a->data, b->data, a->len) == 0;
}

/* One attribute of a class pattern: 1 got it, 0 the subject has none (no
 * match), -1 raised. names[0..n) were asked for before it. */
static int class_attr(VM *vm, const TypeObj *t, Value subject, Str *name, Str **names, uint32_t n, Value *out)
{
    for (uint32_t i = 0; i < n; i++)
        if (same_name(names[i], name)) {
            char before[160];
            snprintf(before, sizeof before, "%s() got multiple sub-patterns for attribute ", t->name);
            raise_with_repr(vm, EXC_TypeError, before, v_obj(name), "");
            return -1;
        }
    if (name->hdr.aux == QID_NONE)
        name->hdr.aux = qid_lookup(name->data, name->len);
    if (vm_load_attr(vm, subject, name, out))
        return 1;
    if (!is_attribute_error(vm))
        return -1;
    vm->exc = v_unbound();
    return 0;
}

/* The positional sub-patterns' attribute names: the class's __match_args__
 * (into *match_args, rooted by the caller) or, for a self-matching class
 * without one, the subject itself (*self true). */
static bool positional_names(VM *vm, Value cls, uint32_t npos, Value *match_args, bool *self)
{
    const TypeObj *t = AS(TypeObj, cls);
    Str *name = attr_name(vm, "__match_args__");
    if (!name)
        return false;
    VM_ROOT(vm, v_obj(name));
    bool got = vm_load_attr(vm, cls, name, match_args);
    VM_UNROOT(vm, 1);
    uint32_t allowed;
    *self = false;
    if (got) {
        if (match_args->type != T_TUPLE)
            return vm_raise(vm, EXC_TypeError, "%s.__match_args__ must be a tuple (got %s)", t->name,
                            type_name(*match_args));
        allowed = AS(Tuple, *match_args)->len;
    } else {
        if (!is_attribute_error(vm))
            return false;
        vm->exc = v_unbound();
        *match_args = v_none();
        *self = matches_self(t);
        allowed = *self ? 1 : 0;
    }
    if (allowed < npos)
        return vm_raise(vm, EXC_TypeError, "%s() accepts %u positional sub-pattern%s (%u given)", t->name,
                        (unsigned)allowed, allowed == 1 ? "" : "s", (unsigned)npos);
    return true;
}

/* io[0] subject, io[1] the class, io[2] a tuple of keyword names -> io[0] the
 * tuple of the npos positional then the keyword attributes, or None. */
bool match_class(VM *vm, uint32_t npos, Value *io)
{
    Value subject = io[0], cls = io[1];
    if (cls.type != T_TYPE)
        return vm_raise(vm, EXC_TypeError, "called match pattern must be a type");
    const TypeObj *t = AS(TypeObj, cls);
    if (!type_isinstance(subject, t)) {
        io[0] = v_none();
        return true;
    }
    if (io[2].type != T_TUPLE) /* only a damaged .p4b gives anything else */
        return vm_raise(vm, EXC_RuntimeError, "MATCH_CLASS without a tuple of names");
    Tuple *kw = AS(Tuple, io[2]);
    uint32_t total = npos + kw->len;
    Tuple *attrs = tuple_new(vm, total);
    if (!attrs)
        return false;
    VM_ROOT(vm, v_obj(attrs));
    Value match_args = v_none();
    bool self = false, ok = true;
    int got = 1;
    if (npos) {
        ok = positional_names(vm, cls, npos, &match_args, &self);
        VM_ROOT(vm, match_args);
    }
    Str **names = total ? malloc(total * sizeof *names) : NULL;
    if (total && !names)
        ok = vm_raise_oom(vm);
    uint32_t nnames = 0;
    for (uint32_t i = 0; ok && got == 1 && i < total; i++) {
        Value name = i < npos ? (self ? v_unbound() : AS(Tuple, match_args)->items[i]) : kw->items[i - npos];
        if (self) { /* int(x): x is the subject (only one positional is allowed) */
            attrs->items[0] = subject;
            self = false;
            continue;
        }
        if (name.type != T_STR) {
            ok = vm_raise(vm, EXC_TypeError, "__match_args__ elements must be strings (got %s)", type_name(name));
            break;
        }
        got = class_attr(vm, t, subject, AS(Str, name), names, nnames, &attrs->items[i]);
        names[nnames++] = AS(Str, name);
        ok = got >= 0;
    }
    free(names);
    VM_UNROOT(vm, npos ? 2 : 1);
    if (ok)
        io[0] = got == 1 ? v_obj(attrs) : v_none();
    return ok;
}
