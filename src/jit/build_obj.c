/*
 * build_obj.c - bytecode to typed SSA: globals, module and class attributes,
 * instances' attributes and methods, closure cells, and the checks made
 * once at a function's entry (docs/jit.md, "Methods and closures";
 * build_int.h lists the builder's files).
 */
#include "jit/build_int.h"

/* vm/class.c: set once a property is stored into a class after it was made
 * (then an attribute store may have to call a setter: compiled stores test it). */
extern bool late_property;

/* ---- globals and attributes ------------------------------------------------------- */

bool load_global(Builder *b, uint32_t slot)
{
    Program *p = b->code->program;
    Value v = p->globals[slot];
    if (v.type == T_UNBOUND)
        v = p->builtin_of_global[slot];
    const char *name = (const char *)p->p4b->strings[p->p4b->globals[slot]].bytes;
    if (!jit_watch_global(b->js, p, slot)) /* assigning it later drops this code */
        return refuse(b, "out of memory watching global '%s'", name);
    switch ((Type)v.type) {
    case T_INT: case T_BOOL: {
        int32_t k = ir_const_int(b->ir, b->cur, v.u.i);
        b->ir->ins[k].type = v.type == T_BOOL ? TY_BOOL : TY_INT;
        push(b, k);
        return true;
    }
    case T_FLOAT:
        push(b, ir_const_float(b->ir, b->cur, v.u.f));
        return true;
    case T_NATIVE: case T_FUNCTION: case T_MODULE: case T_TYPE: {
        Static s = {.kind = S_OBJ, .obj = v};
        push(b, new_static(b, s));
        return true;
    }
    case T_UNBOUND:
        return refuse(b, "global '%s' is not defined when compiling", name);
    case T_LONG:
        return refuse(b, "global '%s' is an int beyond 32 bits (compiled code has 32-bit ints)", name);
    default:
        return refuse(b, "global '%s' is a %s (only numbers, functions and modules are compiled)", name,
                      type_name(v));
    }
}

static bool instance_attr(Builder *b, int32_t o, Str *n, bool method);

static bool user_class_attr(Builder *b, const Class *c, Str *n, bool method);

bool load_attr(Builder *b, uint32_t name, bool method)
{
    int32_t o = pop(b);
    Static *s = static_of(b, o);
    Str *n = AS(Str, b->code->program->strings[name]);
    if (!s && o >= 0 && ty(b, o) == TY_PTR && is_instance(b->ir->ins[res(b, o)].aux))
        return instance_attr(b, res(b, o), n, method);
    if (!s && o >= 0 && ty(b, o) == TY_PTR && is_boxed(b->ir->ins[res(b, o)].aux)) {
        if (!method)
            return refuse(b, "attribute '%s' of an object made in compiled code (its layout is not known)", n->data);
        return method_of_instance(b, res(b, o), n);
    }
    if (s && s->kind == S_OBJ && s->obj.type == T_TYPE && type_is_user(AS(TypeObj, s->obj)))
        return user_class_attr(b, (const Class *)AS(TypeObj, s->obj), n, method);
    if (s && s->kind == S_SUPER) { /* super().m: found and guarded by super_call */
        if (!method)
            return refuse(b, "attribute '%s' of super() (only its methods are called)", n->data);
        int32_t self = s->v[0];
        push(b, new_static(b, (Static){.kind = S_OBJ, .obj = s->obj}));
        push(b, self);
        return true;
    }
    if (!s || s->kind != S_OBJ || s->obj.type != T_MODULE)
        return refuse(b, "attribute '%s' of a value (only module attributes are compiled)", n->data);
    Value v;
    if (!vm_load_attr(b->js->vm, s->obj, n, &v)) {
        b->js->vm->exc = v_unbound();
        return refuse(b, "module has no attribute '%s'", n->data);
    }
    if (s->obj.u.obj->flags & MODULE_PY) { /* an imported module: its globals can change */
        if (v.type != T_INT && v.type != T_FLOAT && v.type != T_FUNCTION &&
            v.type != T_NATIVE && v.type != T_MODULE && v.type != T_TYPE)
            return refuse(b, "module attribute '%s' is a %s (only numbers, functions and modules are compiled)",
                          n->data, type_name(v));
        const Program *mp = AS(PyModule, s->obj)->program;
        int32_t slot = module_global_slot(mp, n);
        if (slot < 0) /* (stores to those are not watched) */
            return refuse(b, "module attribute '%s' is a name exec() or import * gave it", n->data);
        if (!jit_watch_global(b->js, mp, (uint32_t)slot)) /* assigning it later drops this code */
            return refuse(b, "out of memory watching module attribute '%s'", n->data);
    }
    if (v.type == T_FLOAT)
        push(b, ir_const_float(b->ir, b->cur, v.u.f));
    else if (v.type == T_INT) {
        push(b, ir_const_int(b->ir, b->cur, v.u.i));
    } else {
        Static st = {.kind = S_OBJ, .obj = v};
        push(b, new_static(b, st));
    }
    if (method)
        push(b, new_static(b, (Static){.kind = S_METHOD_SELF_NONE}));
    return true;
}

