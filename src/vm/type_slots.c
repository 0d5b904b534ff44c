/*
 * type_slots.c - the special methods of the built-in types, reached through
 * the class: list.__getitem__(l, 0), int.__add__(1, 2), dict.__setitem__(d,
 * k, v), str.__len__("ab"). Each is a native doing what the operator does
 * (the generic operations of ops.c, container.c and iter.c), offered only by
 * the types that have it in CPython; types.c wraps it as it wraps
 * list.append, checking the object's type first.
 *
 * Where CPython's method returns NotImplemented for an operand it does not
 * take (int.__add__(1, "a")), these raise the operator's TypeError.
 */
#include <string.h>

#include "vm/vm.h"

/* What a built-in type can do, for deciding which of these it has. */
enum {
    CAN_INDEX = 1,     /* str bytes bytearray list tuple range array deque */
    CAN_STORE = 2,     /* bytearray list array deque dict: item assignment */
    CAN_MAP = 4,       /* dict */
    CAN_SET = 8,       /* set frozenset */
    CAN_NUMBER = 16,   /* int bool float complex */
    CAN_INT = 32,      /* int bool */
    CAN_CONCAT = 64,   /* str bytes bytearray list tuple array deque: + and * */
    CAN_PERCENT = 128, /* str bytes bytearray: % formatting */
    CAN_HASH = 256,    /* the immutable ones */
    CAN_ANY = 512,     /* every type: comparisons, repr, str */
};

static unsigned abilities(const TypeObj *t)
{
    switch ((Type)t->value_type) {
    case T_STR:
    case T_BYTES:     return CAN_INDEX | CAN_CONCAT | CAN_PERCENT | CAN_HASH | CAN_ANY;
    case T_BYTEARRAY: return CAN_INDEX | CAN_STORE | CAN_CONCAT | CAN_PERCENT | CAN_ANY;
    case T_LIST:
    case T_ARRAY:     return CAN_INDEX | CAN_STORE | CAN_CONCAT | CAN_ANY;
    case T_TUPLE:     return CAN_INDEX | CAN_CONCAT | CAN_HASH | CAN_ANY;
    case T_RANGE:     return CAN_INDEX | CAN_HASH | CAN_ANY;
    case T_DICT:      return CAN_MAP | CAN_STORE | CAN_ANY;
    case T_SET:       return CAN_SET | CAN_ANY;
    case T_FROZENSET: return CAN_SET | CAN_HASH | CAN_ANY;
    case T_INT:
    case T_BOOL:      return CAN_NUMBER | CAN_INT | CAN_HASH | CAN_ANY;
    case T_FLOAT:
    case T_COMPLEX:   return CAN_NUMBER | CAN_HASH | CAN_ANY;
    default:          return CAN_ANY;
    }
}

#define BINARY_SLOT(cname, op)                                                     \
    static bool cname(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)       \
    {                                                                              \
        return vm_binary_op(vm, op, args[0], args[1], out);                        \
    }
#define COMPARE_SLOT(cname, op)                                                    \
    static bool cname(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)       \
    {                                                                              \
        return vm_compare(vm, op, args[0], args[1], out);                          \
    }
#define UNARY_SLOT(cname, op)                                                      \
    static bool cname(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)       \
    {                                                                              \
        return vm_unary_op(vm, op, args[0], out);                                  \
    }
BINARY_SLOT(slot_add, OP_BINARY_ADD)
BINARY_SLOT(slot_sub, OP_BINARY_SUB)
BINARY_SLOT(slot_mul, OP_BINARY_MUL)
BINARY_SLOT(slot_truediv, OP_BINARY_TRUEDIV)
BINARY_SLOT(slot_floordiv, OP_BINARY_FLOORDIV)
BINARY_SLOT(slot_mod, OP_BINARY_MOD)
BINARY_SLOT(slot_pow, OP_BINARY_POW)
BINARY_SLOT(slot_lshift, OP_BINARY_LSHIFT)
BINARY_SLOT(slot_rshift, OP_BINARY_RSHIFT)
BINARY_SLOT(slot_and, OP_BINARY_AND)
BINARY_SLOT(slot_or, OP_BINARY_OR)
BINARY_SLOT(slot_xor, OP_BINARY_XOR)
COMPARE_SLOT(slot_eq, OP_COMPARE_EQ)
COMPARE_SLOT(slot_ne, OP_COMPARE_NE)
COMPARE_SLOT(slot_lt, OP_COMPARE_LT)
COMPARE_SLOT(slot_le, OP_COMPARE_LE)
COMPARE_SLOT(slot_gt, OP_COMPARE_GT)
COMPARE_SLOT(slot_ge, OP_COMPARE_GE)
UNARY_SLOT(slot_neg, OP_UNARY_NEG)
UNARY_SLOT(slot_pos, OP_UNARY_POS)
UNARY_SLOT(slot_invert, OP_UNARY_INVERT)

static bool slot_abs(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    return vm_call(vm, v_obj((void *)&bi_abs), args, 1, NULL, out);
}

