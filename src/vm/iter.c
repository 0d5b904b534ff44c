/*
 * iter.c - ranges, slices, iterators, and the iterating built-ins
 * (range, enumerate, zip, reversed).
 */
#include <string.h>

#include "vm/vm.h"
#include "vm/class.h"
#include "vm/long.h"
#include "vm/set.h"
#include "vm/gen.h"
#include "vm/libobj.h"
#include "vm/memview.h"

Range *range_new(VM *vm, int32_t start, int32_t stop, int32_t step)
{
    Range *r = gc_alloc(vm, T_RANGE, sizeof(Range));
    if (!r)
        return NULL;
    r->start = start;
    r->stop = stop;
    r->step = step;
    return r;
}

Slice *slice_new(VM *vm, Value start, Value stop, Value step)
{
    Slice *s = gc_alloc(vm, T_SLICE, sizeof(Slice));
    if (!s)
        return NULL;
    s->start = start;
    s->stop = stop;
    s->step = step;
    return s;
}

Iter *iter_new(VM *vm, enum IterKind kind, Value src)
{
    VM_ROOT(vm, src);
    Iter *it = gc_alloc(vm, T_ITER, sizeof(Iter));
    VM_UNROOT(vm, 1);
    if (!it)
        return NULL;
    it->hdr.aux = (uint16_t)kind;
    it->src = src;
    return it;
}

BoundMethod *boundmethod_new(VM *vm, const Native *m, Value self)
{
    VM_ROOT(vm, self);
    BoundMethod *b = gc_alloc(vm, T_BOUNDMETHOD, sizeof(BoundMethod));
    VM_UNROOT(vm, 1);
    if (!b)
        return NULL;
    b->method = m;
    b->self = self;
    return b;
}

/* Number of values in a range, computed without overflow. */
int64_t range_len(const Range *r)
{
    int64_t lo = r->start, hi = r->stop, step = r->step;
    if (step > 0 && lo < hi)
        return (hi - lo + step - 1) / step;
    if (step < 0 && lo > hi)
        return (lo - hi - step - 1) / -step;
    return 0;
}

int64_t range_index_of(const Range *r, int64_t v)
{
    bool inside = r->step > 0 ? v >= r->start && v < r->stop : v <= r->start && v > r->stop;
    return inside && (v - r->start) % r->step == 0 ? (v - r->start) / r->step : -1;
}

/* Python's slice.indices: start, stop and step normalised for len, and the
 * number of selected items. */
/* One of a slice's ints: an instance's __index__, and an int beyond 32 bits
 * clamped to +-(2**31-1), as CPython clamps to Py_ssize_t's range (a 32-bit
 * one here). The bounds are clamped to the length next; a step stays in
 * range for the int64 arithmetic of slice_indices. */
static bool slice_int(VM *vm, Value v, int64_t *out)
{
    if (!class_index(vm, &v))
        return false;
    if (v.type == T_LONG) {
        *out = long_is_neg(v) ? -INT32_MAX : INT32_MAX;
        return true;
    }
    if (!v_is_intlike(v))
        return vm_raise(vm, EXC_TypeError, "slice indices must be integers or None or have an __index__ method");
    *out = v.u.i;
    return true;
}

bool slice_indices(VM *vm, const Slice *s, int32_t len, int32_t *start, int32_t *stop, int32_t *step,
                   int32_t *count)
{
    int64_t st = 1, lo, hi;
    if (s->step.type != T_NONE) {
        if (!slice_int(vm, s->step, &st))
            return false;
        if (st == 0)
            return vm_raise(vm, EXC_ValueError, "slice step cannot be zero");
    }
    Value bounds[2] = {s->start, s->stop};
    int64_t out[2];
    for (int k = 0; k < 2; k++) {
        Value b = bounds[k];
        if (b.type == T_NONE) {
            if (k == 0)
                out[k] = st > 0 ? 0 : len - 1;
            else
                out[k] = st > 0 ? len : -1;
            continue;
        }
        int64_t x;
        if (!slice_int(vm, b, &x))
            return false;
        if (x < 0) {
            x += len;
            if (x < 0)
                x = st > 0 ? 0 : -1;
        } else if (x >= len) {
            x = st > 0 ? len : len - 1;
        }
        out[k] = x;
    }
    lo = out[0];
    hi = out[1];
    int64_t n = 0;
    if (st > 0 && lo < hi)
        n = (hi - lo + st - 1) / st;
    else if (st < 0 && lo > hi)
        n = (lo - hi - st - 1) / -st;
    *start = (int32_t)lo;
    *stop = (int32_t)hi;
    *step = (int32_t)st;
    *count = (int32_t)n;
    return true;
}

