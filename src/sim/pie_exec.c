/*
 * pie_exec.c - the semantics of the ESP32-P4 PIE and hardware-loop
 * instructions in p4sim: the one place they are implemented.
 *
 * Facts (register model, lane widths, CFG bits, loop CSRs) come from
 * /work/shared/reference/esp32p4-pie.md; no public source documents the
 * instructions' arithmetic, so every choice made here is listed, with its
 * reason, in docs/pie-semantics.md (same names: "lane order", "rounding",
 * "saturation", "rev 1 vs rev 3", ...). Change a choice here and there.
 *
 * The two revisions share this code: a rev-1 instruction behaves as its
 * rev-3 twin with the fields its short mnemonic implies (sat = saturate,
 * rm = dyn), except srcmb, whose rev-1 selector picks the rounding.
 */
#include <stdio.h>
#include <string.h>

#include "sim/pie_exec.h"
#include "sim/sim_internal.h"

/* CFG bits (esp-dl SKILL.md, quoted in the reference): unaligned stores
 * and loads allowed, vxrm (the rounding mode of rm = dyn). */
enum { CFG_MIS_ST = 1u << 0, CFG_MIS_LD = 1u << 1, CFG_VXRM_SHIFT = 4, CFG_MASK = 0x1f3 };

/* Rounding modes of a right shift, in binutils' riscv_espv_rm order. */
enum { RM_RDN, RM_RUP, RM_RAZ, RM_RTZ, RM_RHAZ, RM_RHTZ, RM_RNE, RM_DYN };

/* Trap causes (RISC-V privileged spec). */
enum { T_LD_MISALIGN = 4, T_LD_FAULT = 5, T_ST_MISALIGN = 6, T_ST_FAULT = 7 };

/* ---- what each instruction reads and writes (cycle model, scoreboard) ---- */

enum {
    LS = 1 << 0,                          /* load/store unit (else the MAC unit) */
    XR1 = 1 << 1, XR2 = 1 << 2,           /* reads x[rs1], x[rs2] */
    XWD = 1 << 3, XW1 = 1 << 4,           /* writes x[rd]; post-increments x[rs1] */
    RQU = 1 << 5, RQX = 1 << 6, RQY = 1 << 7,
    WQM = 1 << 8,                         /* writes qu from memory */
    WQV = 1 << 9, WQY = 1 << 10, WQZ = 1 << 11,
    RQA = 1 << 12, WQA = 1 << 13,         /* QACC */
    RXA = 1 << 14, WXA = 1 << 15,         /* XACC */
    WQU = 1 << 16,                        /* writes qu by arithmetic (vsr) */
    WQX = 1 << 17,                        /* writes qx (vunzip) */
};
#define P_LD (LS | XR1 | XW1 | WQM)
#define P_MACQ (RQX | RQY | RQA | WQA)
#define P_MACX (RQX | RQY | RXA | WXA)

