/* F extension: every arithmetic op in all five static rounding modes and the
 * dynamic one, special values (NaNs, infinities, zeros, subnormals), fflags. */
#include "common.h"

static uint32_t hash = 0;
static void mix(uint32_t v) { hash = (hash ^ v) * 16777619u; }

static const uint32_t special[] = {
    0x00000000, 0x80000000, 0x3f800000, 0xbf800000, 0x7f800000, 0xff800000, 0x7fc00000, 0x7fa00000,
    0xffc00001, 0x00000001, 0x807fffff, 0x00800000, 0x7f7fffff, 0xff7fffff, 0x3eaaaaab, 0x4f000000,
    0xcf000000, 0x4f800000, 0x3effffff, 0x3fc00000, 0x40200000, 0xc0200000, 0x34000000, 0x5f800000,
};
#define NS (sizeof special / 4)

static uint32_t flags(void) { uint32_t f; __asm__ volatile("csrrw %0, fflags, zero" : "=r"(f)); return f; }

#define OP1(fn, mn, rm) static uint32_t fn(uint32_t a, uint32_t b, uint32_t c) { uint32_t r; (void)b, (void)c; \
    __asm__ volatile("fmv.w.x ft0,%1; " mn " ft2,ft0," rm "; fmv.x.w %0,ft2" : "=r"(r) : "r"(a) : "ft0", "ft2"); return r; }
#define OP2(fn, mn, rm) static uint32_t fn(uint32_t a, uint32_t b, uint32_t c) { uint32_t r; (void)c; \
    __asm__ volatile("fmv.w.x ft0,%1; fmv.w.x ft1,%2; " mn " ft2,ft0,ft1," rm "; fmv.x.w %0,ft2" \
        : "=r"(r) : "r"(a), "r"(b) : "ft0", "ft1", "ft2"); return r; }
#define OP3(fn, mn, rm) static uint32_t fn(uint32_t a, uint32_t b, uint32_t c) { uint32_t r; \
    __asm__ volatile("fmv.w.x ft0,%1; fmv.w.x ft1,%2; fmv.w.x ft3,%3; " mn " ft2,ft0,ft1,ft3," rm "; fmv.x.w %0,ft2" \
        : "=r"(r) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); return r; }
#define OPW(fn, mn, rm) static uint32_t fn(uint32_t a, uint32_t b, uint32_t c) { uint32_t r; (void)b, (void)c; \
    __asm__ volatile("fmv.w.x ft0,%1; " mn " %0,ft0," rm : "=r"(r) : "r"(a) : "ft0"); return r; }
#define OPS(fn, mn, rm) static uint32_t fn(uint32_t a, uint32_t b, uint32_t c) { uint32_t r; (void)b, (void)c; \
    __asm__ volatile(mn " ft2,%1," rm "; fmv.x.w %0,ft2" : "=r"(r) : "r"(a) : "ft2"); return r; }
