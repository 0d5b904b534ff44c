/*
 * randommod.c - the `random` module: seed, random, getrandbits, randrange,
 * randint, choice, shuffle, uniform, sample.
 *
 * The generator is xoshiro128++ (Blackman and Vigna's published algorithm,
 * 128 bits of state, seeded through splitmix32), not CPython's Mersenne
 * Twister: the same seed gives the same numbers on every P4JIT platform but
 * not the numbers CPython gives. Without seed() a program starts from a
 * fixed seed (0), so runs repeat; seed(None) takes the cycle counter.
 * random() has 24 bits (a float32 in [0, 1)). docs/language.md lists this.
 */
#include <math.h>
#include <string.h>

#include "port/port.h"
#include "vm/vm.h"
#include "vm/long.h"

static uint32_t state[4];
static bool seeded;

static uint32_t rotl(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }

static void random_seed_u32(uint32_t s)
{
    /* splitmix32 spreads one word over the four, never all zero */
    for (int i = 0; i < 4; i++) {
        uint32_t z = (s += 0x9e3779b9u);
        z = (z ^ (z >> 16)) * 0x85ebca6bu;
        z = (z ^ (z >> 13)) * 0xc2b2ae35u;
        state[i] = z ^ (z >> 16);
    }
    seeded = true;
}

static uint32_t next32(void)
{
    if (!seeded)
        random_seed_u32(0); /* a fixed start: runs repeat */
    uint32_t r = rotl(state[0] + state[3], 7) + state[0], t = state[1] << 9;
    state[2] ^= state[0];
    state[3] ^= state[1];
    state[1] ^= state[2];
    state[0] ^= state[3];
    state[2] ^= t;
    state[3] = rotl(state[3], 11);
    return r;
}

/* A uniform integer in [0, n), n >= 1, without modulo bias. */
static uint32_t below(uint32_t n)
{
    /* draws at or above the largest multiple of n are redrawn (0: every draw fits) */
    uint32_t limit = (uint32_t)(0x100000000ull - 0x100000000ull % n), r;
    do
        r = next32();
    while (limit != 0 && r >= limit);
    return r % n;
}

static bool seed_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Value a = nargs ? args[0] : v_none();
    uint32_t s;
    if (a.type == T_NONE) {
        s = (uint32_t)port_cycles() ^ (uint32_t)(port_cycles() >> 32);
    } else if (v_is_intlike(a)) {
        s = (uint32_t)a.u.i;
    } else if (a.type == T_FLOAT || a.type == T_STR || a.type == T_BYTES) {
        if (!vm_hash(vm, a, &s))
            return false;
    } else if (a.type == T_BYTEARRAY) {
        s = 2166136261u; /* FNV-1a of the bytes */
        for (uint32_t i = 0; i < AS(Array, a)->len; i++)
            s = (s ^ AS(Array, a)->data[i]) * 16777619u;
    } else {
        return vm_raise(vm, EXC_TypeError,
                        "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
    }
    random_seed_u32(s);
    *out = v_none();
    return true;
}
static NATIVE(random_seed, "seed", seed_fn, 0, 1);

static bool random_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    *out = v_float((float)(next32() >> 8) * (1.0f / 16777216.0f));
    return true;
}
static NATIVE(random_random, "random", random_fn, 0, 0);

