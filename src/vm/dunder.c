/*
 * dunder.c - the special methods of built-in values as attributes:
 * `d.__setitem__(k, v)`, `s.__contains__(x)`, `iter(r).__next__()`,
 * `(1).__add__(2)`, and `super().__getitem__(i)` in a class derived from a
 * built-in type; taken from the type too (`list.__getitem__(l, 0)`,
 * `int.__add__(1, 2)`: vm/types.c checks the object's type first).
 *
 * The interpreter never needs these (it dispatches on the value's type), so
 * each is a small native that runs the operation the syntax would run. Which
 * values offer which names follows CPython, so that hasattr() probes (duck
 * typing: "has it __getitem__? __iter__?") answer as they do there: ints
 * have no __getitem__, lists no __hash__.
 */
#include <string.h>

#include "vm/class.h"
#include "vm/vm.h"

/* ---- the natives: args[0] is the value --------------------------------------------- */

static bool d_getitem(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    return vm_getitem(vm, args[0], args[1], out);
}
static bool d_setitem(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    *out = v_none();
    return vm_setitem(vm, args[0], args[1], args[2]);
}
static bool d_delitem(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    *out = v_none();
    return vm_delitem(vm, args[0], args[1]);
}
static bool d_len(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    int32_t n;
    if (!vm_len(vm, args[0], &n))
        return false;
    *out = v_int(n);
    return true;
}
static bool d_contains(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    bool in;
    if (!vm_contains(vm, args[0], args[1], &in))
        return false;
    *out = v_bool(in);
    return true;
}
static bool d_iter(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return vm_getiter(vm, args[0], out); }
static bool d_next(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    int r = vm_iternext(vm, args[0], out);
    if (r == 0)
        return vm_raise_value(vm, EXC_StopIteration, v_none()) && false;
    return r > 0;
}
static bool text(VM *vm, Str *s, Value *out)
{
    if (!s)
        return false;
    *out = v_obj(s);
    return true;
}
static bool d_repr(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return text(vm, vm_repr(vm, args[0]), out); }
static bool d_str(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return text(vm, vm_str(vm, args[0]), out); }
static bool d_hash(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    uint32_t h;
    if (!vm_hash(vm, args[0], &h))
        return false;
    *out = v_int((int32_t)h);
    return true;
}

/* A TypeError from the operation is NotImplemented, as the built-in types'
 * own methods answer an operand they do not know. */
static bool or_notimpl(VM *vm, bool ok, Value *out)
{
    if (ok)
        return true;
    if (vm->exc.type == T_EXCEPTION && exc_matches(AS(Exception, vm->exc), &exc_types[EXC_TypeError])) {
        vm->exc = v_unbound();
        *out = v_obj((void *)&not_implemented);
        return true;
    }
    return false;
}
static bool cmp(VM *vm, unsigned op, Value *args, Value *out)
{
    if (!or_notimpl(vm, vm_compare(vm, op, args[0], args[1], out), out))
        return false;
    /* == and != of unrelated types: the method does not know the other operand */
    bool numbers = (v_is_number(args[0]) || args[0].type == T_LONG) && (v_is_number(args[1]) || args[1].type == T_LONG);
    if ((op == OP_COMPARE_EQ || op == OP_COMPARE_NE) && !numbers && type_of(args[0]) != type_of(args[1]))
        *out = v_obj((void *)&not_implemented);
    return true;
}
/* self's method: a sequence's + * and % (its sequence and format slots in
 * CPython) raise the TypeError, a number's answer NotImplemented. */
static bool binop(VM *vm, unsigned op, Value self, Value a, Value b, Value *out)
{
    bool seq = self.type == T_STR || self.type == T_BYTES || self.type == T_LIST || self.type == T_TUPLE ||
               self.type == T_BYTEARRAY || self.type == T_ARRAY;
    Value other = self.type == a.type && self.u.obj == a.u.obj ? b : a;
    if ((v_is_number(self) || self.type == T_LONG) && !v_is_number(other) && other.type != T_LONG) {
        *out = v_obj((void *)&not_implemented); /* (1).__rmul__('ab'): a number knows only numbers */
        return true;
    }
    if (seq && op == OP_BINARY_MUL) { /* the count: an index, whichever side */
        Value n = other;
        if (!v_is_intlike(n) && n.type != T_LONG && n.type != T_INSTANCE)
            return vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", type_name(n));
    }
    if (seq && (op == OP_BINARY_ADD || op == OP_BINARY_MUL || op == OP_BINARY_MOD))
        return vm_binary_op(vm, op, a, b, out);
    return or_notimpl(vm, vm_binary_op(vm, op, a, b, out), out);
}