#define PIE_INDEX(op) ((op) - RV_PIE_FIRST)
#define ROW(id, flags) [PIE_INDEX(RV_##id)] = (flags)
static const uint32_t pie_flags[RV__PIE_END - RV_PIE_FIRST] = {
    ROW(ESP_VLD_128_IP, P_LD), ROW(ESP_VLD_128_XP, P_LD | XR2),
    ROW(ESP_VST_128_IP, LS | XR1 | XW1 | RQU), ROW(ESP_VST_128_XP, LS | XR1 | XR2 | XW1 | RQU),
    ROW(ESP_VLDBC_8_IP, P_LD), ROW(ESP_VLDBC_16_IP, P_LD), ROW(ESP_VLDBC_32_IP, P_LD),
    ROW(ESP_VLDBC_8_XP, P_LD | XR2), ROW(ESP_VLDBC_16_XP, P_LD | XR2),
    ROW(ESP_ZERO_Q, WQZ), ROW(ESP_ZERO_QACC, WQA), ROW(ESP_ZERO_XACC, WXA),
    ROW(ESP_VMULAS_S8_QACC, P_MACQ), ROW(ESP_VMULAS_S16_QACC, P_MACQ),
    ROW(ESP_VMULAS_S8_XACC, P_MACX), ROW(ESP_VMULAS_S16_XACC, P_MACX),
    ROW(ESP_VMULAS_S8_QACC_LD_IP, P_MACQ | XR1 | XW1 | WQM), ROW(ESP_VMULAS_S16_QACC_LD_IP, P_MACQ | XR1 | XW1 | WQM),
    ROW(ESP_VMULAS_S8_XACC_LD_IP, P_MACX | XR1 | XW1 | WQM), ROW(ESP_VMULAS_S16_XACC_LD_IP, P_MACX | XR1 | XW1 | WQM),
    ROW(ESP_VMULAS_S8_QACC_LD_XP, P_MACQ | XR1 | XR2 | XW1 | WQM),
    ROW(ESP_VMULAS_S16_QACC_LD_XP, P_MACQ | XR1 | XR2 | XW1 | WQM),
    ROW(ESP_VMULAS_S8_XACC_LD_XP, P_MACX | XR1 | XR2 | XW1 | WQM),
    ROW(ESP_VMULAS_S16_XACC_LD_XP, P_MACX | XR1 | XR2 | XW1 | WQM),
    ROW(ESP_VMULAS_S8_QACC_LDBC_INCP, P_MACQ | XR1 | XW1 | WQM),
    ROW(ESP_VMULAS_S16_QACC_LDBC_INCP, P_MACQ | XR1 | XW1 | WQM),
    ROW(ESP_VSMULAS_S8_QACC, P_MACQ), ROW(ESP_VSMULAS_S16_QACC, P_MACQ),
    ROW(ESP_VSMULAS_S8_QACC_LD_INCP, P_MACQ | XR1 | XW1 | WQM),
    ROW(ESP_VSMULAS_S16_QACC_LD_INCP, P_MACQ | XR1 | XW1 | WQM),
    ROW(ESP_SRCMB_S8_QACC, XR1 | RQA | WQM), ROW(ESP_SRCMB_S16_QACC, XR1 | RQA | WQM),
    ROW(ESP_SRS_S_XACC, XR1 | XWD | RXA),
    ROW(ESP_ST_QACC_L_L_128_IP, LS | XR1 | XW1 | RQA), ROW(ESP_ST_QACC_L_H_128_IP, LS | XR1 | XW1 | RQA),
    ROW(ESP_ST_QACC_H_L_128_IP, LS | XR1 | XW1 | RQA), ROW(ESP_ST_QACC_H_H_128_IP, LS | XR1 | XW1 | RQA),
    ROW(ESP_LD_QACC_L_L_128_IP, LS | XR1 | XW1 | RQA | WQA), ROW(ESP_LD_QACC_L_H_128_IP, LS | XR1 | XW1 | RQA | WQA),
    ROW(ESP_LD_QACC_H_L_128_IP, LS | XR1 | XW1 | RQA | WQA), ROW(ESP_LD_QACC_H_H_128_IP, LS | XR1 | XW1 | RQA | WQA),
    ROW(ESP_MOVX_R_XACC_L, XWD | RXA), ROW(ESP_MOVX_R_XACC_H, XWD | RXA),
    ROW(ESP_MOVX_W_XACC_L, XR1 | RXA | WXA), ROW(ESP_MOVX_W_XACC_H, XR1 | RXA | WXA),
    ROW(ESP_MOVX_R_SAR, XWD), ROW(ESP_MOVX_W_SAR, XR1), ROW(ESP_MOVX_R_CFG, XWD), ROW(ESP_MOVX_W_CFG, XR1),
    ROW(ESP_MOVI_32_A, RQY | XWD), ROW(ESP_MOVI_32_Q, RQY | WQY | XR1),
    ROW(ESP_VADD_S8, RQX | RQY | WQV), ROW(ESP_VADD_S16, RQX | RQY | WQV), ROW(ESP_VADD_S32, RQX | RQY | WQV),
    ROW(ESP_VMUL_S8, RQX | RQY | WQZ), ROW(ESP_VMUL_S16, RQX | RQY | WQZ),
    ROW(ESP_VMUL_S16_S8XS8, RQX | RQY | WQZ | WQV), ROW(ESP_VMUL_S32_S16XS16, RQX | RQY | WQZ | WQV),
    ROW(ESP_VRELU_S8, RQY | WQY | XR1 | XR2), ROW(ESP_VRELU_S16, RQY | WQY | XR1 | XR2),
    /* elementwise lanes (jit/elementwise.c) */
    ROW(ESP_VMAX_S8, RQX | RQY | WQZ), ROW(ESP_VMAX_S16, RQX | RQY | WQZ), ROW(ESP_VMAX_S32, RQX | RQY | WQZ),
    ROW(ESP_VMIN_S8, RQX | RQY | WQZ), ROW(ESP_VMIN_S16, RQX | RQY | WQZ), ROW(ESP_VMIN_S32, RQX | RQY | WQZ),
    ROW(ESP_VSUB_S8, RQX | RQY | WQV), ROW(ESP_VSUB_S16, RQX | RQY | WQV), ROW(ESP_VSUB_S32, RQX | RQY | WQV),
    ROW(ESP_XORQ, RQX | RQY | WQZ), ROW(ESP_MAX_U32_A, RQY | XWD), ROW(ESP_VSR_S32, RQY | WQU),
    ROW(ESP_ANDQ, RQX | RQY | WQZ), ROW(ESP_VUNZIP_8, RQX | RQY | WQX | WQY), ROW(ESP_VUNZIP_16, RQX | RQY | WQX | WQY),
    ROW(ESP_VST_L_64_IP, LS | XR1 | XW1 | RQU),
    /* esp.lp.*: loop registers only (XR1 for setup/count) */
    ROW(ESP_LP_SETUP, XR1), ROW(ESP_LP_COUNT, XR1),
};
#undef ROW

