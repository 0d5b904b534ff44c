/*
 * set.c - set and frozenset.
 *
 * The table is probed the way CPython 3.11's setobject.c probes it (up to 9
 * linear probes, then a jump perturbed by the hash's higher bits, resizing
 * at 3/5 full to 4x the live count), and the operations insert in the order
 * CPython's do (an add reuses the last deleted slot its probe passed, as
 * 3.11 does). Ints hash to themselves in both, so a set of ints iterates
 * and prints in CPython's order; the perturbation uses the hash sign-extended
 * to 64 bits, as on a 64-bit CPython. The algorithm is the published one;
 * the code is this project's.
 *
 * GC: every key being inserted is rooted by the caller (natives' arguments,
 * VM_ROOT for iterated items); a table is only freed when replaced.
 */
#include <string.h>

#include "vm/set.h"

#define SET_MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

static bool slot_empty(const SetEntry *e) { return e->key.type == T_UNBOUND && e->key.u.i == 0; }
static bool slot_live(const SetEntry *e) { return e->key.type != T_UNBOUND; }

static Value dummy_key(void)
{
    Value v = v_unbound();
    v.u.i = 1;
    return v;
}

Set *set_new(VM *vm, Type type)
{
    Set *s = gc_alloc(vm, type, sizeof(Set));
    if (!s)
        return NULL;
    VM_ROOT(vm, v_obj(s));
    SetEntry *t = gc_alloc_raw(vm, SET_MINSIZE * sizeof(SetEntry));
    VM_UNROOT(vm, 1);
    if (!t)
        return NULL;
    s->table = t;
    s->mask = SET_MINSIZE - 1;
    return s;
}

/* 1 when a and b are the same key, 0 when not, -1 on error. */
static int same_key(VM *vm, Value a, Value b)
{
    if (a.type == b.type && (v_is_obj(a) ? a.u.obj == b.u.obj : a.u.i == b.u.i) && a.type != T_FLOAT)
        return 1;
    bool eq;
    if (!vm_equal(vm, a, b, &eq))
        return -1;
    return eq;
}

static uint64_t perturb_of(uint32_t hash) { return (uint64_t)(int64_t)(int32_t)hash; }