OP2(fadd_rne, "fadd.s", "rne")
OP2(fadd_rtz, "fadd.s", "rtz")
OP2(fadd_rdn, "fadd.s", "rdn")
OP2(fadd_rup, "fadd.s", "rup")
OP2(fadd_rmm, "fadd.s", "rmm")
OP2(fadd_dyn, "fadd.s", "dyn")
OP2(fsub_rne, "fsub.s", "rne")
OP2(fsub_rtz, "fsub.s", "rtz")
OP2(fsub_rdn, "fsub.s", "rdn")
OP2(fsub_rup, "fsub.s", "rup")
OP2(fsub_rmm, "fsub.s", "rmm")
OP2(fsub_dyn, "fsub.s", "dyn")
OP2(fmul_rne, "fmul.s", "rne")
OP2(fmul_rtz, "fmul.s", "rtz")
OP2(fmul_rdn, "fmul.s", "rdn")
OP2(fmul_rup, "fmul.s", "rup")
OP2(fmul_rmm, "fmul.s", "rmm")
OP2(fmul_dyn, "fmul.s", "dyn")
OP2(fdiv_rne, "fdiv.s", "rne")
OP2(fdiv_rtz, "fdiv.s", "rtz")
OP2(fdiv_rdn, "fdiv.s", "rdn")
OP2(fdiv_rup, "fdiv.s", "rup")
OP2(fdiv_rmm, "fdiv.s", "rmm")
OP2(fdiv_dyn, "fdiv.s", "dyn")
OP1(fsqrt_rne, "fsqrt.s", "rne")
OP1(fsqrt_rtz, "fsqrt.s", "rtz")
OP1(fsqrt_rdn, "fsqrt.s", "rdn")
OP1(fsqrt_rup, "fsqrt.s", "rup")
OP1(fsqrt_rmm, "fsqrt.s", "rmm")
OP1(fsqrt_dyn, "fsqrt.s", "dyn")
OP3(fmadd_rne, "fmadd.s", "rne")
OP3(fmadd_rtz, "fmadd.s", "rtz")
OP3(fmadd_rdn, "fmadd.s", "rdn")
OP3(fmadd_rup, "fmadd.s", "rup")
OP3(fmadd_rmm, "fmadd.s", "rmm")
OP3(fmadd_dyn, "fmadd.s", "dyn")
OP3(fmsub_rne, "fmsub.s", "rne")
OP3(fmsub_rtz, "fmsub.s", "rtz")
OP3(fmsub_rdn, "fmsub.s", "rdn")
OP3(fmsub_rup, "fmsub.s", "rup")
OP3(fmsub_rmm, "fmsub.s", "rmm")
OP3(fmsub_dyn, "fmsub.s", "dyn")
OP3(fnmsub_rne, "fnmsub.s", "rne")
OP3(fnmsub_rtz, "fnmsub.s", "rtz")
OP3(fnmsub_rdn, "fnmsub.s", "rdn")
OP3(fnmsub_rup, "fnmsub.s", "rup")
OP3(fnmsub_rmm, "fnmsub.s", "rmm")
OP3(fnmsub_dyn, "fnmsub.s", "dyn")
OP3(fnmadd_rne, "fnmadd.s", "rne")
OP3(fnmadd_rtz, "fnmadd.s", "rtz")
OP3(fnmadd_rdn, "fnmadd.s", "rdn")
OP3(fnmadd_rup, "fnmadd.s", "rup")
OP3(fnmadd_rmm, "fnmadd.s", "rmm")
OP3(fnmadd_dyn, "fnmadd.s", "dyn")
OPW(cvtw_rne, "fcvt.w.s", "rne")
OPW(cvtw_rtz, "fcvt.w.s", "rtz")
OPW(cvtw_rdn, "fcvt.w.s", "rdn")
OPW(cvtw_rup, "fcvt.w.s", "rup")
OPW(cvtw_rmm, "fcvt.w.s", "rmm")
OPW(cvtw_dyn, "fcvt.w.s", "dyn")
OPW(cvtwu_rne, "fcvt.wu.s", "rne")
OPW(cvtwu_rtz, "fcvt.wu.s", "rtz")
OPW(cvtwu_rdn, "fcvt.wu.s", "rdn")
OPW(cvtwu_rup, "fcvt.wu.s", "rup")
OPW(cvtwu_rmm, "fcvt.wu.s", "rmm")
OPW(cvtwu_dyn, "fcvt.wu.s", "dyn")
OPS(cvtsw_rne, "fcvt.s.w", "rne")
OPS(cvtsw_rtz, "fcvt.s.w", "rtz")
OPS(cvtsw_rdn, "fcvt.s.w", "rdn")
OPS(cvtsw_rup, "fcvt.s.w", "rup")
OPS(cvtsw_rmm, "fcvt.s.w", "rmm")
OPS(cvtsw_dyn, "fcvt.s.w", "dyn")
OPS(cvtswu_rne, "fcvt.s.wu", "rne")
OPS(cvtswu_rtz, "fcvt.s.wu", "rtz")
OPS(cvtswu_rdn, "fcvt.s.wu", "rdn")
OPS(cvtswu_rup, "fcvt.s.wu", "rup")
OPS(cvtswu_rmm, "fcvt.s.wu", "rmm")
OPS(cvtswu_dyn, "fcvt.s.wu", "dyn")