/* ---- instances and closures (docs/jit.md, "Methods and closures") ---------------- */

/* An instruction at the function's entry: block 0, before its jump. */
int32_t at_entry(Builder *b, IrOp op, IrType t, int32_t x, int32_t y, int32_t z)
{
    int32_t v = ir_add(b->ir, -1, op, t, x, y, z);
    b->ir->ins[v].pc = 0;
    ir_move_ins(b->ir, v, 0);
    return v;
}

int32_t entry_const(Builder *b, int32_t k)
{
    int32_t v = at_entry(b, IR_CONST, TY_INT, -1, -1, -1);
    b->ir->ins[v].k.i = k;
    return v;
}

static int32_t entry_word(Builder *b, int32_t base, int32_t index, IrType t)
{
    int32_t v = at_entry(b, IR_ALOAD, t, base, entry_const(b, index), -1);
    b->ir->ins[v].aux = JIT_TC_WORD;
    return v;
}

static int32_t entry_cmp(Builder *b, IrCond cc, int32_t x, int32_t k)
{
    int32_t c = at_entry(b, IR_CMP, TY_BOOL, x, entry_const(b, k), -1);
    b->ir->ins[c].aux = (uint8_t)cc;
    return c;
}

/* entries_at's checks for parameter p, made once at the entry. */
static int32_t entries_at_entry(Builder *b, uint32_t p, uint32_t idx, Str *n)
{
    if (!b->eshape_made[p]) {
        int32_t d = entry_word(b, b->param_val[p], JW_INSTANCE_DICT, TY_PTR); /* (a value made at the entry) */
        if (!entry_guard(b, entry_cmp(b, CC_EQ, d, 0)))
            return -1;
        b->eshape[p].used = entry_word(b, d, JW_DICT_USED, TY_INT);
        b->eshape[p].entries = entry_word(b, d, JW_DICT_ENTRIES, TY_PTR);
        b->eshape_made[p] = true;
    }
    int32_t entries = b->eshape[p].entries;
    for (uint32_t i = 0; i < b->nekeys; i++)
        if (b->ekeys[i].p == p && b->ekeys[i].idx == idx)
            return entries;
    if (!entry_guard(b, entry_cmp(b, CC_LE, b->eshape[p].used, (int32_t)idx)))
        return -1;
    int32_t key = entry_word(b, entries, (int32_t)(idx * JW_ENTRY_WORDS + JW_ENTRY_KEY), TY_PTR);
    if (!entry_guard(b, entry_cmp(b, CC_NE, key, (int32_t)(uintptr_t)n)))
        return -1;
    if (b->nekeys < 32)
        b->ekeys[b->nekeys].p = p, b->ekeys[b->nekeys++].idx = idx;
    return entries;
}

/* A guard that deoptimises when flag is non-zero: the interpreter then runs
 * the instruction being built (LOAD_ATTR, STORE_ATTR, LOAD_FREE) on what is
 * really there. Without a map it could only raise: refused. */
bool guard(Builder *b, int32_t flag)
{
    if (b->entry_mode)
        return entry_guard(b, flag);
    int32_t c = emit(b, IR_CHECK, TY_VOID, flag, -1, -1);
    b->ir->ins[c].aux = 2; /* an attribute or closure guard (emit.c: must deoptimise; --jit-report) */
    attach_deopt_map(b, c);
    if (!b->failed && b->ir->ins[c].dm < 0)
        return refuse(b, "a guard on an attribute or closure variable cannot deoptimise here");
    return !b->failed;
}

static int32_t kconst(Builder *b, int32_t k) { return b->entry_mode ? entry_const(b, k) : ir_const_int(b->ir, b->cur, k); }

/* Word index of the object at base (a raw 32-bit load, JIT_TC_WORD). */
int32_t word(Builder *b, int32_t base, int32_t index, IrType t)
{
    int32_t v = emit(b, IR_ALOAD, t, base, kconst(b, index), -1);
    b->ir->ins[v].aux = JIT_TC_WORD;
    return v;
}

int32_t cmp_k(Builder *b, IrCond cc, int32_t x, int32_t k)
{
    int32_t c = emit(b, IR_CMP, TY_BOOL, x, kconst(b, k), -1);
    b->ir->ins[c].aux = (uint8_t)cc;
    return c;
}

/* An object's address as a constant: only ever run on RV32 (the host's
 * listings show the low 32 bits). */
static int32_t address(Builder *b, const void *p) { return kconst(b, (int32_t)(uintptr_t)p); }

/* Does the function store (or delete) attribute n of anything, or free
 * variable k (k >= 0)? Then its reads stay where they are. */
static bool stores_to(Builder *b, const Str *n, int32_t k)
{
    for (uint32_t pc = 0; pc < b->n; pc++) {
        unsigned op = BC_OP(b->insns[pc]);
        uint32_t arg = BC_ARG(b->insns[pc]);
        if (n && (op == OP_STORE_ATTR || op == OP_DELETE_ATTR) && AS(Str, b->code->program->strings[arg]) == n)
            return true;
        if (k >= 0 && (op == OP_STORE_FREE || op == OP_DELETE_FREE) && arg == (uint32_t)k)
            return true;
    }
    return false;
}