/* Finds key: 1 with *at its slot, 0 when absent, -1 on error. */
static int find(VM *vm, Set *s, Value key, uint32_t hash, uint32_t *at)
{
restart:;
    SetEntry *table = s->table;
    uint32_t mask = s->mask;
    uint64_t perturb = perturb_of(hash);
    uint32_t i = hash & mask;
    for (;;) {
        uint32_t probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        for (uint32_t j = 0; j <= probes; j++) {
            SetEntry *e = &table[i + j];
            if (slot_empty(e))
                return 0;
            if (slot_live(e) && e->hash == hash) {
                int r = same_key(vm, e->key, key);
                if (r < 0)
                    return -1;
                if (s->table != table || s->mask != mask)
                    goto restart; /* a comparison changed the set */
                if (r) {
                    *at = i + j;
                    return 1;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (uint32_t)((i * 5u + 1u + perturb) & mask);
    }
}

/* Puts a key known to be absent into a table without dummies. */
static void insert_clean(SetEntry *table, uint32_t mask, Value key, uint32_t hash)
{
    uint64_t perturb = perturb_of(hash);
    uint32_t i = hash & mask;
    for (;;) {
        uint32_t probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        for (uint32_t j = 0; j <= probes; j++) {
            if (slot_empty(&table[i + j])) {
                table[i + j].key = key;
                table[i + j].hash = hash;
                return;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (uint32_t)((i * 5u + 1u + perturb) & mask);
    }
}

/* A table of the smallest power of two above minused, holding the live keys. */
static bool resize(VM *vm, Set *s, uint32_t minused)
{
    uint32_t size = SET_MINSIZE;
    while (size <= minused) {
        if (size >= (1u << 26))
            return vm_raise_oom(vm);
        size <<= 1;
    }
    SetEntry *table = gc_alloc_raw(vm, (size_t)size * sizeof(SetEntry));
    if (!table)
        return false;
    SetEntry *old = s->table;
    for (uint32_t i = 0; i <= s->mask; i++)
        if (slot_live(&old[i]))
            insert_clean(table, size - 1, old[i].key, old[i].hash);
    s->table = table;
    s->mask = size - 1;
    s->fill = s->used;
    gc_free_raw(vm, old);
    return true;
}

static uint32_t grown_size(const Set *s) { return s->used > 50000 ? s->used * 2 : s->used * 4; }

/* Adds key with its hash: 1 added, 0 already there, -1 error. */
static int add_entry(VM *vm, Set *s, Value key, uint32_t hash)
{
restart:;
    SetEntry *table = s->table;
    uint32_t mask = s->mask;
    uint64_t perturb = perturb_of(hash);
    uint32_t i = hash & mask;
    SetEntry *freeslot = NULL; /* a deleted slot on the way: reused */
    for (;;) {
        uint32_t probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        for (uint32_t j = 0; j <= probes; j++) {
            SetEntry *e = &table[i + j];
            if (slot_empty(e) && freeslot) {
                freeslot->key = key;
                freeslot->hash = hash;
                s->used++;
                return 1;
            }
            if (!slot_live(e) && !slot_empty(e))
                freeslot = e; /* the last one, as CPython 3.11 does */
            if (slot_empty(e)) {
                e->key = key;
                e->hash = hash;
                s->fill++;
                s->used++;
                if ((uint64_t)s->fill * 5 < (uint64_t)mask * 3)
                    return 1;
                return resize(vm, s, grown_size(s)) ? 1 : -1;
            }
            if (slot_live(e) && e->hash == hash) {
                int r = same_key(vm, e->key, key);
                if (r < 0)
                    return -1;
                if (s->table != table || s->mask != mask)
                    goto restart;
                if (r)
                    return 0;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (uint32_t)((i * 5u + 1u + perturb) & mask);
    }
}

/* hash(key); a set used as a key is looked up as the frozenset it equals. */
static bool key_hash(VM *vm, Value key, uint32_t *hash)
{
    if (key.type == T_SET)
        return set_hash(vm, AS(Set, key), hash);
    return vm_hash(vm, key, hash);
}

bool set_add(VM *vm, Set *s, Value key)
{
    uint32_t hash;
    if (!vm_hash(vm, key, &hash))
        return false;
    return add_entry(vm, s, key, hash) >= 0;
}

bool set_contains(VM *vm, Set *s, Value key, bool *out)
{
    uint32_t hash, at;
    if (!key_hash(vm, key, &hash))
        return false;
    int r = find(vm, s, key, hash, &at);
    *out = r > 0;
    return r >= 0;
}

/* 1 removed, 0 absent, -1 error */
static int discard_entry(VM *vm, Set *s, Value key, uint32_t hash)
{
    uint32_t at;
    int r = find(vm, s, key, hash, &at);
    if (r <= 0)
        return r;
    s->table[at].key = dummy_key();
    s->table[at].hash = 0xffffffffu;
    s->used--;
    return 1;
}

static int discard_key(VM *vm, Set *s, Value key)
{
    uint32_t hash;
    if (!key_hash(vm, key, &hash))
        return -1;
    return discard_entry(vm, s, key, hash);
}

static bool clear(VM *vm, Set *s)
{
    SetEntry *t = gc_alloc_raw(vm, SET_MINSIZE * sizeof(SetEntry));
    if (!t)
        return false;
    gc_free_raw(vm, s->table);
    s->table = t;
    s->mask = SET_MINSIZE - 1;
    s->fill = s->used = 0;
    return true;
}

/* Slot by slot, as CPython's set_next: the next live slot at or after *pos. */
static SetEntry *next_live(Set *s, uint32_t *pos)
{
    while (*pos <= s->mask) {
        SetEntry *e = &s->table[(*pos)++];
        if (slot_live(e))
            return e;
    }
    return NULL;
}

/* ---- bulk operations (CPython's set_merge, set_update_internal, ...) ------------- */

static bool merge(VM *vm, Set *s, Set *other)
{
    if (s == other || other->used == 0)
        return true;
    if ((uint64_t)(s->fill + other->used) * 5 >= (uint64_t)s->mask * 3 &&
        !resize(vm, s, (s->used + other->used) * 2))
        return false;
    if (s->fill == 0 && s->mask == other->mask && other->fill == other->used) {
        memcpy(s->table, other->table, ((size_t)other->mask + 1) * sizeof(SetEntry));
        s->fill = other->fill;
        s->used = other->used;
        return true;
    }
    if (s->fill == 0) {
        for (uint32_t i = 0; i <= other->mask; i++)
            if (slot_live(&other->table[i]))
                insert_clean(s->table, s->mask, other->table[i].key, other->table[i].hash);
        s->fill = s->used = other->used;
        return true;
    }
    for (uint32_t pos = 0;;) {
        SetEntry *e = next_live(other, &pos);
        if (!e)
            return true;
        /* other's table stays put: a comparison may only change s */
        if (add_entry(vm, s, e->key, e->hash) < 0)
            return false;
    }
}

/* Calls fn(vm, ctx, item) for each item of an iterable (the item rooted
 * while fn runs); fn returns < 0 when it raised. */
typedef int (*ItemFn)(VM *vm, void *ctx, Value item);

static bool for_each(VM *vm, void *ctx, Value iterable, ItemFn fn)
{
    Value it;
    if (!vm_getiter(vm, iterable, &it))
        return false;
    VM_ROOT(vm, it);
    VM_ROOT(vm, v_none()); /* the current item */
    bool ok = true;
    for (;;) {
        Value item;
        int r = vm_iternext(vm, it, &item);
        if (r <= 0) {
            ok = r == 0;
            break;
        }
        vm->roots[vm->nroots - 1] = item;
        if (fn(vm, ctx, item) < 0) {
            ok = false;
            break;
        }
    }
    VM_UNROOT(vm, 2);
    return ok;
}

static int add_item(VM *vm, void *s, Value item) { return set_add(vm, s, item) ? 1 : -1; }
static int discard_item(VM *vm, void *s, Value item) { return discard_key(vm, s, item) < 0 ? -1 : 1; }

/* Adds an item to `into` when `in` has it: an intersection's step. */
typedef struct Keep {
    Set *in, *into; /* in: a set, or NULL to look in `view` */
    Value view;
} Keep;

static int keep_item(VM *vm, void *ctx, Value item)
{
    Keep *k = ctx;
    if (!k->in) {
        bool has;
        if (!vm_contains(vm, k->view, item, &has))
            return -1;
        return has && !set_add(vm, k->into, item) ? -1 : 1;
    }
    uint32_t hash, at;
    int f = -1;
    if (key_hash(vm, item, &hash))
        f = find(vm, k->in, item, hash, &at);
    return f < 0 || (f > 0 && add_entry(vm, k->into, item, hash) < 0) ? -1 : 1;
}

static bool update(VM *vm, Set *s, Value other)
{
    if (v_is_anyset(other))
        return merge(vm, s, AS(Set, other));
    if (other.type == T_DICT) {
        Dict *d = AS(Dict, other);
        if ((uint64_t)(s->fill + d->len) * 5 >= (uint64_t)s->mask * 3 && !resize(vm, s, (s->used + d->len) * 2))
            return false;
        for (uint32_t i = 0; i < d->used; i++) {
            DictEntry *e = &d->entries[i];
            if (e->key.type != T_UNBOUND && add_entry(vm, s, e->key, e->hash) < 0)
                return false;
        }
        return true;
    }
    return for_each(vm, s, other, add_item);
}

/* A new set of the given type holding the items of iterable (T_UNBOUND: none). */
static Set *make(VM *vm, Type type, Value iterable)
{
    Set *s = set_new(vm, type);
    if (!s || iterable.type == T_UNBOUND)
        return s;
    VM_ROOT(vm, v_obj(s));
    bool ok = update(vm, s, iterable);
    VM_UNROOT(vm, 1);
    return ok ? s : NULL;
}

static Set *copy(VM *vm, Set *s) { return make(vm, s->hdr.type, v_obj(s)); }

static bool difference_update(VM *vm, Set *s, Value other)
{
    if (other.type == s->hdr.type && AS(Set, other) == s)
        return clear(vm, s);
    if (v_is_anyset(other)) {
        Set *o = AS(Set, other);
        for (uint32_t pos = 0;;) {
            SetEntry *e = next_live(o, &pos);
            if (!e)
                break;
            if (discard_entry(vm, s, e->key, e->hash) < 0)
                return false;
        }
    } else if (!for_each(vm, s, other, discard_item)) {
        return false;
    }
    if (s->fill - s->used <= s->mask / 4)
        return true;
    return resize(vm, s, grown_size(s));
}

static Set *difference(VM *vm, Set *s, Value other)
{
    uint32_t other_size;
    if (v_is_anyset(other))
        other_size = AS(Set, other)->used;
    else if (other.type == T_DICT)
        other_size = AS(Dict, other)->len;
    else
        other_size = UINT32_MAX;
    if (other_size == UINT32_MAX || (s->used >> 2) > other_size) {
        Set *r = copy(vm, s);
        if (!r)
            return NULL;
        VM_ROOT(vm, v_obj(r));
        bool ok = difference_update(vm, r, other);
        VM_UNROOT(vm, 1);
        return ok ? r : NULL;
    }
    Set *r = set_new(vm, s->hdr.type);
    if (!r)
        return NULL;
    VM_ROOT(vm, v_obj(r));
    bool ok = true;
    for (uint32_t pos = 0; ok;) {
        SetEntry *e = next_live(s, &pos);
        if (!e)
            break;
        Value key = e->key;
        uint32_t hash = e->hash, at;
        bool in;
        if (other.type == T_DICT) {
            Value v;
            ok = dict_get(vm, AS(Dict, other), key, &v, &in);
        } else {
            int f = find(vm, AS(Set, other), key, hash, &at);
            ok = f >= 0;
            in = f > 0;
        }
        if (ok && !in)
            ok = add_entry(vm, r, key, hash) >= 0;
    }
    VM_UNROOT(vm, 1);
    return ok ? r : NULL;
}

static Set *intersection(VM *vm, Set *s, Value other)
{
    if (other.type == s->hdr.type && AS(Set, other) == s)
        return copy(vm, s);
    Set *r = set_new(vm, s->hdr.type);
    if (!r)
        return NULL;
    VM_ROOT(vm, v_obj(r));
    bool ok = true;
    if (v_is_anyset(other)) {
        Set *a = s, *b = AS(Set, other);
        if (b->used > a->used) { /* look the smaller one's keys up in the larger */
            Set *t = a;
            a = b;
            b = t;
        }
        for (uint32_t pos = 0; ok;) {
            SetEntry *e = next_live(b, &pos);
            if (!e)
                break;
            Value key = e->key;
            uint32_t hash = e->hash, at;
            int f = find(vm, a, key, hash, &at);
            ok = f >= 0 && (f == 0 || add_entry(vm, r, key, hash) >= 0);
        }
    } else {
        Keep k = {s, r, v_none()};
        ok = for_each(vm, &k, other, keep_item);
    }
    VM_UNROOT(vm, 1);
    return ok ? r : NULL;
}

static bool symmetric_difference_update(VM *vm, Set *s, Value other)
{
    if (other.type == s->hdr.type && AS(Set, other) == s)
        return clear(vm, s);
    Set *o;
    if (v_is_anyset(other)) {
        o = AS(Set, other);
    } else {
        o = make(vm, s->hdr.type, other);
        if (!o)
            return false;
    }
    VM_ROOT(vm, v_obj(o));
    bool ok = true;
    for (uint32_t pos = 0; ok;) {
        SetEntry *e = next_live(o, &pos);
        if (!e)
            break;
        Value key = e->key;
        uint32_t hash = e->hash;
        int d = discard_entry(vm, s, key, hash);
        ok = d >= 0 && (d == 1 || add_entry(vm, s, key, hash) >= 0);
    }
    VM_UNROOT(vm, 1);
    return ok;
}

static Set *symmetric_difference(VM *vm, Set *s, Value other)
{
    Set *r = make(vm, s->hdr.type, other);
    if (!r)
        return NULL;
    VM_ROOT(vm, v_obj(r));
    bool ok = symmetric_difference_update(vm, r, v_obj(s));
    VM_UNROOT(vm, 1);
    return ok ? r : NULL;
}

/* s <= other */
static bool issubset(VM *vm, Set *s, Set *other, bool *out)
{
    *out = false;
    if (s->used > other->used)
        return true;
    for (uint32_t pos = 0;;) {
        SetEntry *e = next_live(s, &pos);
        if (!e)
            break;
        uint32_t at;
        int f = find(vm, other, e->key, e->hash, &at);
        if (f < 0)
            return false;
        if (f == 0)
            return true;
    }
    *out = true;
    return true;
}

/* A set for an iterable argument of issubset() and friends. */
static bool as_set(VM *vm, Value v, Set **out)
{
    if (v_is_anyset(v)) {
        *out = AS(Set, v);
        return true;
    }
    *out = make(vm, T_SET, v);
    return *out != NULL;
}

bool set_equal(VM *vm, Set *a, Set *b, bool *out)
{
    if (a->used != b->used) {
        *out = false;
        return true;
    }
    if (a->hdr.type == T_FROZENSET && b->hdr.type == T_FROZENSET && a->hash && b->hash && a->hash != b->hash) {
        *out = false;
        return true;
    }
    return issubset(vm, a, b, out);
}

/* A set, a frozenset, or a keys or items view of a dict: what compares as a set. */
static bool setlike(Value v)
{
    return v_is_anyset(v) || (v.type == T_DICTVIEW && AS(DictView, v)->hdr.aux != VIEW_VALUES);
}

static uint32_t setlike_len(Value v)
{
    return v_is_anyset(v) ? AS(Set, v)->used : AS(DictView, v)->dict->len;
}

/* Are all the items of an iterable in `in` (want true), or none (want false)? */
typedef struct Within {
    Value in;
    bool all, want;
} Within;

static int within_item(VM *vm, void *ctx, Value item)
{
    Within *w = ctx;
    bool has = w->want;
    if (w->all && !vm_contains(vm, w->in, item, &has))
        return -1;
    w->all &= has == w->want;
    return 1;
}

bool set_view_compare(VM *vm, unsigned op, Value a, Value b, bool *out)
{
    if (!setlike(a) || !setlike(b)) {
        *out = op == OP_COMPARE_NE;
        return true;
    }
    uint32_t na = setlike_len(a), nb = setlike_len(b);
    bool sizes;
    switch (op) {
    case OP_COMPARE_LT: sizes = na < nb; break;
    case OP_COMPARE_LE: sizes = na <= nb; break;
    case OP_COMPARE_GT: sizes = na > nb; break;
    case OP_COMPARE_GE: sizes = na >= nb; break;
    default:            sizes = na == nb; break;
    }
    bool reversed = op == OP_COMPARE_GT || op == OP_COMPARE_GE; /* b's items in a */
    Within w = {reversed ? a : b, sizes, true};
    if (sizes && !for_each(vm, &w, reversed ? b : a, within_item))
        return false;
    *out = op == OP_COMPARE_NE ? !w.all : w.all;
    return true;
}

bool set_order(VM *vm, unsigned op, Value a, Value b, Value *out)
{
    static const char *const sym[] = {"<", "<=", "", "", ">", ">="};
    if (setlike(a) && setlike(b) && (a.type == T_DICTVIEW || b.type == T_DICTVIEW)) {
        bool r;
        if (!set_view_compare(vm, op, a, b, &r))
            return false;
        *out = v_bool(r);
        return true;
    }
    if (!v_is_anyset(a) || !v_is_anyset(b))
        return vm_raise(vm, EXC_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                        sym[op - OP_COMPARE_LT], type_name(a), type_name(b));
    Set *x = AS(Set, a), *y = AS(Set, b);
    bool r;
    switch (op) {
    case OP_COMPARE_LT:
        if (!issubset(vm, x, y, &r))
            return false;
        r = r && x->used < y->used;
        break;
    case OP_COMPARE_LE:
        if (!issubset(vm, x, y, &r))
            return false;
        break;
    case OP_COMPARE_GT:
        if (!issubset(vm, y, x, &r))
            return false;
        r = r && x->used > y->used;
        break;
    default:
        if (!issubset(vm, y, x, &r))
            return false;
        break;
    }
    *out = v_bool(r);
    return true;
}

static uint32_t shuffle_bits(uint32_t h)
{
    return ((h ^ 89869747u) ^ (h << 16)) * 3644798167u;
}

/* CPython's frozenset hash in 32 bits: independent of the order of the table,
 * so equal sets hash equal. */
bool set_hash(VM *vm, Set *s, uint32_t *out)
{
    (void)vm;
    if (s->hdr.type == T_FROZENSET && s->hash) {
        *out = s->hash - 1;
        return true;
    }
    uint32_t h = 0;
    for (uint32_t i = 0; i <= s->mask; i++)
        if (slot_live(&s->table[i]))
            h ^= shuffle_bits(s->table[i].hash);
    h ^= (s->used + 1) * 1927868237u;
    h ^= (h >> 11) ^ (h >> 25);
    h = h * 69069u + 907133923u;
    if (h == 0xffffffffu)
        h = 590923713u;
    if (s->hdr.type == T_FROZENSET && h != 0xffffffffu)
        s->hash = h + 1;
    *out = h;
    return true;
}

bool set_build(VM *vm, const Value *items, uint32_t n, bool folded, Value *out)
{
    Set *s = set_new(vm, folded ? T_FROZENSET : T_SET);
    if (!s)
        return false;
    VM_ROOT(vm, v_obj(s));
    bool ok = true;
    for (uint32_t i = 0; i < n && ok; i++)
        ok = set_add(vm, s, items[i]);
    if (ok && folded) {
        /* CPython's compiler makes a frozenset constant, remakes it from its
         * own iteration order when it merges constants, and the display
         * updates an empty set with it */
        Set *again = set_new(vm, T_FROZENSET);
        ok = again != NULL;
        if (ok) {
            VM_ROOT(vm, v_obj(again));
            for (uint32_t pos = 0; ok;) {
                SetEntry *e = next_live(s, &pos);
                if (!e)
                    break;
                ok = add_entry(vm, again, e->key, e->hash) >= 0;
            }
            Set *r = ok ? make(vm, T_SET, v_obj(again)) : NULL;
            ok = r != NULL;
            if (ok)
                s = r;
            VM_UNROOT(vm, 1);
        }
    }
    VM_UNROOT(vm, 1);
    *out = v_obj(s);
    return ok;
}

bool set_repr_items(VM *vm, StrBuf *sb, Set *s)
{
    bool first = true;
    for (uint32_t pos = 0;;) {
        SetEntry *e = next_live(s, &pos);
        if (!e)
            return true;
        if (!first)
            sb_adds(sb, ", ");
        first = false;
        if (!fmt_repr(vm, sb, e->key))
            return false;
    }
}

int set_iter_next(VM *vm, Iter *it, Value *out)
{
    Set *s = AS(Set, it->src);
    if (it->i < 0)
        return 0;
    if ((uint32_t)it->a != s->used) {
        it->i = -1;
        vm_raise(vm, EXC_RuntimeError, "Set changed size during iteration");
        return -1;
    }
    uint32_t pos = (uint32_t)it->i;
    SetEntry *e = next_live(s, &pos);
    if (!e) {
        it->i = -1;
        return 0;
    }
    it->i = (int32_t)pos;
    *out = e->key;
    return 1;
}

/* ---- operators ---------------------------------------------------------------------- */

static bool m_intersection_update(VM *vm, Value *args, int nargs, Tuple *kw, Value *out);

/* dict.keys() and dict.items() are set-like: `view op x` and `x op view`
 * give sets, built as CPython's dictviews operators build them. */
static bool setlike_view(Value v)
{
    return v.type == T_DICTVIEW && AS(DictView, v)->hdr.aux != VIEW_VALUES;
}

/* set(v) as CPython's dictviews_to_set: a keys view through its dict */
static Set *view_to_set(VM *vm, Value v)
{
    if (v.type == T_DICTVIEW && AS(DictView, v)->hdr.aux == VIEW_KEYS)
        v = v_obj(AS(DictView, v)->dict);
    return make(vm, T_SET, v);
}

static bool view_op(VM *vm, unsigned op, Value a, Value b, Value *out)
{
    Set *r;
    bool ok = true;
    if (op == OP_BINARY_AND) {
        if (!setlike_view(a)) { /* the view is the one looked in */
            Value t = a;
            a = b;
            b = t;
        }
        DictView *self = AS(DictView, a);
        if (b.type == T_SET && self->dict->len <= AS(Set, b)->used)
            return (r = intersection(vm, AS(Set, b), a)) ? (*out = v_obj(r), true) : false;
        if (setlike_view(b) && AS(DictView, b)->dict->len > self->dict->len) {
            Value t = a;
            a = b;
            b = t;
        }
        r = set_new(vm, T_SET);
        if (!r)
            return false;
        *out = v_obj(r);
        VM_ROOT(vm, *out);
        Keep k = {NULL, r, a};
        ok = for_each(vm, &k, b, keep_item);
        VM_UNROOT(vm, 1);
        return ok;
    }
    r = view_to_set(vm, a);
    if (!r)
        return false;
    *out = v_obj(r);
    VM_ROOT(vm, *out);
    switch (op) {
    case OP_BINARY_OR:  ok = update(vm, r, b); break;
    case OP_BINARY_SUB: ok = difference_update(vm, r, b); break;
    default:            ok = symmetric_difference_update(vm, r, b); break;
    }
    VM_UNROOT(vm, 1);
    return ok;
}

bool set_binary_op(VM *vm, unsigned op, Value a, Value b, Value *out)
{
    static const struct { unsigned op; const char *sym; } syms[] = {
        {OP_BINARY_OR, "|"}, {OP_BINARY_AND, "&"}, {OP_BINARY_SUB, "-"}, {OP_BINARY_XOR, "^"},
        {OP_INPLACE_OR, "|="}, {OP_INPLACE_AND, "&="}, {OP_INPLACE_SUB, "-="}, {OP_INPLACE_XOR, "^="},
        {OP_BINARY_ADD, "+"}, {OP_INPLACE_ADD, "+="}, {OP_BINARY_MUL, "*"}, {OP_INPLACE_MUL, "*="},
        {OP_BINARY_TRUEDIV, "/"}, {OP_BINARY_FLOORDIV, "//"}, {OP_BINARY_MOD, "%"},
        {OP_BINARY_POW, "** or pow()"}, {OP_BINARY_LSHIFT, "<<"}, {OP_BINARY_RSHIFT, ">>"},
    };
    const char *sym = "?";
    for (size_t i = 0; i < sizeof syms / sizeof syms[0]; i++)
        if (syms[i].op == op)
            sym = syms[i].sym;
    unsigned bop = binary_of_inplace(op);
    bool logical = bop == OP_BINARY_OR || bop == OP_BINARY_AND || bop == OP_BINARY_SUB || bop == OP_BINARY_XOR;
    if (logical && (setlike_view(a) || setlike_view(b)) && !(v_is_anyset(a) && v_is_anyset(b)))
        return view_op(vm, bop, a, b, out); /* a view and a set, or a view and any iterable */
    if (!v_is_anyset(a) || !v_is_anyset(b))
        return vm_raise_binop(vm, sym, a, b);
    Set *s = AS(Set, a), *r;
    if (a.type == T_SET && op != binary_of_inplace(op)) { /* s |= t and friends change s */
        bool ok;
        switch (op) {
        case OP_INPLACE_OR:  ok = update(vm, s, b); break;
        case OP_INPLACE_SUB: ok = difference_update(vm, s, b); break;
        case OP_INPLACE_XOR: ok = symmetric_difference_update(vm, s, b); break;
        default: { /* &=: the intersection's table becomes s's */
            Value args[2] = {a, b}, none;
            ok = m_intersection_update(vm, args, 2, NULL, &none);
            break;
        }
        }
        *out = a;
        return ok;
    }
    op = binary_of_inplace(op);
    switch (op) {
    case OP_BINARY_OR:
        r = copy(vm, s);
        if (r) {
            VM_ROOT(vm, v_obj(r));
            bool ok = update(vm, r, b);
            VM_UNROOT(vm, 1);
            if (!ok)
                return false;
        }
        break;
    case OP_BINARY_AND: r = intersection(vm, s, b); break;
    case OP_BINARY_SUB: r = difference(vm, s, b); break;
    case OP_BINARY_XOR: r = symmetric_difference(vm, s, b); break;
    default: return vm_raise_binop(vm, sym, a, b);
    }
    if (!r)
        return false;
    *out = v_obj(r);
    return true;
}

/* ---- methods ------------------------------------------------------------------------ */

#define SELF AS(Set, args[0])

static bool m_add(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)nargs, (void)kw;
    *out = v_none();
    return set_add(vm, SELF, args[1]);
}

static bool m_discard(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)nargs, (void)kw;
    *out = v_none();
    return discard_key(vm, SELF, args[1]) >= 0;
}

static bool m_remove(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)nargs, (void)kw;
    *out = v_none();
    int r = discard_key(vm, SELF, args[1]);
    if (r == 0)
        return vm_raise_value(vm, EXC_KeyError, args[1]);
    return r > 0;
}

static bool m_pop(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)nargs, (void)kw;
    Set *s = SELF;
    if (s->used == 0)
        return vm_raise(vm, EXC_KeyError, "pop from an empty set");
    uint32_t i = s->finger & s->mask;
    while (!slot_live(&s->table[i]))
        i = (i + 1) & s->mask;
    *out = s->table[i].key;
    s->table[i].key = dummy_key();
    s->table[i].hash = 0xffffffffu;
    s->used--;
    s->finger = i + 1;
    return true;
}

static bool m_clear(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)nargs, (void)kw;
    *out = v_none();
    return clear(vm, SELF);
}

static bool m_copy(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)nargs, (void)kw;
    if (args[0].type == T_FROZENSET) { /* immutable: the copy is itself */
        *out = args[0];
        return true;
    }
    Set *r = copy(vm, SELF);
    if (!r)
        return false;
    *out = v_obj(r);
    return true;
}

/* op(s, x) for each x of args[first..nargs): the methods that take any
 * number of iterables. s, when new, must be rooted. */
static bool each_arg(VM *vm, Set *s, Value *args, int first, int nargs, bool (*op)(VM *, Set *, Value))
{
    for (int i = first; i < nargs; i++)
        if (!op(vm, s, args[i]))
            return false;
    return true;
}

/* A new set r (NULL: raised) updated by op with args[first..nargs), at *out. */
static bool new_and_each(VM *vm, Set *r, Value *args, int first, int nargs, bool (*op)(VM *, Set *, Value),
                         Value *out)
{
    if (!r)
        return false;
    *out = v_obj(r);
    VM_ROOT(vm, *out);
    bool ok = each_arg(vm, r, args, first, nargs, op);
    VM_UNROOT(vm, 1);
    return ok;
}

static bool m_union(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)kw;
    return new_and_each(vm, copy(vm, SELF), args, 1, nargs, update, out);
}