#define CMP(name, op) \
    static bool d_##name(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return cmp(vm, op, args, out); }
CMP(eq, OP_COMPARE_EQ) CMP(ne, OP_COMPARE_NE) CMP(lt, OP_COMPARE_LT) CMP(le, OP_COMPARE_LE)
CMP(gt, OP_COMPARE_GT) CMP(ge, OP_COMPARE_GE)
#undef CMP
/* forward (self op x) and reflected (x op self) forms */
#define BINOP(name, op)                                                                               \
    static bool d_##name(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)                       \
    {                                                                                                 \
        return binop(vm, op, args[0], args[0], args[1], out);                                         \
    }                                                                                                 \
    static bool d_r##name(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)                      \
    {                                                                                                 \
        return binop(vm, op, args[0], args[1], args[0], out);                                         \
    }
BINOP(add, OP_BINARY_ADD) BINOP(sub, OP_BINARY_SUB) BINOP(mul, OP_BINARY_MUL)
BINOP(truediv, OP_BINARY_TRUEDIV) BINOP(floordiv, OP_BINARY_FLOORDIV) BINOP(mod, OP_BINARY_MOD)
BINOP(pow, OP_BINARY_POW) BINOP(lshift, OP_BINARY_LSHIFT) BINOP(rshift, OP_BINARY_RSHIFT)
BINOP(and, OP_BINARY_AND) BINOP(or, OP_BINARY_OR) BINOP(xor, OP_BINARY_XOR)
#undef BINOP
static bool unop(VM *vm, unsigned op, Value *args, Value *out) { return vm_unary_op(vm, op, args[0], out); }
static bool d_neg(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return unop(vm, OP_UNARY_NEG, args, out); }
static bool d_pos(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return unop(vm, OP_UNARY_POS, args, out); }
static bool d_invert(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return unop(vm, OP_UNARY_INVERT, args, out); }
static bool d_abs(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    return vm_call(vm, v_obj((void *)&bi_abs), args, 1, NULL, out);
}

/* ---- which values have which ------------------------------------------------------------ */

enum {
    K_ANY = 1,        /* every built-in value */
    K_SIZED = 2,      /* containers: len, in, iter */
    K_INDEXED = 4,    /* subscriptable */
    K_MUTABLE = 8,    /* item assignment and deletion */
    K_ITERATOR = 16,  /* __next__ */
    K_HASHABLE = 32,
    K_NUMBER = 64,    /* arithmetic */
    K_INTEGRAL = 128, /* bit operations */
    K_CONCAT = 256,   /* sequences: + and * */
    K_SETOPS = 512,   /* | & - ^ */
    K_TEXT = 1024,    /* str and bytes: % formatting */
};

/* What values of a type (enum Type) can do. */
static unsigned kinds_of(unsigned type)
{
    switch ((Type)type) {
    case T_INT: case T_BOOL: case T_LONG:
        return K_ANY | K_HASHABLE | K_NUMBER | K_INTEGRAL;
    case T_FLOAT:
        return K_ANY | K_HASHABLE | K_NUMBER;
    case T_STR: case T_BYTES:
        return K_ANY | K_SIZED | K_INDEXED | K_HASHABLE | K_CONCAT | K_TEXT;
    case T_TUPLE:
        return K_ANY | K_SIZED | K_INDEXED | K_HASHABLE | K_CONCAT;
    case T_LIST: case T_BYTEARRAY: case T_ARRAY:
        return K_ANY | K_SIZED | K_INDEXED | K_MUTABLE | K_CONCAT;
    case T_DICT:
        return K_ANY | K_SIZED | K_INDEXED | K_MUTABLE;
    case T_RANGE:
        return K_ANY | K_SIZED | K_INDEXED | K_HASHABLE;
    case T_SET:
        return K_ANY | K_SIZED | K_SETOPS;
    case T_FROZENSET:
        return K_ANY | K_SIZED | K_SETOPS | K_HASHABLE;
    case T_DICTVIEW:
        return K_ANY | K_SIZED;
    case T_ITER: case T_GEN:
        return K_ANY | K_ITERATOR | K_HASHABLE;
    case T_NONE:
        return K_ANY | K_HASHABLE;
    default:
        return 0;
    }
}