static bool getrandbits_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (!v_is_intlike(args[0]))
        return vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[0]));
    int32_t k = args[0].u.i;
    if (k < 0)
        return vm_raise(vm, EXC_ValueError, "number of bits must be non-negative");
    if (k <= 31) {
        *out = v_int(k == 0 ? 0 : (int32_t)(next32() >> (32 - k)));
        return true;
    }
    /* wider: random bytes, the top ones masked, read as an unsigned int */
    if (k > 4096)
        return vm_raise(vm, EXC_OverflowError, "getrandbits(%ld): at most 4096 bits in P4JIT", (long)k);
    uint8_t buf[512];
    uint32_t nbytes = ((uint32_t)k + 7) / 8;
    for (uint32_t i = 0; i < nbytes; i += 4) {
        uint32_t r = next32();
        for (uint32_t b = 0; b < 4 && i + b < nbytes; b++)
            buf[i + b] = (uint8_t)(r >> (8 * b));
    }
    if (k % 8)
        buf[nbytes - 1] &= (uint8_t)((1u << (k % 8)) - 1);
    return long_from_bytes(vm, buf, nbytes, true, false, out);
}
static NATIVE(random_getrandbits, "getrandbits", getrandbits_fn, 1, 1);

static bool range_int(VM *vm, Value v, int which, int32_t *out)
{
    if (v_is_intlike(v)) {
        *out = v.u.i;
        return true;
    }
    if (v.type == T_FLOAT && floorf(v.u.f) == v.u.f && isfinite(v.u.f)) /* deprecated in CPython, still taken */
        return float_to_int(vm, v.u.f, out);
    if (v.type == T_FLOAT)
        return vm_raise(vm, EXC_ValueError, "non-integer arg %d for randrange()", which);
    return vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", type_name(v));
}

static bool randrange(VM *vm, int32_t start, int32_t stop, int32_t step, bool one_arg, Value *out)
{
    if (step == 0)
        return vm_raise(vm, EXC_ValueError, "zero step for randrange()");
    int64_t n = step > 0 ? ((int64_t)stop - start + step - 1) / step : ((int64_t)stop - start + step + 1) / step;
    if (n <= 0) {
        if (one_arg)
            return vm_raise(vm, EXC_ValueError, "empty range for randrange()");
        return vm_raise(vm, EXC_ValueError, "empty range for randrange() (%ld, %ld, %ld)", (long)start, (long)stop,
                        (long)(stop - start));
    }
    *out = v_int((int32_t)(start + (int64_t)step * below((uint32_t)n)));
    return true;
}

static bool randrange_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    int32_t a[3] = {0, 0, 1};
    for (int i = 0; i < nargs; i++)
        if (!range_int(vm, args[i], i + 1, &a[i]))
            return false;
    if (nargs == 1)
        return randrange(vm, 0, a[0], 1, true, out);
    return randrange(vm, a[0], a[1], nargs == 3 ? a[2] : 1, false, out);
}
static NATIVE(random_randrange, "randrange", randrange_fn, 1, 3);

static bool randint_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    int32_t a = 0, b = 0;
    if (!range_int(vm, args[0], 1, &a) || !range_int(vm, args[1], 2, &b))
        return false;
    if (b == INT32_MAX) { /* b + 1 would overflow: draw from [a-1, b) and shift */
        if (a == INT32_MIN) {
            *out = v_int((int32_t)next32());
            return true;
        }
        if (!randrange(vm, a - 1, b, 1, false, out))
            return false;
        out->u.i++;
        return true;
    }
    return randrange(vm, a, b + 1, 1, false, out);
}
static NATIVE(random_randint, "randint", randint_fn, 2, 2);

static bool uniform_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (!v_is_number(args[0]) || !v_is_number(args[1]))
        return vm_raise(vm, EXC_TypeError, "unsupported operand type(s) for -: '%s' and '%s'", type_name(args[1]),
                        type_name(args[0]));
    float a = v_as_float(args[0]), b = v_as_float(args[1]);
    *out = v_float(a + (b - a) * ((float)(next32() >> 8) * (1.0f / 16777216.0f)));
    return true;
}
static NATIVE(random_uniform, "uniform", uniform_fn, 2, 2);

static bool choice_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    int32_t n = 0;
    if (!vm_len(vm, args[0], &n))
        return false;
    if (n == 0)
        return vm_raise(vm, EXC_IndexError, "Cannot choose from an empty sequence");
    return vm_getitem(vm, args[0], v_int((int32_t)below((uint32_t)n)), out);
}
static NATIVE(random_choice, "choice", choice_fn, 1, 1);

