/*
 * itertools.c - the `itertools` module in C: CPython 3.11's iterator building
 * blocks, each a class whose call makes the iterator (lib/std/itertools.py's
 * generators cost 1,400-15,000 instructions an item: bench/RESULTS.md).
 *
 * Every object is a T_ITER of kind ITER_ITERTOOL (vm_iternext reaches
 * itertools_next through lib_iternext); aux2 says which function made it.
 * Its state is a tuple in src (so the collector traces it with no new code)
 * that only this file sees and changes in place, plus the Iter's three ints.
 * STATE below lists each kind's layout. "Unbound" marks CPython's NULL
 * (no value yet, or the input ended).
 */
#include <string.h>

#include "vm/vm.h"
#include "vm/libobj.h"
#include "vm/class.h"
#include "vm/long.h"
#include "vm/itertools.h"

/* STATE: src tuple items | ints (i, a, b) */
enum ItKind {
    IT_COUNT,       /* n, step | - */
    IT_CYCLE,       /* iterator (None once it ended), saved list | i = replay index */
    IT_REPEAT,      /* object | i = items left, a = 1 forever */
    IT_ACCUMULATE,  /* iterator, func or None, total (Unbound before the first) | - */
    IT_CHAIN,       /* iterator over the iterables, current iterator (Unbound between) | - */
    IT_COMPRESS,    /* data, selectors | - */
    IT_DROPWHILE,   /* predicate, iterator | i = 1 once dropping ended */
    IT_TAKEWHILE,   /* predicate, iterator | i = 1 once stopped */
    IT_FILTERFALSE, /* predicate or None, iterator | - */
    IT_GROUPBY,     /* iterator, key func, tgtkey, currkey, currvalue, current grouper | - */
    IT_GROUPER,     /* the groupby object, its key | - */
    IT_ISLICE,      /* iterator (None once done), stop (None or int) | i = taken, a = next wanted, b = step */
    IT_PAIRWISE,    /* iterator (None once done), previous (Unbound before the first) | - */
    IT_STARMAP,     /* function, iterator | - */
    IT_TEE,         /* the current block (TEE_* layout) | i = index in it */
    IT_ZIP_LONGEST, /* fillvalue, list of iterators (None once ended) | i = still active */
    IT_PRODUCT,     /* tuple of pools, indices (tuple of ints) | a = 0 first, 1 running, 2 done */
    IT_PERMUTATIONS,/* pool, indices, cycles | i = r, a as product's */
    IT_COMBINATIONS,/* pool, indices | i = r, a as product's */
    IT_COMB_WR,     /* pool, indices | i = r, a as product's */
    IT__COUNT
};

/* A tee's buffer: blocks of TEE_LINK items shared by every copy, each
 * holding the next block and the source iterator (as CPython's teedataobject:
 * a block no copy points to any more is garbage). */
#define TEE_LINK 32
#define TEE_NEXT TEE_LINK         /* the next block, None until made */
#define TEE_FILLED (TEE_LINK + 1) /* items filled (int) */
#define TEE_SOURCE (TEE_LINK + 2) /* the iterator */
#define TEE_SIZE (TEE_LINK + 3)

enum { RUN_FIRST, RUN_ON, RUN_DONE };

static Iter *new_itertool(VM *vm, enum ItKind kind, Tuple *state)
{
    Iter *it = iter_new(vm, ITER_ITERTOOL, v_obj(state));
    if (!it)
        return NULL;
    it->aux2 = kind;
    it->i = it->a = it->b = 0;
    return it;
}

/* A tuple of n items, the first ones given (the rest None), wrapped in an
 * iterator of `kind`. The items must be reachable (they are arguments). */
static bool make(VM *vm, enum ItKind kind, uint32_t n, const Value *items, uint32_t nitems, Value *out, Iter **made)
{
    Tuple *t = tuple_new(vm, n);
    if (!t)
        return false;
    for (uint32_t k = 0; k < nitems; k++)
        t->items[k] = items[k];
    Iter *it = new_itertool(vm, kind, t);
    if (!it)
        return false;
    *out = v_obj(it);
    if (made)
        *made = it;
    return true;
}

static bool is_number(Value v)
{
    return v_is_intlike(v) || v.type == T_LONG || v.type == T_FLOAT || v.type == T_COMPLEX;
}

/* An integer argument (with __index__) as int64, clamped to the int32 range
 * this runtime's counters use; TypeError as CPython for a non-integer. */
static bool int_value(Value v, int64_t *out) /* false: not an int */
{
    if (v_is_intlike(v)) {
        *out = v.u.i;
        return true;
    }
    if (v.type == T_LONG) {
        if (!long_to_i64(v, out))
            *out = long_cmp(v, v_int(0)) < 0 ? INT64_MIN : INT64_MAX;
        return true;
    }
    return false;
}

static bool index_arg(VM *vm, Value v, int64_t *out)
{
    if (!class_index(vm, &v))
        return false;
    if (int_value(v, out))
        return true;
    return vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", type_name(v));
}

static int32_t clamp32(int64_t x)
{
    return x > INT32_MAX ? INT32_MAX : x < INT32_MIN ? INT32_MIN : (int32_t)x;
}

/* Positional-or-keyword argument k (names in `allowed`), or dflt. */
static Value arg_at(Value *args, int npos, Value **found, int k, Value dflt)
{
    return k < npos ? args[k] : found[k] ? *found[k] : dflt;
}

/* lib_kwargs with Argument Clinic's message for an unknown keyword */
static bool clinic_kwargs(VM *vm, Value *args, int nargs, Tuple *kw, const char *fn, const char *const *allowed,
                          Value **found, int *npos)
{
    int nallowed = 0;
    while (allowed[nallowed])
        nallowed++;
    if (nargs > nallowed)
        return vm_raise(vm, EXC_TypeError, "%s() takes at most %d arguments (%d given)", fn, nallowed, nargs);
    for (uint32_t k = 0; kw && k < kw->len; k++) {
        const char *name = AS(Str, kw->items[k])->data;
        int a = 0;
        while (allowed[a] && strcmp(allowed[a], name) != 0)
            a++;
        if (!allowed[a])
            return vm_raise(vm, EXC_TypeError, "'%s' is an invalid keyword argument for %s()", name, fn);
    }
    return lib_kwargs(vm, args, nargs, kw, fn, allowed, found, npos);
}

