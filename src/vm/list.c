/*
 * list.c - lists and tuples, the sequence operators, sorting.
 */
#include <string.h>

#include "vm/vm.h"
#include "vm/class.h"

/* ---- tuples -------------------------------------------------------------------- */

Tuple *tuple_new(VM *vm, uint32_t len)
{
    if (len > (1u << 26))
        return vm_raise_oom(vm), NULL;
    Tuple *t = gc_alloc(vm, T_TUPLE, sizeof(Tuple) + (size_t)len * sizeof(Value));
    if (!t)
        return NULL;
    t->len = len;
    for (uint32_t i = 0; i < len; i++)
        t->items[i] = v_none();
    return t;
}

/* ---- lists ------------------------------------------------------------------------ */

List *list_new(VM *vm, uint32_t cap)
{
    List *l = gc_alloc(vm, T_LIST, sizeof(List));
    if (!l || cap == 0)
        return l;
    VM_ROOT(vm, v_obj(l));
    Value *items = gc_alloc_raw(vm, (size_t)cap * sizeof(Value));
    VM_UNROOT(vm, 1);
    if (!items)
        return NULL;
    l->items = items;
    l->cap = cap;
    return l;
}

/* Makes room for `extra` more items; the list must be reachable (rooted). */
static bool list_reserve(VM *vm, List *l, uint32_t extra)
{
    uint64_t need = (uint64_t)l->len + extra;
    if (need <= l->cap)
        return true;
    if (need > (1u << 26))
        return vm_raise_oom(vm);
    uint64_t cap = l->cap < 4 ? 4 : (uint64_t)l->cap + l->cap / 2;
    if (cap < need)
        cap = need;
    Value *items = gc_alloc_raw(vm, (size_t)cap * sizeof(Value));
    if (!items)
        return false;
    if (l->len)
        memcpy(items, l->items, l->len * sizeof(Value));
    Value *old = l->items;
    l->items = items;
    l->cap = (uint32_t)cap;
    gc_free_raw(vm, old);
    return true;
}

bool list_append(VM *vm, List *l, Value v)
{
    if (l->len == l->cap) {
        VM_ROOT(vm, v_obj(l));
        VM_ROOT(vm, v);
        bool ok = list_reserve(vm, l, 1);
        VM_UNROOT(vm, 2);
        if (!ok)
            return false;
    }
    l->items[l->len++] = v;
    return true;
}

bool list_extend(VM *vm, List *l, Value iterable)
{
    VM_ROOT(vm, v_obj(l));
    VM_ROOT(vm, iterable);
    bool ok = false;
    if (iterable.type == T_LIST || iterable.type == T_TUPLE) {
        /* a snapshot of the length: l.extend(l) doubles once */
        uint32_t n = iterable.type == T_LIST ? AS(List, iterable)->len : AS(Tuple, iterable)->len;
        if (list_reserve(vm, l, n)) {
            Value *src = iterable.type == T_LIST ? AS(List, iterable)->items : AS(Tuple, iterable)->items;
            if (n)
                memmove(l->items + l->len, src, n * sizeof(Value));
            l->len += n;
            ok = true;
        }
    } else {
        Value it;
        if (vm_getiter(vm, iterable, &it)) {
            VM_ROOT(vm, it);
            for (;;) {
                Value v;
                int r = vm_iternext(vm, it, &v);
                if (r < 0)
                    break;
                if (r == 0) {
                    ok = true;
                    break;
                }
                if (!list_append(vm, l, v))
                    break;
            }
            VM_UNROOT(vm, 1);
        }
    }
    VM_UNROOT(vm, 2);
    return ok;
}

bool list_inplace_concat(VM *vm, List *l, Value other) { return list_extend(vm, l, other); }

bool list_inplace_repeat(VM *vm, List *l, int32_t n)
{
    if (n <= 0 || l->len == 0) {
        l->len = 0;
        return true;
    }
    uint64_t total = (uint64_t)l->len * (uint64_t)n;
    if (total > (1u << 26))
        return vm_raise_oom(vm);
    uint32_t len = l->len;
    VM_ROOT(vm, v_obj(l));
    bool ok = list_reserve(vm, l, (uint32_t)total - len);
    VM_UNROOT(vm, 1);
    if (!ok)
        return false;
    for (int32_t k = 1; k < n; k++)
        memcpy(l->items + (uint64_t)k * len, l->items, len * sizeof(Value));
    l->len = (uint32_t)total;
    return true;
}