static bool m_update(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)kw;
    *out = v_none();
    return each_arg(vm, SELF, args, 1, nargs, update);
}

/* s.intersection(*others): a new set */
static Set *intersection_multi(VM *vm, Set *s, Value *others, int n)
{
    if (n == 0)
        return copy(vm, s);
    Set *r = s;
    uint32_t rooted = 0;
    for (int i = 0; i < n; i++) {
        r = intersection(vm, r, others[i]);
        if (!r)
            break;
        if (rooted)
            vm->roots[vm->nroots - 1] = v_obj(r);
        else
            VM_ROOT(vm, v_obj(r)), rooted = 1;
    }
    VM_UNROOT(vm, rooted);
    return r;
}

static bool m_intersection(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)kw;
    Set *r = intersection_multi(vm, SELF, args + 1, nargs - 1);
    if (!r)
        return false;
    *out = v_obj(r);
    return true;
}

static bool m_intersection_update(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)kw;
    *out = v_none();
    Set *s = SELF, *r = intersection_multi(vm, s, args + 1, nargs - 1);
    if (!r)
        return false;
    /* take over the result's table (CPython swaps the bodies) */
    SetEntry *t = s->table;
    s->table = r->table;
    r->table = t;
    uint32_t fill = s->fill, used = s->used, mask = s->mask;
    s->fill = r->fill, s->used = r->used, s->mask = r->mask;
    r->fill = fill, r->used = used, r->mask = mask;
    return true;
}

