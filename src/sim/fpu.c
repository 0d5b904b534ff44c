/*
 * fpu.c - RV32F arithmetic, bit-exact with the RISC-V F specification.
 *
 * The host's IEEE 754 binary32 arithmetic (SSE on x86-64, the FPU on arm64)
 * computes each operation with the rounding mode set through <fenv.h> and
 * reports the five exception flags; the RISC-V specific parts are done here:
 * canonical NaN results, saturating conversions, fmin/fmax, fclass, and the
 * RMM mode (round to nearest, ties away), which hosts lack: the operation
 * is done in double rounded toward zero, then rounded to float ties-away.
 * Built with -frounding-math so the compiler keeps the order of the calls.
 */
#include <fenv.h>
#include <float.h>
#include <math.h>
#include <string.h>

#include "sim/fpu.h"

enum { NV = 16, DZ = 8, OF = 4, UF = 2, NX = 1 };
#define CANON_NAN 0x7fc00000u

static float f_of(uint32_t b) { float f; memcpy(&f, &b, 4); return f; }
static uint32_t b_of(float f) { uint32_t b; memcpy(&b, &f, 4); return b; }
static bool is_nan(uint32_t b) { return (b & 0x7fffffff) > 0x7f800000; }
static bool is_snan(uint32_t b) { return is_nan(b) && !(b & 0x00400000); }

#if defined(__x86_64__) && defined(__SSE2_MATH__)
/* x86-64 does float and double arithmetic in SSE, whose control and status
 * register MXCSR holds both the rounding mode and the sticky flags: setting
 * and reading it directly costs a few cycles, where glibc's fesetround and
 * feclearexcept also rewrite the x87 environment (fnstenv/fldenv: about 30%
 * of p4sim's time on float code). Bits (Intel SDM vol. 1, 10.2.3): flags
 * 0..5 (invalid, denormal, divide-by-zero, overflow, underflow, precision),
 * DAZ 6, rounding control 13..14 (0 nearest, 1 down, 2 up, 3 toward zero),
 * FZ 15. The asm statements are compiler barriers: with the operands read
 * from volatiles after begin() and the result written to a volatile before
 * end(), the operation cannot move out of the window. */
static unsigned mxcsr_saved;

static inline unsigned get_mxcsr(void) { unsigned v; __asm__ volatile("stmxcsr %0" : "=m"(v) : : "memory"); return v; }
static inline void set_mxcsr(unsigned v) { __asm__ volatile("ldmxcsr %0" : : "m"(v) : "memory"); }

static void begin(int rm)
{
    static const unsigned rc[5] = {0u << 13, 3u << 13, 1u << 13, 2u << 13, 0u << 13};
    mxcsr_saved = get_mxcsr();
    set_mxcsr((mxcsr_saved & ~0xe07fu) | rc[rm]);
}

static unsigned end(void)
{
    unsigned e = get_mxcsr();
    set_mxcsr(mxcsr_saved);
    return (e & 1 ? NV : 0) | (e & 4 ? DZ : 0) | (e & 8 ? OF : 0) | (e & 16 ? UF : 0) | (e & 32 ? NX : 0);
}
#else
static const int host_mode[5] = {FE_TONEAREST, FE_TOWARDZERO, FE_DOWNWARD, FE_UPWARD, FE_TONEAREST};

static void begin(int rm)
{
    fesetround(host_mode[rm]);
    feclearexcept(FE_ALL_EXCEPT);
}

static unsigned end(void)
{
    int e = fetestexcept(FE_ALL_EXCEPT);
    fesetround(FE_TONEAREST);
    return (e & FE_INVALID ? NV : 0) | (e & FE_DIVBYZERO ? DZ : 0) | (e & FE_OVERFLOW ? OF : 0) |
           (e & FE_UNDERFLOW ? UF : 0) | (e & FE_INEXACT ? NX : 0);
}
#endif

/* double -> float, ties away from zero; *fl gets OF/UF/NX. */
static float round_rmm(double d, unsigned *fl)
{
    if (isnan(d) || isinf(d) || d == 0) return (float)d;
    fesetround(FE_TOWARDZERO);
    volatile float t = (float)d;
    fesetround(FE_TONEAREST);
    float away = nextafterf(t, d > 0 ? INFINITY : -INFINITY);
    double lo = fabs(d - (double)t);
    double hi = isinf(away) ? fabs(ldexp(1.0, 128) - fabs(d)) : fabs((double)away - d);
    float r = lo == 0 ? t : (hi <= lo ? away : t);
    if ((double)r != d) *fl |= NX;
    if (isinf(r)) *fl |= OF | NX;
    if ((*fl & NX) && fabsf(r) < FLT_MIN) *fl |= UF; /* tiny and inexact */
    return r;
}

static uint32_t result(float r)
{
    uint32_t b = b_of(r);
    return is_nan(b) ? CANON_NAN : b;
}