/* Items and length of a list or tuple. */
static Value *items_of(Value v, uint32_t *len)
{
    if (v.type == T_LIST) {
        *len = AS(List, v)->len;
        return AS(List, v)->items;
    }
    *len = AS(Tuple, v)->len;
    return AS(Tuple, v)->items;
}

bool seq_concat(VM *vm, Value a, Value b, Value *out)
{
    if (a.type == T_ARRAY || a.type == T_BYTEARRAY) {
        Array *x = AS(Array, a), *y = AS(Array, b);
        if (x->hdr.aux != y->hdr.aux)
            return vm_raise(vm, EXC_TypeError, "bad argument type for built-in operation");
        uint32_t size = array_itemsize(x);
        Array *r = a.type == T_BYTEARRAY ? bytearray_new(vm, x->len + y->len)
                                         : array_new(vm, (char)x->hdr.aux, x->len + y->len);
        if (!r)
            return false;
        if (x->len)
            memcpy(r->data, x->data, (size_t)x->len * size);
        if (y->len)
            memcpy(r->data + (size_t)x->len * size, y->data, (size_t)y->len * size);
        *out = v_obj(r);
        return true;
    }
    uint32_t n, m;
    items_of(a, &n);
    items_of(b, &m);
    if ((uint64_t)n + m > (1u << 26))
        return vm_raise_oom(vm);
    if (a.type == T_TUPLE) {
        Tuple *t = tuple_new(vm, n + m);
        if (!t)
            return false;
        memcpy(t->items, AS(Tuple, a)->items, n * sizeof(Value));
        memcpy(t->items + n, AS(Tuple, b)->items, m * sizeof(Value));
        *out = v_obj(t);
        return true;
    }
    List *l = list_new(vm, n + m);
    if (!l)
        return false;
    if (n)
        memcpy(l->items, AS(List, a)->items, n * sizeof(Value));
    if (m)
        memcpy(l->items + n, AS(List, b)->items, m * sizeof(Value));
    l->len = n + m;
    *out = v_obj(l);
    return true;
}

bool seq_repeat(VM *vm, Value seq, int32_t n, Value *out)
{
    if (n < 0)
        n = 0;
    if (seq.type == T_ARRAY || seq.type == T_BYTEARRAY) {
        Array *x = AS(Array, seq);
        uint32_t size = array_itemsize(x);
        uint64_t total = (uint64_t)x->len * (uint64_t)n;
        if (total * size > (1u << 28))
            return vm_raise_oom(vm);
        Array *r = seq.type == T_BYTEARRAY ? bytearray_new(vm, (uint32_t)total)
                                           : array_new(vm, (char)x->hdr.aux, (uint32_t)total);
        if (!r)
            return false;
        for (int32_t k = 0; k < n && x->len; k++)
            memcpy(r->data + (size_t)k * x->len * size, x->data, (size_t)x->len * size);
        *out = v_obj(r);
        return true;
    }
    uint32_t len;
    items_of(seq, &len);
    uint64_t total = (uint64_t)len * (uint64_t)n;
    if (total > (1u << 26))
        return vm_raise_oom(vm);
    Value *dst;
    if (seq.type == T_TUPLE) {
        Tuple *t = tuple_new(vm, (uint32_t)total);
        if (!t)
            return false;
        dst = t->items;
        *out = v_obj(t);
    } else {
        List *l = list_new(vm, (uint32_t)total);
        if (!l)
            return false;
        l->len = (uint32_t)total;
        dst = l->items;
        *out = v_obj(l);
    }
    Value *src = items_of(seq, &len); /* re-read: the allocation may have collected */
    for (int32_t k = 0; k < n && len; k++)
        memcpy(dst + (uint64_t)k * len, src, len * sizeof(Value));
    return true;
}

/* ---- sorting: a stable merge sort on vm_less ------------------------------------- */

/* Sorts the n records of v (each `width` values: the sort key first, then
 * for key= sorts the item itself) using tmp as scratch of the same size.
 * Both must be rooted: a key function may run Python code and collect. */