static bool m_difference(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)kw;
    Set *r = nargs == 1 ? copy(vm, SELF) : difference(vm, SELF, args[1]);
    return new_and_each(vm, r, args, 2, nargs, difference_update, out);
}

static bool m_difference_update(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)kw;
    *out = v_none();
    return each_arg(vm, SELF, args, 1, nargs, difference_update);
}

static bool m_symmetric_difference(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)nargs, (void)kw;
    Set *r = symmetric_difference(vm, SELF, args[1]);
    if (!r)
        return false;
    *out = v_obj(r);
    return true;
}

static bool m_symmetric_difference_update(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)nargs, (void)kw;
    *out = v_none();
    return symmetric_difference_update(vm, SELF, args[1]);
}

/* A relation between self and args[1] taken as a set (any iterable). */
static bool relation(VM *vm, Value *args, bool (*rel)(VM *, Set *, Set *, bool *), Value *out)
{
    Set *o;
    if (!as_set(vm, args[1], &o))
        return false;
    VM_ROOT(vm, v_obj(o));
    bool r = false, ok = rel(vm, SELF, o, &r);
    VM_UNROOT(vm, 1);
    *out = v_bool(ok && r);
    return ok;
}

static bool superset_rel(VM *vm, Set *a, Set *b, bool *r) { return issubset(vm, b, a, r); }

