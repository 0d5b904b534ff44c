/*
 * class_special.c - the special methods the runtime calls on instances:
 * operators and comparisons, hash, truth, repr and format, the container
 * protocol, iteration, numbers, and `with`. Each hook tells its caller to
 * fall back to the built-in behaviour when no user class defines the method.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/class_internal.h"
#include "vm/memview.h"
#include "vm/set.h"
#include "vm/libobj.h"
#include "vm/long.h"

/* ---- special methods ------------------------------------------------------------------ */

typedef struct BinopNames {
    enum SpecialName fwd, refl, inplace;
    const char *sym, *isym;
} BinopNames;

static const BinopNames *binop_names(unsigned op)
{
    static const BinopNames t[] = {
        {SN___add__, SN___radd__, SN___iadd__, "+", "+="},
        {SN___sub__, SN___rsub__, SN___isub__, "-", "-="},
        {SN___mul__, SN___rmul__, SN___imul__, "*", "*="},
        {SN___truediv__, SN___rtruediv__, SN___itruediv__, "/", "/="},
        {SN___floordiv__, SN___rfloordiv__, SN___ifloordiv__, "//", "//="},
        {SN___mod__, SN___rmod__, SN___imod__, "%", "%="},
        {SN___pow__, SN___rpow__, SN___ipow__, "**", "**="},
        {SN___lshift__, SN___rlshift__, SN___ilshift__, "<<", "<<="},
        {SN___rshift__, SN___rrshift__, SN___irshift__, ">>", ">>="},
        {SN___and__, SN___rand__, SN___iand__, "&", "&="},
        {SN___or__, SN___ror__, SN___ior__, "|", "|="},
        {SN___xor__, SN___rxor__, SN___ixor__, "^", "^="},
        {SN___matmul__, SN___rmatmul__, SN___imatmul__, "@", "@="},
    };
    switch (op & ~VM_OP_INPLACE) {
    case OP_BINARY_ADD: case OP_INPLACE_ADD: return &t[0];
    case OP_BINARY_SUB: case OP_INPLACE_SUB: return &t[1];
    case OP_BINARY_MUL: case OP_INPLACE_MUL: return &t[2];
    case OP_BINARY_TRUEDIV: return &t[3];
    case OP_BINARY_FLOORDIV: return &t[4];
    case OP_BINARY_MOD: return &t[5];
    case OP_BINARY_POW: return &t[6];
    case OP_BINARY_LSHIFT: return &t[7];
    case OP_BINARY_RSHIFT: return &t[8];
    case OP_BINARY_AND: case OP_INPLACE_AND: return &t[9];
    case OP_BINARY_OR: case OP_INPLACE_OR: return &t[10];
    case OP_BINARY_XOR: case OP_INPLACE_XOR: return &t[11];
    case OP_BINARY_MATMUL: return &t[12];
    default: return NULL;
    }
}

/* Calls x.sn(y); *got is false when x lacks it or it returned NotImplemented. */
static bool try_special(VM *vm, Value x, enum SpecialName sn, Value y, Value *out, bool *got)
{
    bool found;
    VM_ROOT(vm, y);
    bool ok = class_call_special(vm, x, sn, &vm->roots[vm->nroots - 1], 1, out, &found);
    VM_UNROOT(vm, 1);
    *got = ok && found && !is_notimpl(*out);
    return ok;
}

static bool proper_subclass(Value b, Value a)
{
    const Class *ca = instance_class_of(a), *cb = instance_class_of(b);
    if (!cb)
        return false;
    const TypeObj *ta = ca ? &ca->t : type_of(a);
    return ta && &cb->t != ta && type_is_subclass(&cb->t, ta);
}

/* b (of a proper subclass of a's type) goes first only when its class
 * overrides a's reflected method (CPython's method_is_overloaded): one it
 * merely inherits runs after a's forward method. */