/* A value read once at the entry (key: see Builder.evals), or -1. */
static int32_t entry_value(Builder *b, int32_t key)
{
    for (uint32_t i = 0; i < b->nevals; i++)
        if (b->evals[i].key == key)
            return b->evals[i].val;
    return -1;
}

static void remember_entry_value(Builder *b, int32_t key, int32_t v)
{
    if (b->nevals < 32)
        b->evals[b->nevals].key = key, b->evals[b->nevals++].val = v;
}

/* A list read from an attribute: unlike a list argument (whose items are
 * all looked at on each call, kinds 'N' 'F' 'G' 'M'), nothing is known of
 * its items, so each access checks the item's type word (a guard that
 * deoptimises) and a store writes the type word too. The kind is what the
 * example's first item is: 'l' int, 'k' float, or a list of lists whose
 * items are guarded too, 'j' (ints) or 'g' (floats). */
static uint8_t guarded_list_kind(Value ex)
{
    const List *l = AS(List, ex);
    Value first = l->len ? l->items[0] : v_int(0);
    if (first.type == T_INT)
        return 'l';
    if (first.type == T_FLOAT)
        return 'k';
    if (first.type == T_LIST) {
        uint8_t inner = guarded_list_kind(first.u.obj == (const Obj *)l ? v_int(0) : first);
        return inner == 'l' ? 'j' : inner == 'k' ? 'g' : 0;
    }
    return 0;
}

/* An object read from an attribute (an array, a list, an instance) is
 * kept alive by that attribute only, not by the collector's roots: compiled
 * frames are not scanned. A callee that deoptimises runs its rest in the
 * interpreter, which can store another value into that attribute and then
 * allocate (an int beyond 32 bits), so the object could be freed while
 * this code still holds it. A function that makes calls therefore holds
 * no such object (parameters are rooted by the caller's frame). */
bool held_across_calls(Builder *b)
{
    if (b->attr_ptr && b->makes_calls)
        return refuse(b, "holds %s read from an attribute and calls a function (a callee that deoptimises could "
                         "free it)", b->attr_ptr);
    return true;
}

/* The Value whose type word is word tw of base (its payload the next word),
 * guarded to be of the type ex has now: an int, bool, float, or an array
 * of ex's typecode. -1 when refused. */
static int32_t typed_value(Builder *b, int32_t base, int32_t tw, Value ex, const char *what, int32_t nest_key)
{
    IrType t;
    uint8_t tc = 0;
    if (ex.type == T_ARRAY || ex.type == T_BYTEARRAY || ex.type == T_LIST) {
        /* (an instance or a str read from an attribute is rooted across calls instead: root_live) */
        b->attr_ptr = ex.type == T_LIST ? "a list" : "an array";
        if (!held_across_calls(b))
            return -1;
    }
    if ((ex.type == T_INSTANCE || ex.type == T_STR) && !made_object(b))
        return -1;
    if (ex.type == T_INSTANCE && nest_key >= 0 && AS(Instance, ex)->cls) {
        /* an instance read from an attribute: its own slot, its layout the example's */
        uint32_t j = 0;
        while (j < b->nnested && b->nested_key[j] != nest_key)
            j++;
        if (j == INST_SLOTS - JIT_MAX_PARAMS)
            return refuse(b, "%s: too many instances read from attributes", what), -1;
        if (j == b->nnested)
            b->nested[j] = ex, b->nested_key[j] = nest_key, b->nnested++;
        int32_t tag = word(b, base, tw, TY_INT);
        if (!guard(b, cmp_k(b, CC_NE, tag, T_INSTANCE)))
            return -1;
        int32_t v = emit(b, IR_COPY, TY_PTR, word(b, base, tw + 1, TY_PTR), -1, -1);
        b->ir->ins[v].aux = (uint8_t)(INST_AUX + JIT_MAX_PARAMS + j);
        if (b->entry_mode) /* read once at the entry: its dict can be checked there too */
            b->param_val[JIT_MAX_PARAMS + j] = v;
        return v;
    }
    switch ((Type)ex.type) {
    case T_INT: t = TY_INT; break;
    case T_BOOL: t = TY_BOOL; break;
    case T_FLOAT: t = TY_FLOAT; break;
    case T_ARRAY:
        if (strchr("lLqQd", (char)AS(Array, ex)->hdr.aux))
            return refuse(b, "%s is an array('%c') (compiled code reads b B h H i I f arrays)", what,
                          (char)AS(Array, ex)->hdr.aux), -1;
        t = TY_PTR, tc = (uint8_t)AS(Array, ex)->hdr.aux;
        break;
    case T_BYTEARRAY: t = TY_PTR, tc = 'Y'; break;
    case T_STR: t = TY_PTR, tc = JIT_TC_STR; break;
    case T_LIST: /* its items are guarded at each access (guarded_item) */
        if (b->makes_bytes)
            return refuse(b, "%s is a list, in a function that makes a bytearray", what), -1;
        b->guarded_lists = true;
        if (!(tc = guarded_list_kind(ex)))
            return refuse(b, "%s is a list of %s (compiled code reads ints, floats and lists of them there)", what,
                          AS(List, ex)->len ? type_name(AS(List, ex)->items[0]) : "?"), -1;
        t = TY_PTR;
        break;
    case T_LONG: return refuse(b, "%s is an int beyond 32 bits (compiled code has 32-bit ints)", what), -1;
    default:
        return refuse(b, "%s is a %s (compiled code reads ints, floats and arrays there)", what, type_name(ex)), -1;
    }
    int32_t tag = word(b, base, tw, TY_INT);
    if (!guard(b, cmp_k(b, CC_NE, tag, (int32_t)ex.type)))
        return -1;
    int32_t v = word(b, base, tw + 1, t);
    if (t == TY_PTR && (is_guarded_list(tc) || tc == JIT_TC_STR)) {
        v = emit(b, IR_COPY, TY_PTR, v, -1, -1); /* the builder reads its kind in its aux */
        b->ir->ins[v].aux = tc;
    } else if (t == TY_PTR) {
        if (tc != 'Y') { /* the same kind of array: its typecode */
            int32_t k = emit(b, IR_ALOAD, TY_INT, v, kconst(b, JH_OBJ_AUX), -1);
            b->ir->ins[k].aux = 'H';
            if (!guard(b, cmp_k(b, CC_NE, k, tc)))
                return -1;
        }
        v = emit(b, IR_COPY, TY_PTR, v, -1, -1); /* the builder reads an array's typecode in its aux */
        b->ir->ins[v].aux = tc;
    }
    return v;
}