/* ---- packing the operands into a SimOp ----
 * sub = op - RV_PIE_FIRST; csr = qu | qv<<3 | qx<<6 | qy<<9 | qz<<12 (loops:
 * the count); rs3 = sel; rm = rounding mode | sat << 3. */

void pie_pack(const RvInsn *in, RvRev rev, SimOp *o)
{
    unsigned op = in->op, fl = pie_flags[PIE_INDEX(op)];
    unsigned sat = in->sat, rm = in->rm;
    if (rev == RV_REV_1) {
        /* rev 1 has no sat/rm fields: the rev-3 short mnemonics' meaning
         * (sat, dyn); srcmb's selector chooses the rounding instead */
        sat = 1, rm = RM_DYN;
        if (op == RV_ESP_SRCMB_S8_QACC || op == RV_ESP_SRCMB_S16_QACC) rm = in->sel ? RM_RHAZ : RM_RDN;
    }
    o->sub = (uint8_t)PIE_INDEX(op);
    o->rd = in->rd, o->rs1 = in->rs1, o->rs2 = in->rs2, o->rs3 = in->sel;
    o->rm = (uint8_t)(rm | sat << 3);
    o->imm = in->imm;
    if (op >= RV_ESP_LP_SETUP)
        o->csr = in->count;
    else
        o->csr = (uint16_t)(in->qu | in->qv << 3 | in->qx << 6 | in->qy << 9 | in->qz << 12);
    /* anything that moves 128 bits through memory (fused MAC+loads too)
     * is a load/store: docs/pie-semantics.md, "PIE calibration" */
    o->cls = (fl & (LS | WQM)) ? CY_PIE_LDST : op >= RV_ESP_LP_SETUP ? CY_CSR : CY_PIE_MAC;
    o->issue = cy_params.issue[o->cls];
    /* a post-incremented pointer is an adder's result, ready for the next
     * instruction; values read out of PIE take the unit's latency */
    o->result = (fl & XW1) ? 1 : cy_params.result[o->cls];
    o->cs1 = (fl & XR1) ? in->rs1 : 0;
    o->cs2 = (fl & XR2) ? in->rs2 : 0;
    o->cs3 = 0;
    o->cd = (fl & XWD) ? in->rd : (fl & XW1) ? in->rs1 : 0;
}

/* ---- arithmetic helpers ---- */

static uint64_t get_le(const uint8_t *p, unsigned n)
{
    uint64_t v = 0;
    for (unsigned i = n; i-- > 0;) v = v << 8 | p[i];
    return v;
}

static void put_le(uint8_t *p, unsigned n, uint64_t v)
{
    for (unsigned i = 0; i < n; i++) p[i] = (uint8_t)(v >> (8 * i));
}

/* the signed value of `bits` low bits of v */
static int64_t sext(uint64_t v, unsigned bits)
{
    return bits >= 64 ? (int64_t)v : (int64_t)(v << (64 - bits)) >> (64 - bits);
}

/* signed lane i of width n bytes */
static int64_t lane(const uint8_t *b, unsigned n, unsigned i) { return sext(get_le(b + n * i, n), 8 * n); }
static void set_lane(uint8_t *b, unsigned n, unsigned i, int64_t v) { put_le(b + n * i, n, (uint64_t)v); }

/* "saturation": sat clamps to the signed range of `bits`, else the low
 * bits are kept (two's-complement wrap) */
static int64_t fit(int64_t v, unsigned bits, bool sat)
{
    if (bits >= 64) return v;
    int64_t hi = (int64_t)((UINT64_C(1) << (bits - 1)) - 1), lo = -hi - 1;
    if (sat) return v > hi ? hi : v < lo ? lo : v;
    return sext((uint64_t)v, bits);
}

/* a + b in 64 bits, clamped (sat) or wrapped */
static int64_t add64(int64_t a, int64_t b, bool sat)
{
    int64_t r = (int64_t)((uint64_t)a + (uint64_t)b);
    if (sat && ((a >= 0) == (b >= 0)) && ((r >= 0) != (a >= 0))) r = a >= 0 ? INT64_MAX : INT64_MIN;
    return r;
}