static bool to_tuple(VM *vm, Value v, Value *out)
{
    if (v.type == T_TUPLE) {
        *out = v;
        return true;
    }
    return vm_call(vm, v_obj((void *)&type_tuple), &v, 1, NULL, out);
}

/* ---- constructors -------------------------------------------------------------- */

static bool count_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    static const char *const names[] = {"start", "step", NULL};
    Value *found[2];
    int npos;
    if (!clinic_kwargs(vm, args, nargs, kw, "count", names, found, &npos))
        return false;
    Value a[2] = {arg_at(args, npos, found, 0, v_int(0)), arg_at(args, npos, found, 1, v_int(1))};
    if (!is_number(a[0]) || !is_number(a[1]))
        return vm_raise(vm, EXC_TypeError, "a number is required");
    return make(vm, IT_COUNT, 2, a, 2, out, NULL);
}

/* f(iterable) and f(x, iterable): the state is (x..., iter(iterable)) */
static bool with_iter(VM *vm, enum ItKind kind, Value *args, int nargs, uint32_t n, Value *out, Iter **made)
{
    Tuple *t = tuple_new(vm, n);
    if (!t)
        return false;
    VM_ROOT(vm, v_obj(t));
    bool ok = true;
    for (int k = 0; k < nargs && ok; k++)
        ok = k == nargs - 1 ? vm_getiter(vm, args[k], &t->items[k]) : (t->items[k] = args[k], true);
    Iter *it = ok ? new_itertool(vm, kind, t) : NULL;
    VM_UNROOT(vm, 1);
    if (!it)
        return false;
    *out = v_obj(it);
    if (made)
        *made = it;
    return true;
}

static bool cycle_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Iter *it;
    if (!with_iter(vm, IT_CYCLE, args, 1, 2, out, &it))
        return false;
    VM_ROOT(vm, *out);
    List *saved = list_new(vm, 0);
    VM_UNROOT(vm, 1);
    if (!saved)
        return false;
    AS(Tuple, it->src)->items[1] = v_obj(saved);
    return true;
}

static bool repeat_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    static const char *const names[] = {"object", "times", NULL};
    Value *found[2];
    int npos;
    if (!clinic_kwargs(vm, args, nargs, kw, "repeat", names, found, &npos))
        return false;
    if (npos < 1 && !found[0])
        return vm_raise(vm, EXC_TypeError, "repeat() missing required argument 'object' (pos 1)");
    Value obj = arg_at(args, npos, found, 0, v_none()), times = arg_at(args, npos, found, 1, v_unbound());
    int64_t n = 0;
    if (times.type != T_UNBOUND && !index_arg(vm, times, &n))
        return false;
    Iter *it;
    if (!make(vm, IT_REPEAT, 1, &obj, 1, out, &it))
        return false;
    it->i = n < 0 ? 0 : clamp32(n);
    it->a = times.type == T_UNBOUND;
    return true;
}

static bool accumulate_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    static const char *const names[] = {"iterable", "func", "initial", NULL};
    Value *found[3];
    int npos;
    if (!clinic_kwargs(vm, args, nargs, kw, "accumulate", names, found, &npos))
        return false;
    if (npos > 2)
        return vm_raise(vm, EXC_TypeError, "accumulate() takes at most 2 positional arguments (%d given)", npos);
    if (npos < 1 && !found[0])
        return vm_raise(vm, EXC_TypeError, "accumulate() missing required argument 'iterable' (pos 1)");
    Value a[2] = {arg_at(args, npos, found, 1, v_none()), arg_at(args, npos, found, 0, v_none())};
    Value initial = found[2] ? *found[2] : v_none();
    Iter *it;
    if (!with_iter(vm, IT_ACCUMULATE, a, 2, 3, out, &it))
        return false;
    Tuple *t = AS(Tuple, it->src); /* with_iter put (func, iterator): swap to (iterator, func) */
    Value f = t->items[0];
    t->items[0] = t->items[1];
    t->items[1] = f;
    t->items[2] = initial.type == T_NONE ? v_unbound() : initial;
    it->a = initial.type != T_NONE; /* the initial value is yielded first */
    return true;
}

static bool chain_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Tuple *all = tuple_new(vm, (uint32_t)nargs);
    if (!all)
        return false;
    memcpy(all->items, args, (size_t)nargs * sizeof(Value));
    VM_ROOT(vm, v_obj(all));
    bool ok = with_iter(vm, IT_CHAIN, &vm->roots[vm->nroots - 1], 1, 2, out, NULL);
    VM_UNROOT(vm, 1);
    if (!ok)
        return false;
    AS(Tuple, AS(Iter, *out)->src)->items[1] = v_unbound();
    return true;
}

static bool from_iterable_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (!with_iter(vm, IT_CHAIN, args, 1, 2, out, NULL))
        return false;
    AS(Tuple, AS(Iter, *out)->src)->items[1] = v_unbound();
    return true;
}
static NATIVE(itertools_from_iterable, "from_iterable", from_iterable_fn, 1, 1);

static bool compress_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Value data;
    if (!vm_getiter(vm, args[0], &data))
        return false;
    VM_ROOT(vm, data);
    Value a[2] = {data, args[1]};
    bool ok = with_iter(vm, IT_COMPRESS, a, 2, 2, out, NULL);
    VM_UNROOT(vm, 1);
    return ok;
}

static bool dropwhile_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    return with_iter(vm, IT_DROPWHILE, args, 2, 2, out, NULL);
}

static bool takewhile_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    return with_iter(vm, IT_TAKEWHILE, args, 2, 2, out, NULL);
}

static bool filterfalse_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    return with_iter(vm, IT_FILTERFALSE, args, 2, 2, out, NULL);
}

static bool groupby_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    static const char *const names[] = {"iterable", "key", NULL};
    Value *found[2];
    int npos;
    if (!clinic_kwargs(vm, args, nargs, kw, "groupby", names, found, &npos))
        return false;
    if (npos < 1 && !found[0])
        return vm_raise(vm, EXC_TypeError, "groupby() missing required argument 'iterable' (pos 1)");
    Value a[2] = {arg_at(args, npos, found, 1, v_none()), arg_at(args, npos, found, 0, v_none())};
    Iter *it;
    if (!with_iter(vm, IT_GROUPBY, a, 2, 6, out, &it))
        return false;
    Tuple *t = AS(Tuple, it->src);
    Value key = t->items[0];
    t->items[0] = t->items[1];
    t->items[1] = key;
    t->items[2] = t->items[3] = t->items[4] = v_unbound();
    return true;
}

