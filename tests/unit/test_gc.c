/*
 * test_gc.c - the object heap and collector.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

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

static void garbage_is_reclaimed(void **state)
{
    VM *vm = new_vm(64 * 1024);
    gc_collect(vm);
    size_t baseline = vm->heap.live_bytes;
    /* Far more than the heap holds in total: only works if garbage is freed. */
    for (int i = 0; i < 20000; i++)
        assert_non_null(tuple_new(vm, 3));
    gc_collect(vm);
    assert_int_equal(vm->heap.live_bytes, baseline);
    assert_true(vm->heap.collections > 1);
    vm_free(vm);
}

static void rooted_objects_survive(void **state)
{
    VM *vm = new_vm(64 * 1024);
    Tuple *outer = tuple_new(vm, 2);
    assert_non_null(outer);
    VM_ROOT(vm, v_obj(outer));
    Tuple *inner = tuple_new(vm, 1);
    assert_non_null(inner);
    inner->items[0] = v_int(42);
    outer->items[0] = v_obj(inner);
    outer->items[1] = v_float(1.5f);
    for (int i = 0; i < 5000; i++)
        assert_non_null(tuple_new(vm, 4)); /* churn: forces collections */
    gc_collect(vm);
    assert_int_equal(outer->hdr.type, T_TUPLE);
    assert_int_equal(outer->items[0].type, T_TUPLE);
    assert_ptr_equal(outer->items[0].u.obj, &inner->hdr);
    assert_int_equal(inner->items[0].u.i, 42);
    VM_UNROOT(vm, 1);
    vm_free(vm);
}

static void exhaustion_raises_memory_error(void **state)
{
    VM *vm = new_vm(32 * 1024);
    /* Keep everything reachable through a chain rooted once. */
    Tuple *head = tuple_new(vm, 1);
    assert_non_null(head);
    VM_ROOT(vm, v_obj(head));
    Tuple *tail = head;
    int n = 0;
    for (;;) {
        Tuple *t = tuple_new(vm, 8);
        if (!t)
            break;
        tail->items[0] = v_obj(t);
        tail = t;
        n++;
        assert_true(n < 100000);
    }
    assert_true(n > 100);
    assert_int_equal(vm->exc.type, T_EXCEPTION);
    assert_ptr_equal(vm->exc.u.obj, &vm->memory_error->hdr);
    /* Dropping the chain makes the memory available again. */
    VM_UNROOT(vm, 1);
    vm->exc = v_unbound();
    assert_non_null(tuple_new(vm, 8));
    vm_free(vm);
}

static void oversized_request_fails_cleanly(void **state)
{
    VM *vm = new_vm(32 * 1024);
    assert_null(gc_alloc(vm, T_TUPLE, 1u << 20));
    assert_int_equal(vm->exc.type, T_EXCEPTION);
    vm_free(vm);
}

static void free_blocks_coalesce(void **state)
{
    VM *vm = new_vm(64 * 1024);
    /* Fill the heap with small garbage, then ask for one block bigger than
     * any single small block: the sweep must merge neighbours. */
    for (int i = 0; i < 3000; i++)
        assert_non_null(tuple_new(vm, 1));
    void *big = gc_alloc_raw(vm, 40 * 1024);
    assert_non_null(big);
    assert_true(gc_raw_size(big) >= 40 * 1024);
    gc_free_raw(vm, big);
    assert_non_null(gc_alloc_raw(vm, 40 * 1024));
    vm_free(vm);
}

static void deep_structures_overflow_the_grey_stack_safely(void **state)
{
    VM *vm = new_vm(1024 * 1024);
    Tuple *head = tuple_new(vm, 1);
    assert_non_null(head);
    VM_ROOT(vm, v_obj(head));
    Tuple *tail = head;
    const int depth = 10000; /* deeper than the 4096-entry grey stack */
    for (int i = 0; i < depth; i++) {
        Tuple *t = tuple_new(vm, 2);
        assert_non_null(t);
        t->items[1] = v_int(i);
        tail->items[0] = v_obj(t);
        tail = t;
    }
    gc_collect(vm);
    int count = 0;
    for (Tuple *t = head; t->items[0].type == T_TUPLE; count++) {
        t = AS(Tuple, t->items[0]);
        assert_int_equal(t->items[1].u.i, count);
    }
    assert_int_equal(count, depth);
    VM_UNROOT(vm, 1);
    vm_free(vm);
}

static void stress_mode_collects_every_time(void **state)
{
    VMConfig cfg;
    vm_config_default(&cfg);
    cfg.heap_size = 32 * 1024;
    cfg.gc_stress = true;
    VM *vm = vm_new(&cfg);
    assert_non_null(vm);
    uint32_t before = vm->heap.collections;
    for (int i = 0; i < 10; i++)
        assert_non_null(tuple_new(vm, 1));
    assert_true(vm->heap.collections >= before + 10);
    vm_free(vm);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(garbage_is_reclaimed),
        cmocka_unit_test(rooted_objects_survive),
        cmocka_unit_test(exhaustion_raises_memory_error),
        cmocka_unit_test(oversized_request_fails_cleanly),
        cmocka_unit_test(free_blocks_coalesce),
        cmocka_unit_test(deep_structures_overflow_the_grey_stack_safely),
        cmocka_unit_test(stress_mode_collects_every_time),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
