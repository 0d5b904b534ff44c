/*
 * intmethods.c - the methods of int (any size): bit_length(), bit_count(), to_bytes(),
 * as_integer_ratio(), and the class method int.from_bytes().
 */
#include <stdlib.h>
#include <string.h>

#include "vm/class.h"
#include "vm/long.h"
#include "vm/vm.h"

static bool bit_length(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    *out = v_int((int32_t)long_bit_length(args[0]));
    return true;
}
static NATIVE(int_bit_length_m, "bit_length", bit_length, 1, 1);

static bool bit_count(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    *out = v_int((int32_t)long_bit_count(args[0]));
    return true;
}
static NATIVE(int_bit_count_m, "bit_count", bit_count, 1, 1);

/* The arguments after `first` positional ones: names[i] by position
 * (i < npos_max) or keyword; given[i] stays T_UNBOUND when absent. */
static bool int_args(VM *vm, const char *fn, Value *args, int nargs, Tuple *kw, int first, const char *const *names,
                     int nnames, int npos_max, Value *given)
{
    int npos = nargs - (kw ? (int)kw->len : 0);
    for (int i = 0; i < nnames; i++)
        given[i] = v_unbound();
    if (npos - first > npos_max)
        return vm_raise(vm, EXC_TypeError, "%s() takes at most %d positional arguments (%d given)", fn, npos_max,
                        npos - first);
    for (int i = first; i < npos; i++)
        given[i - first] = args[i];
    for (uint32_t k = 0; kw && k < kw->len; k++) {
        Str *name = AS(Str, kw->items[k]);
        int slot = -1;
        for (int i = 0; i < nnames; i++)
            if (strcmp(name->data, names[i]) == 0)
                slot = i;
        if (slot < 0)
            return vm_raise(vm, EXC_TypeError, "%s() got an unexpected keyword argument '%s'", fn, name->data);
        if (given[slot].type != T_UNBOUND)
            return vm_raise(vm, EXC_TypeError, "argument for %s() given by name ('%s') and position (%d)", fn,
                            name->data, slot + 1);
        given[slot] = args[npos + (int)k];
    }
    return true;
}

/* byteorder of fn (to_bytes, from_bytes): 'big' (default) or 'little', a str or a str subclass's */
static bool byteorder(VM *vm, const char *fn, Value v, bool *little)
{
    *little = false;
    if (v.type == T_UNBOUND)
        return true;
    if (v.type == T_INSTANCE && instance_native(v).type == T_STR)
        v = instance_native(v);
    if (v.type != T_STR)
        return vm_raise(vm, EXC_TypeError, "%s() argument 'byteorder' must be str, not %s", fn, type_name(v));
    Str *s = AS(Str, v);
    if (strcmp(s->data, "little") == 0)
        *little = true;
    else if (strcmp(s->data, "big") != 0)
        return vm_raise(vm, EXC_ValueError, "byteorder must be either 'little' or 'big'");
    return true;
}

static const char *const to_bytes_names[] = {"length", "byteorder", "signed"};

/* int.to_bytes(length=1, byteorder='big', *, signed=False) */
static bool to_bytes(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Value given[3];
    if (!int_args(vm, "to_bytes", args, nargs, kw, 1, to_bytes_names, 3, 2, given))
        return false;
    int32_t length = 1;
    if (given[0].type != T_UNBOUND) {
        if (!class_index(vm, &given[0])) /* an int subclass's value, or __index__ */
            return false;
        if (!v_is_anyint(given[0]))
            return vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", type_name(given[0]));
        if (long_is_neg(given[0]))
            return vm_raise(vm, EXC_ValueError, "length argument must be non-negative");
        if (given[0].type == T_LONG || given[0].u.i > (1 << 24))
            return vm_raise_oom(vm);
        length = given[0].u.i;
    }
    bool little;
    if (!byteorder(vm, "to_bytes", given[1], &little))
        return false;
    bool is_signed = given[2].type != T_UNBOUND && vm_truthy(given[2]);
    uint8_t *buf = malloc(length ? (size_t)length : 1);
    if (!buf)
        return vm_raise_oom(vm);
    if (!long_to_bytes(vm, args[0], (uint32_t)length, little, is_signed, buf)) {
        free(buf);
        return false;
    }
    Str *b = bytes_new(vm, buf, (uint32_t)length);
    free(buf);
    if (!b)
        return false;
    *out = v_obj(b);
    return true;
}
static NATIVE_WITH_KW(int_to_bytes_m, "to_bytes", to_bytes, 1, 4);

