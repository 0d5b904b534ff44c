/*
 * pie_ref.c - reference model of the PIE instructions for the tests: one
 * scalar loop per instruction over typed lane arrays, 128-bit arithmetic
 * for rounding and saturation (so the simulator's 64-bit shortcuts are
 * checked, not repeated). The choices are docs/pie-semantics.md's.
 */
#include <string.h>

#include "pie_ref.h"

typedef __int128 i128;

/* typed views of a 16-byte register (the host is little-endian, checked by
 * the test's main) */
typedef union V { uint8_t b[16]; int8_t s8[16]; int16_t s16[8]; int32_t s32[4]; uint32_t u32[4]; } V;
typedef union Acc { uint8_t b[64]; int32_t s32[16]; int64_t s64[8]; } Acc;

static i128 lo_of(unsigned bits) { return -((i128)1 << (bits - 1)); }
static i128 hi_of(unsigned bits) { return ((i128)1 << (bits - 1)) - 1; }

/* saturate or wrap to a signed `bits`-bit value */
static int64_t narrow(i128 v, unsigned bits, bool sat)
{
    if (sat) {
        if (v < lo_of(bits)) return (int64_t)lo_of(bits);
        if (v > hi_of(bits)) return (int64_t)hi_of(bits);
        return (int64_t)v;
    }
    i128 m = (i128)1 << bits;
    i128 r = v % m;
    if (r < 0) r += m;
    if (r > hi_of(bits)) r -= m;
    return (int64_t)r;
}

/* v / 2^sh rounded as the mode says, by exact division */
static i128 rshift(i128 v, unsigned sh, unsigned rm)
{
    i128 d = (i128)1 << sh;
    i128 q = v / d, r = v % d;
    if (r < 0) q -= 1, r += d;  /* now q = floor, 0 <= r < d */
    if (r == 0) return q;
    i128 twice = 2 * r;
    switch (rm) {
    case 0: return q;                                   /* rdn */
    case 1: return q + 1;                               /* rup */
    case 2: return v > 0 ? q + 1 : q;                   /* raz */
    case 3: return v < 0 ? q + 1 : q;                   /* rtz */
    case 4: return twice > d || (twice == d && v > 0) ? q + 1 : q;   /* rhaz */
    case 5: return twice > d || (twice == d && v < 0) ? q + 1 : q;   /* rhtz */
    default: return twice > d || (twice == d && q % 2 != 0) ? q + 1 : q; /* rne */
    }
}

bool ref_is_mem(unsigned op, unsigned *align)
{
    switch (op) {
    case RV_ESP_VLDBC_8_IP: case RV_ESP_VLDBC_8_XP: case RV_ESP_VMULAS_S8_QACC_LDBC_INCP: *align = 1; return true;
    case RV_ESP_VLDBC_16_IP: case RV_ESP_VLDBC_16_XP: case RV_ESP_VMULAS_S16_QACC_LDBC_INCP: *align = 2; return true;
    case RV_ESP_VLDBC_32_IP: *align = 4; return true;
    case RV_ESP_VST_L_64_IP: *align = 8; return true;
    case RV_ESP_VLD_128_IP: case RV_ESP_VLD_128_XP: case RV_ESP_VST_128_IP: case RV_ESP_VST_128_XP:
    case RV_ESP_VSMULAS_S8_QACC_LD_INCP: case RV_ESP_VSMULAS_S16_QACC_LD_INCP:
        *align = 16; return true;
    default:
        *align = 16;
        return (op >= RV_ESP_VMULAS_S8_QACC_LD_IP && op <= RV_ESP_VMULAS_S16_XACC_LD_XP) ||
               (op >= RV_ESP_ST_QACC_L_L_128_IP && op <= RV_ESP_LD_QACC_H_H_128_IP);
    }
}

static bool is_store(unsigned op)
{
    return op == RV_ESP_VST_128_IP || op == RV_ESP_VST_128_XP || op == RV_ESP_VST_L_64_IP ||
           (op >= RV_ESP_ST_QACC_L_L_128_IP && op <= RV_ESP_ST_QACC_H_H_128_IP);
}