static bool disjoint_rel(VM *vm, Set *a, Set *b, bool *r)
{
    if (b->used > a->used) { /* probe the larger with the smaller's items */
        Set *t = a;
        a = b;
        b = t;
    }
    *r = true;
    for (uint32_t pos = 0; *r;) {
        SetEntry *e = next_live(b, &pos);
        if (!e)
            break;
        uint32_t at;
        int f = find(vm, a, e->key, e->hash, &at);
        if (f < 0)
            return false;
        *r = f == 0;
    }
    return true;
}

static bool m_issubset(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)nargs, (void)kw;
    return relation(vm, args, issubset, out);
}

static bool m_issuperset(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)nargs, (void)kw;
    return relation(vm, args, superset_rel, out);
}

static bool m_isdisjoint(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)nargs, (void)kw;
    return relation(vm, args, disjoint_rel, out);
}

/* keys_or_items_view.isdisjoint(iterable): none of its items in the view */
static bool m_view_isdisjoint(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)nargs, (void)kw;
    Within w = {args[0], true, false};
    if (!for_each(vm, &w, args[1], within_item))
        return false;
    *out = v_bool(w.all);
    return true;
}

static NATIVE(n_add, "add", m_add, 2, 2);
static NATIVE(n_discard, "discard", m_discard, 2, 2);
static NATIVE(n_remove, "remove", m_remove, 2, 2);
static NATIVE(n_pop, "pop", m_pop, 1, 1);
static NATIVE(n_clear, "clear", m_clear, 1, 1);
static NATIVE(n_copy, "copy", m_copy, 1, 1);
static NATIVE(n_update, "update", m_update, 1, -1);
static NATIVE(n_union, "union", m_union, 1, -1);
static NATIVE(n_intersection, "intersection", m_intersection, 1, -1);
static NATIVE(n_intersection_update, "intersection_update", m_intersection_update, 1, -1);
static NATIVE(n_difference, "difference", m_difference, 1, -1);
static NATIVE(n_difference_update, "difference_update", m_difference_update, 1, -1);
static NATIVE(n_symmetric_difference, "symmetric_difference", m_symmetric_difference, 2, 2);
static NATIVE(n_symmetric_difference_update, "symmetric_difference_update", m_symmetric_difference_update, 2, 2);
static NATIVE(n_issubset, "issubset", m_issubset, 2, 2);
static NATIVE(n_issuperset, "issuperset", m_issuperset, 2, 2);
static NATIVE(n_isdisjoint, "isdisjoint", m_isdisjoint, 2, 2);