/* ---- iteration -------------------------------------------------------------------- */

bool vm_getiter(VM *vm, Value obj, Value *out)
{
    Iter *it;
    switch ((Type)obj.type) {
    case T_RANGE: {
        Range *r = AS(Range, obj);
        it = iter_new(vm, ITER_RANGE, obj);
        if (!it)
            return false;
        it->i = r->start;
        it->a = r->stop;
        it->b = r->step;
        break;
    }
    case T_LIST:
    case T_TUPLE:
    case T_STR:
    case T_BYTES:
    case T_BYTEARRAY:
    case T_ARRAY:
    case T_MEMVIEW:
        it = iter_new(vm, ITER_SEQ, obj);
        if (!it)
            return false;
        break;
    case T_DICT:
    case T_DICTVIEW:
        it = iter_new(vm, ITER_DICT, obj.type == T_DICT ? obj : v_obj(AS(DictView, obj)->dict));
        if (!it)
            return false;
        it->aux2 = obj.type == T_DICT ? VIEW_KEYS : AS(DictView, obj)->hdr.aux;
        break;
    case T_SET:
    case T_FROZENSET:
        it = iter_new(vm, ITER_SET, obj);
        if (!it)
            return false;
        it->a = (int32_t)AS(Set, obj)->used;
        break;
    case T_ITER:
    case T_GEN:
        *out = obj;
        return true;
    default:
        if (obj.type == T_INSTANCE || (obj.type == T_TYPE && user_class_of(obj))) /* a user class's (metaclass's) special method */
            return class_getiter(vm, obj, out);
        if (obj.type == T_LIBOBJ && obj.u.obj->aux == LIB_STRINGIO) /* lines of a StringIO or text file */
            return stringio_iter(vm, obj, out);
        return vm_raise(vm, EXC_TypeError, "'%s' object is not iterable", type_name(obj));
    }
    *out = v_obj(it);
    return true;
}

/* The next UTF-8 character of s at byte *i, as a new one-character str. */
static bool next_char(VM *vm, Str *s, int32_t *i, Value *out)
{
    uint32_t at = (uint32_t)*i, n = 1;
    uint8_t c = (uint8_t)s->data[at];
    if (c >= 0xf0)
        n = 4;
    else if (c >= 0xe0)
        n = 3;
    else if (c >= 0xc0)
        n = 2;
    if (at + n > s->len)
        n = s->len - at;
    Str *ch = str_new(vm, s->data + at, n);
    if (!ch)
        return false;
    *i += (int32_t)n;
    *out = v_obj(ch);
    return true;
}
/* zip(strict=True) after argument `ended` (0-based) ran out: an error unless
 * it is the first and all the others run out too (CPython's messages). */
static int zip_strict_end(VM *vm, Tuple *its, uint32_t ended)
{
    if (ended > 0) {
        vm_raise(vm, EXC_ValueError, "zip() argument %u is shorter than argument%s%u", (unsigned)ended + 1,
                 ended == 1 ? " " : "s 1-", (unsigned)ended);
        return -1;
    }
    for (uint32_t k = 1; k < its->len; k++) {
        Value extra;
        int r = vm_iternext_raw(vm, its->items[k], &extra);
        if (r == 1)
            vm_raise(vm, EXC_ValueError, "zip() argument %u is longer than argument%s%u", (unsigned)k + 1,
                     k == 1 ? " " : "s 1-", (unsigned)k);
        if (r != 0)
            return -1;
    }
    return 0;
}


