/*
 * timemod.c - the `time` module: time, monotonic, perf_counter, sleep, and
 * MicroPython's ticks_ms/ticks_us/ticks_cpu/ticks_diff/ticks_add and
 * sleep_ms/sleep_us.
 *
 * Intervals come from the port's cycle counter (port_cycles / port_cpu_hz).
 * time.time() is the wall clock where the platform has one (the host,
 * ESP-IDF) and seconds since start-up on the bare-metal firmware. Floats
 * are float32 here: time.time() has a resolution of 128 s near the present
 * epoch, so intervals belong to monotonic() or the ticks functions
 * (docs/language.md).
 */
#include <math.h>

#include "port/port.h"
#include "vm/long.h"
#include "vm/vm.h"

/* MicroPython's ticks wrap at 2**30, so they stay small ints there too */
#define TICKS_PERIOD (1u << 30)
#define TICKS_MASK (TICKS_PERIOD - 1)

static uint64_t now_us(void)
{
    uint64_t hz = port_cpu_hz(), c = port_cycles();
    return hz ? c / hz * 1000000u + c % hz * 1000000u / hz : 0;
}

static bool number_arg(VM *vm, Value v, float *out)
{
    if (!v_is_number(v))
        return vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", type_name(v));
    *out = v_as_float(v);
    return true;
}

static bool time_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    int64_t sec;
    int32_t nsec;
    if (port_wall_clock(&sec, &nsec)) {
        *out = v_float((float)((double)sec + nsec * 1e-9));
        return true;
    }
    *out = v_float((float)(now_us() * 1e-6));
    return true;
}
static NATIVE(time_time, "time", time_fn, 0, 0);

static bool monotonic_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    *out = v_float((float)(now_us() * 1e-6));
    return true;
}
static NATIVE(time_monotonic, "monotonic", monotonic_fn, 0, 0);
static NATIVE(time_perf_counter, "perf_counter", monotonic_fn, 0, 0);

/* The _ns forms are exact ints (long ints past 2**31): the way to measure
 * or stamp time without float32's rounding. */
static bool time_ns_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    int64_t sec;
    int32_t nsec;
    if (port_wall_clock(&sec, &nsec))
        return long_from_i64(vm, sec * 1000000000 + nsec, out);
    return long_from_i64(vm, (int64_t)now_us() * 1000, out);
}
static NATIVE(time_time_ns, "time_ns", time_ns_fn, 0, 0);

static bool monotonic_ns_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    return long_from_i64(vm, (int64_t)now_us() * 1000, out);
}
static NATIVE(time_monotonic_ns, "monotonic_ns", monotonic_ns_fn, 0, 0);
static NATIVE(time_perf_counter_ns, "perf_counter_ns", monotonic_ns_fn, 0, 0);

static bool sleep_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    float s = 0;
    if (!number_arg(vm, args[0], &s))
        return false;
    if (isnan(s))
        return vm_raise(vm, EXC_ValueError, "Invalid value NaN (not a number)");
    if (s < 0)
        return vm_raise(vm, EXC_ValueError, "sleep length must be non-negative");
    if (s > 4.0e6f)
        return vm_raise(vm, EXC_OverflowError, "sleep length is too large");
    vm_flush(vm); /* what was printed before the pause appears before it */
    port_sleep_us((uint64_t)((double)s * 1e6));
    *out = v_none();
    return true;
}
static NATIVE(time_sleep, "sleep", sleep_fn, 1, 1);

static bool int_arg(VM *vm, Value v, int32_t *out)
{
    if (!v_is_intlike(v))
        return vm_raise(vm, EXC_TypeError, "can't convert %s to int", type_name(v));
    *out = v.u.i;
    return true;
}

static bool sleep_ms_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    int32_t n = 0;
    if (!int_arg(vm, args[0], &n))
        return false;
    vm_flush(vm);
    if (n > 0)
        port_sleep_us((uint64_t)n * 1000u);
    *out = v_none();
    return true;
}
static NATIVE(time_sleep_ms, "sleep_ms", sleep_ms_fn, 1, 1);

static bool sleep_us_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    int32_t n = 0;
    if (!int_arg(vm, args[0], &n))
        return false;
    vm_flush(vm);
    if (n > 0)
        port_sleep_us((uint64_t)n);
    *out = v_none();
    return true;
}
static NATIVE(time_sleep_us, "sleep_us", sleep_us_fn, 1, 1);

static bool ticks_ms_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    *out = v_int((int32_t)((now_us() / 1000u) & TICKS_MASK));
    return true;
}
static NATIVE(time_ticks_ms, "ticks_ms", ticks_ms_fn, 0, 0);

static bool ticks_us_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    *out = v_int((int32_t)(now_us() & TICKS_MASK));
    return true;
}
static NATIVE(time_ticks_us, "ticks_us", ticks_us_fn, 0, 0);

static bool ticks_cpu_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    *out = v_int((int32_t)(port_cycles() & TICKS_MASK));
    return true;
}
static NATIVE(time_ticks_cpu, "ticks_cpu", ticks_cpu_fn, 0, 0);

/* ticks_diff(end, start): the signed distance, assuming it is below half a period */
static bool ticks_diff_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    int32_t a = 0, b = 0;
    if (!int_arg(vm, args[0], &a) || !int_arg(vm, args[1], &b))
        return false;
    uint32_t d = ((uint32_t)a - (uint32_t)b + TICKS_PERIOD / 2) & TICKS_MASK;
    *out = v_int((int32_t)d - (int32_t)(TICKS_PERIOD / 2));
    return true;
}
static NATIVE(time_ticks_diff, "ticks_diff", ticks_diff_fn, 2, 2);

static bool ticks_add_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    int32_t t = 0, d = 0;
    if (!int_arg(vm, args[0], &t) || !int_arg(vm, args[1], &d))
        return false;
    *out = v_int((int32_t)(((uint32_t)t + (uint32_t)d) & TICKS_MASK));
    return true;
}
static NATIVE(time_ticks_add, "ticks_add", ticks_add_fn, 2, 2);

#define ATTR(name)                                                  \
    static Value get_##name(void) { return v_obj((void *)&time_##name); }
ATTR(time)
ATTR(monotonic)
ATTR(perf_counter)
ATTR(time_ns)
ATTR(monotonic_ns)
ATTR(perf_counter_ns)
ATTR(sleep)
ATTR(sleep_ms)
ATTR(sleep_us)
ATTR(ticks_ms)
ATTR(ticks_us)
ATTR(ticks_cpu)
ATTR(ticks_diff)
ATTR(ticks_add)

static const ModuleAttr time_attrs[] = {
    {"time", get_time},           {"monotonic", get_monotonic}, {"perf_counter", get_perf_counter},
    {"sleep", get_sleep},         {"sleep_ms", get_sleep_ms},   {"sleep_us", get_sleep_us},
    {"ticks_ms", get_ticks_ms},   {"ticks_us", get_ticks_us},   {"ticks_cpu", get_ticks_cpu},
    {"ticks_diff", get_ticks_diff}, {"ticks_add", get_ticks_add}, {"time_ns", get_time_ns},
    {"monotonic_ns", get_monotonic_ns}, {"perf_counter_ns", get_perf_counter_ns},
};

const Module module_time = {{0, T_MODULE, 0, 0}, "time", time_attrs, sizeof time_attrs / sizeof time_attrs[0]};