const MethodEntry set_methods[] = {
    {Q_add, &n_add},
    {Q_discard, &n_discard},
    {Q_remove, &n_remove},
    {Q_pop, &n_pop},
    {Q_clear, &n_clear},
    {Q_copy, &n_copy},
    {Q_update, &n_update},
    {Q_union, &n_union},
    {Q_intersection, &n_intersection},
    {Q_intersection_update, &n_intersection_update},
    {Q_difference, &n_difference},
    {Q_difference_update, &n_difference_update},
    {Q_symmetric_difference, &n_symmetric_difference},
    {Q_symmetric_difference_update, &n_symmetric_difference_update},
    {Q_issubset, &n_issubset},
    {Q_issuperset, &n_issuperset},
    {Q_isdisjoint, &n_isdisjoint},
};
const uint32_t n_set_methods = sizeof set_methods / sizeof set_methods[0];

const MethodEntry frozenset_methods[] = {
    {Q_copy, &n_copy},
    {Q_union, &n_union},
    {Q_intersection, &n_intersection},
    {Q_difference, &n_difference},
    {Q_symmetric_difference, &n_symmetric_difference},
    {Q_issubset, &n_issubset},
    {Q_issuperset, &n_issuperset},
    {Q_isdisjoint, &n_isdisjoint},
};
const uint32_t n_frozenset_methods = sizeof frozenset_methods / sizeof frozenset_methods[0];