/* "rounding": v >> sh (arithmetic, 0 <= sh <= 63) rounded by mode rm */
static int64_t shift_round(int64_t v, unsigned sh, unsigned rm)
{
    if (sh == 0) return v;
    int64_t q = v >> sh; /* floor */
    uint64_t rem = (uint64_t)v & ((UINT64_C(1) << sh) - 1), half = UINT64_C(1) << (sh - 1);
    bool up; /* q + 1 instead of q */
    switch (rm) {
    case RM_RUP: up = rem != 0; break;
    case RM_RAZ: up = rem != 0 && v >= 0; break;
    case RM_RTZ: up = rem != 0 && v < 0; break;
    case RM_RHAZ: up = rem > half || (rem == half && v >= 0); break;
    case RM_RHTZ: up = rem > half || (rem == half && v < 0); break;
    case RM_RNE: up = rem > half || (rem == half && (q & 1)); break;
    default: up = false; break; /* RM_RDN */
    }
    return up ? q + 1 : q; /* q <= INT64_MAX >> 1: no overflow */
}

/* ---- operand record ---- */

typedef struct Pie {
    unsigned op, qu, qv, qx, qy, qz, sel, rm;
    bool sat;
} Pie;

static Pie unpack(const P4Sim *s, const SimOp *o)
{
    Pie p;
    p.op = RV_PIE_FIRST + o->sub;
    p.qu = o->csr & 7, p.qv = o->csr >> 3 & 7, p.qx = o->csr >> 6 & 7, p.qy = o->csr >> 9 & 7;
    p.qz = o->csr >> 12 & 7;
    p.sel = o->rs3;
    p.sat = o->rm >> 3 & 1;
    p.rm = o->rm & 7;
    if (p.rm == RM_DYN) { /* CFG.vxrm; its unused value 7 reads as rdn */
        p.rm = s->pie.cfg >> CFG_VXRM_SHIFT & 7;
        if (p.rm == RM_DYN) p.rm = RM_RDN;
    }
    return p;
}

/* ---- memory ---- */

/* The host pointer for a PIE access of n bytes at a, or NULL with *cause:
 * misaligned unless CFG allows it (alignment `align`), unmapped, or in the
 * TCM, which cannot do 128-bit accesses (reference: esp32p4.md). */
static uint8_t *pie_mem(P4Sim *s, uint32_t a, unsigned n, unsigned align, bool store, unsigned *cause)
{
    bool mis_ok = s->pie.cfg & (store ? CFG_MIS_ST : CFG_MIS_LD);
    if ((a & (align - 1)) && !mis_ok) {
        *cause = store ? T_ST_MISALIGN : T_LD_MISALIGN;
        return NULL;
    }
    Region *r = sim_region(s, a, n);
    if (!r || r->no_simd) {
        *cause = store ? T_ST_FAULT : T_LD_FAULT;
        return NULL;
    }
    return r->mem + (a - r->base);
}

/* ---- the accumulators ----
 * "lane order": QACC is 64 bytes, QACC_L (bytes 0-31) then QACC_H (32-63);
 * 8-bit MACs use 16 lanes of 32 bits, 16-bit MACs 8 lanes of 64 bits, lane
 * i at bytes [w*i, w*i+w), little-endian (esp-dl SKILL.md's widths; the
 * natural order, which esp-dl's bias loading suggests). XACC is 40 bits. */

static void mac_qacc(P4Sim *s, const Pie *p, bool s16, int bcast)
{
    const uint8_t *x = s->pie.q[p->qx], *y = s->pie.q[p->qy];
    unsigned n = s16 ? 2 : 1, lanes = 16 / n, aw = s16 ? 8 : 4;
    for (unsigned i = 0; i < lanes; i++) {
        int64_t prod = lane(x, n, i) * lane(y, n, bcast >= 0 ? (unsigned)bcast : i);
        int64_t acc = lane(s->pie.qacc, aw, i);
        acc = s16 ? add64(acc, prod, p->sat) : fit(acc + prod, 32, p->sat);
        set_lane(s->pie.qacc, aw, i, acc);
    }
}

static void mac_xacc(P4Sim *s, const Pie *p, bool s16)
{
    const uint8_t *x = s->pie.q[p->qx], *y = s->pie.q[p->qy];
    unsigned n = s16 ? 2 : 1;
    int64_t sum = 0;
    for (unsigned i = 0; i < 16 / n; i++) sum += lane(x, n, i) * lane(y, n, i);
    s->pie.xacc = fit(s->pie.xacc + sum, 40, p->sat);
}

/* ---- the cycle model's PIE scoreboard ---- */

