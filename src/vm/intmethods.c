/*
 * intmethods.c - the methods of int (any size): bit_length(), to_bytes(),
 * and the class method int.from_bytes().
 */
#include <stdlib.h>
#include <string.h>

#include "vm/long.h"
#include "vm/vm.h"

static bool bit_length(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    *out = v_int((int32_t)long_bit_length(args[0]));
    return true;
}
static NATIVE(int_bit_length_m, "bit_length", bit_length, 1, 1);

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

/* byteorder: 'big' (default) or 'little' */
static bool byteorder(VM *vm, Value v, bool *little)
{
    *little = false;
    if (v.type == T_UNBOUND)
        return true;
    if (v.type != T_STR)
        return vm_raise(vm, EXC_TypeError, "to_bytes() argument 'byteorder' must be str, not %s", type_name(v));
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
        if (!v_is_anyint(given[0]))
            return vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", type_name(given[0]));
        if (long_is_neg(given[0]))
            return vm_raise(vm, EXC_ValueError, "length argument must be non-negative");
        if (given[0].type == T_LONG || given[0].u.i > (1 << 24))
            return vm_raise_oom(vm);
        length = given[0].u.i;
    }
    bool little;
    if (!byteorder(vm, given[1], &little))
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

/* int.from_bytes(bytes, byteorder='big', *, signed=False): bytes, bytearray,
 * or a list of ints in range(256) */
static bool from_bytes(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Value given[3];
    if (!int_args(vm, "from_bytes", args, nargs, kw, 0, from_bytes_names, 3, 2, given))
        return false;
    if (given[0].type == T_UNBOUND)
        return vm_raise(vm, EXC_TypeError, "from_bytes() missing required argument 'bytes' (pos 1)");
    bool little;
    if (!byteorder(vm, given[1], &little))
        return false;
    bool is_signed = given[2].type != T_UNBOUND && vm_truthy(given[2]);
    Value src = given[0];
    if (src.type == T_BYTES)
        return long_from_bytes(vm, (const uint8_t *)AS(Str, src)->data, AS(Str, src)->len, little, is_signed, out);
    if (src.type == T_BYTEARRAY)
        return long_from_bytes(vm, AS(Array, src)->data, AS(Array, src)->len, little, is_signed, out);
    if (src.type == T_LIST || src.type == T_TUPLE) {
        uint32_t n = src.type == T_LIST ? AS(List, src)->len : AS(Tuple, src)->len;
        const Value *items = src.type == T_LIST ? AS(List, src)->items : AS(Tuple, src)->items;
        uint8_t *buf = malloc(n ? n : 1);
        if (!buf)
            return vm_raise_oom(vm);
        for (uint32_t i = 0; i < n; i++) {
            if (!v_is_intlike(items[i]) || items[i].u.i < 0 || items[i].u.i > 255) {
                free(buf);
                return vm_raise(vm, EXC_ValueError, "bytes must be in range(0, 256)");
            }
            buf[i] = (uint8_t)items[i].u.i;
        }
        bool ok = long_from_bytes(vm, buf, n, little, is_signed, out);
        free(buf);
        return ok;
    }
    return vm_raise(vm, EXC_TypeError, "cannot convert '%s' object to bytes", type_name(src));
}
NATIVE_WITH_KW(int_from_bytes, "from_bytes", from_bytes, 0, 3);

const MethodEntry int_methods[] = {
    {Q_bit_length, &int_bit_length_m},
    {Q_to_bytes, &int_to_bytes_m},
};
const uint32_t n_int_methods = sizeof int_methods / sizeof int_methods[0];