static bool merge_sort(VM *vm, Value *v, Value *tmp, uint32_t n, uint32_t width, bool reverse)
{
    size_t w = width;
    for (uint32_t run = 1; run < n; run *= 2) {
        for (uint32_t lo = 0; lo < n; lo += 2 * run) {
            uint32_t mid = n - lo > run ? lo + run : n;
            uint32_t hi = n - mid > run ? mid + run : n;
            uint32_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) {
                bool take_right;
                /* stable: take from the right run only when its record is
                 * strictly before the left one (after it, for reverse) */
                if (!vm_less(vm, reverse ? v[i * w] : v[j * w], reverse ? v[j * w] : v[i * w], &take_right))
                    return false;
                uint32_t from = take_right ? j++ : i++;
                memcpy(&tmp[k++ * w], &v[from * w], w * sizeof(Value));
            }
            if (i < mid)
                memcpy(&tmp[k * w], &v[i * w], (mid - i) * w * sizeof(Value));
            else if (j < hi)
                memcpy(&tmp[k * w], &v[j * w], (hi - j) * w * sizeof(Value));
        }
        memcpy(v, tmp, (size_t)n * w * sizeof(Value));
    }
    return true;
}

/* Sorts l in place by its items, or by key(item) when key is not None. The
 * list is sorted in a copy, so a failing comparison (or key call) leaves it
 * as it was. */
static bool sort_list(VM *vm, List *l, bool reverse, Value key)
{
    uint32_t n = l->len;
    uint32_t width = key.type == T_NONE ? 1 : 2;
    if (n < 2 && width == 1)
        return true;
    if ((uint64_t)n * width > (1u << 26))
        return vm_raise_oom(vm);
    VM_ROOT(vm, v_obj(l));
    VM_ROOT(vm, key);
    List *work = list_new(vm, n * width);
    if (!work) {
        VM_UNROOT(vm, 2);
        return false;
    }
    VM_ROOT(vm, v_obj(work));
    bool ok = true;
    for (uint32_t i = 0; i < n && ok; i++) {
        /* the key function may shrink the list under us */
        Value item = i < l->len ? l->items[i] : v_none();
        if (width == 2) {
            work->items[work->len++] = v_none(); /* the key, filled below */
            work->items[work->len++] = item;
            ok = vm_call(vm, key, &work->items[work->len - 1], 1, NULL, &work->items[work->len - 2]);
        } else {
            work->items[work->len++] = item;
        }
    }
    List *scratch = ok ? list_new(vm, n * width) : NULL;
    ok = scratch != NULL;
    if (ok) {
        VM_ROOT(vm, v_obj(scratch));
        scratch->len = n * width; /* raw payloads start zeroed: T_UNBOUND values */
        ok = merge_sort(vm, work->items, scratch->items, n, width, reverse);
        VM_UNROOT(vm, 1);
    }
    if (ok && l->len != n)
        ok = vm_raise(vm, EXC_ValueError, "list modified during sort");
    if (ok)
        for (uint32_t i = 0; i < n; i++)
            l->items[i] = work->items[i * width + width - 1];
    VM_UNROOT(vm, 3);
    return ok;
}

/* Reads the keyword arguments of sort() and sorted(): key= and reverse=. */
static bool sort_kw(VM *vm, Value *args, int nargs, Tuple *kw, const char *fn, bool *reverse, Value *key)
{
    *reverse = false;
    *key = v_none();
    if (!kw)
        return true;
    for (uint32_t k = 0; k < kw->len; k++) {
        Str *name = AS(Str, kw->items[k]);
        Value v = args[nargs - (int)kw->len + (int)k];
        if (strcmp(name->data, "reverse") == 0)
            *reverse = vm_truthy(v);
        else if (strcmp(name->data, "key") == 0)
            *key = v;
        else
            return vm_raise(vm, EXC_TypeError, "'%s' is an invalid keyword argument for %s()", name->data, fn);
    }
    return true;
}

/* ---- list methods ------------------------------------------------------------------ */

static bool m_append(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    *out = v_none();
    return list_append(vm, AS(List, args[0]), args[1]);
}

static bool m_extend(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    *out = v_none();
    return list_extend(vm, AS(List, args[0]), args[1]);
}

static bool index_arg(VM *vm, Value v, int32_t *out)
{
    if (!class_index(vm, &v)) /* an instance with __index__ (l.pop(obj), l.insert(obj, x)) */
        return false;
    if (v.type == T_LONG) /* indexes are 32-bit here */
        return vm_raise(vm, EXC_OverflowError, "Python int too large to convert to C int");
    if (!v_is_intlike(v))
        return vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", type_name(v));
    *out = v.u.i;
    return true;
}