static int iternext(VM *vm, Value iter, Value *out)
{
    if (iter.type == T_GEN)
        return gen_next(vm, AS(Gen, iter), out);
    if (iter.type != T_ITER) {
        if (iter.type == T_INSTANCE)
            return class_iternext(vm, iter, out); /* __next__ */
        vm_raise(vm, EXC_TypeError, "'%s' object is not an iterator", type_name(iter));
        return -1;
    }
    Iter *it = AS(Iter, iter);
    switch (it->hdr.aux) {
    case ITER_RANGE: {
        if (it->b > 0 ? it->i >= it->a : it->i <= it->a)
            return 0;
        *out = v_int(it->i);
        int64_t next = (int64_t)it->i + it->b;
        it->i = (next > INT32_MAX || next < INT32_MIN) ? it->a : (int32_t)next;
        return 1;
    }
    case ITER_SEQ: {
        Value s = it->src;
        if (it->i < 0)
            return 0;
        switch ((Type)s.type) {
        case T_LIST:
            if ((uint32_t)it->i >= AS(List, s)->len)
                break;
            *out = AS(List, s)->items[it->i++];
            return 1;
        case T_TUPLE:
            if ((uint32_t)it->i >= AS(Tuple, s)->len)
                break;
            *out = AS(Tuple, s)->items[it->i++];
            return 1;
        case T_STR:
            if ((uint32_t)it->i >= AS(Str, s)->len)
                break;
            return next_char(vm, AS(Str, s), &it->i, out) ? 1 : -1;
        case T_BYTES:
            if ((uint32_t)it->i >= AS(Str, s)->len)
                break;
            *out = v_int((uint8_t)AS(Str, s)->data[it->i++]);
            return 1;
        case T_MEMVIEW:
            if ((uint32_t)it->i >= memview_len(s))
                break;
            if (!memview_item(vm, s, (uint32_t)it->i, out))
                return -1;
            it->i++;
            return 1;
        case T_INSTANCE: { /* a class with __getitem__ and no __iter__ */
            if (vm_getitem(vm, s, v_int(it->i), out)) {
                it->i++;
                return 1;
            }
            if (!(vm->exc.type == T_EXCEPTION && (exc_matches(AS(Exception, vm->exc), &exc_types[EXC_IndexError]) ||
                                                  exc_matches(AS(Exception, vm->exc), &exc_types[EXC_StopIteration]))))
                return -1; /* StopIteration ends it too, its value ignored, as in CPython */
            vm->exc = v_unbound();
            break;
        }
        default: /* arrays and bytearrays */
            if ((uint32_t)it->i >= AS(Array, s)->len)
                break;
            if (!array_get(vm, AS(Array, s), (uint32_t)it->i, out))
                return -1;
            it->i++;
            return 1;
        }
        it->i = -1; /* exhausted for good */
        return 0;
    }
    case ITER_DICT: {
        Dict *d = AS(Dict, it->src);
        if (it->a == 0)
            it->a = (int32_t)d->len + 1; /* remember the size: changing it while iterating is an error */
        if ((uint32_t)it->a != d->len + 1) {
            vm_raise(vm, EXC_RuntimeError, "dictionary changed size during iteration");
            return -1;
        }
        int32_t at;
        if (it->aux2 & ITER_DICT_REVERSED) { /* reversed(d): i counts down from used - 1 */
            while (it->i >= 0 && (uint32_t)it->i < d->used && d->entries[it->i].key.type == T_UNBOUND)
                it->i--;
            if (it->i < 0 || (uint32_t)it->i >= d->used)
                return 0;
            at = it->i--;
        } else {
            while ((uint32_t)it->i < d->used && d->entries[it->i].key.type == T_UNBOUND)
                it->i++;
            if ((uint32_t)it->i >= d->used)
                return 0;
            at = it->i++;
        }
        DictEntry *e = &d->entries[at];
        uint32_t kind = it->aux2 & ~(uint32_t)ITER_DICT_REVERSED;
        if (kind == VIEW_KEYS) {
            *out = e->key;
        } else if (kind == VIEW_VALUES) {
            *out = e->value;
        } else {
            Tuple *t = tuple_new(vm, 2);
            if (!t)
                return -1;
            e = &d->entries[at];
            t->items[0] = e->key;
            t->items[1] = e->value;
            *out = v_obj(t);
        }
        return 1;
    }
    case ITER_REVERSED: {
        Value s = it->src;
        if (it->i < 0)
            return 0;
        int32_t len;
        if (!vm_len(vm, s, &len))
            return -1;
        if (it->i >= len) {
            it->i = -1;
            return 0;
        }
        int r = vm_getitem(vm, s, v_int(it->i), out) ? 1 : -1;
        it->i--;
        /* a class's __getitem__ ends the sequence with IndexError or
         * StopIteration (CPython's reversed does too) */
        if (r < 0 && vm->exc.type == T_EXCEPTION &&
            (exc_matches(AS(Exception, vm->exc), &exc_types[EXC_IndexError]) ||
             exc_matches(AS(Exception, vm->exc), &exc_types[EXC_StopIteration]))) {
            vm->exc = v_unbound();
            it->i = -1;
            return 0;
        }
        return r;
    }
    case ITER_ENUMERATE: {
        if (it->aux2) { /* the count passed 2**31-1 */
            vm_raise(vm, EXC_OverflowError, "integer overflow");
            return -1;
        }
        Value v;
        if (!vm_recursion_enter(vm, NULL)) /* iterators of iterators: a chain as long as the heap allows */
            return -1;
        int r = vm_iternext_raw(vm, it->src, &v);
        vm_recursion_leave(vm);
        if (r <= 0)
            return r;
        VM_ROOT(vm, v);
        Tuple *t = tuple_new(vm, 2);
        VM_UNROOT(vm, 1);
        if (!t)
            return -1;
        t->items[0] = v_int(it->i);
        t->items[1] = v;
        if (it->i == INT32_MAX)
            it->aux2 = 1;
        else
            it->i++;
        *out = v_obj(t);
        return 1;
    }
    case ITER_ZIP: {
        Tuple *its = AS(Tuple, it->src);
        Tuple *t = tuple_new(vm, its->len);
        if (!t)
            return -1;
        if (!vm_recursion_enter(vm, NULL)) /* also keeps the roots below VM_MAX_ROOTS */
            return -1;
        VM_ROOT(vm, v_obj(t));
        int r = 1;
        uint32_t k = 0;
        for (; k < its->len && r == 1; k++)
            r = vm_iternext_raw(vm, its->items[k], &t->items[k]);
        if (r == 0 && it->aux2) /* zip(strict=True): every argument must end together */
            r = zip_strict_end(vm, its, k - 1);
        VM_UNROOT(vm, 1);
        vm_recursion_leave(vm);
        if (r == 1)
            *out = v_obj(t);
        return its->len == 0 ? 0 : r;
    }
    case ITER_SET:
        return set_iter_next(vm, it, out);
    default:
        return lib_iternext(vm, it, out); /* map, filter, iter(f, sentinel): vm/iterfuncs.c */
    }
}

