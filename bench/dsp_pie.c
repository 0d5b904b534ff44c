/*
 * dsp_pie.c - PIE versions of three ESP-DSP kernels, assembled on the host
 * with the rv32 encoder and run in p4sim, for the calibration of the PIE
 * part of the cycle model (docs/pie-semantics.md, "PIE calibration").
 *
 * The kernels are written for this project (same problems and sizes as
 * ESP-DSP's benchmarks, not its code): dsps_dotprod_s16 N=256, dspm_mult_s16
 * 16x16x16, dspi_dotprod_s8 64x64. Each result is checked against plain C;
 * the cycles are the difference of two mcycle reads around the kernel, as
 * ESP-DSP measures around a call.
 *
 * usage: p4sim_dsp_pie [--rev 1|3]    exit status 1 when a result is wrong
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rv32/rv32.h"
#include "sim/sim.h"

enum { CODE = 0x80000000u, DATA = 0x80100000u };
/* registers: PIE x operands must be x8-x15 or x24-x31 */
enum { S0 = 8, S1 = 9, A0 = 10, A1 = 11, A2 = 12, A3 = 13, A4 = 14, A5 = 15, S8 = 24, S9 = 25, S10 = 26, T6 = 31 };

typedef struct Code { uint32_t w[2048]; int n; RvRev rev; bool bad; } Code;

static RvInsn mk(unsigned op)
{
    RvInsn in;
    memset(&in, 0, sizeof in);
    in.op = (uint16_t)op, in.len = 4, in.sat = 1, in.rm = 7; /* the short mnemonics' sat, dyn */
    return in;
}

static void put(Code *c, const RvInsn *in)
{
    uint32_t w;
    bool ok = in->op >= RV_PIE_FIRST ? rv_encode_rev(in, c->rev, &w) : rv_encode(in, &w);
    if (!ok || c->n >= 2040) { c->bad = true; return; }
    c->w[c->n++] = w;
}

static void I(Code *c, unsigned op, unsigned rd, unsigned rs1, int32_t imm)
{
    RvInsn in = mk(op);
    in.rd = (uint8_t)rd, in.rs1 = (uint8_t)rs1, in.imm = imm;
    put(c, &in);
}

static void li(Code *c, unsigned rd, uint32_t v)
{
    uint32_t hi = (v + 0x800) >> 12 & 0xfffff;
    int32_t lo = (int32_t)(v << 20) >> 20;
    if (hi) I(c, RV_LUI, rd, 0, (int32_t)hi);
    I(c, RV_ADDI, rd, hi ? rd : 0, lo);
}

static void csrr_cycle(Code *c, unsigned rd)
{
    RvInsn in = mk(RV_CSRRS);
    in.rd = (uint8_t)rd, in.csr = 0xb00;
    put(c, &in);
}

/* q-register ops */
static void vld(Code *c, unsigned q, unsigned rs1, int32_t imm)
{
    RvInsn in = mk(RV_ESP_VLD_128_IP);
    in.qu = (uint8_t)q, in.rs1 = (uint8_t)rs1, in.imm = imm;
    put(c, &in);
}

static void vld_xp(Code *c, unsigned q, unsigned rs1, unsigned rs2)
{
    RvInsn in = mk(RV_ESP_VLD_128_XP);
    in.qu = (uint8_t)q, in.rs1 = (uint8_t)rs1, in.rs2 = (uint8_t)rs2;
    put(c, &in);
}

static void mac_ld(Code *c, unsigned op, unsigned qu, unsigned rs1, int32_t imm, unsigned qx, unsigned qy)
{
    RvInsn in = mk(op);
    in.qu = (uint8_t)qu, in.rs1 = (uint8_t)rs1, in.imm = imm, in.qx = (uint8_t)qx, in.qy = (uint8_t)qy;
    put(c, &in);
}

static void op0(Code *c, unsigned op) { RvInsn in = mk(op); put(c, &in); }

static void lp_setup(Code *c, unsigned id, unsigned rs1, int body_len)
{
    RvInsn in = mk(RV_ESP_LP_SETUP);
    in.sel = (uint8_t)id, in.rs1 = (uint8_t)rs1, in.imm = body_len * 4; /* the body's last instruction */
    put(c, &in);
}

static void lp_setupi(Code *c, unsigned id, unsigned count, int body_len)
{
    RvInsn in = mk(RV_ESP_LP_SETUPI);
    in.sel = (uint8_t)id, in.count = (uint16_t)count, in.imm = body_len * 4;
    put(c, &in);
}

/* xacc-based dot product of n 16-byte vectors at a0, a1 (s16 or s8 lanes);
 * the result, shifted by a3 and saturated, in a5 */