static NATIVE(n_view_isdisjoint, "isdisjoint", m_view_isdisjoint, 2, 2);
const MethodEntry dictview_methods[] = { /* of keys and items views (attr.c) */
    {Q_isdisjoint, &n_view_isdisjoint},
};
const uint32_t n_dictview_methods = sizeof dictview_methods / sizeof dictview_methods[0];

/* ---- constructors ---------------------------------------------------------------------- */

static bool construct(VM *vm, Type type, Value *args, int nargs, Value *out)
{
    if (type == T_FROZENSET && nargs == 1 && args[0].type == T_FROZENSET) {
        *out = args[0]; /* immutable: frozenset(fs) is fs */
        return true;
    }
    Set *s = make(vm, type, nargs ? args[0] : v_unbound());
    if (!s)
        return false;
    *out = v_obj(s);
    return true;
}

static bool set_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)kw;
    return construct(vm, T_SET, args, nargs, out);
}

static bool frozenset_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)kw;
    return construct(vm, T_FROZENSET, args, nargs, out);
}

NATIVE(bi_set, "set", set_fn, 0, 1);
NATIVE(bi_frozenset, "frozenset", frozenset_fn, 0, 1);
const TypeObj type_set = {{0, T_TYPE, 0, 0}, "set", T_SET, -1, NULL, &bi_set};
const TypeObj type_frozenset = {{0, T_TYPE, 0, 0}, "frozenset", T_FROZENSET, -1, NULL, &bi_frozenset};

