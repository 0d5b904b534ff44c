/*
 * gcmod.c - the gc module: collect() runs the collector (vm/gc.c) at once,
 * then the weakref callbacks of the objects it freed (vm/weakrefmod.c).
 * P4JIT's collector is a tracing one with no reference counts, so there is
 * little to tune; collect() returns 0 (CPython: the number of unreachable
 * objects it found). disable() only sets what isenabled() answers: the heap
 * is collected when it is full whatever the flag says (CPython's flag only
 * stops the cycle collector, never the freeing of unreferenced objects).
 * mem_alloc() and mem_free() are MicroPython's: bytes in use and bytes left.
 */
#include "vm/vm.h"
#include "vm/libobj.h"

static bool gc_enabled_flag = true;

static bool gc_collect_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    gc_collect(vm);
    *out = v_int(0);
    return weakref_run_pending(vm);
}
static NATIVE(gc_collect_n, "collect", gc_collect_fn, 0, 1);

static bool gc_set_enabled(bool on, Value *out)
{
    gc_enabled_flag = on;
    *out = v_none();
    return true;
}
static bool gc_enable_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return gc_set_enabled(true, out); }
static bool gc_disable_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return gc_set_enabled(false, out); }
static bool gc_isenabled_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    *out = v_bool(gc_enabled_flag);
    return true;
}
static NATIVE(gc_enable_n, "enable", gc_enable_fn, 0, 0);
static NATIVE(gc_disable_n, "disable", gc_disable_fn, 0, 0);
static NATIVE(gc_isenabled_n, "isenabled", gc_isenabled_fn, 0, 0);

static size_t heap_in_use(const VM *vm) { return vm->heap.live_bytes + vm->heap.allocated; }
static Value bytes_value(size_t n) { return v_int(n > 0x7fffffff ? 0x7fffffff : (int32_t)n); }

static bool gc_mem_alloc_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    *out = bytes_value(heap_in_use(vm));
    return true;
}
static bool gc_mem_free_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    size_t total = (size_t)(vm->heap.end - vm->heap.base), used = heap_in_use(vm);
    *out = bytes_value(total > used ? total - used : 0);
    return true;
}
static NATIVE(gc_mem_alloc_n, "mem_alloc", gc_mem_alloc_fn, 0, 0);
static NATIVE(gc_mem_free_n, "mem_free", gc_mem_free_fn, 0, 0);

static Value get_collect(void) { return v_obj((void *)&gc_collect_n); }
static Value get_enable(void) { return v_obj((void *)&gc_enable_n); }
static Value get_disable(void) { return v_obj((void *)&gc_disable_n); }
static Value get_isenabled(void) { return v_obj((void *)&gc_isenabled_n); }
static Value get_mem_alloc(void) { return v_obj((void *)&gc_mem_alloc_n); }
static Value get_mem_free(void) { return v_obj((void *)&gc_mem_free_n); }

static const ModuleAttr gc_attrs[] = {
    {"collect", get_collect},     {"enable", get_enable},       {"disable", get_disable},
    {"isenabled", get_isenabled}, {"mem_alloc", get_mem_alloc}, {"mem_free", get_mem_free},
};
const Module module_gc = {{0, T_MODULE, 0, 0}, "gc", gc_attrs, sizeof gc_attrs / sizeof gc_attrs[0]};