static unsigned pie_timing(P4Sim *s, const SimOp *o, const Pie *p, uint32_t fl, uint64_t now)
{
    uint64_t *qr = s->pie_ready, t = now;
    /* the issue time the run loop computes from the x registers */
    if (s->cy.ready[o->cs1] > t) t = s->cy.ready[o->cs1];
    if (s->cy.ready[o->cs2] > t) t = s->cy.ready[o->cs2];
    uint64_t tx = t;
    if ((fl & RQU) && qr[p->qu] > t) t = qr[p->qu];
    if ((fl & RQX) && qr[p->qx] > t) t = qr[p->qx];
    if ((fl & RQY) && qr[p->qy] > t) t = qr[p->qy];
    if ((fl & RQA) && qr[PIE_RDY_QACC] > t) t = qr[PIE_RDY_QACC];
    if ((fl & RXA) && qr[PIE_RDY_XACC] > t) t = qr[PIE_RDY_XACC];
    uint64_t mem = t + cy_params.result[CY_PIE_LDST], alu = t + cy_params.result[CY_PIE_MAC];
    if (fl & WQM) qr[p->qu] = (fl & LS) || (fl & XW1) ? mem : alu; /* srcmb writes qu from QACC */
    if (fl & WQU) qr[p->qu] = alu;
    if (fl & WQV) qr[p->qv] = alu;
    if (fl & WQX) qr[p->qx] = alu;
    if (fl & WQY) qr[p->qy] = alu;
    if (fl & WQZ) qr[p->qz] = alu;
    if (fl & WQA) qr[PIE_RDY_QACC] = (fl & LS) ? mem : alu;
    if (fl & WXA) qr[PIE_RDY_XACC] = alu;
    return (unsigned)(t - tx);
}

/* ---- execution ---- */