/* islice's start and stop: None, or an int >= 0 (CPython's quirk kept: -1
 * is "no stop" inside, so stop=-1 gets the stop message, below it the
 * indices one) */
static bool islice_index(Value v, int64_t *out)
{
    if (v.type != T_NONE && !int_value(v, out))
        *out = -1; /* CPython's PyNumber_AsSsize_t failing, its error cleared */
    return true;
}

static bool islice_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (kw && kw->len)
        return vm_raise(vm, EXC_TypeError, "islice() takes no keyword arguments");
    if (nargs < 2)
        return vm_raise(vm, EXC_TypeError, "islice expected at least 2 arguments, got %d", nargs);
    if (nargs > 4)
        return vm_raise(vm, EXC_TypeError, "islice expected at most 4 arguments, got %d", nargs);
    Value idx[3];
    for (int k = 1; k < nargs; k++) {
        idx[k - 1] = args[k];
        if (!class_index(vm, &idx[k - 1])) { /* an __index__ that raises: CPython clears it too */
            vm->exc = v_unbound();
            idx[k - 1] = v_obj((void *)&type_tuple); /* anything not an int: gives -1 */
        }
    }
    int64_t start = 0, stop = -1, step = 1;
    Value vstop = nargs == 2 ? idx[0] : idx[1];
    if (nargs > 2)
        islice_index(idx[0], &start);
    if (vstop.type != T_NONE) {
        islice_index(vstop, &stop);
        if (stop == -1)
            return vm_raise(vm, EXC_ValueError,
                            "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
    }
    if (start < 0 || stop < -1)
        return vm_raise(vm, EXC_ValueError, "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
    if (nargs == 4 && idx[2].type != T_NONE)
        islice_index(idx[2], &step);
    if (step < 1)
        return vm_raise(vm, EXC_ValueError, "Step for islice() must be a positive integer or None.");
    Iter *it;
    if (!with_iter(vm, IT_ISLICE, args, 1, 2, out, &it))
        return false;
    AS(Tuple, it->src)->items[1] = stop < 0 ? v_none() : v_int(clamp32(stop));
    it->i = 0;
    it->a = clamp32(start);
    it->b = clamp32(step);
    return true;
}

static bool pairwise_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (!with_iter(vm, IT_PAIRWISE, args, 1, 2, out, NULL))
        return false;
    AS(Tuple, AS(Iter, *out)->src)->items[1] = v_unbound();
    return true;
}

static bool starmap_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    return with_iter(vm, IT_STARMAP, args, 2, 2, out, NULL);
}

static bool tee_block(VM *vm, Value source, Value *out)
{
    Tuple *b = tuple_new(vm, TEE_SIZE);
    if (!b)
        return false;
    b->items[TEE_FILLED] = v_int(0);
    b->items[TEE_SOURCE] = source;
    *out = v_obj(b);
    return true;
}

static bool tee_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    int64_t n = 2;
    if (nargs == 2 && !index_arg(vm, args[1], &n))
        return false;
    if (n < 0)
        return vm_raise(vm, EXC_ValueError, "n must be >= 0");
    if (n > 0xffff)
        return vm_raise_oom(vm);
    Value src;
    if (!vm_getiter(vm, args[0], &src))
        return false;
    VM_ROOT(vm, src);
    Tuple *res = tuple_new(vm, (uint32_t)n);
    bool ok = res != NULL;
    if (ok)
        VM_ROOT(vm, v_obj(res));
    Value block = v_none();
    Iter *first = NULL;
    /* a tee of a tee copies it (CPython's __copy__): all start where it is */
    if (ok && src.type == T_ITER && src.u.obj->aux == ITER_ITERTOOL && AS(Iter, src)->aux2 == IT_TEE) {
        first = AS(Iter, src);
    } else if (ok && n > 0) {
        ok = tee_block(vm, src, &block);
        if (ok) {
            VM_ROOT(vm, block);
            Tuple *state = tuple_new(vm, 1);
            if ((ok = state != NULL)) {
                state->items[0] = block;
                first = new_itertool(vm, IT_TEE, state);
                ok = first != NULL;
            }
            VM_UNROOT(vm, 1);
        }
    }
    for (uint32_t k = 0; ok && k < (uint32_t)n; k++) {
        if (k == 0) {
            res->items[0] = v_obj(first);
            continue;
        }
        Tuple *state = tuple_new(vm, 1);
        Iter *copy = state ? (state->items[0] = AS(Tuple, first->src)->items[0], new_itertool(vm, IT_TEE, state)) : NULL;
        if ((ok = copy != NULL)) {
            copy->i = first->i;
            res->items[k] = v_obj(copy);
        }
    }
    VM_UNROOT(vm, res ? 2 : 1);
    if (!ok)
        return false;
    *out = v_obj(res);
    return true;
}

static bool zip_longest_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    int nkw = kw ? (int)kw->len : 0, npos = nargs - nkw;
    Value fill = v_none();
    for (int k = 0; k < nkw; k++) {
        const Str *name = AS(Str, kw->items[k]);
        if (strcmp(name->data, "fillvalue") != 0)
            return vm_raise(vm, EXC_TypeError, "zip_longest() got an unexpected keyword argument");
        fill = args[npos + k];
    }
    List *its = list_new(vm, (uint32_t)npos);
    if (!its)
        return false;
    VM_ROOT(vm, v_obj(its));
    bool ok = true;
    for (int k = 0; k < npos && ok; k++) {
        Value v;
        ok = vm_getiter(vm, args[k], &v) && list_append(vm, its, v);
    }
    Value a[2] = {fill, v_obj(its)};
    Iter *it;
    ok = ok && make(vm, IT_ZIP_LONGEST, 2, a, 2, out, &it);
    VM_UNROOT(vm, 1);
    if (ok)
        it->i = npos;
    return ok;
}

/* The r argument of the combinatorics, and indices 0..n-1 (or zeros) */
static bool ints_tuple(VM *vm, uint32_t n, bool counting, Value *out)
{
    Tuple *t = tuple_new(vm, n);
    if (!t)
        return false;
    for (uint32_t k = 0; k < n; k++)
        t->items[k] = v_int(counting ? (int32_t)k : 0);
    *out = v_obj(t);
    return true;
}