/* Where instance o's example (the argument it came in as, at the call that
 * compiles this) keeps attribute n: its entry index and value. */
static bool example_entry(Builder *b, int32_t o, Str *n, Value *ex, uint32_t *idx)
{
    uint32_t p = (uint32_t)(b->ir->ins[o].aux - INST_AUX);
    const Value *args = b->js->example;
    Value obj;
    if (p >= JIT_MAX_PARAMS)
        obj = b->nested[p - JIT_MAX_PARAMS];
    else if (!args || p >= b->js->nexample || args[p].type != T_INSTANCE)
        return refuse(b, "attribute '%s' of an instance passed by compiled code (its layout is taken from a call "
                         "by the interpreter)", n->data);
    else
        obj = args[p];
    const Dict *d = AS(Instance, obj)->dict;
    for (uint32_t i = 0; d && i < d->used; i++) {
        const DictEntry *de = &d->entries[i];
        if (de->key.type != T_STR)
            continue;
        if ((const void *)de->key.u.obj == (const void *)n) {
            *ex = de->value, *idx = i;
            return true;
        }
        if (str_equal(AS(Str, de->key), n))
            return refuse(b, "attribute '%s' is keyed by another string than the code's", n->data);
    }
    return refuse(b, "attribute '%s' is not in the instance's own dict (class attributes and methods are not "
                     "compiled)", n->data);
}

/* The entries of instance o's dict, checked to hold key n at idx: the dict
 * exists, has more than idx entries and entry idx is n (a deleted entry's
 * key is 0). What the block already checked is not checked again. */
static int32_t entries_at(Builder *b, int32_t o, uint32_t idx, Str *n)
{
    uint32_t slot = (uint32_t)(b->ir->ins[o].aux - INST_AUX);
    if (b->hoist && b->param_val[slot] >= 0)
        return entries_at_entry(b, slot, idx, n);
    if (b->memo_block != b->cur)
        b->nshapes = b->nkeys = 0, b->memo_block = b->cur;
    int32_t used = -1, entries = -1;
    for (uint32_t i = 0; i < b->nshapes; i++)
        if (b->shapes[i].obj == o)
            used = b->shapes[i].used, entries = b->shapes[i].entries;
    if (entries < 0) {
        int32_t d = word(b, o, JW_INSTANCE_DICT, TY_PTR);
        if (!guard(b, cmp_k(b, CC_EQ, d, 0)))
            return -1;
        used = word(b, d, JW_DICT_USED, TY_INT);
        entries = word(b, d, JW_DICT_ENTRIES, TY_PTR);
        if (b->nshapes < 8)
            b->shapes[b->nshapes].obj = o, b->shapes[b->nshapes].used = used, b->shapes[b->nshapes++].entries = entries;
    }
    for (uint32_t i = 0; i < b->nkeys; i++)
        if (b->keys[i].obj == o && b->keys[i].idx == idx)
            return entries;
    if (!guard(b, cmp_k(b, CC_LE, used, (int32_t)idx)))
        return -1;
    int32_t key = word(b, entries, (int32_t)(idx * JW_ENTRY_WORDS + JW_ENTRY_KEY), TY_PTR);
    int32_t differs = emit(b, IR_CMP, TY_BOOL, key, address(b, n), -1);
    b->ir->ins[differs].aux = CC_NE;
    if (!guard(b, differs))
        return -1;
    if (b->nkeys < 32)
        b->keys[b->nkeys].obj = o, b->keys[b->nkeys++].idx = idx;
    return entries;
}

/* o.n (o an instance parameter): an int, bool, float or array in o's own
 * dict, where the example has it. The interpreter looks there first
 * (class.c), so the class does not matter. */