static bool overrides_reflected(VM *vm, Value a, Value b, enum SpecialName refl, bool *yes)
{
    Value fa, fb;
    if (!class_special(vm, b, refl, &fb) || !class_special(vm, a, refl, &fa))
        return false;
    *yes = fb.type != T_UNBOUND && (fa.type == T_UNBOUND || fa.type != fb.type || fa.u.obj != fb.u.obj);
    return true;
}

bool class_binary_op(VM *vm, unsigned op, Value a, Value b, Value *out)
{
    const BinopNames *n = binop_names(op);
    if (!n)
        return vm_raise(vm, EXC_RuntimeError, "bad binary operator");
    bool got = false;
    bool inplace = (op & VM_OP_INPLACE) || op == OP_INPLACE_ADD || op == OP_INPLACE_MUL || op == OP_INPLACE_SUB ||
                   op == OP_INPLACE_AND || op == OP_INPLACE_OR || op == OP_INPLACE_XOR;
    if (inplace && !try_special(vm, a, n->inplace, b, out, &got))
        return false;
    if (got)
        return true;
    if (a.type == T_DICT && (op == OP_INPLACE_OR || op == (OP_BINARY_OR | VM_OP_INPLACE)))
        return dict_union(vm, AS(Dict, a), b, true, out); /* dict.__ior__ updates or raises: b's __ror__ is not asked */
    bool b_first = proper_subclass(b, a);
    if (b_first && !overrides_reflected(vm, a, b, n->refl, &b_first))
        return false;
    if (!b_first && (op & ~VM_OP_INPLACE) == OP_BINARY_MOD &&
        (a.type == T_STR || a.type == T_BYTES || a.type == T_BYTEARRAY)) {
        /* 's' % x (and s %= x) formats (or raises) whatever x's __rmod__, as in CPython; an
         * instance of a tuple or dict subclass gives its items or keys */
        Value nb = instance_native(b);
        if (nb.type != T_UNBOUND)
            return vm_binary_op(vm, op, a, nb, out);
        out->type = T_UNBOUND;
        return true;
    }
    if (b_first && !try_special(vm, b, n->refl, a, out, &got))
        return false;
    if (got)
        return true;
    if (!try_special(vm, a, n->fwd, b, out, &got))
        return false;
    if (got)
        return true;
    if (!b_first && user_class_of(b) != user_class_of(a) && !try_special(vm, b, n->refl, a, out, &got))
        return false;
    if (got)
        return true;
    Value na = instance_native(a), nb = instance_native(b);
    if (na.type != T_UNBOUND || nb.type != T_UNBOUND) { /* the built-in type's operator */
        if (!vm_binary_op(vm, op, na.type != T_UNBOUND ? na : a, nb.type != T_UNBOUND ? nb : b, out))
            return false;
        if (inplace && na.type != T_UNBOUND && out->type == na.type && out->u.obj == na.u.obj)
            *out = a; /* list += changed the value in place: the result is the instance */
        return true;
    }
    out->type = T_UNBOUND; /* the built-in operators decide (and raise their TypeError) */
    return true;
}

bool class_unary_op(VM *vm, unsigned op, Value a, Value *out)
{
    if (op == OP_UNARY_NOT) {
        bool t;
        if (!class_truthy(vm, a, &t))
            return false;
        *out = v_bool(!t);
        return true;
    }
    enum SpecialName sn = op == OP_UNARY_NEG ? SN___neg__ : op == OP_UNARY_POS ? SN___pos__
                        : op == OP_UNARY_INVERT ? SN___invert__ : SN___abs__;
    bool found;
    if (!class_call_special(vm, a, sn, NULL, 0, out, &found))
        return false;
    if (!found && instance_native(a).type != T_UNBOUND)
        return vm_unary_op(vm, op, instance_native(a), out);
    if (!found)
        out->type = T_UNBOUND;
    return true;
}