static bool product_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    int nkw = kw ? (int)kw->len : 0, npos = nargs - nkw;
    int64_t repeat = 1;
    for (int k = 0; k < nkw; k++) {
        const Str *name = AS(Str, kw->items[k]);
        if (strcmp(name->data, "repeat") != 0)
            return vm_raise(vm, EXC_TypeError, "'%s' is an invalid keyword argument for product()", name->data);
        if (!index_arg(vm, args[npos + k], &repeat))
            return false;
    }
    if (repeat < 0)
        return vm_raise(vm, EXC_ValueError, "repeat argument cannot be negative");
    if (npos && repeat > 0xffff / npos)
        return vm_raise_oom(vm);
    uint32_t n = (uint32_t)(npos * repeat);
    Tuple *pools = tuple_new(vm, n);
    if (!pools)
        return false;
    VM_ROOT(vm, v_obj(pools));
    bool ok = true;
    for (int k = 0; k < npos && ok; k++)
        ok = to_tuple(vm, args[k], &pools->items[k]);
    for (uint32_t k = (uint32_t)npos; k < n && ok; k++)
        pools->items[k] = pools->items[k % (uint32_t)npos];
    Value a[2] = {v_obj(pools), v_none()};
    ok = ok && ints_tuple(vm, n, false, &a[1]);
    Iter *it;
    if (ok) {
        VM_ROOT(vm, a[1]);
        ok = make(vm, IT_PRODUCT, 2, a, 2, out, &it);
        VM_UNROOT(vm, 1);
    }
    VM_UNROOT(vm, 1);
    if (!ok)
        return false;
    for (uint32_t k = 0; k < n; k++)
        if (AS(Tuple, pools->items[k])->len == 0)
            it->a = RUN_DONE;
    return true;
}

/* permutations, combinations, combinations_with_replacement: (pool, indices[, cycles]) */
static bool combinatoric(VM *vm, enum ItKind kind, Value iterable, Value r_arg, Value *out)
{
    Value pool;
    if (!to_tuple(vm, iterable, &pool))
        return false;
    VM_ROOT(vm, pool);
    int64_t r = AS(Tuple, pool)->len;
    bool ok = true;
    if (kind == IT_PERMUTATIONS && r_arg.type != T_NONE) {
        if (!v_is_intlike(r_arg) && r_arg.type != T_LONG)
            ok = vm_raise(vm, EXC_TypeError, "Expected int as r");
        else
            index_arg(vm, r_arg, &r);
    } else if (kind != IT_PERMUTATIONS) {
        ok = index_arg(vm, r_arg, &r);
    }
    if (ok && r < 0)
        ok = vm_raise(vm, EXC_ValueError, "r must be non-negative");
    int32_t n = (int32_t)AS(Tuple, pool)->len;
    if (ok && r > 0xffff && (r <= n || kind == IT_COMB_WR))
        ok = vm_raise_oom(vm);
    Value a[3] = {pool, v_none(), v_none()};
    Iter *it = NULL;
    uint32_t nidx = kind == IT_PERMUTATIONS ? (uint32_t)n : kind == IT_COMB_WR ? (uint32_t)r
                                                                               : (uint32_t)(r > n ? 0 : r);
    if (ok && kind == IT_PERMUTATIONS && r > n)
        nidx = 0;
    ok = ok && ints_tuple(vm, nidx, kind != IT_COMB_WR, &a[1]);
    if (ok) {
        VM_ROOT(vm, a[1]);
        uint32_t ncyc = kind == IT_PERMUTATIONS && r <= n ? (uint32_t)r : 0;
        ok = ints_tuple(vm, ncyc, false, &a[2]);
        for (uint32_t k = 0; ok && k < ncyc; k++)
            AS(Tuple, a[2])->items[k] = v_int(n - (int32_t)k);
        if (ok) {
            VM_ROOT(vm, a[2]);
            ok = make(vm, kind, 3, a, 3, out, &it);
            VM_UNROOT(vm, 1);
        }
        VM_UNROOT(vm, 1);
    }
    VM_UNROOT(vm, 1);
    if (!ok)
        return false;
    it->i = clamp32(r);
    if (kind == IT_COMB_WR ? n == 0 && r > 0 : r > n)
        it->a = RUN_DONE;
    return true;
}

static bool perm_comb_args(VM *vm, Value *args, int nargs, Tuple *kw, const char *fn, bool r_required,
                           Value *iterable, Value *r)
{
    static const char *const names[] = {"iterable", "r", NULL};
    Value *found[2];
    int npos;
    if (!clinic_kwargs(vm, args, nargs, kw, fn, names, found, &npos))
        return false;
    if (npos > 2)
        return vm_raise(vm, EXC_TypeError, "%s() takes at most 2 arguments (%d given)", fn, npos);
    if (npos < 1 && !found[0])
        return vm_raise(vm, EXC_TypeError, "%s() missing required argument 'iterable' (pos 1)", fn);
    if (r_required && npos < 2 && !found[1])
        return vm_raise(vm, EXC_TypeError, "%s() missing required argument 'r' (pos 2)", fn);
    *iterable = arg_at(args, npos, found, 0, v_none());
    *r = arg_at(args, npos, found, 1, v_none());
    return true;
}

static bool permutations_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Value iterable, r;
    return perm_comb_args(vm, args, nargs, kw, "permutations", false, &iterable, &r) &&
           combinatoric(vm, IT_PERMUTATIONS, iterable, r, out);
}

static bool combinations_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Value iterable, r;
    return perm_comb_args(vm, args, nargs, kw, "combinations", true, &iterable, &r) &&
           combinatoric(vm, IT_COMBINATIONS, iterable, r, out);
}

static bool comb_wr_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Value iterable, r;
    return perm_comb_args(vm, args, nargs, kw, "combinations_with_replacement", true, &iterable, &r) &&
           combinatoric(vm, IT_COMB_WR, iterable, r, out);
}

/* ---- next() of each kind --------------------------------------------------------------- */

/* f(x): x is rooted here across the call */
static bool call1(VM *vm, Value f, Value x, Value *out)
{
    VM_ROOT(vm, x);
    bool ok = vm_call(vm, f, &vm->roots[vm->nroots - 1], 1, NULL, out);
    VM_UNROOT(vm, 1);
    return ok;
}