typedef uint32_t (*OpFn)(uint32_t, uint32_t, uint32_t);
static const struct { const char *name; OpFn fn; int arity; } ops[] = {
    {"fadd.s.rne", fadd_rne, 2},
    {"fadd.s.rtz", fadd_rtz, 2},
    {"fadd.s.rdn", fadd_rdn, 2},
    {"fadd.s.rup", fadd_rup, 2},
    {"fadd.s.rmm", fadd_rmm, 2},
    {"fadd.s.dyn", fadd_dyn, 2},
    {"fsub.s.rne", fsub_rne, 2},
    {"fsub.s.rtz", fsub_rtz, 2},
    {"fsub.s.rdn", fsub_rdn, 2},
    {"fsub.s.rup", fsub_rup, 2},
    {"fsub.s.rmm", fsub_rmm, 2},
    {"fsub.s.dyn", fsub_dyn, 2},
    {"fmul.s.rne", fmul_rne, 2},
    {"fmul.s.rtz", fmul_rtz, 2},
    {"fmul.s.rdn", fmul_rdn, 2},
    {"fmul.s.rup", fmul_rup, 2},
    {"fmul.s.rmm", fmul_rmm, 2},
    {"fmul.s.dyn", fmul_dyn, 2},
    {"fdiv.s.rne", fdiv_rne, 2},
    {"fdiv.s.rtz", fdiv_rtz, 2},
    {"fdiv.s.rdn", fdiv_rdn, 2},
    {"fdiv.s.rup", fdiv_rup, 2},
    {"fdiv.s.rmm", fdiv_rmm, 2},
    {"fdiv.s.dyn", fdiv_dyn, 2},
    {"fsqrt.s.rne", fsqrt_rne, 1},
    {"fsqrt.s.rtz", fsqrt_rtz, 1},
    {"fsqrt.s.rdn", fsqrt_rdn, 1},
    {"fsqrt.s.rup", fsqrt_rup, 1},
    {"fsqrt.s.rmm", fsqrt_rmm, 1},
    {"fsqrt.s.dyn", fsqrt_dyn, 1},
    {"fmadd.s.rne", fmadd_rne, 3},
    {"fmadd.s.rtz", fmadd_rtz, 3},
    {"fmadd.s.rdn", fmadd_rdn, 3},
    {"fmadd.s.rup", fmadd_rup, 3},
    {"fmadd.s.rmm", fmadd_rmm, 3},
    {"fmadd.s.dyn", fmadd_dyn, 3},
    {"fmsub.s.rne", fmsub_rne, 3},
    {"fmsub.s.rtz", fmsub_rtz, 3},
    {"fmsub.s.rdn", fmsub_rdn, 3},
    {"fmsub.s.rup", fmsub_rup, 3},
    {"fmsub.s.rmm", fmsub_rmm, 3},
    {"fmsub.s.dyn", fmsub_dyn, 3},
    {"fnmsub.s.rne", fnmsub_rne, 3},
    {"fnmsub.s.rtz", fnmsub_rtz, 3},
    {"fnmsub.s.rdn", fnmsub_rdn, 3},
    {"fnmsub.s.rup", fnmsub_rup, 3},
    {"fnmsub.s.rmm", fnmsub_rmm, 3},
    {"fnmsub.s.dyn", fnmsub_dyn, 3},
    {"fnmadd.s.rne", fnmadd_rne, 3},
    {"fnmadd.s.rtz", fnmadd_rtz, 3},
    {"fnmadd.s.rdn", fnmadd_rdn, 3},
    {"fnmadd.s.rup", fnmadd_rup, 3},
    {"fnmadd.s.rmm", fnmadd_rmm, 3},
    {"fnmadd.s.dyn", fnmadd_dyn, 3},
    {"fcvt.w.s.rne", cvtw_rne, 1},
    {"fcvt.w.s.rtz", cvtw_rtz, 1},
    {"fcvt.w.s.rdn", cvtw_rdn, 1},
    {"fcvt.w.s.rup", cvtw_rup, 1},
    {"fcvt.w.s.rmm", cvtw_rmm, 1},
    {"fcvt.w.s.dyn", cvtw_dyn, 1},
    {"fcvt.wu.s.rne", cvtwu_rne, 1},
    {"fcvt.wu.s.rtz", cvtwu_rtz, 1},
    {"fcvt.wu.s.rdn", cvtwu_rdn, 1},
    {"fcvt.wu.s.rup", cvtwu_rup, 1},
    {"fcvt.wu.s.rmm", cvtwu_rmm, 1},
    {"fcvt.wu.s.dyn", cvtwu_dyn, 1},
    {"fcvt.s.w.rne", cvtsw_rne, 1},
    {"fcvt.s.w.rtz", cvtsw_rtz, 1},
    {"fcvt.s.w.rdn", cvtsw_rdn, 1},
    {"fcvt.s.w.rup", cvtsw_rup, 1},
    {"fcvt.s.w.rmm", cvtsw_rmm, 1},
    {"fcvt.s.w.dyn", cvtsw_dyn, 1},
    {"fcvt.s.wu.rne", cvtswu_rne, 1},
    {"fcvt.s.wu.rtz", cvtswu_rtz, 1},
    {"fcvt.s.wu.rdn", cvtswu_rdn, 1},
    {"fcvt.s.wu.rup", cvtswu_rup, 1},
    {"fcvt.s.wu.rmm", cvtswu_rmm, 1},
    {"fcvt.s.wu.dyn", cvtswu_dyn, 1},
};