static enum SpecialName cmp_name(unsigned op, bool reflected)
{
    switch (op) {
    case OP_COMPARE_LT: return reflected ? SN___gt__ : SN___lt__;
    case OP_COMPARE_LE: return reflected ? SN___ge__ : SN___le__;
    case OP_COMPARE_GT: return reflected ? SN___lt__ : SN___gt__;
    case OP_COMPARE_GE: return reflected ? SN___le__ : SN___ge__;
    case OP_COMPARE_NE: return SN___ne__;
    default:            return SN___eq__;
    }
}

/* x.sn(y), where a missing __ne__ is "not __eq__" as object.__ne__ does. */
static bool try_cmp(VM *vm, Value x, enum SpecialName sn, Value y, Value *out, bool *got)
{
    *got = false;
    if (!user_class_of(x))
        return true;
    Value fn;
    if (sn == SN___ne__) {
        if (!class_special(vm, x, SN___ne__, &fn))
            return false;
        if (fn.type == T_UNBOUND) {
            if (!try_special(vm, x, SN___eq__, y, out, got))
                return false;
            if (*got) {
                bool t;
                if (!class_truthy(vm, *out, &t))
                    return false;
                *out = v_bool(!t);
            }
            return true;
        }
    }
    return try_special(vm, x, sn, y, out, got);
}

bool class_compare(VM *vm, unsigned op, Value a, Value b, Value *out)
{
    bool got = false;
    bool b_first = proper_subclass(b, a);
    if (b_first && !try_cmp(vm, b, cmp_name(op, true), a, out, &got))
        return false;
    if (got)
        return true;
    if (!try_cmp(vm, a, cmp_name(op, false), b, out, &got))
        return false;
    if (got)
        return true;
    if (!b_first && !try_cmp(vm, b, cmp_name(op, true), a, out, &got))
        return false;
    if (got)
        return true;
    Value na = instance_native(a), nb = instance_native(b);
    if (na.type != T_UNBOUND || nb.type != T_UNBOUND)
        return vm_compare(vm, op, na.type != T_UNBOUND ? na : a, nb.type != T_UNBOUND ? nb : b, out);
    if (op == OP_COMPARE_EQ || op == OP_COMPARE_NE) {
        bool same = a.type == b.type && a.u.obj == b.u.obj;
        *out = v_bool(op == OP_COMPARE_EQ ? same : !same);
        return true;
    }
    static const char *const syms[] = {"<", "<=", "==", "!=", ">", ">="};
    return vm_raise(vm, EXC_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                    syms[op - OP_COMPARE_LT], type_name(a), type_name(b));
}

bool class_hash(VM *vm, Value v, uint32_t *out)
{
    Value fn, r;
    if (!class_special(vm, v, SN___hash__, &fn))
        return false;
    if (fn.type == T_UNBOUND && instance_native(v).type != T_UNBOUND)
        return vm_hash(vm, instance_native(v), out);
    if (fn.type == T_UNBOUND) {
        *out = (uint32_t)((uintptr_t)v.u.obj >> 3);
        return true;
    }
    if (fn.type == T_NONE)
        return vm_raise(vm, EXC_TypeError, "unhashable type: '%s'", type_name(v));
    bool found;
    if (!class_call_special(vm, v, SN___hash__, NULL, 0, &r, &found))
        return false;
    if (r.type == T_LONG) /* CPython reduces a wide result as it hashes an int */
        return vm_hash(vm, r, out);
    if (!v_is_intlike(r))
        return vm_raise(vm, EXC_TypeError, "__hash__ method should return an integer");
    *out = (uint32_t)(r.u.i == -1 ? -2 : r.u.i);
    return true;
}