static int count_next(VM *vm, Tuple *s, Value *out)
{
    Value n = s->items[0], step = s->items[1];
    if (n.type == T_INT && step.type == T_INT) {
        int32_t sum;
        if (!__builtin_add_overflow(n.u.i, step.u.i, &sum)) {
            s->items[0] = v_int(sum);
            *out = n;
            return 1;
        }
    }
    Value next;
    if (!vm_binary_op(vm, OP_BINARY_ADD, n, step, &next))
        return -1;
    s->items[0] = next;
    *out = n;
    return 1;
}

static int cycle_next(VM *vm, Iter *it, Tuple *s, Value *out)
{
    List *saved = AS(List, s->items[1]);
    if (s->items[0].type != T_NONE) {
        int r = vm_iternext_raw(vm, s->items[0], out);
        if (r == 1) {
            VM_ROOT(vm, *out);
            bool ok = list_append(vm, saved, *out);
            VM_UNROOT(vm, 1);
            return ok ? 1 : -1;
        }
        if (r < 0)
            return -1;
        s->items[0] = v_none();
    }
    if (saved->len == 0)
        return 0;
    if ((uint32_t)it->i >= saved->len)
        it->i = 0;
    *out = saved->items[it->i++];
    return 1;
}

static int accumulate_next(VM *vm, Iter *it, Tuple *s, Value *out)
{
    if (it->a) { /* initial= */
        it->a = 0;
        *out = s->items[2];
        return 1;
    }
    Value x;
    int r = vm_iternext_raw(vm, s->items[0], &x);
    if (r != 1)
        return r;
    Value total = s->items[2];
    if (total.type != T_UNBOUND) {
        bool ok;
        VM_ROOT(vm, x);
        if (s->items[1].type == T_NONE) {
            ok = vm_binary_op(vm, OP_BINARY_ADD, total, x, &x);
        } else {
            VM_ROOT(vm, total); /* (total, x) in two adjacent root slots */
            VM_ROOT(vm, x);
            ok = vm_call(vm, s->items[1], &vm->roots[vm->nroots - 2], 2, NULL, &x);
            VM_UNROOT(vm, 2);
        }
        VM_UNROOT(vm, 1);
        if (!ok)
            return -1;
    }
    s->items[2] = x;
    *out = x;
    return 1;
}

static int chain_next(VM *vm, Tuple *s, Value *out)
{
    for (;;) {
        if (s->items[1].type != T_UNBOUND) {
            int r = vm_iternext_raw(vm, s->items[1], out);
            if (r != 0)
                return r;
            s->items[1] = v_unbound();
        }
        if (s->items[0].type == T_NONE)
            return 0;
        Value next;
        int r = vm_iternext_raw(vm, s->items[0], &next);
        if (r == 0)
            s->items[0] = v_none();
        if (r != 1)
            return r;
        if (!vm_getiter(vm, next, &s->items[1]))
            return -1;
    }
}

static int compress_next(VM *vm, Tuple *s, Value *out)
{
    for (;;) {
        Value d, sel;
        int r = vm_iternext_raw(vm, s->items[0], &d);
        if (r != 1)
            return r;
        VM_ROOT(vm, d);
        r = vm_iternext_raw(vm, s->items[1], &sel);
        VM_UNROOT(vm, 1);
        if (r != 1)
            return r;
        if (vm_truthy(sel)) {
            *out = d;
            return 1;
        }
    }
}

/* predicate(x)'s truth: 1, 0, or -1 raised; None is bool (filterfalse) */
static int test(VM *vm, Value pred, Value x)
{
    if (pred.type == T_NONE)
        return vm_truthy(x);
    Value r;
    if (!call1(vm, pred, x, &r))
        return -1;
    return vm_truthy(r);
}

/* dropwhile, takewhile, filterfalse */
static int predicate_next(VM *vm, Iter *it, enum ItKind kind, Tuple *s, Value *out)
{
    if (kind == IT_TAKEWHILE && it->i)
        return 0;
    for (;;) {
        int r = vm_iternext_raw(vm, s->items[1], out);
        if (r != 1 || (kind == IT_DROPWHILE && it->i))
            return r;
        VM_ROOT(vm, *out);
        int t = test(vm, s->items[0], *out);
        VM_UNROOT(vm, 1);
        if (t < 0)
            return -1;
        if (kind == IT_TAKEWHILE) {
            it->i = !t;
            return t;
        }
        if (!t) {
            it->i = 1; /* dropwhile: this one and all after */
            return 1;
        }
    }
}

/* groupby's state: (iterator, key, tgtkey, currkey, currvalue, grouper) */
enum { GB_IT, GB_KEYF, GB_TGT, GB_CURRKEY, GB_CURRVAL, GB_GROUPER };

static int groupby_step(VM *vm, Tuple *s)
{
    Value v, k;
    int r = vm_iternext_raw(vm, s->items[GB_IT], &v);
    if (r != 1)
        return r;
    if (s->items[GB_KEYF].type == T_NONE)
        k = v;
    else if (!call1(vm, s->items[GB_KEYF], v, &k))
        return -1;
    s->items[GB_CURRVAL] = v;
    s->items[GB_CURRKEY] = k;
    return 1;
}

static int groupby_next(VM *vm, Iter *it, Tuple *s, Value *out)
{
    s->items[GB_GROUPER] = v_none();
    for (;;) { /* to the next key */
        if (s->items[GB_CURRKEY].type != T_UNBOUND) {
            if (s->items[GB_TGT].type == T_UNBOUND)
                break;
            bool eq;
            if (!vm_equal(vm, s->items[GB_TGT], s->items[GB_CURRKEY], &eq))
                return -1;
            if (!eq)
                break;
        }
        int r = groupby_step(vm, s);
        if (r != 1)
            return r;
    }
    s->items[GB_TGT] = s->items[GB_CURRKEY];
    Value a[2] = {v_obj(it), s->items[GB_TGT]};
    Value grouper;
    if (!make(vm, IT_GROUPER, 2, a, 2, &grouper, NULL))
        return -1;
    s->items[GB_GROUPER] = grouper;
    Tuple *pair = tuple_new(vm, 2);
    if (!pair)
        return -1;
    pair->items[0] = s->items[GB_TGT];
    pair->items[1] = grouper;
    *out = v_obj(pair);
    return 1;
}

