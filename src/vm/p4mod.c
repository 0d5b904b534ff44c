/*
 * p4mod.c - the `p4` module: the chip's counters and how functions run.
 *
 * Counters are returned modulo 2**31 (ints are 32-bit): measure an interval
 * as (end - start) & 0x7fffffff. lib/python/p4.py provides the same module
 * for CPython, so programs using it run unchanged there.
 */
#include "port/port.h"
#include "jit/jit.h"
#include "vm/vm.h"

static Value counter(uint64_t c) { return v_int((int32_t)(c & 0x7fffffffu)); }

static bool cycles_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    *out = counter(port_cycles());
    return true;
}
static NATIVE(p4_cycles, "cycles", cycles_fn, 0, 0);

static bool instret_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    *out = counter(port_instret());
    return true;
}
static NATIVE(p4_instret, "instret", instret_fn, 0, 0);

static bool freq_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    *out = v_int((int32_t)port_cpu_hz());
    return true;
}
static NATIVE(p4_freq, "freq", freq_fn, 0, 0);

static bool jit_info_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (args[0].type != T_FUNCTION)
        return vm_raise(vm, EXC_TypeError, "jit_info() argument must be a function, not '%s'",
                        type_name(args[0]));
    Str *s = jit_info(vm, AS(Function, args[0]));
    if (!s)
        return false;
    *out = v_obj(s);
    return true;
}
static NATIVE(p4_jit_info, "jit_info", jit_info_fn, 1, 1);

/* Collects garbage and returns the bytes the live objects take: compare two
 * runs of one program (the interpreter and the JIT must keep the same
 * objects alive: docs/jit.md, "Heap use"). */
static bool heap_live_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    gc_collect(vm);
    *out = v_int((int32_t)vm->heap.live_bytes);
    return true;
}
static NATIVE(p4_heap_live, "heap_live", heap_live_fn, 0, 0);

static Value get_cycles(void) { return v_obj((void *)&p4_cycles); }
static Value get_instret(void) { return v_obj((void *)&p4_instret); }
static Value get_freq(void) { return v_obj((void *)&p4_freq); }
static Value get_jit_info(void) { return v_obj((void *)&p4_jit_info); }
static Value get_heap_live(void) { return v_obj((void *)&p4_heap_live); }

static const ModuleAttr p4_attrs[] = {
    {"cycles", get_cycles},
    {"instret", get_instret},
    {"freq", get_freq},
    {"jit_info", get_jit_info},
    {"heap_live", get_heap_live},
};

const Module module_p4 = {{0, T_MODULE, 0, 0}, "p4", p4_attrs, sizeof p4_attrs / sizeof p4_attrs[0]};