bool class_truthy(VM *vm, Value v, bool *out)
{
    if (v.type != T_INSTANCE) {
        *out = vm_truthy(v);
        return true;
    }
    Value r;
    bool found;
    if (!class_call_special(vm, v, SN___bool__, NULL, 0, &r, &found))
        return false;
    if (found) {
        if (r.type != T_BOOL)
            return vm_raise(vm, EXC_TypeError, "__bool__ should return bool, returned %s", type_name(r));
        *out = r.u.i != 0;
        return true;
    }
    int32_t n;
    Value fn;
    if (!class_special(vm, v, SN___len__, &fn))
        return false;
    if (fn.type == T_UNBOUND && instance_native(v).type != T_UNBOUND)
        return class_truthy(vm, instance_native(v), out);
    if (fn.type == T_UNBOUND) {
        *out = true;
        return true;
    }
    if (!class_len(vm, v, &n))
        return false;
    *out = n != 0;
    return true;
}

bool class_repr(VM *vm, StrBuf *sb, Value v, bool want_str, bool *done)
{
    *done = false;
    if (!user_class_of(v)) {
        if (v.type == T_INSTANCE) { /* object() */
            default_repr(sb, v);
            *done = true;
        }
        return true;
    }
    Value r;
    bool found = false;
    if (want_str && !class_call_special(vm, v, SN___str__, NULL, 0, &r, &found))
        return false;
    bool is_str = found;
    if (!found && (v.type != T_EXCEPTION || !want_str) && /* (an exception's str is its own) */
        !class_call_special(vm, v, SN___repr__, NULL, 0, &r, &found))
        return false;
    if (!found && instance_native(v).type != T_UNBOUND) {
        *done = true;
        return want_str ? fmt_str(vm, sb, instance_native(v)) : fmt_repr(vm, sb, instance_native(v));
    }
    if (!found) {
        if (v.type == T_INSTANCE) {
            default_repr(sb, v);
            *done = true;
        }
        return true;
    }
    if (r.type != T_STR)
        return vm_raise(vm, EXC_TypeError, "%s returned non-string (type %s)", is_str ? "__str__" : "__repr__",
                        type_name(r));
    sb_add(sb, AS(Str, r)->data, AS(Str, r)->len);
    *done = true;
    return true;
}

void class_repr_type(StrBuf *sb, const TypeObj *t)
{
    const Class *c = (const Class *)t;
    sb_adds(sb, "<class '");
    sb_add(sb, c->module->data, c->module->len);
    sb_addc(sb, '.');
    sb_add(sb, c->qualname->data, c->qualname->len);
    sb_adds(sb, "'>");
}

bool class_format(VM *vm, StrBuf *sb, Value v, const char *spec, uint32_t speclen)
{
    Value fn;
    if (!class_special(vm, v, SN___format__, &fn))
        return false;
    if (fn.type != T_UNBOUND) {
        Str *s = str_new(vm, spec, speclen);
        if (!s)
            return false;
        Value arg = v_obj(s), r;
        bool found;
        VM_ROOT(vm, arg);
        bool ok = class_call_special(vm, v, SN___format__, &vm->roots[vm->nroots - 1], 1, &r, &found);
        VM_UNROOT(vm, 1);
        if (!ok)
            return false;
        if (r.type != T_STR)
            return vm_raise(vm, EXC_TypeError, "__format__ must return a str, not %s", type_name(r));
        sb_add(sb, AS(Str, r)->data, AS(Str, r)->len);
        return true;
    }
    if (instance_native(v).type != T_UNBOUND)
        return fmt_format(vm, sb, instance_native(v), spec, speclen);
    if (speclen)
        return vm_raise(vm, EXC_TypeError, "unsupported format string passed to %s.__format__", type_name(v));
    return fmt_str(vm, sb, v);
}