int ref_exec(RefMachine *m, const RvInsn *in, RvRev rev)
{
    unsigned op = in->op;
    bool sat = in->sat;
    unsigned rm = in->rm;
    if (rev == RV_REV_1) {
        sat = true, rm = 7;
        if (op == RV_ESP_SRCMB_S8_QACC || op == RV_ESP_SRCMB_S16_QACC) rm = in->sel ? 4 : 0;
    }
    if (rm == 7) rm = (m->pie.cfg >> 4) & 7;
    if (rm == 7) rm = 0;

    V q[8], *qx = &q[in->qx], *qy = &q[in->qy];
    for (int i = 0; i < 8; i++) memcpy(q[i].b, m->pie.q[i], 16);
    Acc acc;
    memcpy(acc.b, m->pie.qacc, 64);
    i128 xacc = m->pie.xacc;
    uint32_t *x = m->x, addr = x[in->rs1];

    /* the memory operand first: a trap leaves everything as it was */
    unsigned align;
    uint8_t *p = NULL;
    if (ref_is_mem(op, &align)) {
        bool st = is_store(op);
        unsigned size = align == 16 ? 16 : align;
        bool mis_ok = (m->pie.cfg >> (st ? 0 : 1)) & 1;
        if (addr % align != 0 && !mis_ok) return st ? 6 : 4;
        if (addr < m->base || addr - m->base > m->size - size) return st ? 7 : 5;
        p = m->mem + (addr - m->base);
    }
    V ld = {{0}};
    if (p) {
        uint32_t avail = m->size - (addr - m->base);
        memcpy(ld.b, p, avail < 16 ? avail : 16);
    }

    uint32_t newrs1 = addr + (uint32_t)in->imm;
    unsigned sh = x[in->rs1] & 63;
    V r = {{0}};

    switch (op) {
    case RV_ESP_VLD_128_XP: case RV_ESP_VLDBC_8_XP: case RV_ESP_VLDBC_16_XP:
    case RV_ESP_VST_128_XP:
        newrs1 = addr + x[in->rs2];
        break;
    default: break;
    }

    switch (op) {
    case RV_ESP_VLD_128_IP: case RV_ESP_VLD_128_XP: memcpy(q[in->qu].b, p, 16); break;
    case RV_ESP_VST_128_IP: case RV_ESP_VST_128_XP: memcpy(p, q[in->qu].b, 16); break;
    case RV_ESP_VST_L_64_IP: memcpy(p, q[in->qu].b, 8); break;
    case RV_ESP_VLDBC_8_IP: case RV_ESP_VLDBC_8_XP:
        for (int i = 0; i < 16; i++) q[in->qu].b[i] = p[0];
        break;
    case RV_ESP_VLDBC_16_IP: case RV_ESP_VLDBC_16_XP: {
        int16_t v; memcpy(&v, p, 2);
        for (int i = 0; i < 8; i++) q[in->qu].s16[i] = v;
        break;
    }
    case RV_ESP_VLDBC_32_IP: {
        int32_t v; memcpy(&v, p, 4);
        for (int i = 0; i < 4; i++) q[in->qu].s32[i] = v;
        break;
    }
    case RV_ESP_ZERO_Q: memset(q[in->qz].b, 0, 16); break;
    case RV_ESP_ZERO_QACC: memset(acc.b, 0, 64); break;
    case RV_ESP_ZERO_XACC: xacc = 0; break;

    case RV_ESP_VMULAS_S8_QACC: case RV_ESP_VMULAS_S8_QACC_LD_IP: case RV_ESP_VMULAS_S8_QACC_LD_XP:
    case RV_ESP_VMULAS_S8_QACC_LDBC_INCP: case RV_ESP_VSMULAS_S8_QACC: case RV_ESP_VSMULAS_S8_QACC_LD_INCP: {
        bool scalar = op == RV_ESP_VSMULAS_S8_QACC || op == RV_ESP_VSMULAS_S8_QACC_LD_INCP;
        for (int i = 0; i < 16; i++) {
            int yv = scalar ? qy->s8[in->sel & 15] : qy->s8[i];
            acc.s32[i] = (int32_t)narrow((i128)acc.s32[i] + qx->s8[i] * yv, 32, sat);
        }
        break;
    }
    case RV_ESP_VMULAS_S16_QACC: case RV_ESP_VMULAS_S16_QACC_LD_IP: case RV_ESP_VMULAS_S16_QACC_LD_XP:
    case RV_ESP_VMULAS_S16_QACC_LDBC_INCP: case RV_ESP_VSMULAS_S16_QACC: case RV_ESP_VSMULAS_S16_QACC_LD_INCP: {
        bool scalar = op == RV_ESP_VSMULAS_S16_QACC || op == RV_ESP_VSMULAS_S16_QACC_LD_INCP;
        for (int i = 0; i < 8; i++) {
            int yv = scalar ? qy->s16[in->sel & 7] : qy->s16[i];
            acc.s64[i] = narrow((i128)acc.s64[i] + (i128)qx->s16[i] * yv, 64, sat);
        }
        break;
    }
    case RV_ESP_VMULAS_S8_XACC: case RV_ESP_VMULAS_S8_XACC_LD_IP: case RV_ESP_VMULAS_S8_XACC_LD_XP: {
        i128 sum = 0;
        for (int i = 0; i < 16; i++) sum += qx->s8[i] * qy->s8[i];
        xacc = narrow(xacc + sum, 40, sat);
        break;
    }
    case RV_ESP_VMULAS_S16_XACC: case RV_ESP_VMULAS_S16_XACC_LD_IP: case RV_ESP_VMULAS_S16_XACC_LD_XP: {
        i128 sum = 0;
        for (int i = 0; i < 8; i++) sum += qx->s16[i] * qy->s16[i];
        xacc = narrow(xacc + sum, 40, sat);
        break;
    }
    case RV_ESP_SRCMB_S8_QACC:
        for (int i = 0; i < 16; i++) q[in->qu].s8[i] = (int8_t)narrow(rshift(acc.s32[i], sh, rm), 8, sat);
        break;
    case RV_ESP_SRCMB_S16_QACC:
        for (int i = 0; i < 8; i++) q[in->qu].s16[i] = (int16_t)narrow(rshift(acc.s64[i], sh, rm), 16, sat);
        break;
    case RV_ESP_SRS_S_XACC: x[in->rd] = (uint32_t)narrow(rshift(xacc, sh, rm), 32, sat); break;
    case RV_ESP_ST_QACC_L_L_128_IP: memcpy(p, acc.b + 0, 16); break;
    case RV_ESP_ST_QACC_L_H_128_IP: memcpy(p, acc.b + 16, 16); break;
    case RV_ESP_ST_QACC_H_L_128_IP: memcpy(p, acc.b + 32, 16); break;
    case RV_ESP_ST_QACC_H_H_128_IP: memcpy(p, acc.b + 48, 16); break;
    case RV_ESP_LD_QACC_L_L_128_IP: memcpy(acc.b + 0, p, 16); break;
    case RV_ESP_LD_QACC_L_H_128_IP: memcpy(acc.b + 16, p, 16); break;
    case RV_ESP_LD_QACC_H_L_128_IP: memcpy(acc.b + 32, p, 16); break;
    case RV_ESP_LD_QACC_H_H_128_IP: memcpy(acc.b + 48, p, 16); break;
    case RV_ESP_MOVX_R_XACC_L: x[in->rd] = (uint32_t)(uint64_t)(int64_t)xacc; break;
    case RV_ESP_MOVX_R_XACC_H: x[in->rd] = (uint32_t)(int32_t)(int8_t)(uint8_t)((uint64_t)(int64_t)xacc >> 32); break;
    case RV_ESP_MOVX_W_XACC_L: {
        int64_t hi = (int64_t)(xacc >> 32);
        xacc = narrow((i128)hi * ((i128)1 << 32) + x[in->rs1], 40, false);
        break;
    }
    case RV_ESP_MOVX_W_XACC_H: {
        uint32_t lo = (uint32_t)(uint64_t)(int64_t)xacc;
        xacc = (i128)(int8_t)(uint8_t)x[in->rs1] * ((i128)1 << 32) + lo;
        break;
    }
    case RV_ESP_MOVX_R_SAR: x[in->rd] = m->pie.sar; break;
    case RV_ESP_MOVX_W_SAR: m->pie.sar = x[in->rs1] % 64; break;
    case RV_ESP_MOVX_R_CFG: x[in->rd] = m->pie.cfg; break;
    case RV_ESP_MOVX_W_CFG: m->pie.cfg = x[in->rs1] & (1u | 2u | 0xf0u | 0x100u); break;
    case RV_ESP_MOVI_32_A: x[in->rd] = q[in->qy].u32[in->sel]; break;
    case RV_ESP_MOVI_32_Q: q[in->qy].u32[in->sel] = x[in->rs1]; break;
    case RV_ESP_VADD_S8:
        for (int i = 0; i < 16; i++) r.s8[i] = (int8_t)narrow(qx->s8[i] + qy->s8[i], 8, sat);
        q[in->qv] = r;
        break;
    case RV_ESP_VADD_S16:
        for (int i = 0; i < 8; i++) r.s16[i] = (int16_t)narrow(qx->s16[i] + qy->s16[i], 16, sat);
        q[in->qv] = r;
        break;
    case RV_ESP_VADD_S32:
        for (int i = 0; i < 4; i++) r.s32[i] = (int32_t)narrow((i128)qx->s32[i] + qy->s32[i], 32, sat);
        q[in->qv] = r;
        break;
    case RV_ESP_VMUL_S8:
        for (int i = 0; i < 16; i++)
            r.s8[i] = (int8_t)narrow(rshift(qx->s8[i] * qy->s8[i], m->pie.sar, rm), 8, sat);
        q[in->qz] = r;
        break;
    case RV_ESP_VMUL_S16:
        for (int i = 0; i < 8; i++)
            r.s16[i] = (int16_t)narrow(rshift(qx->s16[i] * qy->s16[i], m->pie.sar, rm), 16, sat);
        q[in->qz] = r;
        break;
    case RV_ESP_VMUL_S16_S8XS8: {
        V lo, hi;
        for (int i = 0; i < 8; i++) {
            lo.s16[i] = (int16_t)rshift(qx->s8[i] * qy->s8[i], m->pie.sar, rm);
            hi.s16[i] = (int16_t)rshift(qx->s8[i + 8] * qy->s8[i + 8], m->pie.sar, rm);
        }
        q[in->qz] = lo, q[in->qv] = hi;
        break;
    }
    case RV_ESP_VMUL_S32_S16XS16: {
        V lo, hi;
        for (int i = 0; i < 4; i++) {
            lo.s32[i] = (int32_t)rshift(qx->s16[i] * qy->s16[i], m->pie.sar, rm);
            hi.s32[i] = (int32_t)rshift(qx->s16[i + 4] * qy->s16[i + 4], m->pie.sar, rm);
        }
        q[in->qz] = lo, q[in->qv] = hi;
        break;
    }
    case RV_ESP_VRELU_S8:
        for (int i = 0; i < 16; i++)
            if (q[in->qy].s8[i] < 0)
                q[in->qy].s8[i] = (int8_t)narrow(rshift((i128)q[in->qy].s8[i] * (int32_t)x[in->rs2], sh, rm), 8, sat);
        break;
    case RV_ESP_VRELU_S16:
        for (int i = 0; i < 8; i++)
            if (q[in->qy].s16[i] < 0)
                q[in->qy].s16[i] =
                    (int16_t)narrow(rshift((i128)q[in->qy].s16[i] * (int32_t)x[in->rs2], sh, rm), 16, sat);
        break;
    case RV_ESP_VMAX_S8: for (int i = 0; i < 16; i++) r.s8[i] = qx->s8[i] >= qy->s8[i] ? qx->s8[i] : qy->s8[i]; q[in->qz] = r; break;
    case RV_ESP_VMAX_S16: for (int i = 0; i < 8; i++) r.s16[i] = qx->s16[i] >= qy->s16[i] ? qx->s16[i] : qy->s16[i]; q[in->qz] = r; break;
    case RV_ESP_VMAX_S32: for (int i = 0; i < 4; i++) r.s32[i] = qx->s32[i] >= qy->s32[i] ? qx->s32[i] : qy->s32[i]; q[in->qz] = r; break;
    case RV_ESP_VMIN_S8: for (int i = 0; i < 16; i++) r.s8[i] = qx->s8[i] <= qy->s8[i] ? qx->s8[i] : qy->s8[i]; q[in->qz] = r; break;
    case RV_ESP_VMIN_S16: for (int i = 0; i < 8; i++) r.s16[i] = qx->s16[i] <= qy->s16[i] ? qx->s16[i] : qy->s16[i]; q[in->qz] = r; break;
    case RV_ESP_VMIN_S32: for (int i = 0; i < 4; i++) r.s32[i] = qx->s32[i] <= qy->s32[i] ? qx->s32[i] : qy->s32[i]; q[in->qz] = r; break;
    case RV_ESP_VSUB_S8:
        for (int i = 0; i < 16; i++) r.s8[i] = (int8_t)narrow(qx->s8[i] - qy->s8[i], 8, sat);
        q[in->qv] = r;
        break;
    case RV_ESP_VSUB_S16:
        for (int i = 0; i < 8; i++) r.s16[i] = (int16_t)narrow(qx->s16[i] - qy->s16[i], 16, sat);
        q[in->qv] = r;
        break;
    case RV_ESP_VSUB_S32:
        for (int i = 0; i < 4; i++) r.s32[i] = (int32_t)narrow((i128)qx->s32[i] - qy->s32[i], 32, sat);
        q[in->qv] = r;
        break;
    case RV_ESP_ANDQ: for (int i = 0; i < 4; i++) r.u32[i] = qx->u32[i] & qy->u32[i]; q[in->qz] = r; break;
    case RV_ESP_VUNZIP_8: { /* lanes 2i of qx:qy into qx, 2i + 1 into qy */
        V lo, hi;
        for (int i = 0; i < 8; i++)
            lo.b[i] = qx->b[2 * i], hi.b[i] = qx->b[2 * i + 1], lo.b[8 + i] = qy->b[2 * i], hi.b[8 + i] = qy->b[2 * i + 1];
        q[in->qx] = lo, q[in->qy] = hi;
        break;
    }
    case RV_ESP_VUNZIP_16: {
        V lo, hi;
        for (int i = 0; i < 4; i++)
            lo.s16[i] = qx->s16[2 * i], hi.s16[i] = qx->s16[2 * i + 1], lo.s16[4 + i] = qy->s16[2 * i],
            hi.s16[4 + i] = qy->s16[2 * i + 1];
        q[in->qx] = lo, q[in->qy] = hi;
        break;
    }
    case RV_ESP_XORQ: for (int i = 0; i < 4; i++) r.u32[i] = qx->u32[i] ^ qy->u32[i]; q[in->qz] = r; break;
    case RV_ESP_VSR_S32:
        for (int i = 0; i < 4; i++) r.s32[i] = (int32_t)rshift(qy->s32[i], m->pie.sar, rm);
        q[in->qu] = r;
        break;
    case RV_ESP_MAX_U32_A: {
        uint32_t best = qy->u32[0];
        for (int i = 1; i < 4; i++) best = qy->u32[i] > best ? qy->u32[i] : best;
        x[in->rd] = best;
        break;
    }
    default: return -1;
    }

    /* the fused loads write qu after the MAC read its operands */
    switch (op) {
    case RV_ESP_VMULAS_S8_QACC_LD_IP: case RV_ESP_VMULAS_S16_QACC_LD_IP:
    case RV_ESP_VMULAS_S8_XACC_LD_IP: case RV_ESP_VMULAS_S16_XACC_LD_IP:
    case RV_ESP_VSMULAS_S8_QACC_LD_INCP: case RV_ESP_VSMULAS_S16_QACC_LD_INCP:
        q[in->qu] = ld;
        break;
    case RV_ESP_VMULAS_S8_QACC_LD_XP: case RV_ESP_VMULAS_S16_QACC_LD_XP:
    case RV_ESP_VMULAS_S8_XACC_LD_XP: case RV_ESP_VMULAS_S16_XACC_LD_XP:
        q[in->qu] = ld;
        newrs1 = addr + x[in->rs2];
        break;
    case RV_ESP_VMULAS_S8_QACC_LDBC_INCP:
        for (int i = 0; i < 16; i++) q[in->qu].b[i] = ld.b[0];
        newrs1 = addr + 1;
        break;
    case RV_ESP_VMULAS_S16_QACC_LDBC_INCP:
        for (int i = 0; i < 8; i++) q[in->qu].s16[i] = ld.s16[0];
        newrs1 = addr + 2;
        break;
    default: break;
    }
    if (op == RV_ESP_VSMULAS_S8_QACC_LD_INCP || op == RV_ESP_VSMULAS_S16_QACC_LD_INCP) newrs1 = addr + 16;
    if (ref_is_mem(op, &align)) x[in->rs1] = newrs1;

    for (int i = 0; i < 8; i++) memcpy(m->pie.q[i], q[i].b, 16);
    memcpy(m->pie.qacc, acc.b, 64);
    m->pie.xacc = (int64_t)xacc;
    return 0;
}
