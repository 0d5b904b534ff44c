/*
 * p4mod.c - the `p4` module: the chip's counters and how functions run.
 *
 * Counters are returned modulo 2**31 (ints are 32-bit): measure an interval
 * as (end - start) & 0x7fffffff. lib/python/p4.py provides the same module
 * for CPython, so programs using it run unchanged there.
 */
#include <string.h>

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

/* jit_mode() -> "off" | "scalar" | "pie": how functions run now;
 * jit_mode(name): from the next call on (jit/jit.h jit_switch): the
 * interpreter, the JIT without PIE, the JIT with PIE. One run can thus
 * measure all three (examples/mnist.py). */
static bool jit_mode_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (nargs == 0) {
        Str *s = str_from_cstr(vm, jit_run_name(jit_run_mode(vm)));
        if (!s)
            return false;
        *out = v_obj(s);
        return true;
    }
    if (args[0].type != T_STR)
        return vm_raise(vm, EXC_TypeError, "jit_mode() argument must be str, not '%s'", type_name(args[0]));
    const Str *name = AS(Str, args[0]);
    for (JitRun m = JIT_RUN_OFF; m <= JIT_RUN_PIE; m++)
        if (strlen(jit_run_name(m)) == name->len && memcmp(name->data, jit_run_name(m), name->len) == 0) {
            *out = v_none();
            return jit_switch(vm, m);
        }
    return vm_raise(vm, EXC_ValueError, "jit_mode(): unknown mode '%s' (off, scalar or pie)", name->data);
}
static NATIVE(p4_jit_mode, "jit_mode", jit_mode_fn, 0, 1);

/* jit_modes(): the modes jit_mode takes in this run, as a tuple of names */
static bool jit_modes_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    unsigned modes = jit_run_modes(vm);
    uint32_t n = 0;
    for (JitRun m = JIT_RUN_OFF; m <= JIT_RUN_PIE; m++)
        n += (modes >> m) & 1u;
    Tuple *t = tuple_new(vm, n);
    if (!t)
        return false;
    VM_ROOT(vm, v_obj(t));
    n = 0;
    for (JitRun m = JIT_RUN_OFF; m <= JIT_RUN_PIE; m++) {
        Str *s = (modes >> m) & 1u ? str_from_cstr(vm, jit_run_name(m)) : NULL;
        if ((modes >> m) & 1u && !s) {
            VM_UNROOT(vm, 1);
            return false;
        }
        if (s)
            t->items[n++] = v_obj(s);
    }
    VM_UNROOT(vm, 1);
    *out = v_obj(t);
    return true;
}
static NATIVE(p4_jit_modes, "jit_modes", jit_modes_fn, 0, 0);

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
static Value get_jit_mode(void) { return v_obj((void *)&p4_jit_mode); }
static Value get_jit_modes(void) { return v_obj((void *)&p4_jit_modes); }

static const ModuleAttr p4_attrs[] = {
    {"cycles", get_cycles},
    {"instret", get_instret},
    {"freq", get_freq},
    {"jit_info", get_jit_info},
    {"heap_live", get_heap_live},
    {"jit_mode", get_jit_mode},
    {"jit_modes", get_jit_modes},
};

const Module module_p4 = {{0, T_MODULE, 0, 0}, "p4", p4_attrs, sizeof p4_attrs / sizeof p4_attrs[0]};