typedef struct Dunder {
    const char *name;
    unsigned kinds; /* the value needs one of these */
    Native fn;
} Dunder;

#define D(pyname, k, f, min, max) {pyname, k, {{0, T_NATIVE, 0, 0}, pyname, f, min, max}}
#define DBIN(name, k) D("__" #name "__", k, d_##name, 2, 2), D("__r" #name "__", k, d_r##name, 2, 2)
static const Dunder dunders[] = {
    D("__getitem__", K_INDEXED, d_getitem, 2, 2),
    D("__setitem__", K_MUTABLE, d_setitem, 3, 3),
    D("__delitem__", K_MUTABLE, d_delitem, 2, 2),
    D("__len__", K_SIZED, d_len, 1, 1),
    D("__contains__", K_SIZED, d_contains, 2, 2),
    D("__iter__", K_SIZED | K_ITERATOR, d_iter, 1, 1),
    D("__next__", K_ITERATOR, d_next, 1, 1),
    D("__repr__", K_ANY, d_repr, 1, 1),
    D("__str__", K_ANY, d_str, 1, 1),
    D("__hash__", K_HASHABLE, d_hash, 1, 1),
    D("__eq__", K_ANY, d_eq, 2, 2),
    D("__ne__", K_ANY, d_ne, 2, 2),
    D("__lt__", K_ANY, d_lt, 2, 2),
    D("__le__", K_ANY, d_le, 2, 2),
    D("__gt__", K_ANY, d_gt, 2, 2),
    D("__ge__", K_ANY, d_ge, 2, 2),
    D("__add__", K_NUMBER | K_CONCAT, d_add, 2, 2),
    D("__radd__", K_NUMBER, d_radd, 2, 2),
    D("__mul__", K_NUMBER | K_CONCAT, d_mul, 2, 2),
    D("__rmul__", K_NUMBER | K_CONCAT, d_rmul, 2, 2),
    D("__sub__", K_NUMBER | K_SETOPS, d_sub, 2, 2),
    D("__rsub__", K_NUMBER | K_SETOPS, d_rsub, 2, 2),
    DBIN(truediv, K_NUMBER), DBIN(floordiv, K_NUMBER), DBIN(pow, K_NUMBER),
    D("__mod__", K_NUMBER | K_TEXT, d_mod, 2, 2),
    D("__rmod__", K_NUMBER, d_rmod, 2, 2),
    DBIN(lshift, K_INTEGRAL), DBIN(rshift, K_INTEGRAL),
    DBIN(and, K_INTEGRAL | K_SETOPS), DBIN(or, K_INTEGRAL | K_SETOPS), DBIN(xor, K_INTEGRAL | K_SETOPS),
    D("__neg__", K_NUMBER, d_neg, 1, 1),
    D("__pos__", K_NUMBER, d_pos, 1, 1),
    D("__invert__", K_INTEGRAL, d_invert, 1, 1),
    D("__abs__", K_NUMBER, d_abs, 1, 1),
};
#undef DBIN
#undef D

/* The native of name for values with these kinds, or NULL; *none when the
 * attribute is None (list.__hash__: unhashable). */
static const Native *find_dunder(unsigned kinds, const Str *name, bool *none)
{
    *none = false;
    if (name->len < 5 || name->data[0] != '_' || name->data[1] != '_')
        return NULL;
    if (kinds && !(kinds & K_HASHABLE) && name->len == 8 && memcmp(name->data, "__hash__", 8) == 0) {
        *none = true;
        return NULL;
    }
    for (size_t i = 0; i < sizeof dunders / sizeof dunders[0]; i++)
        if ((dunders[i].kinds & kinds) && strlen(dunders[i].name) == name->len &&
            memcmp(dunders[i].name, name->data, name->len) == 0)
            return &dunders[i].fn;
    return NULL;
}

int builtin_dunder_attr(VM *vm, Value obj, const Str *name, Value *out)
{
    bool none;
    const Native *m = find_dunder(kinds_of(obj.type), name, &none);
    if (none) {
        *out = v_none();
        return 1;
    }
    if (!m)
        return -1;
    BoundMethod *b = boundmethod_new(vm, m, obj);
    if (!b)
        return 0;
    *out = v_obj(b);
    return 1;
}

const Native *builtin_dunder_of_type(const TypeObj *t, const Str *name, bool *none)
{
    return find_dunder(kinds_of(t->value_type), name, none);
}