static bool m_pop(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    List *l = AS(List, args[0]);
    int32_t i = -1;
    if (nargs == 2 && !index_arg(vm, args[1], &i))
        return false;
    if (l->len == 0)
        return vm_raise(vm, EXC_IndexError, "pop from empty list");
    if (i < 0)
        i += (int32_t)l->len;
    if (i < 0 || (uint32_t)i >= l->len)
        return vm_raise(vm, EXC_IndexError, "pop index out of range");
    *out = l->items[i];
    memmove(l->items + i, l->items + i + 1, (l->len - (uint32_t)i - 1) * sizeof(Value));
    l->len--;
    return true;
}

static bool m_insert(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    List *l = AS(List, args[0]);
    int32_t i = 0;
    if (!index_arg(vm, args[1], &i))
        return false;
    if (!list_append(vm, l, args[2])) /* grows by one */
        return false;
    int32_t n = (int32_t)l->len - 1;
    if (i < 0)
        i = i + n < 0 ? 0 : i + n;
    if (i > n)
        i = n;
    memmove(l->items + i + 1, l->items + i, (size_t)(n - i) * sizeof(Value));
    l->items[i] = args[2];
    *out = v_none();
    return true;
}

/* The position of x in items[start..stop), or -1. */
static bool find_item(VM *vm, Value seq, Value x, int32_t start, int32_t stop, int32_t *at)
{
    *at = -1;
    for (int32_t i = start; i < stop; i++) {
        uint32_t len;
        Value *items = items_of(seq, &len);
        if ((uint32_t)i >= len)
            break;
        bool eq;
        if (!vm_equal(vm, items[i], x, &eq))
            return false;
        if (eq) {
            *at = i;
            return true;
        }
    }
    return true;
}

/* The optional start and stop arguments of index(), clamped like slice
 * bounds. */
static bool clamp_range(VM *vm, Value *args, int nargs, uint32_t len, int32_t *start, int32_t *stop)
{
    *start = 0;
    *stop = (int32_t)len;
    for (int k = 0; k < 2 && 2 + k < nargs; k++) {
        Value v = args[2 + k];
        if (!v_is_intlike(v))
            return vm_raise(vm, EXC_TypeError, "slice indices must be integers or have an __index__ method");
        int64_t x = v.u.i;
        if (x < 0)
            x = x + len < 0 ? 0 : x + len;
        if (x > (int64_t)len)
            x = len;
        if (k == 0)
            *start = (int32_t)x;
        else
            *stop = (int32_t)x;
    }
    return true;
}

static bool seq_index(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    uint32_t len;
    items_of(args[0], &len);
    int32_t start, stop, at;
    if (!clamp_range(vm, args, nargs, len, &start, &stop))
        return false;
    if (!find_item(vm, args[0], args[1], start, stop, &at))
        return false;
    if (at < 0) {
        if (args[0].type == T_TUPLE)
            return vm_raise(vm, EXC_ValueError, "tuple.index(x): x not in tuple");
        Str *r = vm_repr(vm, args[1]);
        if (!r)
            return false;
        return vm_raise(vm, EXC_ValueError, "%s is not in list", r->data);
    }
    *out = v_int(at);
    return true;
}

static bool seq_count(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    uint32_t len;
    items_of(args[0], &len);
    int32_t n = 0;
    for (uint32_t i = 0;; i++) {
        Value *items = items_of(args[0], &len);
        if (i >= len)
            break;
        bool eq;
        if (!vm_equal(vm, items[i], args[1], &eq))
            return false;
        n += eq;
    }
    *out = v_int(n);
    return true;
}

static bool m_reverse(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    List *l = AS(List, args[0]);
    for (uint32_t i = 0, j = l->len; i + 1 < j; i++, j--) {
        Value t = l->items[i];
        l->items[i] = l->items[j - 1];
        l->items[j - 1] = t;
    }
    *out = v_none();
    return true;
}

static bool m_sort(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    bool reverse;
    Value key;
    if (nargs - (kw ? (int)kw->len : 0) > 1)
        return vm_raise(vm, EXC_TypeError, "sort() takes no positional arguments");
    if (!sort_kw(vm, args, nargs, kw, "sort", &reverse, &key))
        return false;
    *out = v_none();
    return sort_list(vm, AS(List, args[0]), reverse, key);
}