uint32_t fpu_arith(int op, uint32_t a, uint32_t b, uint32_t c, int rm, unsigned *flags)
{
    volatile float vx = f_of(a), vy = f_of(b), vz = f_of(c);
    float x = vx, y = vy, z = vz, r;
    /* inf * 0 in a fused op is invalid even when the addend is a quiet NaN
     * (F spec: "fused multiply-add ... set the invalid operation exception
     * flag when the multiplicands are inf and zero, even when the addend is a
     * quiet NaN"); x86's FMA stays quiet there. */
    if (op >= FPU_MADD && ((isinf(x) && y == 0) || (x == 0 && isinf(y)))) {
        *flags |= NV;
        return CANON_NAN;
    }
    if (rm == 4) {
        /* the double result truncated toward zero lies at or beyond the
         * float midpoint exactly when the exact result does, and truncates to
         * the same float: rounding it ties-away is exact for every op */
        begin(1);
        x = vx, y = vy, z = vz;
        volatile double d;
        switch (op) {
        case FPU_ADD: d = (double)x + (double)y; break;
        case FPU_SUB: d = (double)x - (double)y; break;
        case FPU_MUL: d = (double)x * (double)y; break;
        case FPU_DIV: d = (double)x / (double)y; break;
        case FPU_SQRT: d = sqrt((double)x); break;
        case FPU_MADD: d = fma((double)x, (double)y, (double)z); break;
        case FPU_MSUB: d = fma((double)x, (double)y, -(double)z); break;
        case FPU_NMSUB: d = fma(-(double)x, (double)y, (double)z); break;
        default: d = fma(-(double)x, (double)y, -(double)z); break;
        }
        unsigned fl = end() & (NV | DZ | NX);
        r = round_rmm(d, &fl);
        *flags |= fl;
        return result(r);
    }
    begin(rm);
    x = vx, y = vy, z = vz;
    switch (op) {
    case FPU_ADD: r = x + y; break;
    case FPU_SUB: r = x - y; break;
    case FPU_MUL: r = x * y; break;
    case FPU_DIV: r = x / y; break;
    case FPU_SQRT: r = sqrtf(x); break;
    case FPU_MADD: r = fmaf(x, y, z); break;
    case FPU_MSUB: r = fmaf(x, y, -z); break;
    case FPU_NMSUB: r = fmaf(-x, y, z); break;
    default: r = fmaf(-x, y, -z); break;
    }
    volatile float keep = r;
    *flags |= end();
    return result(keep);
}

static double round_int(double v, int rm)
{
    switch (rm) {
    case 0: return nearbyint(v); /* host mode is nearest-even here */
    case 1: return trunc(v);
    case 2: return floor(v);
    case 3: return ceil(v);
    default: return round(v);
    }
}

uint32_t fpu_cvt_w(uint32_t a, int rm, bool unsig, unsigned *flags)
{
    if (is_nan(a)) { *flags |= NV; return unsig ? 0xffffffffu : 0x7fffffffu; }
    double v = (double)f_of(a), r = round_int(v, rm);
    if (unsig) {
        if (r > 4294967295.0) { *flags |= NV; return 0xffffffffu; }
        if (r < 0) { *flags |= NV; return 0; }
        if (r != v) *flags |= NX;
        return (uint32_t)r;
    }
    if (r > 2147483647.0) { *flags |= NV; return 0x7fffffffu; }
    if (r < -2147483648.0) { *flags |= NV; return 0x80000000u; }
    if (r != v) *flags |= NX;
    return (uint32_t)(int32_t)r;
}

uint32_t fpu_cvt_s(uint32_t a, int rm, bool unsig, unsigned *flags)
{
    volatile double d = unsig ? (double)a : (double)(int32_t)a; /* exact */
    if (rm == 4) { float r = round_rmm(d, flags); return b_of(r); }
    begin(rm);
    volatile float r = (float)(double)d;
    *flags |= end();
    return b_of(r);
}

uint32_t fpu_minmax(uint32_t a, uint32_t b, bool max, unsigned *flags)
{
    if (is_snan(a) || is_snan(b)) *flags |= NV;
    if (is_nan(a) && is_nan(b)) return CANON_NAN;
    if (is_nan(a)) return b;
    if (is_nan(b)) return a;
    float x = f_of(a), y = f_of(b);
    if (x == y) /* +0 vs -0: -0 is the smaller */
        return max ? (a & b) : (a | b);
    return (x < y) != max ? a : b;
}

uint32_t fpu_cmp(int op, uint32_t a, uint32_t b, unsigned *flags)
{
    if (is_nan(a) || is_nan(b)) {
        if (op != 0 || is_snan(a) || is_snan(b)) *flags |= NV;
        return 0;
    }
    float x = f_of(a), y = f_of(b);
    return op == 0 ? x == y : op == 1 ? x < y : x <= y;
}

uint32_t fpu_class(uint32_t a)
{
    bool neg = a >> 31;
    uint32_t e = (a >> 23) & 0xff, m = a & 0x7fffff;
    if (e == 0xff) return m == 0 ? (neg ? 1u << 0 : 1u << 7) : (m & 0x400000 ? 1u << 9 : 1u << 8);
    if (e == 0) return m == 0 ? (neg ? 1u << 3 : 1u << 4) : (neg ? 1u << 2 : 1u << 5);
    return neg ? 1u << 1 : 1u << 6;
}