static int class_fallback(Builder *b, int32_t o, Str *n, Value *ex);
static bool class_attr_value(Builder *b, int32_t at, Value ex, Str *n, bool method);

static bool instance_attr(Builder *b, int32_t o, Str *n, bool method)
{
    if (method)
        return method_of_instance(b, o, n);
    Value cex;
    int in_class = class_fallback(b, o, n, &cex);
    if (in_class < 0)
        return false;
    if (in_class) { /* a number the class has (its own dict lacks it): objcall.c finds it */
        int32_t at = emit(b, IR_CALLRT, TY_PTR, o, address(b, n), -1);
        b->ir->ins[at].aux = H_INSTATTR;
        return class_attr_value(b, at, cex, n, false);
    }
    Value ex;
    uint32_t idx;
    if (!example_entry(b, o, n, &ex, &idx))
        return false;
    /* not stored by this function, which calls nothing that could: the same
     * value all through the call, read once at the entry */
    uint32_t slot = (uint32_t)(b->ir->ins[o].aux - INST_AUX);
    bool once = b->hoist && b->param_val[slot] >= 0 && !stores_to(b, n, -1); /* (o itself made at the entry) */
    int32_t key = (int32_t)(slot << 16 | idx), v;
    if (once && (v = entry_value(b, key)) >= 0) {
        push(b, v);
        return true;
    }
    b->entry_mode = once;
    bool late_ok = late_guard(b);
    b->entry_mode = false;
    if (!late_ok)
        return false;
    int32_t e = entries_at(b, o, idx, n);
    if (e < 0)
        return false;
    char what[96];
    snprintf(what, sizeof what, "attribute '%s'", n->data);
    b->entry_mode = once;
    v = typed_value(b, e, (int32_t)(idx * JW_ENTRY_WORDS + JW_ENTRY_TYPE), ex, what, key);
    b->entry_mode = false;
    if (v < 0)
        return false;
    if (once)
        remember_entry_value(b, key, v);
    push(b, v);
    return true;
}

/* n along the MRO of c when compiling (user classes; a built-in class
 * reached first ends the search): 1 found (*out), 0 not, -1 refused. */
static int class_lookup(Builder *b, const Class *c, Str *n, Value *out)
{
    for (uint32_t i = 0; c->mro && i < c->mro->len; i++) {
        Value k = c->mro->items[i];
        bool found = false;
        if (k.type != T_TYPE || !type_is_user(AS(TypeObj, k)))
            return 0;
        if (!dict_get(b->js->vm, ((const Class *)AS(TypeObj, k))->dict, v_obj(n), out, &found)) {
            b->js->vm->exc = v_unbound();
            return refuse(b, "attribute '%s': its class cannot be searched", n->data), -1;
        }
        if (found)
            return 1;
    }
    return 0;
}

/* Is o.n (o an instance) a number that the example's class has and its
 * own dict lacks? 1 (*ex the class's value), 0 (the instance's own dict,
 * instance_attr), -1 refused. */
static int class_fallback(Builder *b, int32_t o, Str *n, Value *ex)
{
    uint32_t p = (uint32_t)(b->ir->ins[o].aux - INST_AUX);
    const Value *args = b->js->example;
    Value obj;
    if (p >= JIT_MAX_PARAMS)
        obj = b->nested[p - JIT_MAX_PARAMS];
    else if (args && p < b->js->nexample && args[p].type == T_INSTANCE)
        obj = args[p];
    else
        return 0;
    const Instance *in = AS(Instance, obj);
    bool found = false;
    Value v;
    if (in->dict && !dict_get(b->js->vm, in->dict, v_obj(n), &v, &found)) {
        b->js->vm->exc = v_unbound();
        return refuse(b, "attribute '%s': the instance's dict cannot be searched", n->data), -1;
    }
    if (found || !in->cls)
        return 0;
    int r = class_lookup(b, in->cls, n, ex);
    if (r <= 0)
        return r;
    return ex->type == T_INT || ex->type == T_FLOAT || ex->type == T_BOOL;
}

/* The Value at address at (0: not found, deoptimise), found in a class's
 * dict by objcall.c: a number of the example's type, or the very function
 * the example is (C.f(self, x): called directly). */
static bool class_attr_value(Builder *b, int32_t at, Value ex, Str *n, bool method)
{
    if (!guard(b, cmp_k(b, CC_EQ, at, 0)))
        return false;
    if (ex.type == T_FUNCTION) {
        int32_t tag = word(b, at, 0, TY_INT);
        if (!guard(b, cmp_k(b, CC_NE, tag, T_FUNCTION)))
            return false;
        int32_t fn = word(b, at, 1, TY_INT);
        int32_t differs = emit(b, IR_CMP, TY_BOOL, fn, address(b, ex.u.obj), -1);
        b->ir->ins[differs].aux = CC_NE;
        if (!guard(b, differs))
            return false;
        push(b, new_static(b, (Static){.kind = S_OBJ, .obj = ex}));
        if (method)
            push(b, new_static(b, (Static){.kind = S_METHOD_SELF_NONE}));
        return true;
    }
    if (method)
        return refuse(b, "call of class attribute '%s', a %s", n->data, type_name(ex));
    char what[96];
    snprintf(what, sizeof what, "class attribute '%s'", n->data);
    int32_t v = typed_value(b, at, 0, ex, what, -1);
    if (v < 0)
        return false;
    push(b, v);
    return true;
}