/* ---- built-ins ------------------------------------------------------------------------- */

static bool int_arg(VM *vm, Value v, int32_t *out)
{
    if (!class_index(vm, &v)) /* range(obj) of an object with __index__ */
        return false;
    if (v.type == T_LONG) /* ranges and counts are 32-bit here */
        return vm_raise(vm, EXC_OverflowError, "Python int too large to convert to C int");
    if (!v_is_intlike(v))
        return vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", type_name(v));
    *out = v.u.i;
    return true;
}

static bool range_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    int32_t a[3] = {0, 0, 1};
    for (int i = 0; i < nargs; i++)
        if (!int_arg(vm, args[i], &a[i]))
            return false;
    int32_t start = nargs == 1 ? 0 : a[0], stop = nargs == 1 ? a[0] : a[1], step = nargs == 3 ? a[2] : 1;
    if (step == 0)
        return vm_raise(vm, EXC_ValueError, "range() arg 3 must not be zero");
    Range *r = range_new(vm, start, stop, step);
    if (!r)
        return false;
    *out = v_obj(r);
    return true;
}
NATIVE(bi_range, "range", range_fn, 1, 3);

/* range's index() and count(). An int or a bool is found by arithmetic, any
 * other value by comparing it with each element, as CPython does
 * (range(5).index(2.0) is 2); their errors differ in the same way. */