static int grouper_next(VM *vm, Iter *it, Tuple *g, Value *out)
{
    Tuple *s = AS(Tuple, AS(Iter, g->items[0])->src);
    if (s->items[GB_GROUPER].type != T_ITER || AS(Iter, s->items[GB_GROUPER]) != it)
        return 0; /* the groupby moved on: this group is over */
    if (s->items[GB_CURRVAL].type == T_UNBOUND) {
        int r = groupby_step(vm, s);
        if (r != 1)
            return r;
    }
    bool eq;
    if (!vm_equal(vm, g->items[1], s->items[GB_CURRKEY], &eq))
        return -1;
    if (!eq)
        return 0;
    *out = s->items[GB_CURRVAL];
    s->items[GB_CURRVAL] = v_unbound();
    return 1;
}

static int islice_next(VM *vm, Iter *it, Tuple *s, Value *out)
{
    Value src = s->items[0];
    if (src.type == T_NONE)
        return 0;
    int32_t stop = s->items[1].type == T_NONE ? -1 : s->items[1].u.i;
    int r = 1;
    while (it->i < it->a && (r = vm_iternext_raw(vm, src, out)) == 1)
        it->i++;
    if (r == 1 && stop != -1 && it->i >= stop)
        r = 0;
    if (r == 1 && (r = vm_iternext_raw(vm, src, out)) == 1) {
        it->i++;
        int32_t next;
        if (__builtin_add_overflow(it->a, it->b, &next) || (stop != -1 && next > stop))
            next = stop == -1 ? INT32_MAX : stop;
        it->a = next;
        return 1;
    }
    if (r == 0)
        s->items[0] = v_none();
    return r;
}

static int pairwise_next(VM *vm, Tuple *s, Value *out)
{
    if (s->items[0].type == T_NONE)
        return 0;
    int r = 1;
    if (s->items[1].type == T_UNBOUND)
        r = vm_iternext_raw(vm, s->items[0], &s->items[1]);
    Value b;
    if (r == 1)
        r = vm_iternext_raw(vm, s->items[0], &b);
    if (r == 0) {
        s->items[0] = v_none();
        s->items[1] = v_unbound();
    }
    if (r != 1)
        return r;
    VM_ROOT(vm, b);
    Tuple *t = tuple_new(vm, 2);
    VM_UNROOT(vm, 1);
    if (!t)
        return -1;
    t->items[0] = s->items[1];
    t->items[1] = b;
    s->items[1] = b;
    *out = v_obj(t);
    return 1;
}

static int starmap_next(VM *vm, Tuple *s, Value *out)
{
    Value args;
    int r = vm_iternext_raw(vm, s->items[1], &args);
    if (r != 1)
        return r;
    VM_ROOT(vm, args);
    bool ok = to_tuple(vm, args, &vm->roots[vm->nroots - 1]);
    if (ok) {
        Tuple *t = AS(Tuple, vm->roots[vm->nroots - 1]);
        ok = vm_call(vm, s->items[0], t->items, (int)t->len, NULL, out);
    }
    VM_UNROOT(vm, 1);
    return ok ? 1 : -1;
}

static int tee_next(VM *vm, Iter *it, Tuple *s, Value *out)
{
    Tuple *b = AS(Tuple, s->items[0]);
    if (it->i == TEE_LINK) { /* on to the next block, made by the first copy there */
        if (b->items[TEE_NEXT].type == T_NONE) {
            Value nb;
            if (!tee_block(vm, b->items[TEE_SOURCE], &nb))
                return -1;
            b->items[TEE_NEXT] = nb;
        }
        s->items[0] = b->items[TEE_NEXT];
        b = AS(Tuple, s->items[0]);
        it->i = 0;
    }
    if (it->i < b->items[TEE_FILLED].u.i) {
        *out = b->items[it->i++];
        return 1;
    }
    int r = vm_iternext_raw(vm, b->items[TEE_SOURCE], out);
    if (r != 1)
        return r;
    b->items[it->i++] = *out;
    b->items[TEE_FILLED] = v_int(it->i);
    return 1;
}

static int zip_longest_next(VM *vm, Iter *it, Tuple *s, Value *out)
{
    List *its = AS(List, s->items[1]);
    if (its->len == 0 || it->i == 0)
        return 0;
    Tuple *row = tuple_new(vm, its->len);
    if (!row)
        return -1;
    VM_ROOT(vm, v_obj(row));
    int r = 1;
    for (uint32_t k = 0; k < its->len && r == 1; k++) {
        if (its->items[k].type == T_NONE) {
            row->items[k] = s->items[0];
            continue;
        }
        r = vm_iternext_raw(vm, its->items[k], &row->items[k]);
        if (r == 0) {
            if (--it->i == 0)
                break;
            its->items[k] = v_none();
            row->items[k] = s->items[0];
            r = 1;
        }
    }
    VM_UNROOT(vm, 1);
    if (r == 1)
        *out = v_obj(row);
    return r;
}

/* The tuple of pool[indices[k]] for k < n */
static int pick(VM *vm, Tuple *pool, Tuple *indices, uint32_t n, Value *out)
{
    Tuple *t = tuple_new(vm, n);
    if (!t)
        return -1;
    for (uint32_t k = 0; k < n; k++)
        t->items[k] = pool->items[indices->items[k].u.i];
    *out = v_obj(t);
    return 1;
}

static int product_next(VM *vm, Iter *it, Tuple *s, Value *out)
{
    Tuple *pools = AS(Tuple, s->items[0]), *idx = AS(Tuple, s->items[1]);
    if (it->a == RUN_DONE)
        return 0;
    if (it->a == RUN_ON) {
        int32_t k = (int32_t)pools->len - 1;
        for (; k >= 0; k--) {
            int32_t j = idx->items[k].u.i + 1;
            if ((uint32_t)j < AS(Tuple, pools->items[k])->len) {
                idx->items[k] = v_int(j);
                break;
            }
            idx->items[k] = v_int(0);
        }
        if (k < 0) {
            it->a = RUN_DONE;
            return 0;
        }
    }
    it->a = RUN_ON;
    Tuple *t = tuple_new(vm, pools->len);
    if (!t)
        return -1;
    for (uint32_t k = 0; k < pools->len; k++)
        t->items[k] = AS(Tuple, pools->items[k])->items[idx->items[k].u.i];
    *out = v_obj(t);
    return 1;
}

