/*
 * test_long.c - ints of any size (vm/long.c) where CPython cannot be the
 * oracle: conversion to binary32 floats (CPython's floats are doubles) and
 * exact comparison with them. The references are the C conversions of an
 * int64 (one correctly rounded step on the host) and long double compares
 * (64-bit significand: exact for int64 and float).
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "vm/long.h"
#include "vm/vm.h"

static VM *new_vm(void)
{
    VMConfig cfg;
    vm_config_default(&cfg);
    VM *vm = vm_new(&cfg);
    assert_non_null(vm);
    return vm;
}

static uint64_t rng_state = 0x9e3779b97f4a7c15u;
static uint64_t next_random(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

/* an int64 with a random bit length and low bits that make ties and near-ties */
static int64_t random_i64(void)
{
    uint64_t r = next_random();
    unsigned bits = 1 + (unsigned)(r % 63);
    uint64_t m = next_random() >> (64 - bits);
    switch (r >> 60 & 3) {
    case 0: m |= 1; break;                                   /* sticky bit set */
    case 1: if (bits > 26) m &= ~((1ull << (bits - 25)) - 1); /* exact */
        break;
    case 2: if (bits > 26) m = (m & ~((1ull << (bits - 25)) - 1)) | (1ull << (bits - 26)); /* a tie */
        break;
    default: break;
    }
    return (r >> 62 & 1) ? -(int64_t)m : (int64_t)m;
}

static void floats_round_to_nearest_even(void **state)
{
    VM *vm = new_vm();
    static const int64_t edges[] = {16777217, 16777219, 16777218, (1ll << 60) + (1ll << 36) + 1, (1ll << 60) + (1ll << 36),
                                    (1ll << 60) + (3ll << 36), INT64_MAX, INT64_MIN, -(1ll << 40) - 1, 2147483648ll,
                                    -2147483649ll, 4294967295ll};
    for (int i = 0; i < 200000; i++) {
        int64_t x = i < (int)(sizeof edges / sizeof edges[0]) ? edges[i] : random_i64();
        Value v;
        assert_true(long_from_i64(vm, x, &v));
        VM_ROOT(vm, v);
        float f;
        assert_true(long_to_float(vm, v, &f));
        if (f != (float)x)
            fail_msg("float(%lld) = %.9g, want %.9g", (long long)x, (double)f, (double)(float)x);
        /* the same value times 2**k: exact scaling of the reference */
        unsigned k = (unsigned)(next_random() % 70);
        Value big;
        assert_true(long_binary_op(vm, OP_BINARY_LSHIFT, v, v_int((int32_t)k), &big));
        VM_UNROOT(vm, 1);
        float want = ldexpf((float)x, (int)k);
        float got;
        if (isinf(want)) {
            assert_false(long_to_float(vm, big, &got));
            vm->exc = v_unbound();
        } else {
            assert_true(long_to_float(vm, big, &got));
            if (got != want)
                fail_msg("float(%lld << %u) = %.9g, want %.9g", (long long)x, k, (double)got, (double)want);
        }
    }
    vm_free(vm);
}

static void comparisons_with_floats_are_exact(void **state)
{
    VM *vm = new_vm();
    for (int i = 0; i < 200000; i++) {
        int64_t x = random_i64();
        /* a float near x: x itself rounded, then nudged by a few ulps */
        float f = nextafterf((float)x, (next_random() & 1) ? INFINITY : -INFINITY);
        if (next_random() & 1)
            f = (float)x;
        Value v;
        assert_true(long_from_i64(vm, x, &v));
        long double lx = (long double)x, lf = (long double)f;
        int want = lx < lf ? -1 : lx > lf ? 1 : 0;
        int got = long_cmp_float(v, f);
        if (got != want)
            fail_msg("cmp(%lld, %.9g) = %d, want %d", (long long)x, (double)f, got, want);
    }
    Value v;
    assert_true(long_from_i64(vm, INT64_MAX, &v));
    assert_int_equal(long_cmp_float(v, NAN), 2);
    assert_int_equal(long_cmp_float(v, INFINITY), -1);
    assert_int_equal(long_cmp_float(v, -INFINITY), 1);
    vm_free(vm);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(floats_round_to_nearest_even),
        cmocka_unit_test(comparisons_with_floats_are_exact),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