int main(void)
{
    static const uint32_t frms[] = {0, 1, 2, 3, 4};
    for (unsigned m = 0; m < 5; m++) {
        __asm__ volatile("fsrm %0" : : "r"(frms[m]));
        for (unsigned o = 0; o < sizeof ops / sizeof ops[0]; o++) {
            hash = 0;
            uint32_t fl = 0;
            if (m > 0 && !strstr(ops[o].name, ".dyn")) continue;
            for (unsigned i = 0; i < NS; i++)
                for (unsigned j = 0; j < (ops[o].arity > 1 ? NS : 1); j++)
                    for (unsigned k = 0; k < (ops[o].arity > 2 ? NS : 1); k += 3) {
                        /* QEMU 7.2 raises underflow for tiny*x - FLT_MIN in RMM although
                         * the exact result is not tiny (docs/p4sim.md): left out */
                        if (ops[o].arity == 3 && special[(k + i) % NS] == 0x00800000 &&
                            (strstr(ops[o].name, ".rmm") || (m == 4 && strstr(ops[o].name, ".dyn"))))
                            continue;
                        flags();
                        mix(ops[o].fn(special[i], special[j], special[(k + i) % NS]));
                        uint32_t f = flags();
                        fl |= f;
                        mix(f);
                    }
            for (int r = 0; r < 300; r++) {
                uint32_t a = rng(), b = rng(), c = rng();
                if (r & 1) a = (a & 0x807fffff) | 0x3f000000, b = (b & 0x807fffff) | 0x3f000000;
                if (r % 3 == 0) c = (c & 0x807fffff) | 0x3e000000;
                flags();
                mix(ops[o].fn(a, b, c));
                mix(flags());
            }
            printf("frm=%u %-16s %08lx flags %02lx\n", m, ops[o].name, (unsigned long)hash, (unsigned long)fl);
        }
    }
    /* comparisons, min/max, classify, sign injection */
    hash = 0;
    uint32_t t0 = rdinstret();
    for (unsigned i = 0; i < NS; i++)
        for (unsigned j = 0; j < NS; j++) {
            uint32_t a = special[i], b = special[j], r1, r2, r3, r4, r5, r6, r7, r8, r9;
            flags();
            __asm__ volatile("fmv.w.x ft0,%9; fmv.w.x ft1,%10; feq.s %0,ft0,ft1; flt.s %1,ft0,ft1; fle.s %2,ft0,ft1;"
                             "fmin.s ft2,ft0,ft1; fmv.x.w %3,ft2; fmax.s ft2,ft0,ft1; fmv.x.w %4,ft2; fclass.s %5,ft0;"
                             "fsgnj.s ft2,ft0,ft1; fmv.x.w %6,ft2; fsgnjn.s ft2,ft0,ft1; fmv.x.w %7,ft2;"
                             "fsgnjx.s ft2,ft0,ft1; fmv.x.w %8,ft2"
                             : "=&r"(r1), "=&r"(r2), "=&r"(r3), "=&r"(r4), "=&r"(r5), "=&r"(r6), "=&r"(r7), "=&r"(r8), "=&r"(r9)
                             : "r"(a), "r"(b) : "ft0", "ft1", "ft2");
            mix(r1), mix(r2), mix(r3), mix(r4), mix(r5), mix(r6), mix(r7), mix(r8), mix(r9), mix(flags());
        }
    uint32_t t1 = rdinstret();
    printf("cmp/minmax/class/sgnj %08lx instret %lu\n", (unsigned long)hash, (unsigned long)(t1 - t0));
    /* C-level float code */
    volatile float x = 1.0f;
    for (int i = 0; i < 100; i++) x = x * 1.01f + 0.5f / (float)(i + 1);
    printf("series %08lx %f\n", (unsigned long)*(volatile uint32_t *)&x, (double)x);
    return 0;
}
