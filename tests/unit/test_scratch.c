/*
 * test_scratch.c - compiled code's scratch memory and packed panels
 * (src/jit/scratch.c): reuse, a collection frees it, an exhausted heap gives
 * NULL without a collection or an exception, and every panel byte against
 * a plain reading of the matrix (aligned rows, rows merged from words, rows
 * partly outside it).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "jit/jit_int.h"
#include "vm/vm.h"

static VM *new_vm(size_t heap)
{
    VMConfig cfg;
    vm_config_default(&cfg);
    cfg.heap_size = heap;
    VM *vm = vm_new(&cfg);
    assert_non_null(vm);
    return vm;
}

static void reused_grown_and_dropped_by_a_collection(void **state)
{
    VM *vm = new_vm(64 * 1024);
    JitState js = {.vm = vm};
    uint8_t *p = jit_scratch(&js, 1000);
    assert_non_null(p);
    assert_true(gc_in_heap(vm, p));
    memset(p, 0x5a, 1000);
    assert_ptr_equal(jit_scratch(&js, 1000), p); /* the same shape: the same buffer */
    assert_ptr_equal(jit_scratch(&js, 16), p);
    uint8_t *q = jit_scratch(&js, 4000);      /* larger: another, the first given back */
    assert_non_null(q);
    assert_true(gc_raw_size(q) >= 4000);
    gc_collect(vm);
    size_t base = vm->heap.live_bytes;
    q = jit_scratch(&js, 4000);
    assert_non_null(q);
    gc_collect(vm);                           /* unrooted: the collection frees it */
    assert_int_equal(vm->heap.live_bytes, base);
    uint32_t epoch = js.scratch_epoch;
    uint8_t *r = jit_scratch(&js, 100);       /* not the freed one, whatever its size */
    assert_non_null(r);
    assert_int_equal(js.scratch_epoch, epoch + 1);
    assert_int_equal(vm->heap.live_bytes, base);
    vm_free(vm);
}

static void exhausted_heap_gives_null_quietly(void **state)
{
    VM *vm = new_vm(32 * 1024);
    JitState js = {.vm = vm};
    uint32_t before = vm->heap.collections;
    assert_null(jit_scratch(&js, 64 * 1024)); /* larger than the heap */
    /* fill the heap with a rooted chain, then ask for a little */
    Tuple *head = tuple_new(vm, 1);
    assert_non_null(head);
    VM_ROOT(vm, v_obj(head));
    for (Tuple *tail = head, *t; (t = tuple_new(vm, 8)) != NULL; tail = t)
        tail->items[0] = v_obj(t);
    vm->exc = v_none();
    before = vm->heap.collections;
    assert_null(jit_scratch(&js, 2048));
    assert_int_equal(vm->heap.collections, before); /* no collection */
    assert_int_equal(vm->exc.type, T_NONE);         /* no MemoryError */
    assert_null(jit_pack_panel(&js, (const int8_t *)"x", (const int8_t *)"x" + 1, 0, 1, 64, 64));
    VM_UNROOT(vm, 1);
    vm_free(vm);
}

static uint32_t rnd(uint32_t *s)
{
    *s = *s * 1103515245u + 12345u;
    return *s >> 16;
}

/* row k's byte c of the panel's block q, read the plain way */
static int8_t expected(const int8_t *m, int64_t len, int32_t first, int32_t stride, uint32_t k, uint32_t col)
{
    int64_t at = (int64_t)first + (int64_t)k * stride + col;
    return at >= 0 && at < len ? m[at] : 0;
}

static void panels_match_the_matrix(void **state)
{
    VM *vm = new_vm(256 * 1024);
    JitState js = {.vm = vm};
    _Alignas(8) int8_t m[5000]; /* (as a heap block: the copy reads the words around the rows) */
    uint32_t seed = 12;
    for (size_t i = 0; i < sizeof m; i++)
        m[i] = (int8_t)rnd(&seed);
    static const uint32_t shapes[][2] = {{1, 1}, {1, 16}, {16, 16}, {64, 64}, {17, 33}, {40, 1},
                                         {3, 40}, {48, 80}, {33, 17}, {7, 15}};
    for (int base = 0; base < 4; base += 3) /* the matrix word-aligned, or not */
    for (size_t s = 0; s < sizeof shapes / sizeof shapes[0]; s++)
        for (int variant = 0; variant < 4; variant++) {
            uint32_t rows = shapes[s][0], width = shapes[s][1];
            int32_t stride = (int32_t)width + (variant & 1 ? 5 : 0); /* rows padded, or not */
            int32_t first = variant & 2 ? 3 : 0;
            int64_t len = (int64_t)first + (int64_t)(rows - 1) * stride + width;
            if (variant == 3 && len > 7)
                len -= 7; /* the matrix one row short: the missing bytes read as 0 */
            assert_true(len + base <= (int64_t)sizeof m);
            const int8_t *p = jit_pack_panel(&js, m + base, m + base + len, first, stride, rows, width);
            assert_non_null(p);
            for (uint32_t q = 0; q < (width + 15) / 16; q++)
                for (uint32_t k = 0; k < rows; k++)
                    for (uint32_t c = 0; c < 16; c++)
                        assert_int_equal(p[(q * rows + k) * 16 + c],
                                         expected(m + base, len, first, stride, k, 16 * q + c));
        }
    /* backwards rows (a negative stride) and a first row before the matrix */
    const int8_t *p = jit_pack_panel(&js, m, m + 100, 90, -30, 5, 20);
    assert_non_null(p);
    for (uint32_t q = 0; q < 2; q++)
        for (uint32_t k = 0; k < 5; k++)
            for (uint32_t c = 0; c < 16; c++)
                assert_int_equal(p[(q * 5 + k) * 16 + c], expected(m, 100, 90, -30, k, 16 * q + c));
    assert_null(jit_pack_panel(&js, m, m + 10, 0, 1, 0, 16));        /* nothing to pack */
    assert_null(jit_pack_panel(&js, m, m + 10, 0, 1, 1u << 20, 4096)); /* too large */
    vm_free(vm);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reused_grown_and_dropped_by_a_collection),
        cmocka_unit_test(exhausted_heap_gives_null_quietly),
        cmocka_unit_test(panels_match_the_matrix),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