static int permutations_next(VM *vm, Iter *it, Tuple *s, Value *out)
{
    Tuple *pool = AS(Tuple, s->items[0]), *idx = AS(Tuple, s->items[1]), *cyc = AS(Tuple, s->items[2]);
    int32_t n = (int32_t)pool->len, r = it->i;
    if (it->a == RUN_DONE)
        return 0;
    if (it->a == RUN_ON) {
        int32_t i = r - 1;
        if (n == 0)
            i = -1;
        for (; i >= 0; i--) {
            int32_t c = cyc->items[i].u.i - 1;
            if (c == 0) { /* rotate indices[i:] left by one */
                Value first = idx->items[i];
                memmove(&idx->items[i], &idx->items[i + 1], (size_t)(n - 1 - i) * sizeof(Value));
                idx->items[n - 1] = first;
                cyc->items[i] = v_int(n - i);
            } else {
                cyc->items[i] = v_int(c);
                Value t = idx->items[i];
                idx->items[i] = idx->items[n - c];
                idx->items[n - c] = t;
                break;
            }
        }
        if (i < 0) {
            it->a = RUN_DONE;
            return 0;
        }
    }
    it->a = RUN_ON;
    return pick(vm, pool, idx, (uint32_t)r, out);
}

static int combinations_next(VM *vm, Iter *it, Tuple *s, Value *out, bool with_replacement)
{
    Tuple *pool = AS(Tuple, s->items[0]), *idx = AS(Tuple, s->items[1]);
    int32_t n = (int32_t)pool->len, r = it->i;
    if (it->a == RUN_DONE)
        return 0;
    if (it->a == RUN_ON) {
        int32_t i = r - 1;
        if (with_replacement) {
            while (i >= 0 && idx->items[i].u.i == n - 1)
                i--;
        } else {
            while (i >= 0 && idx->items[i].u.i == i + n - r)
                i--;
        }
        if (i < 0) {
            it->a = RUN_DONE;
            return 0;
        }
        int32_t v = idx->items[i].u.i + 1;
        idx->items[i] = v_int(v);
        for (int32_t j = i + 1; j < r; j++)
            idx->items[j] = v_int(with_replacement ? v : idx->items[j - 1].u.i + 1);
    }
    it->a = RUN_ON;
    return pick(vm, pool, idx, (uint32_t)r, out);
}

static int dispatch(VM *vm, Iter *it, Value *out)
{
    Tuple *s = AS(Tuple, it->src);
    switch ((enum ItKind)it->aux2) {
    case IT_COUNT:        return count_next(vm, s, out);
    case IT_CYCLE:        return cycle_next(vm, it, s, out);
    case IT_REPEAT:
        if (!it->a && it->i <= 0)
            return 0;
        it->i -= !it->a;
        *out = s->items[0];
        return 1;
    case IT_ACCUMULATE:   return accumulate_next(vm, it, s, out);
    case IT_CHAIN:        return chain_next(vm, s, out);
    case IT_COMPRESS:     return compress_next(vm, s, out);
    case IT_DROPWHILE:
    case IT_TAKEWHILE:
    case IT_FILTERFALSE: {
        if (it->aux2 != IT_FILTERFALSE)
            return predicate_next(vm, it, (enum ItKind)it->aux2, s, out);
        for (;;) {
            int r = vm_iternext_raw(vm, s->items[1], out);
            if (r != 1)
                return r;
            VM_ROOT(vm, *out);
            int t = test(vm, s->items[0], *out);
            VM_UNROOT(vm, 1);
            if (t <= 0)
                return t < 0 ? -1 : 1;
        }
    }
    case IT_GROUPBY:      return groupby_next(vm, it, s, out);
    case IT_GROUPER:      return grouper_next(vm, it, s, out);
    case IT_ISLICE:       return islice_next(vm, it, s, out);
    case IT_PAIRWISE:     return pairwise_next(vm, s, out);
    case IT_STARMAP:      return starmap_next(vm, s, out);
    case IT_TEE:          return tee_next(vm, it, s, out);
    case IT_ZIP_LONGEST:  return zip_longest_next(vm, it, s, out);
    case IT_PRODUCT:      return product_next(vm, it, s, out);
    case IT_PERMUTATIONS: return permutations_next(vm, it, s, out);
    case IT_COMBINATIONS: return combinations_next(vm, it, s, out, false);
    case IT_COMB_WR:      return combinations_next(vm, it, s, out, true);
    default:
        vm_raise(vm, EXC_RuntimeError, "bad itertools iterator");
        return -1;
    }
}

int itertools_next(VM *vm, Iter *it, Value *out)
{
    /* the iterator is rooted by the caller; nesting (islice of chain of ...) is C recursion */
    if (!vm_recursion_enter(vm, NULL))
        return -1;
    int r = dispatch(vm, it, out);
    vm_recursion_leave(vm);
    return r;
}

/* ---- the classes and the module ------------------------------------------------------------ */

static NATIVE_WITH_KW(ctor_count, "count", count_fn, 0, -1);
static NATIVE(ctor_cycle, "cycle", cycle_fn, 1, 1);
static NATIVE_WITH_KW(ctor_repeat, "repeat", repeat_fn, 0, -1);
static NATIVE_WITH_KW(ctor_accumulate, "accumulate", accumulate_fn, 0, -1);
static NATIVE(ctor_chain, "chain", chain_fn, 0, -1);
static NATIVE(ctor_compress, "compress", compress_fn, 2, 2);
static NATIVE(ctor_dropwhile, "dropwhile", dropwhile_fn, 2, 2);
static NATIVE(ctor_takewhile, "takewhile", takewhile_fn, 2, 2);
static NATIVE(ctor_filterfalse, "filterfalse", filterfalse_fn, 2, 2);
static NATIVE_WITH_KW(ctor_groupby, "groupby", groupby_fn, 0, -1);
static NATIVE_WITH_KW(ctor_islice, "islice", islice_fn, 0, -1);
static NATIVE(ctor_pairwise, "pairwise", pairwise_fn, 1, 1);
static NATIVE(ctor_starmap, "starmap", starmap_fn, 2, 2);
static NATIVE(ctor_tee, "tee", tee_fn, 1, 2);
static NATIVE_WITH_KW(ctor_zip_longest, "zip_longest", zip_longest_fn, 0, -1);
static NATIVE_WITH_KW(ctor_product, "product", product_fn, 0, -1);
static NATIVE_WITH_KW(ctor_permutations, "permutations", permutations_fn, 0, -1);
static NATIVE_WITH_KW(ctor_combinations, "combinations", combinations_fn, 0, -1);
static NATIVE_WITH_KW(ctor_comb_wr, "combinations_with_replacement", comb_wr_fn, 0, -1);