/* C.n, C a class defined in Python (a global known when compiling): a
 * number or a function of its MRO, looked up again at each access. */
static bool user_class_attr(Builder *b, const Class *c, Str *n, bool method)
{
    Value ex;
    int r = class_lookup(b, c, n, &ex);
    if (r < 0)
        return false;
    if (r == 0)
        return refuse(b, "attribute '%s' of class '%s' is not in a class defined in Python", n->data, c->t.name);
    if (ex.type != T_FUNCTION && ex.type != T_INT && ex.type != T_FLOAT && ex.type != T_BOOL)
        return refuse(b, "class attribute '%s' is a %s (compiled code reads numbers and functions there)", n->data,
                      type_name(ex));
    int32_t at = emit(b, IR_CALLRT, TY_PTR, address(b, c), address(b, n), -1);
    b->ir->ins[at].aux = H_CLASSATTR;
    return class_attr_value(b, at, ex, n, method);
}

/* o.n(...) (o an instance parameter, keyed by its class): the function
 * that the class's MRO has for n when compiling, called directly (a
 * compiled callee, call_function). What the interpreter's LOAD_METHOD
 * would find can change: an instance attribute of that name, a class
 * patched or given another method. objcall.c's jit_rt_method repeats the
 * lookup without running any code, and a guard deoptimises to the
 * interpreter at this LOAD_METHOD unless it finds the very same function
 * (docs/jit.md, "Objects in compiled code"). */
bool method_of_instance(Builder *b, int32_t o, Str *n)
{
    const Class *c = NULL;
    Value example = v_unbound();
    if (is_boxed(b->ir->ins[o].aux)) { /* made by a class call here: its class (an object of another is refused) */
        c = boxed_class(b, o);
        if (!c)
            return refuse(b, "call of method '%s' of an object whose class is not known when compiling", n->data);
    } else {
        /* a parameter (its class is part of the specialisation's key), or an
         * instance read from an attribute (the example's class: the guard
         * below checks the method whatever the class, and the call goes
         * through the interpreter, as the callee's specialisation would be
         * keyed by a class that is not checked) */
        uint32_t slot = (uint32_t)(b->ir->ins[o].aux - INST_AUX);
        const Value *args = b->js->example;
        if (slot >= JIT_MAX_PARAMS) {
            example = b->nested[slot - JIT_MAX_PARAMS];
            c = example.type == T_INSTANCE ? AS(Instance, example)->cls : NULL;
        } else {
            c = b->spec->params[slot].cls;
            if (args && slot < b->js->nexample)
                example = args[slot];
        }
    }
    if (!c || !c->mro)
        return refuse(b, "call of method '%s' of an instance of an unknown class", n->data);
    if (example.type == T_INSTANCE && AS(Instance, example)->dict) {
        Value v;
        bool found = false;
        if (!dict_get(b->js->vm, AS(Instance, example)->dict, v_obj(n), &v, &found)) {
            b->js->vm->exc = v_unbound();
            return refuse(b, "method '%s': the instance's dict cannot be searched", n->data);
        }
        if (found)
            return refuse(b, "method '%s' is shadowed by an instance attribute", n->data);
    }
    Value fn = v_unbound();
    for (uint32_t i = 0; i < c->mro->len && fn.type == T_UNBOUND; i++) {
        Value k = c->mro->items[i], v;
        bool found = false;
        if (k.type != T_TYPE || !type_is_user(AS(TypeObj, k)))
            return refuse(b, "call of method '%s', which is not in a class defined in Python", n->data);
        if (!dict_get(b->js->vm, ((const Class *)AS(TypeObj, k))->dict, v_obj(n), &v, &found)) {
            b->js->vm->exc = v_unbound();
            return refuse(b, "method '%s': its class cannot be searched", n->data);
        }
        if (found && v.type != T_FUNCTION)
            return refuse(b, "call of method '%s', which is a %s in the class", n->data, type_name(v));
        if (found)
            fn = v;
    }
    if (fn.type != T_FUNCTION)
        return refuse(b, "call of method '%s', which is not in the class", n->data);
    int32_t found = emit(b, IR_CALLRT, TY_INT, o, address(b, n), -1);
    b->ir->ins[found].aux = H_METHOD;
    int32_t differs = emit(b, IR_CMP, TY_BOOL, found, address(b, fn.u.obj), -1);
    b->ir->ins[differs].aux = CC_NE;
    if (!guard(b, differs))
        return false;
    push(b, new_static(b, (Static){.kind = S_OBJ, .obj = fn}));
    push(b, o);
    return true;
}

/* super() with no arguments, in a method compiled for an instance of
 * class C (its first parameter, still holding the argument), followed by
 * LOAD_METHOD m: the interpreter's super() starts after the class whose
 * dict holds the running function (class.c defining_class) in C's MRO,
 * and m is the first function of that name from there (super_lookup).
 * Both are found when compiling; at run time objcall.c's
 * jit_rt_own_method probes the dict of each class from there to the one
 * that had m (0 where m must still be absent, that very function where it
 * was found), and a guard deoptimises at this CALL unless all agree, so a
 * method patched, added or deleted on any of those classes sends the call
 * to the interpreter. C itself is the specialisation's key. */