static bool range_search(VM *vm, Value self, Value x, bool count, int64_t *out)
{
    if (v_is_intlike(x) || x.type == T_LONG) {
        const Range *r = AS(Range, self);
        int64_t at = x.type == T_LONG ? -1 : range_index_of(r, x.u.i); /* a long is outside every (32-bit) range */
        *out = count ? at >= 0 : at;
        if (count || at >= 0)
            return true;
        Str *s = vm_repr(vm, x);
        return s && vm_raise(vm, EXC_ValueError, "%.*s is not in range", (int)s->len, s->data);
    }
    int64_t n = range_len(AS(Range, self)), found = 0;
    for (int64_t i = 0; i < n; i++) {
        const Range *r = AS(Range, self); /* __eq__ may collect */
        bool eq;
        if (!vm_equal(vm, v_int((int32_t)(r->start + i * r->step)), x, &eq))
            return false;
        if (eq && !count) {
            *out = i;
            return true;
        }
        found += eq;
    }
    *out = found;
    return count || vm_raise(vm, EXC_ValueError, "sequence.index(x): x not in sequence");
}

static bool range_index_m(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (nargs != 2)
        return vm_raise(vm, EXC_TypeError, "range.index() takes exactly one argument (%d given)", nargs - 1);
    int64_t at;
    if (!range_search(vm, args[0], args[1], false, &at))
        return false;
    *out = v_int((int32_t)at);
    return true;
}

static bool range_count_m(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (nargs != 2)
        return vm_raise(vm, EXC_TypeError, "range.count() takes exactly one argument (%d given)", nargs - 1);
    int64_t n;
    if (!range_search(vm, args[0], args[1], true, &n))
        return false;
    *out = v_int((int32_t)n);
    return true;
}

static NATIVE(range_index_native, "index", range_index_m, 1, 4); /* its own arity message */
static NATIVE(range_count_native, "count", range_count_m, 1, 4);
const MethodEntry range_methods[] = {{Q_index, &range_index_native}, {Q_count, &range_count_native}};
const uint32_t n_range_methods = 2;

static bool enumerate_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    /* enumerate(iterable, start=0), either one by keyword */
    Value params[2] = {v_unbound(), v_unbound()};
    uint32_t nkw = kw ? kw->len : 0, npos = (uint32_t)nargs - nkw;
    if (npos > 2)
        return vm_raise(vm, EXC_TypeError, "enumerate() takes at most 2 arguments (%d given)", nargs);
    for (uint32_t i = 0; i < npos; i++)
        params[i] = args[i];
    for (uint32_t i = 0; i < nkw; i++) {
        const char *name = AS(Str, kw->items[i])->data;
        int k = strcmp(name, "iterable") == 0 ? 0 : strcmp(name, "start") == 0 ? 1 : -1;
        if (k < 0)
            return vm_raise(vm, EXC_TypeError, "'%s' is an invalid keyword argument for enumerate()", name);
        if (params[k].type != T_UNBOUND) /* CPython 3.11's wording for a name given twice */
            return vm_raise(vm, EXC_TypeError, "'%s' is an invalid keyword argument for enumerate()", name);
        params[k] = args[npos + i];
    }
    if (params[0].type == T_UNBOUND && nkw) /* enumerate(start=1): CPython 3.11 names the keyword */
        return vm_raise(vm, EXC_TypeError, "'%s' is an invalid keyword argument for enumerate()",
                        AS(Str, kw->items[0])->data);
    if (params[0].type == T_UNBOUND)
        return vm_raise(vm, EXC_TypeError, "enumerate() missing required argument 'iterable'");
    int32_t start = 0;
    if (params[1].type != T_UNBOUND && !int_arg(vm, params[1], &start))
        return false;
    Value inner;
    if (!vm_getiter(vm, params[0], &inner))
        return false;
    Iter *it = iter_new(vm, ITER_ENUMERATE, inner);
    if (!it)
        return false;
    it->i = start;
    *out = v_obj(it);
    return true;
}
NATIVE_WITH_KW(bi_enumerate, "enumerate", enumerate_fn, 0, 2);