#define ITERTOOLS_TYPE(pyname, ctor) {{0, T_TYPE, 0, 0}, pyname, T_ITER, -1, NULL, ctor}

/* indexed by enum ItKind */
static const TypeObj itertools_types[IT__COUNT] = {
    [IT_COUNT] = ITERTOOLS_TYPE("count", &ctor_count),
    [IT_CYCLE] = ITERTOOLS_TYPE("cycle", &ctor_cycle),
    [IT_REPEAT] = ITERTOOLS_TYPE("repeat", &ctor_repeat),
    [IT_ACCUMULATE] = ITERTOOLS_TYPE("accumulate", &ctor_accumulate),
    [IT_CHAIN] = ITERTOOLS_TYPE("chain", &ctor_chain),
    [IT_COMPRESS] = ITERTOOLS_TYPE("compress", &ctor_compress),
    [IT_DROPWHILE] = ITERTOOLS_TYPE("dropwhile", &ctor_dropwhile),
    [IT_TAKEWHILE] = ITERTOOLS_TYPE("takewhile", &ctor_takewhile),
    [IT_FILTERFALSE] = ITERTOOLS_TYPE("filterfalse", &ctor_filterfalse),
    [IT_GROUPBY] = ITERTOOLS_TYPE("groupby", &ctor_groupby),
    [IT_GROUPER] = ITERTOOLS_TYPE("_grouper", NULL),
    [IT_ISLICE] = ITERTOOLS_TYPE("islice", &ctor_islice),
    [IT_PAIRWISE] = ITERTOOLS_TYPE("pairwise", &ctor_pairwise),
    [IT_STARMAP] = ITERTOOLS_TYPE("starmap", &ctor_starmap),
    [IT_TEE] = ITERTOOLS_TYPE("_tee", NULL),
    [IT_ZIP_LONGEST] = ITERTOOLS_TYPE("zip_longest", &ctor_zip_longest),
    [IT_PRODUCT] = ITERTOOLS_TYPE("product", &ctor_product),
    [IT_PERMUTATIONS] = ITERTOOLS_TYPE("permutations", &ctor_permutations),
    [IT_COMBINATIONS] = ITERTOOLS_TYPE("combinations", &ctor_combinations),
    [IT_COMB_WR] = ITERTOOLS_TYPE("combinations_with_replacement", &ctor_comb_wr),
};

const TypeObj *itertools_type_of(const Iter *it)
{
    return it->aux2 < IT__COUNT ? &itertools_types[it->aux2] : NULL;
}

int itertools_repr(VM *vm, StrBuf *sb, const Iter *it)
{
    const Tuple *state = AS(Tuple, it->src);
    if (it->aux2 == IT_COUNT) { /* count(n), or count(n, step) unless step is the int 1 */
        Value step = state->items[1];
        sb_adds(sb, "count(");
        if (!fmt_repr(vm, sb, state->items[0]))
            return 0;
        if (!((step.type == T_INT || step.type == T_BOOL) && step.u.i == 1)) {
            sb_adds(sb, ", ");
            if (!fmt_repr(vm, sb, step))
                return 0;
        }
        sb_addc(sb, ')');
        return 1;
    }
    if (it->aux2 == IT_REPEAT) { /* repeat(obj), or repeat(obj, times left) */
        sb_adds(sb, "repeat(");
        if (!fmt_repr(vm, sb, state->items[0]))
            return 0;
        if (!it->a) {
            sb_adds(sb, ", ");
            fmt_repr(vm, sb, v_int(it->i)); /* (an int: cannot fail) */
        }
        sb_addc(sb, ')');
        return 1;
    }
    return -1;
}

int itertools_type_attr(const TypeObj *cls, const Str *name, Value *out)
{
    if (cls != &itertools_types[IT_CHAIN] || strcmp(name->data, "from_iterable") != 0)
        return -1;
    *out = v_obj((void *)&itertools_from_iterable);
    return 1;
}

/* tee is a function in CPython (its objects are _tee), the rest classes */
static Value get_tee(void) { return v_obj((void *)&ctor_tee); }
#define GET(kind) static Value get_##kind(void) { return v_obj((void *)&itertools_types[kind]); }
GET(IT_COUNT) GET(IT_CYCLE) GET(IT_REPEAT) GET(IT_ACCUMULATE) GET(IT_CHAIN) GET(IT_COMPRESS) GET(IT_DROPWHILE)
GET(IT_TAKEWHILE) GET(IT_FILTERFALSE) GET(IT_GROUPBY) GET(IT_ISLICE) GET(IT_PAIRWISE) GET(IT_STARMAP)
GET(IT_ZIP_LONGEST) GET(IT_PRODUCT) GET(IT_PERMUTATIONS) GET(IT_COMBINATIONS) GET(IT_COMB_WR)
#undef GET

static const ModuleAttr itertools_attrs[] = {
    {"count", get_IT_COUNT},
    {"cycle", get_IT_CYCLE},
    {"repeat", get_IT_REPEAT},
    {"accumulate", get_IT_ACCUMULATE},
    {"chain", get_IT_CHAIN},
    {"compress", get_IT_COMPRESS},
    {"dropwhile", get_IT_DROPWHILE},
    {"takewhile", get_IT_TAKEWHILE},
    {"filterfalse", get_IT_FILTERFALSE},
    {"groupby", get_IT_GROUPBY},
    {"islice", get_IT_ISLICE},
    {"pairwise", get_IT_PAIRWISE},
    {"starmap", get_IT_STARMAP},
    {"tee", get_tee},
    {"zip_longest", get_IT_ZIP_LONGEST},
    {"product", get_IT_PRODUCT},
    {"permutations", get_IT_PERMUTATIONS},
    {"combinations", get_IT_COMBINATIONS},
    {"combinations_with_replacement", get_IT_COMB_WR},
};

const Module module_itertools = {{0, T_MODULE, 0, 0}, "itertools", itertools_attrs,
                                 sizeof itertools_attrs / sizeof itertools_attrs[0]};