static bool m_remove(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    List *l = AS(List, args[0]);
    int32_t at;
    if (!find_item(vm, args[0], args[1], 0, (int32_t)l->len, &at))
        return false;
    if (at < 0)
        return vm_raise(vm, EXC_ValueError, "list.remove(x): x not in list");
    memmove(l->items + at, l->items + at + 1, (l->len - (uint32_t)at - 1) * sizeof(Value));
    l->len--;
    *out = v_none();
    return true;
}

static bool m_clear(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    AS(List, args[0])->len = 0;
    *out = v_none();
    return true;
}

static bool m_copy(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    List *src = AS(List, args[0]);
    List *l = list_new(vm, src->len);
    if (!l)
        return false;
    src = AS(List, args[0]);
    if (src->len)
        memcpy(l->items, src->items, src->len * sizeof(Value));
    l->len = src->len;
    *out = v_obj(l);
    return true;
}

static NATIVE(list_append_m, "append", m_append, 2, 2);
static NATIVE(list_pop_m, "pop", m_pop, 1, 2);
static NATIVE(list_insert_m, "insert", m_insert, 3, 3);
static NATIVE(list_extend_m, "extend", m_extend, 2, 2);
static NATIVE(seq_index_m, "index", seq_index, 2, 4);
static NATIVE(seq_count_m, "count", seq_count, 2, 2);
static NATIVE(list_reverse_m, "reverse", m_reverse, 1, 1);
static NATIVE_WITH_KW(list_sort_m, "sort", m_sort, 1, -1); /* positional ones rejected inside */
static NATIVE(list_remove_m, "remove", m_remove, 2, 2);
static NATIVE(list_clear_m, "clear", m_clear, 1, 1);
static NATIVE(list_copy_m, "copy", m_copy, 1, 1);

const MethodEntry list_methods[] = {
    {Q_append, &list_append_m}, {Q_pop, &list_pop_m},         {Q_insert, &list_insert_m},
    {Q_extend, &list_extend_m}, {Q_index, &seq_index_m},      {Q_count, &seq_count_m},
    {Q_reverse, &list_reverse_m}, {Q_sort, &list_sort_m},     {Q_remove, &list_remove_m},
    {Q_clear, &list_clear_m},   {Q_copy, &list_copy_m},
};
const uint32_t n_list_methods = sizeof list_methods / sizeof list_methods[0];

const MethodEntry tuple_methods[] = {{Q_index, &seq_index_m}, {Q_count, &seq_count_m}};
const uint32_t n_tuple_methods = 2;

/* ---- built-ins: list(), tuple(), sorted() ------------------------------------------- */

static bool list_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    List *l = list_new(vm, 0);
    if (!l)
        return false;
    *out = v_obj(l);
    return nargs == 0 || list_extend(vm, l, args[0]);
}
NATIVE(bi_list, "list", list_fn, 0, 1);

static bool tuple_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (nargs == 1 && args[0].type == T_TUPLE) {
        *out = args[0];
        return true;
    }
    List *l = list_new(vm, 0);
    if (!l)
        return false;
    VM_ROOT(vm, v_obj(l));
    bool ok = nargs == 0 || list_extend(vm, l, args[0]);
    Tuple *t = ok ? tuple_new(vm, l->len) : NULL;
    VM_UNROOT(vm, 1);
    if (!t)
        return false;
    if (l->len)
        memcpy(t->items, l->items, l->len * sizeof(Value));
    *out = v_obj(t);
    return true;
}
NATIVE(bi_tuple, "tuple", tuple_fn, 0, 1);

static bool sorted_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    bool reverse;
    Value key;
    if (nargs - (kw ? (int)kw->len : 0) != 1)
        return vm_raise(vm, EXC_TypeError, "sorted expected 1 argument, got %d", nargs - (kw ? (int)kw->len : 0));
    if (!sort_kw(vm, args, nargs, kw, "sort", &reverse, &key))
        return false;
    List *l = list_new(vm, 0);
    if (!l)
        return false;
    VM_ROOT(vm, v_obj(l));
    bool ok = list_extend(vm, l, args[0]) && sort_list(vm, l, reverse, key);
    VM_UNROOT(vm, 1);
    *out = v_obj(l);
    return ok;
}
NATIVE_WITH_KW(bi_sorted, "sorted", sorted_fn, 0, -1); /* counted inside, with CPython's message */