static void dot_xacc(Code *c, bool s16, unsigned nvec)
{
    unsigned mac = s16 ? RV_ESP_VMULAS_S16_XACC_LD_IP : RV_ESP_VMULAS_S8_XACC_LD_IP;
    op0(c, RV_ESP_ZERO_XACC);
    vld(c, 0, A0, 16);
    vld(c, 1, A1, 16);
    li(c, T6, nvec - 1);
    lp_setup(c, 0, T6, 2);
    mac_ld(c, mac, 0, A0, 16, 0, 1);   /* acc += q0*q1, next q0 */
    vld(c, 1, A1, 16);                 /* next q1: the loop's last instruction */
    RvInsn last = mk(s16 ? RV_ESP_VMULAS_S16_XACC : RV_ESP_VMULAS_S8_XACC);
    last.qx = 0, last.qy = 1;
    put(c, &last);
    RvInsn srs = mk(RV_ESP_SRS_S_XACC);
    srs.rd = A5, srs.rs1 = A3;
    put(c, &srs);
}

/* C[16][16] = A[16][16] * B[16][16] >> shift (s16): per row of A and block
 * of 8 columns, QACC's 8 64-bit lanes collect A[m][k] * B[k][n..n+7] (vsmulas
 * with the lane selector), loads of B rows alternate q2/q3 to hide their
 * latency. a0 = A, a1 = B, a2 = C, a3 = shift, a4 = 32 (row stride). */
static void matmul16(Code *c)
{
    li(c, A4, 32);
    lp_setupi(c, 1, 16, 0); /* patched below: the body's length */
    int setup = c->n - 1, start = c->n;
    vld(c, 0, A0, 16);      /* A[m][0..7] */
    vld(c, 1, A0, 16);      /* A[m][8..15]: a0 is now the next row */
    for (int blk = 0; blk < 2; blk++) {
        I(c, RV_ADDI, S8, A1, blk * 16);
        op0(c, RV_ESP_ZERO_QACC);
        vld_xp(c, 2, S8, A4);
        for (int k = 0; k < 16; k++) {
            if (k < 15) vld_xp(c, 2 + (k + 1) % 2, S8, A4);
            RvInsn m = mk(RV_ESP_VSMULAS_S16_QACC);
            m.qx = (uint8_t)(2 + k % 2), m.qy = (uint8_t)(k / 8), m.sel = (uint8_t)(k % 8);
            put(c, &m);
        }
        RvInsn rb = mk(RV_ESP_SRCMB_S16_QACC);
        rb.qu = 4, rb.rs1 = A3, rb.sel = 0;
        put(c, &rb);
        RvInsn st = mk(RV_ESP_VST_128_IP);
        st.qu = 4, st.rs1 = A2, st.imm = 16;
        put(c, &st);
    }
    /* the loop's end is its last instruction */
    RvInsn fix = mk(RV_ESP_LP_SETUPI);
    fix.sel = 1, fix.count = 16, fix.imm = (c->n - 1 - setup) * 4;
    (void)start;
    if (!rv_encode_rev(&fix, c->rev, &c->w[setup])) c->bad = true;
}

static void exit_seq(Code *c)
{
    li(c, A0, 0x18);
    li(c, A1, 0x20026);
    c->w[c->n++] = 0x01f01013, c->w[c->n++] = 0x00100073, c->w[c->n++] = 0x40705013;
}

/* Runs code: kernel between two mcycle reads (s0, s1). */
static bool run(const Code *c, RvRev rev, const void *data, size_t n, P4Sim **out)
{
    P4SimConfig cfg;
    p4sim_config_default(&cfg);
    cfg.rev = rev;
    P4Sim *s = p4sim_new(&cfg);
    if (!s || c->bad) return false;
    p4sim_write_mem(s, DATA, data, n);
    p4sim_load_raw(s, CODE, c->w, (size_t)c->n * 4);
    P4SimStatus st = p4sim_run(s, 10000000);
    *out = s;
    return st == P4SIM_EXITED;
}

/* One kernel's line: its result must be right and its modelled cycles
 * within 25% of ESP-DSP's published figure (the calibration goal). */
static void report(const char *name, uint32_t cyc, uint32_t published, bool right, int *bad)
{
    double r = (double)cyc / published;
    bool close = r >= 0.75 && r <= 1.25;
    printf("  %-24s %6u cycles (published %u, %+.0f%%)  %s\n", name, (unsigned)cyc, (unsigned)published,
           (r - 1) * 100, !right ? "WRONG RESULT" : close ? "ok" : "OFF BY MORE THAN 25%");
    *bad += !right || !close;
}