unsigned pie_exec(P4Sim *s, const SimOp *o, bool model, uint64_t now, unsigned *extra, uint32_t *tval)
{
    uint32_t *x = s->x;
    PieState *ps = &s->pie;
    Pie p = unpack(s, o);
    uint32_t fl = pie_flags[o->sub];
    uint32_t a = x[o->rs1];             /* the address of every memory operand */
    uint32_t step = (uint32_t)o->imm;   /* post-increment of .ip forms */
    unsigned cause = 0, n = 16, align = 16;
    uint8_t *m = NULL;
    bool store = false;

    /* first the memory operand, so that a fault changes nothing */
    switch (p.op) {
    case RV_ESP_VST_128_IP: case RV_ESP_VST_128_XP:
    case RV_ESP_ST_QACC_L_L_128_IP: case RV_ESP_ST_QACC_L_H_128_IP:
    case RV_ESP_ST_QACC_H_L_128_IP: case RV_ESP_ST_QACC_H_H_128_IP:
        store = true;
        break;
    case RV_ESP_VLDBC_8_IP: case RV_ESP_VLDBC_8_XP: case RV_ESP_VMULAS_S8_QACC_LDBC_INCP: n = align = 1; break;
    case RV_ESP_VLDBC_16_IP: case RV_ESP_VLDBC_16_XP: case RV_ESP_VMULAS_S16_QACC_LDBC_INCP: n = align = 2; break;
    case RV_ESP_VLDBC_32_IP: n = align = 4; break;
    case RV_ESP_VST_L_64_IP: store = true, n = align = 8; break;
    default: break;
    }
    if (fl & XW1) { /* exactly the instructions with a memory operand */
        m = pie_mem(s, a, n, align, store, &cause);
        if (!m) { *tval = a; return cause; }
    }
    if (fl & XR2) step = x[o->rs2];
    if (p.op == RV_ESP_VMULAS_S8_QACC_LDBC_INCP || p.op == RV_ESP_VMULAS_S16_QACC_LDBC_INCP) step = n;
    if (p.op == RV_ESP_VSMULAS_S8_QACC_LD_INCP || p.op == RV_ESP_VSMULAS_S16_QACC_LD_INCP) step = 16;
    if (model) *extra = pie_timing(s, o, &p, fl, now);

    uint8_t *qu = ps->q[p.qu];
    switch (p.op) {
    /* plain loads and stores */
    case RV_ESP_VLD_128_IP: case RV_ESP_VLD_128_XP: memcpy(qu, m, 16); break;
    case RV_ESP_VST_128_IP: case RV_ESP_VST_128_XP: memcpy(m, qu, 16); break;
    case RV_ESP_VST_L_64_IP: memcpy(m, qu, 8); break;
    case RV_ESP_VLDBC_8_IP: case RV_ESP_VLDBC_8_XP:
    case RV_ESP_VLDBC_16_IP: case RV_ESP_VLDBC_16_XP:
    case RV_ESP_VLDBC_32_IP:
        for (unsigned i = 0; i < 16; i += n) memcpy(qu + i, m, n);
        break;
    case RV_ESP_LD_QACC_L_L_128_IP: memcpy(ps->qacc + 0, m, 16); break;
    case RV_ESP_LD_QACC_L_H_128_IP: memcpy(ps->qacc + 16, m, 16); break;
    case RV_ESP_LD_QACC_H_L_128_IP: memcpy(ps->qacc + 32, m, 16); break;
    case RV_ESP_LD_QACC_H_H_128_IP: memcpy(ps->qacc + 48, m, 16); break;
    case RV_ESP_ST_QACC_L_L_128_IP: memcpy(m, ps->qacc + 0, 16); break;
    case RV_ESP_ST_QACC_L_H_128_IP: memcpy(m, ps->qacc + 16, 16); break;
    case RV_ESP_ST_QACC_H_L_128_IP: memcpy(m, ps->qacc + 32, 16); break;
    case RV_ESP_ST_QACC_H_H_128_IP: memcpy(m, ps->qacc + 48, 16); break;
    case RV_ESP_ZERO_Q: memset(ps->q[p.qz], 0, 16); break;
    case RV_ESP_ZERO_QACC: memset(ps->qacc, 0, sizeof ps->qacc); break;
    case RV_ESP_ZERO_XACC: ps->xacc = 0; break;

    /* multiply-accumulate; the fused load runs after the MAC has read
     * qx/qy ("operand order"), so qu may be qx or qy */
    case RV_ESP_VMULAS_S8_QACC_LD_IP: case RV_ESP_VMULAS_S8_QACC_LD_XP:
        mac_qacc(s, &p, false, -1), memcpy(qu, m, 16); break;
    case RV_ESP_VMULAS_S16_QACC_LD_IP: case RV_ESP_VMULAS_S16_QACC_LD_XP:
        mac_qacc(s, &p, true, -1), memcpy(qu, m, 16); break;
    case RV_ESP_VMULAS_S8_XACC_LD_IP: case RV_ESP_VMULAS_S8_XACC_LD_XP:
        mac_xacc(s, &p, false), memcpy(qu, m, 16); break;
    case RV_ESP_VMULAS_S16_XACC_LD_IP: case RV_ESP_VMULAS_S16_XACC_LD_XP:
        mac_xacc(s, &p, true), memcpy(qu, m, 16); break;
    case RV_ESP_VMULAS_S8_QACC: mac_qacc(s, &p, false, -1); break;
    case RV_ESP_VMULAS_S16_QACC: mac_qacc(s, &p, true, -1); break;
    case RV_ESP_VMULAS_S8_XACC: mac_xacc(s, &p, false); break;
    case RV_ESP_VMULAS_S16_XACC: mac_xacc(s, &p, true); break;
    case RV_ESP_VMULAS_S8_QACC_LDBC_INCP: case RV_ESP_VMULAS_S16_QACC_LDBC_INCP:
        mac_qacc(s, &p, n == 2, -1);
        for (unsigned i = 0; i < 16; i += n) memcpy(qu + i, m, n);
        break;
    /* "vsmulas selector": lane sel of qy times every lane of qx (s16:
     * sel & 7) */
    case RV_ESP_VSMULAS_S8_QACC: mac_qacc(s, &p, false, (int)(p.sel & 15)); break;
    case RV_ESP_VSMULAS_S16_QACC: mac_qacc(s, &p, true, (int)(p.sel & 7)); break;
    case RV_ESP_VSMULAS_S8_QACC_LD_INCP: mac_qacc(s, &p, false, (int)(p.sel & 15)), memcpy(qu, m, 16); break;
    case RV_ESP_VSMULAS_S16_QACC_LD_INCP: mac_qacc(s, &p, true, (int)(p.sel & 7)), memcpy(qu, m, 16); break;

    /* reading the accumulators: shift right by x[rs1] & 63, round, fit */
    case RV_ESP_SRCMB_S8_QACC:
        for (unsigned i = 0; i < 16; i++)
            set_lane(qu, 1, i, fit(shift_round(lane(ps->qacc, 4, i), a & 63, p.rm), 8, p.sat));
        break;
    case RV_ESP_SRCMB_S16_QACC:
        for (unsigned i = 0; i < 8; i++)
            set_lane(qu, 2, i, fit(shift_round(lane(ps->qacc, 8, i), a & 63, p.rm), 16, p.sat));
        break;
    case RV_ESP_SRS_S_XACC: x[o->rd] = (uint32_t)fit(shift_round(ps->xacc, a & 63, p.rm), 32, p.sat); break;
    case RV_ESP_MOVX_R_XACC_L: x[o->rd] = (uint32_t)ps->xacc; break;
    case RV_ESP_MOVX_R_XACC_H: x[o->rd] = (uint32_t)(int32_t)(ps->xacc >> 32); break; /* bits 39:32, sign-extended */
    case RV_ESP_MOVX_W_XACC_L: ps->xacc = sext(((uint64_t)ps->xacc & ~UINT64_C(0xffffffff)) | a, 40); break;
    case RV_ESP_MOVX_W_XACC_H: ps->xacc = sext((uint64_t)(a & 0xff) << 32 | ((uint64_t)ps->xacc & 0xffffffffu), 40); break;
    case RV_ESP_MOVX_R_SAR: x[o->rd] = ps->sar; break;
    case RV_ESP_MOVX_W_SAR: ps->sar = a & 63; break;
    case RV_ESP_MOVX_R_CFG: x[o->rd] = ps->cfg; break;
    case RV_ESP_MOVX_W_CFG: ps->cfg = a & CFG_MASK; break;
    case RV_ESP_MOVI_32_A: x[o->rd] = (uint32_t)get_le(ps->q[p.qy] + 4 * (p.sel & 3), 4); break;
    case RV_ESP_MOVI_32_Q: put_le(ps->q[p.qy] + 4 * (p.sel & 3), 4, a); break;

    /* lane arithmetic */
    case RV_ESP_VADD_S8: case RV_ESP_VADD_S16: case RV_ESP_VADD_S32: {
        unsigned w = p.op == RV_ESP_VADD_S8 ? 1 : p.op == RV_ESP_VADD_S16 ? 2 : 4;
        uint8_t r[16];
        for (unsigned i = 0; i < 16 / w; i++)
            set_lane(r, w, i, fit(lane(ps->q[p.qx], w, i) + lane(ps->q[p.qy], w, i), 8 * w, p.sat));
        memcpy(ps->q[p.qv], r, 16);
        break;
    }
    case RV_ESP_VMUL_S8: case RV_ESP_VMUL_S16: {
        unsigned w = p.op == RV_ESP_VMUL_S8 ? 1 : 2;
        uint8_t r[16];
        for (unsigned i = 0; i < 16 / w; i++) {
            int64_t prod = lane(ps->q[p.qx], w, i) * lane(ps->q[p.qy], w, i);
            set_lane(r, w, i, fit(shift_round(prod, ps->sar, p.rm), 8 * w, p.sat));
        }
        memcpy(ps->q[p.qz], r, 16);
        break;
    }
    case RV_ESP_VMUL_S16_S8XS8: case RV_ESP_VMUL_S32_S16XS16: {
        /* widening: the low half of the lanes into qz, the high half into
         * qv; shifted by SAR (the product always fits) */
        unsigned w = p.op == RV_ESP_VMUL_S16_S8XS8 ? 1 : 2, lanes = 16 / w;
        uint8_t r[2][16];
        for (unsigned i = 0; i < lanes; i++) {
            int64_t prod = lane(ps->q[p.qx], w, i) * lane(ps->q[p.qy], w, i);
            set_lane(r[i >= lanes / 2], 2 * w, i % (lanes / 2), shift_round(prod, ps->sar, p.rm));
        }
        memcpy(ps->q[p.qz], r[0], 16);
        memcpy(ps->q[p.qv], r[1], 16);
        break;
    }
    case RV_ESP_VRELU_S8: case RV_ESP_VRELU_S16: {
        /* negative lanes times x[rs2] (signed), shifted by x[rs1] & 63 */
        unsigned w = p.op == RV_ESP_VRELU_S8 ? 1 : 2;
        uint8_t *q = ps->q[p.qy];
        for (unsigned i = 0; i < 16 / w; i++) {
            int64_t v = lane(q, w, i);
            if (v < 0)
                set_lane(q, w, i, fit(shift_round(v * (int32_t)x[o->rs2], a & 63, p.rm), 8 * w, p.sat));
        }
        break;
    }
    /* elementwise lanes: max, min, subtract (fitted like vadd), xor, and
     * the largest lane as unsigned 32 bits (esp.max.u32.a; the q operand
     * is in the qy field) */
    case RV_ESP_VMAX_S8: case RV_ESP_VMAX_S16: case RV_ESP_VMAX_S32:
    case RV_ESP_VMIN_S8: case RV_ESP_VMIN_S16: case RV_ESP_VMIN_S32: {
        bool mx = p.op <= RV_ESP_VMAX_S32;
        unsigned k = mx ? p.op - RV_ESP_VMAX_S8 : p.op - RV_ESP_VMIN_S8, w = k == 0 ? 1 : k == 1 ? 2 : 4;
        uint8_t r[16];
        for (unsigned i = 0; i < 16 / w; i++) {
            int64_t u = lane(ps->q[p.qx], w, i), v = lane(ps->q[p.qy], w, i);
            set_lane(r, w, i, mx ? (u > v ? u : v) : (u < v ? u : v));
        }
        memcpy(ps->q[p.qz], r, 16);
        break;
    }
    case RV_ESP_VSUB_S8: case RV_ESP_VSUB_S16: case RV_ESP_VSUB_S32: {
        unsigned w = p.op == RV_ESP_VSUB_S8 ? 1 : p.op == RV_ESP_VSUB_S16 ? 2 : 4;
        uint8_t r[16];
        for (unsigned i = 0; i < 16 / w; i++)
            set_lane(r, w, i, fit(lane(ps->q[p.qx], w, i) - lane(ps->q[p.qy], w, i), 8 * w, p.sat));
        memcpy(ps->q[p.qv], r, 16);
        break;
    }
    case RV_ESP_XORQ:
        for (unsigned i = 0; i < 16; i++) ps->q[p.qz][i] = ps->q[p.qx][i] ^ ps->q[p.qy][i];
        break;
    case RV_ESP_ANDQ:
        for (unsigned i = 0; i < 16; i++) ps->q[p.qz][i] = ps->q[p.qx][i] & ps->q[p.qy][i];
        break;
    case RV_ESP_VUNZIP_8: case RV_ESP_VUNZIP_16: {
        /* "unzip": the elements of qx then qy; the even ones into qx, the
         * odd ones into qy (docs/pie-semantics.md) */
        unsigned w = p.op == RV_ESP_VUNZIP_8 ? 1 : 2, n2 = 16 / w;
        uint8_t both[32], r[2][16];
        memcpy(both, ps->q[p.qx], 16), memcpy(both + 16, ps->q[p.qy], 16);
        for (unsigned i = 0; i < 2 * n2; i++)
            memcpy(r[i & 1] + (i >> 1) * w, both + i * w, w);
        memcpy(ps->q[p.qx], r[0], 16), memcpy(ps->q[p.qy], r[1], 16);
        break;
    }
    case RV_ESP_VSR_S32: { /* 32-bit lanes of qy shifted right by SAR, rounded by rm */
        uint8_t r[16];
        for (unsigned i = 0; i < 4; i++)
            set_lane(r, 4, i, shift_round(lane(ps->q[p.qy], 4, i), ps->sar, p.rm));
        memcpy(qu, r, 16);
        break;
    }
    case RV_ESP_MAX_U32_A: {
        uint32_t mx = 0;
        for (unsigned i = 0; i < 4; i++) {
            uint32_t u = (uint32_t)get_le(ps->q[p.qy] + 4 * i, 4);
            mx = u > mx ? u : mx;
        }
        x[o->rd] = mx;
        break;
    }
    default: break;
    }
    if (fl & XW1) x[o->rs1] = a + step;
    if (s->pie_state) s->pie_state = 3; /* enabled: now dirty (like mstatus.FS) */
    return 0;
}