bool class_getitem(VM *vm, Value obj, Value key, Value *out)
{
    bool found;
    VM_ROOT(vm, key);
    bool ok = class_call_special(vm, obj, SN___getitem__, &vm->roots[vm->nroots - 1], 1, out, &found);
    VM_UNROOT(vm, 1);
    if (ok && !found && instance_native(obj).type == T_DICT) { /* a dict subclass: __missing__ for a missing key */
        bool has;
        if (!dict_get(vm, AS(Dict, instance_native(obj)), key, out, &has))
            return false;
        if (has)
            return true;
        VM_ROOT(vm, key);
        ok = class_call_special(vm, obj, SN___missing__, &vm->roots[vm->nroots - 1], 1, out, &found);
        VM_UNROOT(vm, 1);
        if (ok && !found)
            return vm_raise_value(vm, EXC_KeyError, key);
        return ok;
    }
    if (ok && !found && instance_native(obj).type != T_UNBOUND)
        return vm_getitem(vm, instance_native(obj), key, out);
    if (ok && !found)
        return vm_raise(vm, EXC_TypeError, "'%s' object is not subscriptable", type_name(obj));
    return ok;
}

bool class_setitem(VM *vm, Value obj, Value key, Value value)
{
    bool found;
    Value r;
    VM_ROOT(vm, key);
    VM_ROOT(vm, value);
    bool ok = class_call_special(vm, obj, SN___setitem__, &vm->roots[vm->nroots - 2], 2, &r, &found);
    VM_UNROOT(vm, 2);
    if (ok && !found && instance_native(obj).type != T_UNBOUND)
        return vm_setitem(vm, instance_native(obj), key, value);
    if (ok && !found)
        return vm_raise(vm, EXC_TypeError, "'%s' object does not support item assignment", type_name(obj));
    return ok;
}

bool class_delitem(VM *vm, Value obj, Value key)
{
    bool found;
    Value r;
    VM_ROOT(vm, key);
    bool ok = class_call_special(vm, obj, SN___delitem__, &vm->roots[vm->nroots - 1], 1, &r, &found);
    VM_UNROOT(vm, 1);
    if (ok && !found && instance_native(obj).type != T_UNBOUND)
        return vm_delitem(vm, instance_native(obj), key);
    if (ok && !found)
        return vm_raise(vm, EXC_TypeError, "'%s' object doesn't support item deletion", type_name(obj));
    return ok;
}

bool class_len(VM *vm, Value obj, int32_t *out)
{
    bool found;
    Value r;
    if (!class_call_special(vm, obj, SN___len__, NULL, 0, &r, &found))
        return false;
    if (!found && instance_native(obj).type != T_UNBOUND)
        return vm_len(vm, instance_native(obj), out);
    if (!found)
        return vm_raise(vm, EXC_TypeError, "object of type '%s' has no len()", type_name(obj));
    if (r.type == T_LONG) /* CPython on a 32-bit target: beyond Py_ssize_t */
        return vm_raise(vm, EXC_OverflowError, "cannot fit 'int' into an index-sized integer");
    if (!v_is_intlike(r))
        return vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", type_name(r));
    if (r.u.i < 0)
        return vm_raise(vm, EXC_ValueError, "__len__() should return >= 0");
    *out = r.u.i;
    return true;
}

bool class_getiter(VM *vm, Value obj, Value *out)
{
    bool found;
    if (!class_call_special(vm, obj, SN___iter__, NULL, 0, out, &found))
        return false;
    if (!found && instance_native(obj).type == T_ITER) { /* a subclass of map, ...: its own iterator */
        *out = obj;
        return true;
    }
    if (!found && instance_native(obj).type != T_UNBOUND)
        return vm_getiter(vm, instance_native(obj), out);
    if (found)
        return true;
    /* no __iter__: the old sequence protocol, __getitem__(0), (1), ... */
    Value fn;
    if (!class_special(vm, obj, SN___getitem__, &fn))
        return false;
    if (fn.type != T_UNBOUND && fn.type != T_NONE) {
        Iter *it = iter_new(vm, ITER_SEQ, obj);
        if (!it)
            return false;
        *out = v_obj(it);
        return true;
    }
    return vm_raise(vm, EXC_TypeError, "'%s' object is not iterable", type_name(obj));
}