/* Fisher-Yates, from the end */
static bool shuffle_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Value seq = args[0];
    if (seq.type != T_LIST) {
        if (seq.type == T_TUPLE || seq.type == T_STR || seq.type == T_BYTES)
            return vm_raise(vm, EXC_TypeError, "'%s' object does not support item assignment", type_name(seq));
        if (seq.type != T_BYTEARRAY && seq.type != T_ARRAY)
            return vm_raise(vm, EXC_TypeError, "object of type '%s' has no len()", type_name(seq));
    }
    int32_t n = 0;
    if (!vm_len(vm, seq, &n))
        return false;
    for (int32_t i = n - 1; i > 0; i--) {
        int32_t j = (int32_t)below((uint32_t)i + 1);
        if (seq.type == T_LIST) {
            List *l = AS(List, seq);
            Value t = l->items[i];
            l->items[i] = l->items[j];
            l->items[j] = t;
        } else {
            Value a, b;
            if (!vm_getitem(vm, seq, v_int(i), &a) || !vm_getitem(vm, seq, v_int(j), &b) ||
                !vm_setitem(vm, seq, v_int(i), b) || !vm_setitem(vm, seq, v_int(j), a))
                return false;
        }
    }
    *out = v_none();
    return true;
}
static NATIVE(random_shuffle, "shuffle", shuffle_fn, 1, 1);

/* sample(population, k): k distinct positions, in selection order */
static bool sample_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Value pop = args[0];
    if (pop.type != T_LIST && pop.type != T_TUPLE && pop.type != T_STR && pop.type != T_RANGE &&
        pop.type != T_BYTES)
        return vm_raise(vm, EXC_TypeError, "Population must be a sequence.  For dicts or sets, use sorted(d).");
    if (!v_is_intlike(args[1]))
        return vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[1]));
    int32_t n = 0, k = args[1].u.i;
    if (!vm_len(vm, pop, &n))
        return false;
    if (k < 0 || k > n)
        return vm_raise(vm, EXC_ValueError, "Sample larger than population or is negative");
    List *idx = list_new(vm, (uint32_t)n);
    if (!idx)
        return false;
    VM_ROOT(vm, v_obj(idx));
    List *res = list_new(vm, (uint32_t)k);
    bool ok = res != NULL;
    if (ok)
        VM_ROOT(vm, v_obj(res));
    for (int32_t i = 0; i < n && ok; i++)
        ok = list_append(vm, idx, v_int(i));
    for (int32_t i = 0; i < k && ok; i++) {
        int32_t j = i + (int32_t)below((uint32_t)(n - i));
        Value t = idx->items[i], item;
        idx->items[i] = idx->items[j];
        idx->items[j] = t;
        ok = vm_getitem(vm, pop, idx->items[i], &item) && list_append(vm, res, item);
    }
    VM_UNROOT(vm, res ? 2 : 1);
    if (ok)
        *out = v_obj(res);
    return ok;
}
static NATIVE(random_sample, "sample", sample_fn, 2, 2);

#define ATTR(name)                                                    \
    static Value get_##name(void) { return v_obj((void *)&random_##name); }
ATTR(seed)
ATTR(random)
ATTR(getrandbits)
ATTR(randrange)
ATTR(randint)
ATTR(uniform)
ATTR(choice)
ATTR(shuffle)
ATTR(sample)

static const ModuleAttr random_attrs[] = {
    {"seed", get_seed},       {"random", get_random}, {"getrandbits", get_getrandbits},
    {"randrange", get_randrange}, {"randint", get_randint}, {"uniform", get_uniform},
    {"choice", get_choice},   {"shuffle", get_shuffle}, {"sample", get_sample},
};

const Module module_random = {{0, T_MODULE, 0, 0}, "random", random_attrs,
                              sizeof random_attrs / sizeof random_attrs[0]};