/* ---- hardware loops ----
 * s->hwlp[] = loop 0 start, end, count, loop 1 start, end, count (the CSR
 * order 0x7c6..0x7cb). "end" is the address of the body's last
 * instruction; the body runs max(count, 1) times. */

void pie_lp_exec(P4Sim *s, const SimOp *o, uint32_t pc)
{
    uint32_t *lp = &s->hwlp[3 * (o->rs3 & 1)];
    uint32_t off = (uint32_t)o->imm;
    switch (RV_PIE_FIRST + o->sub) {
    case RV_ESP_LP_SETUP: lp[0] = pc + 4, lp[1] = pc + off, lp[2] = s->x[o->rs1]; break;
    case RV_ESP_LP_SETUPI: lp[0] = pc + 4, lp[1] = pc + off, lp[2] = o->csr; break;
    case RV_ESP_LP_STARTI: lp[0] = pc + off; break;
    case RV_ESP_LP_ENDI: lp[1] = pc + off; break;
    case RV_ESP_LP_COUNTI: lp[2] = o->csr; break;
    case RV_ESP_LP_COUNT: lp[2] = s->x[o->rs1]; break;
    default: break;
    }
    if (s->hwlp_state) s->hwlp_state = 3;
    /* ESP-DSP: "the esp.lp.setup instruction is not working with loop
     * count 1. The min value is 2." p4sim runs such a body once; it says
     * so (once per run), so that a program relying on it is seen (the JIT's
     * differential tests compare stderr) */
    unsigned sub = RV_PIE_FIRST + o->sub;
    bool counted = sub == RV_ESP_LP_SETUP || sub == RV_ESP_LP_SETUPI || sub == RV_ESP_LP_COUNTI || sub == RV_ESP_LP_COUNT;
    if (counted && lp[2] < 2 && !s->lp_warned && s->cfg.diag) {
        s->lp_warned = true;
        fprintf(s->cfg.diag, "p4sim: warning: hardware loop %u given count %u at pc 0x%08x (the chip needs 2 or more)\n",
                (unsigned)(o->rs3 & 1), (unsigned)lp[2], (unsigned)pc);
    }
}

bool pie_lp_is_end(const P4Sim *s, uint32_t pc)
{
    return (s->hwlp[1] == pc && s->hwlp[2] != 0) || (s->hwlp[4] == pc && s->hwlp[5] != 0);
}

bool pie_lp_back(P4Sim *s, uint32_t end_pc, uint32_t *start)
{
    for (int id = 0; id < 2; id++) {
        uint32_t *lp = &s->hwlp[3 * id];
        if (lp[1] != end_pc || lp[2] == 0) continue;
        if (--lp[2] != 0) {
            *start = lp[0];
            return true;
        }
        /* loop id is done: an outer loop ending here may go round */
    }
    return false;
}