bool super_call(Builder *b)
{
    if (b->pc + 1 >= b->n || BC_OP(b->insns[b->pc + 1]) != OP_LOAD_METHOD)
        return refuse(b, "super() whose method is not called at once (super().m(...))");
    Str *n = AS(Str, b->code->program->strings[BC_ARG(b->insns[b->pc + 1])]);
    const Function *fn = b->spec->fn;
    const Class *c = b->code->nparams ? (const Class *)b->spec->params[0].cls : NULL;
    if (!c || b->spec->params[0].tc != JIT_TC_INSTANCE || !c->mro || !fn)
        return refuse(b, "super() in a function whose first argument is not an instance");
    for (uint32_t pc = 0; pc < b->n; pc++) /* (then local 0 is the parameter all through) */
        if ((BC_OP(b->insns[pc]) == OP_STORE_FAST || BC_OP(b->insns[pc]) == OP_DELETE_FAST) && BC_ARG(b->insns[pc]) == 0)
            return refuse(b, "super() in a function that assigns its first argument");
    int32_t self = b->param_val[0];
    uint32_t i = 0, len = c->mro->len;
    for (bool found = false; i < len && !found; i++) { /* the class that defines the running function */
        Value k = c->mro->items[i];
        if (k.type != T_TYPE || !type_is_user(AS(TypeObj, k)))
            continue;
        const Dict *d = ((const Class *)AS(TypeObj, k))->dict;
        for (uint32_t e = 0; d && e < d->used && !found; e++)
            found = d->entries[e].key.type != T_UNBOUND && d->entries[e].value.type == T_FUNCTION &&
                    d->entries[e].value.u.obj == (const Obj *)fn;
    }
    for (; i < len; i++) { /* (i: the class after it) */
        Value k = c->mro->items[i], v;
        bool found = false;
        if (k.type != T_TYPE || !type_is_user(AS(TypeObj, k)))
            return refuse(b, "super().%s reaches the built-in class '%s'", n->data,
                          k.type == T_TYPE ? AS(TypeObj, k)->name : "?");
        if (!dict_get(b->js->vm, ((const Class *)AS(TypeObj, k))->dict, v_obj(n), &v, &found)) {
            b->js->vm->exc = v_unbound();
            return refuse(b, "super().%s: a class cannot be searched", n->data);
        }
        if (found && v.type != T_FUNCTION)
            return refuse(b, "super().%s is a %s", n->data, type_name(v));
        int32_t own = emit(b, IR_CALLRT, TY_INT, address(b, AS(TypeObj, k)), address(b, n), -1);
        b->ir->ins[own].aux = H_OWNMETHOD;
        int32_t differs = emit(b, IR_CMP, TY_BOOL, own, found ? address(b, v.u.obj) : kconst(b, 0), -1);
        b->ir->ins[differs].aux = CC_NE;
        if (!guard(b, differs))
            return false;
        if (found) {
            Static s = {.kind = S_SUPER, .obj = v};
            s.v[0] = self;
            push(b, new_static(b, s));
            return true;
        }
    }
    return refuse(b, "super().%s is not in a class defined in Python", n->data);
}

/* A property stored into a class after it was made (class.c sets
 * late_property) takes reads and stores of its name before the instance's
 * dict: compiled accesses of an instance's dict are guarded on it, at the
 * entry when the function checks there, else once per block until a call
 * (only the interpreter adds one). */
bool late_guard(Builder *b)
{
    if (b->hoist && !b->late_at_entry) {
        int32_t late = at_entry(b, IR_ALOAD, TY_INT, entry_const(b, (int32_t)(uintptr_t)&late_property),
                                entry_const(b, 0), -1);
        b->ir->ins[late].aux = 'B';
        if (!entry_guard(b, late))
            return false;
        b->late_at_entry = true;
    } else if (!b->hoist && b->late_block != b->cur) {
        int32_t late = emit(b, IR_ALOAD, TY_INT, address(b, &late_property), ir_const_int(b->ir, b->cur, 0), -1);
        b->ir->ins[late].aux = 'B';
        if (!guard(b, late))
            return false;
        b->late_block = b->cur;
    }
    return true;
}

/* o.n = x: a number into an attribute o's dict already has (its entry is
 * written in place, as dict_set does). A property of that name in o's class
 * would take the store: none there when compiling, and a guard on
 * class.c's late_property for one added later. */