bool class_to_number(VM *vm, Value obj, bool want_float, Value *out, bool *found)
{
    *found = false;
    if (instance_native(obj).type != T_UNBOUND) {
        *out = instance_native(obj);
        *found = true;
        return true;
    }
    if (!user_class_of(obj))
        return true;
    enum SpecialName first = want_float ? SN___float__ : SN___int__;
    if (!class_call_special(vm, obj, first, NULL, 0, out, found))
        return false;
    enum SpecialName used = first;
    if (!*found) {
        used = SN___index__;
        if (!class_call_special(vm, obj, SN___index__, NULL, 0, out, found))
            return false;
        if (!*found)
            return true;
    }
    bool is_int = v_is_intlike(*out) || out->type == T_LONG;
    if (used == SN___float__ ? out->type != T_FLOAT : !is_int)
        return used == SN___float__ /* (CPython 3.11's two wordings) */
                   ? vm_raise(vm, EXC_TypeError, "%s.__float__ returned non-float (type %s)", type_name(obj),
                              type_name(*out))
                   : vm_raise(vm, EXC_TypeError, "%s returned non-int (type %s)", sname(used)->data,
                              type_name(*out));
    if (out->type == T_BOOL)
        *out = v_int(out->u.i);
    if (want_float && out->type != T_FLOAT) {
        if (out->type == T_LONG) {
            float f;
            if (!long_to_float(vm, *out, &f))
                return false;
            *out = v_float(f);
        } else {
            *out = v_float((float)out->u.i);
        }
    }
    return true;
}

bool class_index(VM *vm, Value *v)
{
    if (v->type != T_INSTANCE)
        return true;
    Value native = instance_native(*v);
    if (native.type != T_UNBOUND) {
        if (v_is_intlike(native) || native.type == T_LONG)
            *v = native.type == T_BOOL ? v_int(native.u.i) : native;
        return true;
    }
    bool found;
    Value r;
    if (!class_call_special(vm, *v, SN___index__, NULL, 0, &r, &found))
        return false;
    if (!found)
        return true;
    if (!v_is_intlike(r) && r.type != T_LONG)
        return vm_raise(vm, EXC_TypeError, "__index__ returned non-int (type %s)", type_name(r));
    *v = r.type == T_BOOL ? v_int(r.u.i) : r;
    return true;
}

int class_reversed(VM *vm, Value obj, Value *out)
{
    bool found;
    if (!class_call_special(vm, obj, SN___reversed__, NULL, 0, out, &found))
        return 0;
    if (found)
        return 1;
    if (instance_native(obj).type != T_UNBOUND) {
        Value v = instance_native(obj);
        return vm_call(vm, v_obj((void *)&bi_reversed), &v, 1, NULL, out) ? 1 : 0;
    }
    Value len, item;
    if (!class_special(vm, obj, SN___len__, &len) || !class_special(vm, obj, SN___getitem__, &item))
        return 0;
    if (len.type != T_UNBOUND && item.type != T_UNBOUND)
        return -1;
    vm_raise(vm, EXC_TypeError, "'%s' object is not reversible", type_name(obj));
    return 0;
}

int class_iternext(VM *vm, Value obj, Value *out)
{
    bool found;
    if (!class_call_special(vm, obj, SN___next__, NULL, 0, out, &found))
        return -1; /* StopIteration included: vm_iternext_stop takes its value */
    if (!found && instance_native(obj).type == T_ITER)
        return vm_iternext_raw(vm, instance_native(obj), out);
    if (!found) {
        vm_raise(vm, EXC_TypeError, "'%s' object is not an iterator", type_name(obj));
        return -1;
    }
    return 1;
}

