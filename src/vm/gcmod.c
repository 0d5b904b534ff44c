/*
 * gcmod.c - the gc module: collect() runs the collector (vm/gc.c) at once,
 * then the weakref callbacks of the objects it freed (vm/weakrefmod.c).
 * P4JIT's collector is a tracing one with no reference counts, so there is
 * nothing else to tune; collect() returns 0 (CPython: the number of
 * unreachable objects it found).
 */
#include "vm/vm.h"
#include "vm/libobj.h"

static bool gc_collect_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    gc_collect(vm);
    *out = v_int(0);
    return weakref_run_pending(vm);
}
static NATIVE(gc_collect_n, "collect", gc_collect_fn, 0, 1);
static Value get_collect(void) { return v_obj((void *)&gc_collect_n); }

static const ModuleAttr gc_attrs[] = {{"collect", get_collect}};
const Module module_gc = {{0, T_MODULE, 0, 0}, "gc", gc_attrs, 1};