static int64_t fit32(int64_t v) { return v > INT32_MAX ? INT32_MAX : v < INT32_MIN ? INT32_MIN : v; }

static uint32_t lcg = 12345;
static int rnd(int m) { lcg = lcg * 1103515245u + 12345u; return (int)((lcg >> 8) % (uint32_t)m) - m / 2; }

int main(int argc, char **argv)
{
    RvRev rev = argc >= 3 && !strcmp(argv[1], "--rev") && atoi(argv[2]) == 1 ? RV_REV_1 : RV_REV_3;
    int bad = 0;
    static uint8_t data[64 * 1024];
    printf("PIE kernels in p4sim (rev %d): modelled cycles vs ESP-DSP's published PIE figures\n", rev);

    /* dsps_dotprod_s16, N = 256, shift 15 */
    {
        int16_t *x = (int16_t *)data, *y = (int16_t *)(data + 1024);
        int64_t sum = 0;
        for (int i = 0; i < 256; i++) x[i] = (int16_t)rnd(60000), y[i] = (int16_t)rnd(60000), sum += x[i] * y[i];
        Code c = {.rev = rev};
        li(&c, A0, DATA), li(&c, A1, DATA + 1024), li(&c, A3, 15);
        csrr_cycle(&c, S0);
        dot_xacc(&c, true, 32);
        csrr_cycle(&c, S1);
        exit_seq(&c);
        P4Sim *s = NULL;
        bool ok = run(&c, rev, data, 2048, &s);
        int32_t got = (int32_t)p4sim_get_x(s, A5), want = (int32_t)fit32(sum >> 15);
        uint32_t cyc = p4sim_get_x(s, S1) - p4sim_get_x(s, S0);
        report("dsps_dotprod_s16 N=256", cyc, 208, ok && got == want, &bad);
        p4sim_free(s);
    }
    /* dspm_mult_s16 16x16x16, shift 15 */
    {
        int16_t *A = (int16_t *)data, *B = (int16_t *)(data + 512), want[256];
        for (int i = 0; i < 256; i++) A[i] = (int16_t)rnd(60000), B[i] = (int16_t)rnd(60000);
        for (int m = 0; m < 16; m++)
            for (int n = 0; n < 16; n++) {
                int64_t acc = 0;
                for (int k = 0; k < 16; k++) acc += A[m * 16 + k] * B[k * 16 + n];
                acc >>= 15;
                want[m * 16 + n] = (int16_t)(acc > INT16_MAX ? INT16_MAX : acc < INT16_MIN ? INT16_MIN : acc);
            }
        Code c = {.rev = rev};
        li(&c, A0, DATA), li(&c, A1, DATA + 512), li(&c, A2, DATA + 1024), li(&c, A3, 15);
        csrr_cycle(&c, S0);
        matmul16(&c);
        csrr_cycle(&c, S1);
        exit_seq(&c);
        P4Sim *s = NULL;
        bool ok = run(&c, rev, data, 1024, &s);
        int16_t got[256];
        ok = ok && p4sim_read_mem(s, DATA + 1024, got, sizeof got) && memcmp(got, want, sizeof got) == 0;
        uint32_t cyc = p4sim_get_x(s, S1) - p4sim_get_x(s, S0);
        report("dspm_mult_s16 16x16x16", cyc, 2138, ok, &bad);
        p4sim_free(s);
    }
    /* dspi_dotprod_s8 64x64 (4096 bytes per image), shift 8 */
    {
        int8_t *x = (int8_t *)data, *y = (int8_t *)(data + 4096);
        int64_t sum = 0;
        for (int i = 0; i < 4096; i++) x[i] = (int8_t)rnd(256), y[i] = (int8_t)rnd(256), sum += x[i] * y[i];
        Code c = {.rev = rev};
        li(&c, A0, DATA), li(&c, A1, DATA + 4096), li(&c, A3, 8);
        csrr_cycle(&c, S0);
        dot_xacc(&c, false, 256);
        csrr_cycle(&c, S1);
        exit_seq(&c);
        P4Sim *s = NULL;
        bool ok = run(&c, rev, data, 8192, &s);
        int32_t got = (int32_t)p4sim_get_x(s, A5), want = (int32_t)fit32(sum >> 8);
        uint32_t cyc = p4sim_get_x(s, S1) - p4sim_get_x(s, S0);
        report("dspi_dotprod_s8 64x64", cyc, 1662, ok && got == want, &bad);
        p4sim_free(s);
    }
    return bad ? 1 : 0;
}