bool class_contains(VM *vm, Value obj, Value item, bool *out)
{
    bool found;
    Value r;
    VM_ROOT(vm, item);
    bool ok = class_call_special(vm, obj, SN___contains__, &vm->roots[vm->nroots - 1], 1, &r, &found);
    VM_UNROOT(vm, 1);
    if (!ok)
        return false;
    if (found)
        return class_truthy(vm, r, out);
    Value fn;
    if (!class_special(vm, obj, SN___iter__, &fn))
        return false;
    if (fn.type == T_UNBOUND && instance_native(obj).type != T_UNBOUND)
        return vm_contains(vm, instance_native(obj), item, out);
    if (fn.type == T_UNBOUND && !class_special(vm, obj, SN___getitem__, &fn)) /* else the old sequence protocol */
        return false;
    if (fn.type == T_UNBOUND || fn.type == T_NONE)
        return vm_raise(vm, EXC_TypeError, "argument of type '%s' is not iterable", type_name(obj));
    /* iterate, comparing each item; the iterator and item stay rooted */
    Value it;
    if (!class_getiter(vm, obj, &it))
        return false;
    VM_ROOT(vm, it);
    VM_ROOT(vm, item);
    VM_ROOT(vm, v_none());
    *out = false;
    int r2;
    ok = true;
    while (ok && (r2 = vm_iternext(vm, it, &vm->roots[vm->nroots - 1])) > 0) {
        bool eq;
        ok = vm_equal(vm, vm->roots[vm->nroots - 1], item, &eq);
        if (ok && eq) {
            *out = true;
            break;
        }
    }
    if (ok && r2 < 0)
        ok = false;
    VM_UNROOT(vm, 3);
    return ok;
}

/* ---- with ---------------------------------------------------------------------------- */

static bool file_exit(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Str *close = sname(SN_close);
    close->hdr.aux = Q_close; /* looked up as a built-in method */
    Value m[2];
    if (!vm_load_method(vm, args[0], close, m))
        return false;
    Value r;
    if (!call_nested(vm, m[0], args[0], m[1].type != T_UNBOUND, NULL, 0, &r))
        return false;
    *out = v_bool(false);
    return true;
}
static NATIVE(file_exit_m, "__exit__", file_exit, 4, 4);

bool class_enter(VM *vm, Value mgr, Value *exit_fn, Value *entered)
{
    if (mgr.type == T_FILE) {
        BoundMethod *b = boundmethod_new(vm, &file_exit_m, mgr);
        if (!b)
            return false;
        *exit_fn = v_obj(b);
        *entered = mgr;
        return true;
    }
    if (mgr.type == T_LIBOBJ && mgr.u.obj->aux == LIB_STRINGIO) { /* StringIO, text files (iomod.c) */
        BoundMethod *b = boundmethod_new(vm, &stringio_exit, mgr);
        if (!b)
            return false;
        *exit_fn = v_obj(b);
        *entered = mgr;
        return true;
    }
    if (mgr.type == T_MEMVIEW)
        return memview_with(vm, mgr, exit_fn, entered);
    Value enter, exit;
    if (!class_special(vm, mgr, SN___enter__, &enter) || !class_special(vm, mgr, SN___exit__, &exit))
        return false;
    Value native = instance_native(mgr);
    if (enter.type == T_UNBOUND && exit.type == T_UNBOUND && native.type == T_LIBOBJ &&
        native.u.obj->aux == LIB_STRINGIO) { /* a subclass of StringIO: `with` closes it */
        BoundMethod *b = boundmethod_new(vm, &stringio_exit, native);
        if (!b)
            return false;
        *exit_fn = v_obj(b);
        *entered = mgr;
        return true;
    }
    if (enter.type == T_UNBOUND || exit.type == T_UNBOUND)
        return vm_raise(vm, EXC_TypeError, "'%s' object does not support the context manager protocol",
                        type_name(mgr));
    if (!bind(vm, exit, mgr, type_of(mgr), false, exit_fn))
        return false;
    VM_ROOT(vm, *exit_fn);
    bool found;
    bool ok = class_call_special(vm, mgr, SN___enter__, NULL, 0, entered, &found);
    VM_UNROOT(vm, 1);
    return ok;
}