static bool slot_getitem(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    return vm_getitem(vm, args[0], args[1], out);
}

static bool slot_setitem(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    *out = v_none();
    return vm_setitem(vm, args[0], args[1], args[2]);
}

static bool slot_delitem(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    *out = v_none();
    return vm_delitem(vm, args[0], args[1]);
}

static bool slot_len(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    int32_t n;
    if (!vm_len(vm, args[0], &n))
        return false;
    *out = v_int(n);
    return true;
}

static bool slot_contains(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    bool r;
    if (!vm_contains(vm, args[0], args[1], &r))
        return false;
    *out = v_bool(r);
    return true;
}

static bool slot_iter(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    return vm_getiter(vm, args[0], out);
}

static bool slot_hash(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    return vm_call(vm, v_obj((void *)&bi_hash), args, 1, NULL, out);
}

static bool text_of(VM *vm, Value v, bool want_str, Value *out)
{
    StrBuf sb;
    sb_init(&sb);
    bool ok = want_str ? fmt_str(vm, &sb, v) : fmt_repr(vm, &sb, v);
    Str *s = ok ? sb_to_str(vm, &sb) : NULL;
    if (!ok)
        sb_free(&sb);
    if (!s)
        return false;
    *out = v_obj(s);
    return true;
}
static bool slot_repr(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return text_of(vm, args[0], false, out); }
static bool slot_str(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return text_of(vm, args[0], true, out); }

/* A native (its arity counts the object) and the abilities any of which
 * gives a type the method. */
typedef struct Slot {
    Native native;
    unsigned can;
} Slot;
#define SLOT(name, fn, n, can) {{{0, T_NATIVE, 0, 0}, #name, fn, n, n}, can}

static const Slot slots[] = {
    SLOT(__getitem__, slot_getitem, 2, CAN_INDEX | CAN_MAP),
    SLOT(__setitem__, slot_setitem, 3, CAN_STORE),
    SLOT(__delitem__, slot_delitem, 2, CAN_STORE),
    SLOT(__len__, slot_len, 1, CAN_INDEX | CAN_MAP | CAN_SET),
    SLOT(__contains__, slot_contains, 2, CAN_INDEX | CAN_MAP | CAN_SET),
    SLOT(__iter__, slot_iter, 1, CAN_INDEX | CAN_MAP | CAN_SET),
    SLOT(__add__, slot_add, 2, CAN_NUMBER | CAN_CONCAT),
    SLOT(__mul__, slot_mul, 2, CAN_NUMBER | CAN_CONCAT),
    SLOT(__sub__, slot_sub, 2, CAN_NUMBER | CAN_SET),
    SLOT(__truediv__, slot_truediv, 2, CAN_NUMBER),
    SLOT(__floordiv__, slot_floordiv, 2, CAN_NUMBER),
    SLOT(__mod__, slot_mod, 2, CAN_NUMBER | CAN_PERCENT),
    SLOT(__pow__, slot_pow, 2, CAN_NUMBER),
    SLOT(__lshift__, slot_lshift, 2, CAN_INT),
    SLOT(__rshift__, slot_rshift, 2, CAN_INT),
    SLOT(__and__, slot_and, 2, CAN_INT | CAN_SET),
    SLOT(__or__, slot_or, 2, CAN_INT | CAN_SET | CAN_MAP),
    SLOT(__xor__, slot_xor, 2, CAN_INT | CAN_SET),
    SLOT(__neg__, slot_neg, 1, CAN_NUMBER),
    SLOT(__pos__, slot_pos, 1, CAN_NUMBER),
    SLOT(__abs__, slot_abs, 1, CAN_NUMBER),
    SLOT(__invert__, slot_invert, 1, CAN_INT),
    SLOT(__eq__, slot_eq, 2, CAN_ANY),
    SLOT(__ne__, slot_ne, 2, CAN_ANY),
    SLOT(__lt__, slot_lt, 2, CAN_ANY),
    SLOT(__le__, slot_le, 2, CAN_ANY),
    SLOT(__gt__, slot_gt, 2, CAN_ANY),
    SLOT(__ge__, slot_ge, 2, CAN_ANY),
    SLOT(__hash__, slot_hash, 1, CAN_HASH),
    SLOT(__repr__, slot_repr, 1, CAN_ANY),
    SLOT(__str__, slot_str, 1, CAN_ANY),
};

const Native *type_slot(const TypeObj *t, const Str *name)
{
    if (name->len < 5 || name->data[0] != '_' || name->data[1] != '_')
        return NULL;
    unsigned can = abilities(t);
    for (size_t i = 0; i < sizeof slots / sizeof slots[0]; i++)
        if ((slots[i].can & can) && strcmp(slots[i].native.name, name->data) == 0)
            return &slots[i].native;
    return NULL;
}

bool type_unhashable(const TypeObj *t)
{
    unsigned can = abilities(t);
    return !(can & CAN_HASH) && (can & (CAN_STORE | CAN_SET));
}