bool store_attr(Builder *b, uint32_t name)
{
    int32_t o = pop(b), x = pop(b);
    Str *n = AS(Str, b->code->program->strings[name]);
    if (static_of(b, o) || o < 0 || ty(b, o) != TY_PTR || !is_instance(b->ir->ins[res(b, o)].aux))
        return refuse(b, "attribute '%s' stored into a value that is not an instance", n->data);
    o = res(b, o);
    if ((x = value(b, x, "stored value")) < 0)
        return false;
    IrType t = ty(b, x);
    uint8_t xa = t == TY_PTR ? b->ir->ins[x].aux : 0; /* objects: made, returned, read from attributes */
    bool object = t == TY_PTR && (is_boxed(xa) || is_instance(xa) || xa == JIT_TC_STR);
    if (t != TY_INT && t != TY_BOOL && t != TY_FLOAT && !object)
        return refuse(b, "storing a %s into attribute '%s' (compiled code stores numbers and objects there)",
                      t == TY_NONE ? "None" : "list or array", n->data);
    if (b->ir->ins[o].aux - INST_AUX >= JIT_MAX_PARAMS)
        return refuse(b, "attribute '%s' stored into an instance read from an attribute (its class is not checked)",
                      n->data);
    const Class *c = b->spec->params[b->ir->ins[o].aux - INST_AUX].cls;
    for (uint32_t i = 0; c && c->mro && i < c->mro->len; i++) {
        Value k = c->mro->items[i], v;
        bool found = false;
        if (k.type != T_TYPE || !type_is_user(AS(TypeObj, k)))
            continue;
        if (!dict_get(b->js->vm, ((const Class *)AS(TypeObj, k))->dict, v_obj(n), &v, &found)) {
            b->js->vm->exc = v_unbound();
            return refuse(b, "attribute '%s': its class cannot be searched", n->data);
        }
        if (found && v.type == T_DESCR && v.u.obj->aux == DESCR_PROPERTY)
            return refuse(b, "attribute '%s' is a property", n->data);
    }
    Value ex;
    uint32_t idx;
    if (!example_entry(b, o, n, &ex, &idx))
        return false;
    if (!late_guard(b))
        return false;
    int32_t e = entries_at(b, o, idx, n);
    if (e < 0)
        return false;
    int32_t tw = (int32_t)(idx * JW_ENTRY_WORDS + JW_ENTRY_TYPE), tag;
    if (t == TY_PTR) { /* an object: its type word from its header */
        tag = emit(b, IR_ALOAD, TY_INT, x, ir_const_int(b->ir, b->cur, 4), -1);
        b->ir->ins[tag].aux = 'B'; /* Obj.type */
    } else
        tag = ir_const_int(b->ir, b->cur, (int32_t)value_tag(t));
    int32_t st = emit(b, IR_ASTORE, TY_VOID, e, ir_const_int(b->ir, b->cur, tw), tag);
    b->ir->ins[st].aux = JIT_TC_WORD;
    st = emit(b, IR_ASTORE, TY_VOID, e, ir_const_int(b->ir, b->cur, tw + 1), x);
    b->ir->ins[st].aux = JIT_TC_WORD;
    return true;
}

/* Cell k of the function's closure: compiled code is per function object,
 * so it takes the cell's address. */
static Cell *closure_cell(Builder *b, uint32_t k)
{
    const Function *fn = b->spec->fn;
    if (!fn || !fn->closure || k >= fn->closure->len || fn->closure->items[k].type != T_CELL)
        return refuse(b, "a free variable that is not in the function's closure"), NULL;
    return AS(Cell, fn->closure->items[k]);
}

/* A free variable (a closure's cell): guarded to hold what it holds now. */
bool load_free(Builder *b, uint32_t k)
{
    Cell *cell = closure_cell(b, k);
    if (!cell)
        return false;
    char what[96];
    snprintf(what, sizeof what, "free variable '%s'", cell->name ? cell->name->data : "?");
    if (cell->value.type == T_UNBOUND)
        return refuse(b, "%s is not assigned when compiling", what);
    bool once = b->hoist && !stores_to(b, NULL, (int32_t)k); /* as for attributes */
    int32_t v;
    if (once && (v = entry_value(b, -1 - (int32_t)k)) >= 0) {
        push(b, v);
        return true;
    }
    b->entry_mode = once;
    v = typed_value(b, address(b, cell), JW_CELL_TYPE, cell->value, what, -1);
    b->entry_mode = false;
    if (v < 0)
        return false;
    if (once)
        remember_entry_value(b, -1 - (int32_t)k, v);
    push(b, v);
    return true;
}

/* nonlocal x; x = number: the cell's type word and payload. */
bool store_free(Builder *b, uint32_t k)
{
    Cell *cell = closure_cell(b, k);
    if (!cell)
        return false;
    int32_t x = value(b, pop(b), "stored value");
    if (x < 0)
        return false;
    IrType t = ty(b, x);
    if (t != TY_INT && t != TY_BOOL && t != TY_FLOAT)
        return refuse(b, "storing a non-number into free variable '%s' (nonlocal)", cell->name ? cell->name->data : "?");
    int32_t c = address(b, cell);
    int32_t st = emit(b, IR_ASTORE, TY_VOID, c, ir_const_int(b->ir, b->cur, JW_CELL_TYPE),
                      ir_const_int(b->ir, b->cur, (int32_t)value_tag(t)));
    b->ir->ins[st].aux = JIT_TC_WORD;
    st = emit(b, IR_ASTORE, TY_VOID, c, ir_const_int(b->ir, b->cur, JW_CELL_VALUE), x);
    b->ir->ins[st].aux = JIT_TC_WORD;
    return true;
}