static bool zip_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    bool strict = false;
    for (uint32_t i = 0; kw && i < kw->len; i++) {
        const char *name = AS(Str, kw->items[i])->data;
        if (strcmp(name, "strict") != 0)
            return vm_raise(vm, EXC_TypeError, "'%s' is an invalid keyword argument for zip()", name);
        strict = vm_truthy(args[nargs - (int)kw->len + (int)i]);
    }
    nargs -= kw ? (int)kw->len : 0;
    Tuple *its = tuple_new(vm, (uint32_t)nargs);
    if (!its)
        return false;
    VM_ROOT(vm, v_obj(its));
    for (int i = 0; i < nargs; i++) {
        if (!vm_getiter(vm, args[i], &its->items[i])) {
            VM_UNROOT(vm, 1);
            return false;
        }
    }
    Iter *it = iter_new(vm, ITER_ZIP, v_obj(its));
    VM_UNROOT(vm, 1);
    if (!it)
        return false;
    it->aux2 = strict;
    *out = v_obj(it);
    return true;
}
NATIVE_WITH_KW(bi_zip, "zip", zip_fn, 0, -1);

static bool reversed_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Value s = args[0];
    if (s.type == T_DICT || s.type == T_DICTVIEW) {
        Iter *it;
        if (!vm_getiter(vm, s, out))
            return false;
        it = AS(Iter, *out);
        it->aux2 |= ITER_DICT_REVERSED;
        it->i = (int32_t)AS(Dict, it->src)->used - 1;
        return true;
    }
    switch ((Type)s.type) {
    case T_LIST: case T_TUPLE: case T_STR: case T_BYTES: case T_BYTEARRAY: case T_ARRAY: case T_RANGE:
        break;
    case T_INSTANCE: { /* __reversed__, a built-in base, or __len__ and __getitem__ (class.c) */
        int r = class_reversed(vm, s, out);
        if (r >= 0)
            return r == 1;
        break;
    }
    case T_TYPE: { /* a class whose metaclass has __reversed__ (enum's EnumType) */
        bool found;
        if (!class_call_special(vm, s, SN___reversed__, NULL, 0, out, &found) || found)
            return found;
        return vm_raise(vm, EXC_TypeError, "'%s' object is not reversible", type_name(s));
    }
    default:
        return vm_raise(vm, EXC_TypeError, "'%s' object is not reversible", type_name(s));
    }
    int32_t len;
    if (!vm_len(vm, s, &len))
        return false;
    Iter *it = iter_new(vm, ITER_REVERSED, s);
    if (!it)
        return false;
    it->i = len - 1;
    *out = v_obj(it);
    return true;
}
NATIVE(bi_reversed, "reversed", reversed_fn, 1, 1);

/* slice.indices(length): (start, stop, step) normalised for a sequence of
 * that length. */
static bool slice_indices_m(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    (void)nargs, (void)kw;
    if (!v_is_intlike(args[1]))
        return vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[1]));
    if (args[1].u.i < 0)
        return vm_raise(vm, EXC_ValueError, "length should not be negative");
    int32_t start, stop, step, count;
    if (!slice_indices(vm, AS(Slice, args[0]), args[1].u.i, &start, &stop, &step, &count))
        return false;
    Tuple *t = tuple_new(vm, 3);
    if (!t)
        return false;
    t->items[0] = v_int(start);
    t->items[1] = v_int(stop);
    t->items[2] = v_int(step);
    *out = v_obj(t);
    return true;
}
const Native slice_indices_method = {{0, T_NATIVE, 0, 0}, "indices", slice_indices_m, 2, 2};

/* A StopIteration raised by what an iterator calls (a class's __next__,
 * map's or filter's function) ends the iteration, as in CPython; its value
 * is what `yield from` gives. Generators turned theirs into RuntimeError
 * already (PEP 479). */
int vm_iternext_stop(VM *vm, Value iter, Value *out, Value *stop)
{
    *stop = v_none();
    int rc = iternext(vm, iter, out);
    if (rc < 0 && vm->exc.type == T_EXCEPTION && exc_matches(AS(Exception, vm->exc), &exc_types[EXC_StopIteration])) {
        Tuple *a = AS(Exception, vm->exc)->args;
        *stop = a->len ? a->items[0] : v_none();
        vm->exc = v_unbound();
        return 0;
    }
    return rc;
}

int vm_iternext_raw(VM *vm, Value iter, Value *out)
{
    return iternext(vm, iter, out);
}

int vm_iternext(VM *vm, Value iter, Value *out)
{
    Value stop;
    return vm_iternext_stop(vm, iter, out, &stop);
}