static const char *const from_bytes_names[] = {"bytes", "byteorder", "signed"};

/* The bytes int.from_bytes reads: a buffer's (bytes, bytearray, array,
 * memoryview) as they are; any other object that is not a number or a str
 * through bytes(), as CPython (an iterable of ints, __bytes__). *keep holds
 * the bytes made, for the caller to root. */
static bool from_bytes_source(VM *vm, Value src, const uint8_t **data, uint32_t *len, Value *keep)
{
    *keep = v_none();
    if (instance_native(src).type == T_ARRAY || instance_native(src).type == T_BYTES ||
        instance_native(src).type == T_BYTEARRAY) /* a subclass of a buffer type */
        src = instance_native(src);
    if (byte_buffer(src, data, len))
        return true;
    if (v_is_number(src) || src.type == T_LONG || src.type == T_STR || src.type == T_NONE)
        return vm_raise(vm, EXC_TypeError, "cannot convert '%s' object to bytes", type_name(src));
    if (!vm_call(vm, v_obj((void *)&type_bytes), &src, 1, NULL, keep))
        return false;
    return byte_buffer(*keep, data, len);
}

/* cls.from_bytes(bytes, byteorder='big', *, signed=False) for int, bool and
 * subclasses of int: args[0] is the class. */
static bool from_bytes(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Value given[3];
    if (!int_args(vm, "from_bytes", args, nargs, kw, 1, from_bytes_names, 3, 2, given))
        return false;
    if (given[0].type == T_UNBOUND)
        return vm_raise(vm, EXC_TypeError, "from_bytes() missing required argument 'bytes' (pos 1)");
    bool little;
    if (!byteorder(vm, "from_bytes", given[1], &little))
        return false;
    bool is_signed = given[2].type != T_UNBOUND && vm_truthy(given[2]);
    const uint8_t *data;
    uint32_t len;
    Value keep;
    if (!from_bytes_source(vm, given[0], &data, &len, &keep))
        return false;
    VM_ROOT(vm, keep);
    bool ok = long_from_bytes(vm, data, len, little, is_signed, out);
    VM_UNROOT(vm, 1);
    const TypeObj *cls = AS(TypeObj, args[0]);
    if (!ok || cls == &type_int)
        return ok;
    if (cls == &type_bool) {
        *out = v_bool(out->type == T_LONG || out->u.i != 0);
        return true;
    }
    Value n = *out; /* a subclass: cls(n), as CPython */
    VM_ROOT(vm, n);
    ok = vm_call(vm, args[0], &n, 1, NULL, out);
    VM_UNROOT(vm, 1);
    return ok;
}
static NATIVE_WITH_KW(int_from_bytes_m, "from_bytes", from_bytes, 1, 4);

/* int.from_bytes, bool.from_bytes, or a subclass's: the method bound to its class. */
bool int_from_bytes_of(VM *vm, Value cls, Value *out)
{
    BoundMethod *b = boundmethod_new(vm, &int_from_bytes_m, cls);
    if (!b)
        return false;
    *out = v_obj(b);
    return true;
}

/* n.as_integer_ratio(): (n, 1), a bool's as an int */
static bool int_as_integer_ratio(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Tuple *t = tuple_new(vm, 2);
    if (!t)
        return false;
    t->items[0] = args[0].type == T_BOOL ? v_int(args[0].u.i) : args[0];
    t->items[1] = v_int(1);
    *out = v_obj(t);
    return true;
}
static NATIVE(int_as_integer_ratio_m, "as_integer_ratio", int_as_integer_ratio, 1, 1);

const MethodEntry int_methods[] = {
    {Q_as_integer_ratio, &int_as_integer_ratio_m},
    {Q_bit_length, &int_bit_length_m},
    {Q_bit_count, &int_bit_count_m},
    {Q_to_bytes, &int_to_bytes_m},
};
const uint32_t n_int_methods = sizeof int_methods / sizeof int_methods[0];
