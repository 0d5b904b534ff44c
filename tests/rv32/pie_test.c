/*
 * pie_test.c - the ESP32-P4 PIE and hardware-loop instructions in both
 * encodings (rev 1 = xespv2p1, rev 3 = xespv2p2):
 * - the worked examples of /work/shared/reference/esp32p4-pie.md;
 * - one literal row per instruction and revision (operands, word, text),
 *   its words computed by a separate encoder written from the reference's
 *   field descriptions (not from pie.c's tables): encode, decode, print;
 * - every row's fields cover exactly the bits its mask leaves free, and no
 *   two rows of a revision overlap or collide with the standard ISA;
 * - every operand at its extremes and steps round-trips; one step beyond,
 *   off the step, or a register outside x8-x15/x24-x31 is refused;
 * - no PIE word of one revision decodes in the other;
 * - sampled words round-trip, unknown ones print as .4byte/.2byte.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "rv32/rv32.h"

static const RvRev revs[] = {RV_REV_1, RV_REV_3};

static RvInsn blank(unsigned op)
{
    RvInsn in;
    memset(&in, 0, sizeof in);
    in.op = (uint16_t)op;
    in.len = 4;
    return in;
}

static void disasm_word(uint32_t w, RvRev rev, unsigned flags, char *text, size_t n)
{
    uint8_t b[4] = {(uint8_t)w, (uint8_t)(w >> 8), (uint8_t)(w >> 16), (uint8_t)(w >> 24)};
    rv_disasm_rev(b, 4, 0x1000, rev, flags, text, n);
}

/* Encodes, decodes back (the same fields, byte for byte), and prints. */
static void check_row(const RvInsn *want_in, RvRev rev, uint32_t want, const char *text)
{
    RvInsn in = blank(want_in->op);
    in.qu = want_in->qu, in.qv = want_in->qv, in.qx = want_in->qx, in.qy = want_in->qy, in.qz = want_in->qz;
    in.rd = want_in->rd, in.rs1 = want_in->rs1, in.rs2 = want_in->rs2, in.imm = want_in->imm;
    in.sel = want_in->sel, in.sat = want_in->sat, in.rm = want_in->rm, in.count = want_in->count;
    uint32_t w = 0;
    if (!rv_encode_rev(&in, rev, &w))
        fail_msg("%s (rev %d) refused", text, rev);
    if (w != want)
        fail_msg("%s (rev %d): encoded 0x%08x, want 0x%08x", text, rev, w, want);
    RvInsn back;
    assert_int_equal(rv_decode_rev(w, rev, &back), 4);
    if (memcmp(&back, &in, sizeof in) != 0)
        fail_msg("%s (rev %d): decode(encode(x)) != x", text, rev);
    char got[128];
    disasm_word(w, rev, 0, got, sizeof got);
    assert_string_equal(got, text);
}

static void worked_examples(void **state)
{
    (void)state;
    /* from LLVM's esp32p4-valid.s, as quoted in the reference */
    RvInsn a = blank(RV_ESP_VLD_128_IP);
    a.qu = 1, a.rs1 = 13, a.imm = 560;
    check_row(&a, RV_REV_1, 0x1212a63b, "esp.vld.128.ip\tq1,a3,560");
    RvInsn b = blank(RV_ESP_VMULAS_S8_QACC_LD_IP);
    b.qu = 5, b.rs1 = 12, b.imm = 64, b.qx = 5, b.qy = 0;
    check_row(&b, RV_REV_1, 0xa25274bb, "esp.vmulas.s8.qacc.ld.ip\tq5,a2,64,q5,q0");
    RvInsn c = blank(RV_ESP_SRCMB_S8_QACC);
    c.qu = 1, c.rs1 = 13, c.sel = 1;
    check_row(&c, RV_REV_1, 0x7802a43b, "esp.srcmb.s8.qacc\tq1,a3,1");
    RvInsn d = blank(RV_ESP_ZERO_QACC);
    check_row(&d, RV_REV_1, 0x0000025b, "esp.zero.qacc");
    /* OpenOCD's pair: esp.vld.128.ip q0, s0, 0 in either revision */
    RvInsn e = blank(RV_ESP_VLD_128_IP);
    e.rs1 = 8;
    check_row(&e, RV_REV_1, 0x0200203b, "esp.vld.128.ip\tq0,s0,0");
    check_row(&e, RV_REV_3, 0x0310001f, "esp.vld.128.ip\tq0,s0,0");
}

static const struct {
    unsigned op;
    RvRev rev;
    uint32_t word;
    const char *text;
    RvInsn in;
} rows[] = {
    {RV_ESP_VLD_128_IP, RV_REV_1, 0x4204ac3b, "esp.vld.128.ip\tq3,s9,-2048", {.op = RV_ESP_VLD_128_IP, .qu = 3, .rs1 = 25, .imm = -2048}},
    {RV_ESP_VST_128_IP, RV_REV_1, 0xb2f3be3b, "esp.vst.128.ip\tq7,a5,2032", {.op = RV_ESP_VST_128_IP, .qu = 7, .rs1 = 15, .imm = 2032}},
    {RV_ESP_VLD_128_XP, RV_REV_1, 0x82f0485f, "esp.vld.128.xp\tq2,s0,t6", {.op = RV_ESP_VLD_128_XP, .qu = 2, .rs1 = 8, .rs2 = 31}},
    {RV_ESP_VST_128_XP, RV_REV_1, 0x9217545f, "esp.vst.128.xp\tq5,t5,s1", {.op = RV_ESP_VST_128_XP, .qu = 5, .rs1 = 30, .rs2 = 9}},
    {RV_ESP_VLDBC_8_IP, RV_REV_1, 0x4601243b, "esp.vldbc.8.ip\tq1,a0,-128", {.op = RV_ESP_VLDBC_8_IP, .qu = 1, .rs1 = 10, .imm = -128}},
    {RV_ESP_VLDBC_16_IP, RV_REV_1, 0xb6f1ba3b, "esp.vldbc.16.ip\tq6,a1,254", {.op = RV_ESP_VLDBC_16_IP, .qu = 6, .rs1 = 11, .imm = 254}},
    {RV_ESP_VLDBC_32_IP, RV_REV_1, 0xeef4323b, "esp.vldbc.32.ip\tq4,s8,-4", {.op = RV_ESP_VLDBC_32_IP, .qu = 4, .rs1 = 24, .imm = -4}},
    {RV_ESP_VLDBC_8_XP, RV_REV_1, 0x8652405f, "esp.vldbc.8.xp\tq0,a2,a3", {.op = RV_ESP_VLDBC_8_XP, .qu = 0, .rs1 = 12, .rs2 = 13}},
    {RV_ESP_VLDBC_16_XP, RV_REV_1, 0x96a5dc5f, "esp.vldbc.16.xp\tq7,s11,s10", {.op = RV_ESP_VLDBC_16_XP, .qu = 7, .rs1 = 27, .rs2 = 26}},
    {RV_ESP_ZERO_Q, RV_REV_1, 0x0040035b, "esp.zero.q\tq6", {.op = RV_ESP_ZERO_Q, .qz = 6}},
    {RV_ESP_ZERO_QACC, RV_REV_1, 0x0000025b, "esp.zero.qacc", {.op = RV_ESP_ZERO_QACC}},
    {RV_ESP_ZERO_XACC, RV_REV_1, 0x0000005b, "esp.zero.xacc", {.op = RV_ESP_ZERO_XACC}},
    {RV_ESP_VMULAS_S8_QACC, RV_REV_1, 0x5ec5005f, "esp.vmulas.s8.qacc\tq2,q7", {.op = RV_ESP_VMULAS_S8_QACC, .qx = 2, .qy = 7}},
    {RV_ESP_VMULAS_S16_QACC, RV_REV_1, 0x5ec7005f, "esp.vmulas.s16.qacc\tq2,q7", {.op = RV_ESP_VMULAS_S16_QACC, .qx = 2, .qy = 7}},
    {RV_ESP_VMULAS_S8_XACC, RV_REV_1, 0x5ec1005f, "esp.vmulas.s8.xacc\tq2,q7", {.op = RV_ESP_VMULAS_S8_XACC, .qx = 2, .qy = 7}},
    {RV_ESP_VMULAS_S16_XACC, RV_REV_1, 0x5ec3005f, "esp.vmulas.s16.xacc\tq2,q7", {.op = RV_ESP_VMULAS_S16_XACC, .qx = 2, .qy = 7}},
    {RV_ESP_VMULAS_S8_QACC_LD_IP, RV_REV_1, 0x2e6370bb, "esp.vmulas.s8.qacc.ld.ip\tq4,a4,-128,q1,q3", {.op = RV_ESP_VMULAS_S8_QACC_LD_IP, .qu = 4, .rs1 = 14, .imm = -128, .qx = 1, .qy = 3}},
    {RV_ESP_VMULAS_S16_QACC_LD_IP, RV_REV_1, 0x2ee370bb, "esp.vmulas.s16.qacc.ld.ip\tq4,a4,-128,q1,q3", {.op = RV_ESP_VMULAS_S16_QACC_LD_IP, .qu = 4, .rs1 = 14, .imm = -128, .qx = 1, .qy = 3}},
    {RV_ESP_VMULAS_S8_XACC_LD_IP, RV_REV_1, 0x2c6370bb, "esp.vmulas.s8.xacc.ld.ip\tq4,a4,-128,q1,q3", {.op = RV_ESP_VMULAS_S8_XACC_LD_IP, .qu = 4, .rs1 = 14, .imm = -128, .qx = 1, .qy = 3}},
    {RV_ESP_VMULAS_S16_XACC_LD_IP, RV_REV_1, 0x2ce370bb, "esp.vmulas.s16.xacc.ld.ip\tq4,a4,-128,q1,q3", {.op = RV_ESP_VMULAS_S16_XACC_LD_IP, .qu = 4, .rs1 = 14, .imm = -128, .qx = 1, .qy = 3}},
    {RV_ESP_VMULAS_S8_QACC_LD_XP, RV_REV_1, 0xd6d62eff, "esp.vmulas.s8.qacc.ld.xp\tq3,t3,t4,q6,q5", {.op = RV_ESP_VMULAS_S8_QACC_LD_XP, .qu = 3, .rs1 = 28, .rs2 = 29, .qx = 6, .qy = 5}},
    {RV_ESP_VMULAS_S16_QACC_LD_XP, RV_REV_1, 0xd6de2eff, "esp.vmulas.s16.qacc.ld.xp\tq3,t3,t4,q6,q5", {.op = RV_ESP_VMULAS_S16_QACC_LD_XP, .qu = 3, .rs1 = 28, .rs2 = 29, .qx = 6, .qy = 5}},
    {RV_ESP_VMULAS_S8_XACC_LD_XP, RV_REV_1, 0xd4d62eff, "esp.vmulas.s8.xacc.ld.xp\tq3,t3,t4,q6,q5", {.op = RV_ESP_VMULAS_S8_XACC_LD_XP, .qu = 3, .rs1 = 28, .rs2 = 29, .qx = 6, .qy = 5}},
    {RV_ESP_VMULAS_S16_XACC_LD_XP, RV_REV_1, 0xd4de2eff, "esp.vmulas.s16.xacc.ld.xp\tq3,t3,t4,q6,q5", {.op = RV_ESP_VMULAS_S16_XACC_LD_XP, .qu = 3, .rs1 = 28, .rs2 = 29, .qx = 6, .qy = 5}},
    {RV_ESP_VMULAS_S8_QACC_LDBC_INCP, RV_REV_1, 0xe020e5bb, "esp.vmulas.s8.qacc.ldbc.incp\tq1,s1,q7,q0", {.op = RV_ESP_VMULAS_S8_QACC_LDBC_INCP, .qu = 1, .rs1 = 9, .qx = 7}},
    {RV_ESP_VMULAS_S16_QACC_LDBC_INCP, RV_REV_1, 0x7067e9bb, "esp.vmulas.s16.qacc.ldbc.incp\tq2,t6,q3,q4", {.op = RV_ESP_VMULAS_S16_QACC_LDBC_INCP, .qu = 2, .rs1 = 31, .qx = 3, .qy = 4}},
    {RV_ESP_VSMULAS_S8_QACC, RV_REV_1, 0x2ab7805f, "esp.vsmulas.s8.qacc\tq1,q2,15", {.op = RV_ESP_VSMULAS_S8_QACC, .qx = 1, .qy = 2, .sel = 15}},
    {RV_ESP_VSMULAS_S16_QACC, RV_REV_1, 0xbaf4805f, "esp.vsmulas.s16.qacc\tq5,q6,9", {.op = RV_ESP_VSMULAS_S16_QACC, .qx = 5, .qy = 6, .sel = 9}},
    {RV_ESP_VSMULAS_S8_QACC_LD_INCP, RV_REV_1, 0x05e17fbb, "esp.vsmulas.s8.qacc.ld.incp\tq7,a0,q0,q1,12", {.op = RV_ESP_VSMULAS_S8_QACC_LD_INCP, .qu = 7, .rs1 = 10, .qy = 1, .sel = 12}},
    {RV_ESP_VSMULAS_S16_QACC_LD_INCP, RV_REV_1, 0x4fad7bbb, "esp.vsmulas.s16.qacc.ld.incp\tq6,s10,q2,q3,5", {.op = RV_ESP_VSMULAS_S16_QACC_LD_INCP, .qu = 6, .rs1 = 26, .qx = 2, .qy = 3, .sel = 5}},
    {RV_ESP_SRCMB_S8_QACC, RV_REV_1, 0x7802283b, "esp.srcmb.s8.qacc\tq2,a2,1", {.op = RV_ESP_SRCMB_S8_QACC, .qu = 2, .rs1 = 12, .sel = 1}},
    {RV_ESP_SRCMB_S16_QACC, RV_REV_1, 0xd805b43b, "esp.srcmb.s16.qacc\tq5,s11,0", {.op = RV_ESP_SRCMB_S16_QACC, .qu = 5, .rs1 = 27, .sel = 0}},
    {RV_ESP_SRS_S_XACC, RV_REV_1, 0x94f5015f, "esp.srs.s.xacc\ta0,s10", {.op = RV_ESP_SRS_S_XACC, .rd = 10, .rs1 = 26}},
    {RV_ESP_ST_QACC_L_L_128_IP, RV_REV_1, 0xa0c2c03b, "esp.st.qacc.l.l.128.ip\ta3,-1024", {.op = RV_ESP_ST_QACC_L_L_128_IP, .rs1 = 13, .imm = -1024}},
    {RV_ESP_ST_QACC_L_H_128_IP, RV_REV_1, 0x80c2c03b, "esp.st.qacc.l.h.128.ip\ta3,-1024", {.op = RV_ESP_ST_QACC_L_H_128_IP, .rs1 = 13, .imm = -1024}},
    {RV_ESP_ST_QACC_H_L_128_IP, RV_REV_1, 0xe0c2c03b, "esp.st.qacc.h.l.128.ip\ta3,-1024", {.op = RV_ESP_ST_QACC_H_L_128_IP, .rs1 = 13, .imm = -1024}},
    {RV_ESP_ST_QACC_H_H_128_IP, RV_REV_1, 0xc0c2c03b, "esp.st.qacc.h.h.128.ip\ta3,-1024", {.op = RV_ESP_ST_QACC_H_H_128_IP, .rs1 = 13, .imm = -1024}},
    {RV_ESP_LD_QACC_L_L_128_IP, RV_REV_1, 0x20345e3b, "esp.ld.qacc.l.l.128.ip\ts8,1008", {.op = RV_ESP_LD_QACC_L_L_128_IP, .rs1 = 24, .imm = 1008}},
    {RV_ESP_LD_QACC_L_H_128_IP, RV_REV_1, 0x00345e3b, "esp.ld.qacc.l.h.128.ip\ts8,1008", {.op = RV_ESP_LD_QACC_L_H_128_IP, .rs1 = 24, .imm = 1008}},
    {RV_ESP_LD_QACC_H_L_128_IP, RV_REV_1, 0x60345e3b, "esp.ld.qacc.h.l.128.ip\ts8,1008", {.op = RV_ESP_LD_QACC_H_L_128_IP, .rs1 = 24, .imm = 1008}},
    {RV_ESP_LD_QACC_H_H_128_IP, RV_REV_1, 0x40345e3b, "esp.ld.qacc.h.h.128.ip\ts8,1008", {.op = RV_ESP_LD_QACC_H_H_128_IP, .rs1 = 24, .imm = 1008}},
    {RV_ESP_MOVX_R_XACC_L, RV_REV_1, 0x84b006df, "esp.movx.r.xacc.l\tt4", {.op = RV_ESP_MOVX_R_XACC_L, .rd = 29}},
    {RV_ESP_MOVX_R_XACC_H, RV_REV_1, 0x8cb006df, "esp.movx.r.xacc.h\tt4", {.op = RV_ESP_MOVX_R_XACC_H, .rd = 29}},
    {RV_ESP_MOVX_W_XACC_L, RV_REV_1, 0x94b1805f, "esp.movx.w.xacc.l\ta1", {.op = RV_ESP_MOVX_W_XACC_L, .rs1 = 11}},
    {RV_ESP_MOVX_W_XACC_H, RV_REV_1, 0x9cb1805f, "esp.movx.w.xacc.h\ta1", {.op = RV_ESP_MOVX_W_XACC_H, .rs1 = 11}},
    {RV_ESP_MOVX_R_SAR, RV_REV_1, 0x80b006df, "esp.movx.r.sar\tt4", {.op = RV_ESP_MOVX_R_SAR, .rd = 29}},
    {RV_ESP_MOVX_W_SAR, RV_REV_1, 0x90b1805f, "esp.movx.w.sar\ta1", {.op = RV_ESP_MOVX_W_SAR, .rs1 = 11}},
    {RV_ESP_MOVX_R_CFG, RV_REV_1, 0x80d006df, "esp.movx.r.cfg\tt4", {.op = RV_ESP_MOVX_R_CFG, .rd = 29}},
    {RV_ESP_MOVX_W_CFG, RV_REV_1, 0x90d1805f, "esp.movx.w.cfg\ta1", {.op = RV_ESP_MOVX_W_CFG, .rs1 = 11}},
    {RV_ESP_MOVI_32_A, RV_REV_1, 0x8cc403df, "esp.movi.32.a\tq3,a5,3", {.op = RV_ESP_MOVI_32_A, .qy = 3, .rd = 15, .sel = 3}},
    {RV_ESP_MOVI_32_Q, RV_REV_1, 0x9094845f, "esp.movi.32.q\tq4,s9,2", {.op = RV_ESP_MOVI_32_Q, .qy = 4, .rs1 = 25, .sel = 2}},
    {RV_ESP_VADD_S8, RV_REV_1, 0x4e90065f, "esp.vadd.s8\tq1,q2,q3", {.op = RV_ESP_VADD_S8, .qv = 1, .qx = 2, .qy = 3}},
    {RV_ESP_VADD_S16, RV_REV_1, 0x4e94065f, "esp.vadd.s16\tq1,q2,q3", {.op = RV_ESP_VADD_S16, .qv = 1, .qx = 2, .qy = 3}},
    {RV_ESP_VADD_S32, RV_REV_1, 0x4e94055f, "esp.vadd.s32\tq1,q2,q3", {.op = RV_ESP_VADD_S32, .qv = 1, .qx = 2, .qy = 3}},
    {RV_ESP_VMUL_S8, RV_REV_1, 0xd402bfdf, "esp.vmul.s8\tq7,q6,q5", {.op = RV_ESP_VMUL_S8, .qz = 7, .qx = 6, .qy = 5}},
    {RV_ESP_VMUL_S16, RV_REV_1, 0xd406bfdf, "esp.vmul.s16\tq7,q6,q5", {.op = RV_ESP_VMUL_S16, .qz = 7, .qx = 6, .qy = 5}},
    {RV_ESP_VMUL_S16_S8XS8, RV_REV_1, 0x72a304df, "esp.vmul.s16.s8xs8\tq1,q2,q3,q4", {.op = RV_ESP_VMUL_S16_S8XS8, .qz = 1, .qv = 2, .qx = 3, .qy = 4}},
    {RV_ESP_VMUL_S32_S16XS16, RV_REV_1, 0xded7065f, "esp.vmul.s32.s16xs16\tq4,q5,q6,q7", {.op = RV_ESP_VMUL_S32_S16XS16, .qz = 4, .qv = 5, .qx = 6, .qy = 7}},
    {RV_ESP_VRELU_S8, RV_REV_1, 0x8a42d85b, "esp.vrelu.s8\tq2,a2,a3", {.op = RV_ESP_VRELU_S8, .qy = 2, .rs2 = 12, .rs1 = 13}},
    {RV_ESP_VRELU_S16, RV_REV_1, 0x9ae05c5b, "esp.vrelu.s16\tq6,t5,s0", {.op = RV_ESP_VRELU_S16, .qy = 6, .rs2 = 30, .rs1 = 8}},
    /* elementwise lanes: rows of /work/shared/reference/pie-encodings/rev1.tsv */
    {RV_ESP_VMAX_S8, RV_REV_1, 0x4c02acdf, "esp.vmax.s8\tq1,q2,q3", {.op = RV_ESP_VMAX_S8, .qz = 1, .qx = 2, .qy = 3}},
    {RV_ESP_VMAX_S16, RV_REV_1, 0x4c06acdf, "esp.vmax.s16\tq1,q2,q3", {.op = RV_ESP_VMAX_S16, .qz = 1, .qx = 2, .qy = 3}},
    {RV_ESP_VMAX_S32, RV_REV_1, 0x4c05acdf, "esp.vmax.s32\tq1,q2,q3", {.op = RV_ESP_VMAX_S32, .qz = 1, .qx = 2, .qy = 3}},
    {RV_ESP_VMIN_S8, RV_REV_1, 0x4c023cdf, "esp.vmin.s8\tq1,q2,q3", {.op = RV_ESP_VMIN_S8, .qz = 1, .qx = 2, .qy = 3}},
    {RV_ESP_VMIN_S16, RV_REV_1, 0x4c063cdf, "esp.vmin.s16\tq1,q2,q3", {.op = RV_ESP_VMIN_S16, .qz = 1, .qx = 2, .qy = 3}},
    {RV_ESP_VMIN_S32, RV_REV_1, 0x4c053cdf, "esp.vmin.s32\tq1,q2,q3", {.op = RV_ESP_VMIN_S32, .qz = 1, .qx = 2, .qy = 3}},
    {RV_ESP_VSUB_S8, RV_REV_1, 0x4e9006df, "esp.vsub.s8\tq1,q2,q3", {.op = RV_ESP_VSUB_S8, .qv = 1, .qx = 2, .qy = 3}},
    {RV_ESP_VSUB_S16, RV_REV_1, 0x4e9406df, "esp.vsub.s16\tq1,q2,q3", {.op = RV_ESP_VSUB_S16, .qv = 1, .qx = 2, .qy = 3}},
    {RV_ESP_VSUB_S32, RV_REV_1, 0x4e9405df, "esp.vsub.s32\tq1,q2,q3", {.op = RV_ESP_VSUB_S32, .qv = 1, .qx = 2, .qy = 3}},
    {RV_ESP_XORQ, RV_REV_1, 0x4c0220df, "esp.xorq\tq1,q2,q3", {.op = RV_ESP_XORQ, .qz = 1, .qx = 2, .qy = 3}},
    {RV_ESP_MAX_U32_A, RV_REV_1, 0x912053db, "esp.max.u32.a\tq1,a5", {.op = RV_ESP_MAX_U32_A, .qy = 1, .rd = 15}},
    {RV_ESP_MAX_U32_A, RV_REV_1, 0x932857db, "esp.max.u32.a\tq7,t6", {.op = RV_ESP_MAX_U32_A, .qy = 7, .rd = 31}},
    {RV_ESP_VSR_S32, RV_REV_1, 0x8804075b, "esp.vsr.s32\tq1,q2", {.op = RV_ESP_VSR_S32, .qu = 1, .qy = 2}},
    {RV_ESP_VSR_S32, RV_REV_1, 0x94041b5b, "esp.vsr.s32\tq6,q5", {.op = RV_ESP_VSR_S32, .qu = 6, .qy = 5}},
    {RV_ESP_ANDQ, RV_REV_1, 0x4c0420df, "esp.andq\tq1,q2,q3", {.op = RV_ESP_ANDQ, .qz = 1, .qx = 2, .qy = 3}},
    {RV_ESP_ANDQ, RV_REV_1, 0xb004235f, "esp.andq\tq6,q5,q4", {.op = RV_ESP_ANDQ, .qz = 6, .qx = 5, .qy = 4}},
    {RV_ESP_VUNZIP_8, RV_REV_1, 0x2a84005f, "esp.vunzip.8\tq1,q2", {.op = RV_ESP_VUNZIP_8, .qx = 1, .qy = 2}},
    {RV_ESP_VUNZIP_16, RV_REV_1, 0xd686005f, "esp.vunzip.16\tq6,q5", {.op = RV_ESP_VUNZIP_16, .qx = 6, .qy = 5}},
    {RV_ESP_VST_L_64_IP, RV_REV_1, 0x8401363b, "esp.vst.l.64.ip\tq5,a0,8", {.op = RV_ESP_VST_L_64_IP, .qu = 5, .rs1 = 10, .imm = 8}},
    {RV_ESP_VST_L_64_IP, RV_REV_1, 0xa400203b, "esp.vst.l.64.ip\tq0,s0,-1024", {.op = RV_ESP_VST_L_64_IP, .rs1 = 8, .imm = -1024}},
    {RV_ESP_VST_L_64_IP, RV_REV_1, 0x9cf7be3b, "esp.vst.l.64.ip\tq7,t6,1016", {.op = RV_ESP_VST_L_64_IP, .qu = 7, .rs1 = 31, .imm = 1016}},
    {RV_ESP_LP_SETUP, RV_REV_1, 0xffffc0ab, "esp.lp.setup\t1,t6,8190", {.op = RV_ESP_LP_SETUP, .sel = 1, .rs1 = 31, .imm = 8190}},
    {RV_ESP_LP_SETUPI, RV_REV_1, 0xffffdf2b, "esp.lp.setupi\t0,4095,1022", {.op = RV_ESP_LP_SETUPI, .count = 4095, .imm = 1022}},
    {RV_ESP_LP_STARTI, RV_REV_1, 0x002000ab, "esp.lp.starti\t1,4", {.op = RV_ESP_LP_STARTI, .sel = 1, .imm = 4}},
    {RV_ESP_LP_ENDI, RV_REV_1, 0x0320102b, "esp.lp.endi\t0,100", {.op = RV_ESP_LP_ENDI, .imm = 100}},
    {RV_ESP_LP_COUNTI, RV_REV_1, 0x002030ab, "esp.lp.counti\t1,2", {.op = RV_ESP_LP_COUNTI, .sel = 1, .count = 2}},
    {RV_ESP_LP_COUNT, RV_REV_1, 0x0002a02b, "esp.lp.count\t0,t0", {.op = RV_ESP_LP_COUNT, .rs1 = 5}},
    {RV_ESP_LP_SETUP, RV_REV_3, 0xffffc0ab, "esp.lp.setup\t1,t6,8190", {.op = RV_ESP_LP_SETUP, .sel = 1, .rs1 = 31, .imm = 8190}},
    {RV_ESP_LP_SETUPI, RV_REV_3, 0xffffdf2b, "esp.lp.setupi\t0,4095,1022", {.op = RV_ESP_LP_SETUPI, .count = 4095, .imm = 1022}},
    {RV_ESP_LP_STARTI, RV_REV_3, 0x002000ab, "esp.lp.starti\t1,4", {.op = RV_ESP_LP_STARTI, .sel = 1, .imm = 4}},
    {RV_ESP_LP_ENDI, RV_REV_3, 0x0320102b, "esp.lp.endi\t0,100", {.op = RV_ESP_LP_ENDI, .imm = 100}},
    {RV_ESP_LP_COUNTI, RV_REV_3, 0x002030ab, "esp.lp.counti\t1,2", {.op = RV_ESP_LP_COUNTI, .sel = 1, .count = 2}},
    {RV_ESP_LP_COUNT, RV_REV_3, 0x0002a02b, "esp.lp.count\t0,t0", {.op = RV_ESP_LP_COUNT, .rs1 = 5}},
    {RV_ESP_VLD_128_IP, RV_REV_3, 0x43148c1f, "esp.vld.128.ip\tq3,s9,-2048", {.op = RV_ESP_VLD_128_IP, .qu = 3, .rs1 = 25, .imm = -2048}},
    {RV_ESP_VST_128_IP, RV_REV_3, 0xbf139f9f, "esp.vst.128.ip\tq7,a5,2032", {.op = RV_ESP_VST_128_IP, .qu = 7, .rs1 = 15, .imm = 2032}},
    {RV_ESP_VLD_128_XP, RV_REV_3, 0x40f06a1b, "esp.vld.128.xp\tq2,s0,t6", {.op = RV_ESP_VLD_128_XP, .qu = 2, .rs1 = 8, .rs2 = 31}},
    {RV_ESP_VST_128_XP, RV_REV_3, 0x4217761b, "esp.vst.128.xp\tq5,t5,s1", {.op = RV_ESP_VST_128_XP, .qu = 5, .rs1 = 30, .rs2 = 9}},
    {RV_ESP_VLDBC_8_IP, RV_REV_3, 0x8351049f, "esp.vldbc.8.ip\tq1,a0,-128", {.op = RV_ESP_VLDBC_8_IP, .qu = 1, .rs1 = 10, .imm = -128}},
    {RV_ESP_VLDBC_16_IP, RV_REV_3, 0x7f919b1f, "esp.vldbc.16.ip\tq6,a1,254", {.op = RV_ESP_VLDBC_16_IP, .qu = 6, .rs1 = 11, .imm = 254}},
    {RV_ESP_VLDBC_32_IP, RV_REV_3, 0xff54131f, "esp.vldbc.32.ip\tq4,s8,-4", {.op = RV_ESP_VLDBC_32_IP, .qu = 4, .rs1 = 24, .imm = -4}},
    {RV_ESP_VLDBC_8_XP, RV_REV_3, 0x405a621b, "esp.vldbc.8.xp\tq0,a2,a3", {.op = RV_ESP_VLDBC_8_XP, .qu = 0, .rs1 = 12, .rs2 = 13}},
    {RV_ESP_VLDBC_16_XP, RV_REV_3, 0x42adfe1b, "esp.vldbc.16.xp\tq7,s11,s10", {.op = RV_ESP_VLDBC_16_XP, .qu = 7, .rs1 = 27, .rs2 = 26}},
    {RV_ESP_ZERO_Q, RV_REV_3, 0x0000131b, "esp.zero.q\tq6", {.op = RV_ESP_ZERO_Q, .qz = 6}},
    {RV_ESP_ZERO_QACC, RV_REV_3, 0x0000021b, "esp.zero.qacc", {.op = RV_ESP_ZERO_QACC}},
    {RV_ESP_ZERO_XACC, RV_REV_3, 0x0000001b, "esp.zero.xacc", {.op = RV_ESP_ZERO_XACC}},
    {RV_ESP_VMULAS_S8_QACC, RV_REV_3, 0x5ea5201b, "esp.vmulas.s8.qacc\tq2,q7,trunc", {.op = RV_ESP_VMULAS_S8_QACC, .qx = 2, .qy = 7, .sat = 0}},
    {RV_ESP_VMULAS_S16_QACC, RV_REV_3, 0x5ea7201b, "esp.vmulas.s16.qacc\tq2,q7,trunc", {.op = RV_ESP_VMULAS_S16_QACC, .qx = 2, .qy = 7, .sat = 0}},
    {RV_ESP_VMULAS_S8_XACC, RV_REV_3, 0x5ea1201b, "esp.vmulas.s8.xacc\tq2,q7,trunc", {.op = RV_ESP_VMULAS_S8_XACC, .qx = 2, .qy = 7, .sat = 0}},
    {RV_ESP_VMULAS_S16_XACC, RV_REV_3, 0x5ea3201b, "esp.vmulas.s16.xacc\tq2,q7,trunc", {.op = RV_ESP_VMULAS_S16_XACC, .qx = 2, .qy = 7, .sat = 0}},
    {RV_ESP_VMULAS_S8_QACC_LD_IP, RV_REV_3, 0x2e6b731f, "esp.vmulas.s8.qacc.ld.ip\tq4,a4,112,q1,q3,sat", {.op = RV_ESP_VMULAS_S8_QACC_LD_IP, .qu = 4, .rs1 = 14, .imm = 112, .qx = 1, .qy = 3, .sat = 1}},
    {RV_ESP_VMULAS_S16_QACC_LD_IP, RV_REV_3, 0x2eeb731f, "esp.vmulas.s16.qacc.ld.ip\tq4,a4,112,q1,q3,sat", {.op = RV_ESP_VMULAS_S16_QACC_LD_IP, .qu = 4, .rs1 = 14, .imm = 112, .qx = 1, .qy = 3, .sat = 1}},
    {RV_ESP_VMULAS_S8_XACC_LD_IP, RV_REV_3, 0x2c6b731f, "esp.vmulas.s8.xacc.ld.ip\tq4,a4,112,q1,q3,sat", {.op = RV_ESP_VMULAS_S8_XACC_LD_IP, .qu = 4, .rs1 = 14, .imm = 112, .qx = 1, .qy = 3, .sat = 1}},
    {RV_ESP_VMULAS_S16_XACC_LD_IP, RV_REV_3, 0x2ceb731f, "esp.vmulas.s16.xacc.ld.ip\tq4,a4,112,q1,q3,sat", {.op = RV_ESP_VMULAS_S16_XACC_LD_IP, .qu = 4, .rs1 = 14, .imm = 112, .qx = 1, .qy = 3, .sat = 1}},
    {RV_ESP_VMULAS_S8_QACC_LD_XP, RV_REV_3, 0xd6d62f1f, "esp.vmulas.s8.qacc.ld.xp\tq3,t3,t4,q6,q5,sat", {.op = RV_ESP_VMULAS_S8_QACC_LD_XP, .qu = 3, .rs1 = 28, .rs2 = 29, .qx = 6, .qy = 5, .sat = 1}},
    {RV_ESP_VMULAS_S16_QACC_LD_XP, RV_REV_3, 0xd6de2f1f, "esp.vmulas.s16.qacc.ld.xp\tq3,t3,t4,q6,q5,sat", {.op = RV_ESP_VMULAS_S16_QACC_LD_XP, .qu = 3, .rs1 = 28, .rs2 = 29, .qx = 6, .qy = 5, .sat = 1}},
    {RV_ESP_VMULAS_S8_XACC_LD_XP, RV_REV_3, 0xd4d62f1f, "esp.vmulas.s8.xacc.ld.xp\tq3,t3,t4,q6,q5,sat", {.op = RV_ESP_VMULAS_S8_XACC_LD_XP, .qu = 3, .rs1 = 28, .rs2 = 29, .qx = 6, .qy = 5, .sat = 1}},
    {RV_ESP_VMULAS_S16_XACC_LD_XP, RV_REV_3, 0xd4de2f1f, "esp.vmulas.s16.xacc.ld.xp\tq3,t3,t4,q6,q5,sat", {.op = RV_ESP_VMULAS_S16_XACC_LD_XP, .qu = 3, .rs1 = 28, .rs2 = 29, .qx = 6, .qy = 5, .sat = 1}},
    {RV_ESP_VMULAS_S8_QACC_LDBC_INCP, RV_REV_3, 0xe040e49f, "esp.vmulas.s8.qacc.ldbc.incp\tq1,s1,q7,q0,trunc", {.op = RV_ESP_VMULAS_S8_QACC_LDBC_INCP, .qu = 1, .rs1 = 9, .qx = 7}},
    {RV_ESP_VMULAS_S16_QACC_LDBC_INCP, RV_REV_3, 0x70e7e89f, "esp.vmulas.s16.qacc.ldbc.incp\tq2,t6,q3,q4,sat", {.op = RV_ESP_VMULAS_S16_QACC_LDBC_INCP, .qu = 2, .rs1 = 31, .qx = 3, .qy = 4, .sat = 1}},
    {RV_ESP_VSMULAS_S8_QACC, RV_REV_3, 0x2ab7a41b, "esp.vsmulas.s8.qacc\tq1,q2,15,sat", {.op = RV_ESP_VSMULAS_S8_QACC, .qx = 1, .qy = 2, .sel = 15, .sat = 1}},
    {RV_ESP_VSMULAS_S16_QACC, RV_REV_3, 0xbae4a41b, "esp.vsmulas.s16.qacc\tq5,q6,9,trunc", {.op = RV_ESP_VSMULAS_S16_QACC, .qx = 5, .qy = 6, .sel = 9}},
    {RV_ESP_VSMULAS_S8_QACC_LD_INCP, RV_REV_3, 0x05e17f9f, "esp.vsmulas.s8.qacc.ld.incp\tq7,a0,q0,q1,12,sat", {.op = RV_ESP_VSMULAS_S8_QACC_LD_INCP, .qu = 7, .rs1 = 10, .qy = 1, .sel = 12, .sat = 1}},
    {RV_ESP_VSMULAS_S16_QACC_LD_INCP, RV_REV_3, 0x4f2d7b9f, "esp.vsmulas.s16.qacc.ld.incp\tq6,s10,q2,q3,5,trunc", {.op = RV_ESP_VSMULAS_S16_QACC_LD_INCP, .qu = 6, .rs1 = 26, .qx = 2, .qy = 3, .sel = 5}},
    {RV_ESP_SRCMB_S8_QACC, RV_REV_3, 0x7ba2089f, "esp.srcmb.s8.qacc\tq2,a2,sat,rne", {.op = RV_ESP_SRCMB_S8_QACC, .qu = 2, .rs1 = 12, .sat = 1, .rm = 6}},
    {RV_ESP_SRCMB_S16_QACC, RV_REV_3, 0xdfa5949f, "esp.srcmb.s16.qacc\tq5,s11,trunc,dyn", {.op = RV_ESP_SRCMB_S16_QACC, .qu = 5, .rs1 = 27, .rm = 7}},
    {RV_ESP_SRS_S_XACC, RV_REV_3, 0x9cb5211b, "esp.srs.s.xacc\ta0,s10,sat,rhtz", {.op = RV_ESP_SRS_S_XACC, .rd = 10, .rs1 = 26, .sat = 1, .rm = 5}},
    {RV_ESP_ST_QACC_L_L_128_IP, RV_REV_3, 0x1492801f, "esp.st.qacc.l.l.128.ip\ta3,-1024", {.op = RV_ESP_ST_QACC_L_L_128_IP, .rs1 = 13, .imm = -1024}},
    {RV_ESP_ST_QACC_L_H_128_IP, RV_REV_3, 0x1482801f, "esp.st.qacc.l.h.128.ip\ta3,-1024", {.op = RV_ESP_ST_QACC_L_H_128_IP, .rs1 = 13, .imm = -1024}},
    {RV_ESP_ST_QACC_H_L_128_IP, RV_REV_3, 0x1c92801f, "esp.st.qacc.h.l.128.ip\ta3,-1024", {.op = RV_ESP_ST_QACC_H_L_128_IP, .rs1 = 13, .imm = -1024}},
    {RV_ESP_ST_QACC_H_H_128_IP, RV_REV_3, 0x1c82801f, "esp.st.qacc.h.h.128.ip\ta3,-1024", {.op = RV_ESP_ST_QACC_H_H_128_IP, .rs1 = 13, .imm = -1024}},
    {RV_ESP_LD_QACC_L_L_128_IP, RV_REV_3, 0x00741e1f, "esp.ld.qacc.l.l.128.ip\ts8,1008", {.op = RV_ESP_LD_QACC_L_L_128_IP, .rs1 = 24, .imm = 1008}},
    {RV_ESP_LD_QACC_L_H_128_IP, RV_REV_3, 0x00641e1f, "esp.ld.qacc.l.h.128.ip\ts8,1008", {.op = RV_ESP_LD_QACC_L_H_128_IP, .rs1 = 24, .imm = 1008}},
    {RV_ESP_LD_QACC_H_L_128_IP, RV_REV_3, 0x08741e1f, "esp.ld.qacc.h.l.128.ip\ts8,1008", {.op = RV_ESP_LD_QACC_H_L_128_IP, .rs1 = 24, .imm = 1008}},
    {RV_ESP_LD_QACC_H_H_128_IP, RV_REV_3, 0x08641e1f, "esp.ld.qacc.h.h.128.ip\ts8,1008", {.op = RV_ESP_LD_QACC_H_H_128_IP, .rs1 = 24, .imm = 1008}},
    {RV_ESP_MOVX_R_XACC_L, RV_REV_3, 0x84c0269b, "esp.movx.r.xacc.l\tt4", {.op = RV_ESP_MOVX_R_XACC_L, .rd = 29}},
    {RV_ESP_MOVX_R_XACC_H, RV_REV_3, 0x8cc0269b, "esp.movx.r.xacc.h\tt4", {.op = RV_ESP_MOVX_R_XACC_H, .rd = 29}},
    {RV_ESP_MOVX_W_XACC_L, RV_REV_3, 0x94c1a01b, "esp.movx.w.xacc.l\ta1", {.op = RV_ESP_MOVX_W_XACC_L, .rs1 = 11}},
    {RV_ESP_MOVX_W_XACC_H, RV_REV_3, 0x9cc1a01b, "esp.movx.w.xacc.h\ta1", {.op = RV_ESP_MOVX_W_XACC_H, .rs1 = 11}},
    {RV_ESP_MOVX_R_SAR, RV_REV_3, 0x80c0269b, "esp.movx.r.sar\tt4", {.op = RV_ESP_MOVX_R_SAR, .rd = 29}},
    {RV_ESP_MOVX_W_SAR, RV_REV_3, 0x90c1a01b, "esp.movx.w.sar\ta1", {.op = RV_ESP_MOVX_W_SAR, .rs1 = 11}},
    {RV_ESP_MOVX_R_CFG, RV_REV_3, 0x8080269b, "esp.movx.r.cfg\tt4", {.op = RV_ESP_MOVX_R_CFG, .rd = 29}},
    {RV_ESP_MOVX_W_CFG, RV_REV_3, 0x9081a01b, "esp.movx.w.cfg\ta1", {.op = RV_ESP_MOVX_W_CFG, .rs1 = 11}},
    {RV_ESP_MOVI_32_A, RV_REV_3, 0x0ce4239b, "esp.movi.32.a\tq3,a5,3", {.op = RV_ESP_MOVI_32_A, .qy = 3, .rd = 15, .sel = 3}},
    {RV_ESP_MOVI_32_Q, RV_REV_3, 0x10b4a41b, "esp.movi.32.q\tq4,s9,2", {.op = RV_ESP_MOVI_32_Q, .qy = 4, .rs1 = 25, .sel = 2}},
    {RV_ESP_VADD_S8, RV_REV_3, 0x4e93231b, "esp.vadd.s8\tq1,q2,q3,sat", {.op = RV_ESP_VADD_S8, .qv = 1, .qx = 2, .qy = 3, .sat = 1}},
    {RV_ESP_VADD_S16, RV_REV_3, 0x4e96231b, "esp.vadd.s16\tq1,q2,q3,trunc", {.op = RV_ESP_VADD_S16, .qv = 1, .qx = 2, .qy = 3}},
    {RV_ESP_VADD_S32, RV_REV_3, 0x4e96a31b, "esp.vadd.s32\tq1,q2,q3,sat", {.op = RV_ESP_VADD_S32, .qv = 1, .qx = 2, .qy = 3, .sat = 1}},
    {RV_ESP_VMUL_S8, RV_REV_3, 0xd7c38b9f, "esp.vmul.s8\tq7,q6,q5,sat,rhtz", {.op = RV_ESP_VMUL_S8, .qz = 7, .qx = 6, .qy = 5, .sat = 1, .rm = 5}},
    {RV_ESP_VMUL_S16, RV_REV_3, 0xd7c6139f, "esp.vmul.s16\tq7,q6,q5,trunc,raz", {.op = RV_ESP_VMUL_S16, .qz = 7, .qx = 6, .qy = 5, .rm = 2}},
    {RV_ESP_VMUL_S16_S8XS8, RV_REV_3, 0x72a3009f, "esp.vmul.s16.s8xs8\tq1,q2,q3,q4,rtz", {.op = RV_ESP_VMUL_S16_S8XS8, .qz = 1, .qv = 2, .qx = 3, .qy = 4, .rm = 3}},
    {RV_ESP_VMUL_S32_S16XS16, RV_REV_3, 0xded7821f, "esp.vmul.s32.s16xs16\tq4,q5,q6,q7,dyn", {.op = RV_ESP_VMUL_S32_S16XS16, .qz = 4, .qv = 5, .qx = 6, .qy = 7, .rm = 7}},
    {RV_ESP_VRELU_S8, RV_REV_3, 0xc942e41b, "esp.vrelu.s8\tq2,a2,a3,sat,rup", {.op = RV_ESP_VRELU_S8, .qy = 2, .rs2 = 12, .rs1 = 13, .sat = 1, .rm = 1}},
    {RV_ESP_VRELU_S16, RV_REV_3, 0xdae0701b, "esp.vrelu.s16\tq6,t5,s0,trunc,rhaz", {.op = RV_ESP_VRELU_S16, .qy = 6, .rs2 = 30, .rs1 = 8, .rm = 4}},
    /* elementwise lanes: rows of /work/shared/reference/pie-encodings/rev3.tsv */
    {RV_ESP_VMAX_S8, RV_REV_3, 0x4f42189f, "esp.vmax.s8\tq1,q2,q3", {.op = RV_ESP_VMAX_S8, .qz = 1, .qx = 2, .qy = 3}},
    {RV_ESP_VMAX_S16, RV_REV_3, 0x4f46189f, "esp.vmax.s16\tq1,q2,q3", {.op = RV_ESP_VMAX_S16, .qz = 1, .qx = 2, .qy = 3}},
    {RV_ESP_VMAX_S32, RV_REV_3, 0x4f45189f, "esp.vmax.s32\tq1,q2,q3", {.op = RV_ESP_VMAX_S32, .qz = 1, .qx = 2, .qy = 3}},
    {RV_ESP_VMIN_S8, RV_REV_3, 0x4f42989f, "esp.vmin.s8\tq1,q2,q3", {.op = RV_ESP_VMIN_S8, .qz = 1, .qx = 2, .qy = 3}},
    {RV_ESP_VMIN_S16, RV_REV_3, 0x4f46989f, "esp.vmin.s16\tq1,q2,q3", {.op = RV_ESP_VMIN_S16, .qz = 1, .qx = 2, .qy = 3}},
    {RV_ESP_VMIN_S32, RV_REV_3, 0x4f45989f, "esp.vmin.s32\tq1,q2,q3", {.op = RV_ESP_VMIN_S32, .qz = 1, .qx = 2, .qy = 3}},
    {RV_ESP_VSUB_S8, RV_REV_3, 0x4e93271b, "esp.vsub.s8\tq1,q2,q3,sat", {.op = RV_ESP_VSUB_S8, .qv = 1, .qx = 2, .qy = 3, .sat = 1}},
    {RV_ESP_VSUB_S8, RV_REV_3, 0x4e92271b, "esp.vsub.s8\tq1,q2,q3,trunc", {.op = RV_ESP_VSUB_S8, .qv = 1, .qx = 2, .qy = 3}},
    {RV_ESP_VSUB_S16, RV_REV_3, 0xb2e7271b, "esp.vsub.s16\tq6,q5,q4,sat", {.op = RV_ESP_VSUB_S16, .qv = 6, .qx = 5, .qy = 4, .sat = 1}},
    {RV_ESP_VSUB_S32, RV_REV_3, 0x4e96a71b, "esp.vsub.s32\tq1,q2,q3,sat", {.op = RV_ESP_VSUB_S32, .qv = 1, .qx = 2, .qy = 3, .sat = 1}},
    {RV_ESP_VSUB_S32, RV_REV_3, 0x4e94a71b, "esp.vsub.s32\tq1,q2,q3,trunc", {.op = RV_ESP_VSUB_S32, .qv = 1, .qx = 2, .qy = 3}},
    {RV_ESP_XORQ, RV_REV_3, 0x4d04009f, "esp.xorq\tq1,q2,q3", {.op = RV_ESP_XORQ, .qz = 1, .qx = 2, .qy = 3}},
    {RV_ESP_MAX_U32_A, RV_REV_3, 0x2100239b, "esp.max.u32.a\tq1,a5", {.op = RV_ESP_MAX_U32_A, .qy = 1, .rd = 15}},
    {RV_ESP_MAX_U32_A, RV_REV_3, 0x2308279b, "esp.max.u32.a\tq7,t6", {.op = RV_ESP_MAX_U32_A, .qy = 7, .rd = 31}},
    {RV_ESP_VSR_S32, RV_REV_3, 0x8214201b, "esp.vsr.s32\tq0,q0,rdn", {.op = RV_ESP_VSR_S32}},
    {RV_ESP_VSR_S32, RV_REV_3, 0x8a34241b, "esp.vsr.s32\tq1,q2,rup", {.op = RV_ESP_VSR_S32, .qu = 1, .qy = 2, .rm = 1}},
    {RV_ESP_VSR_S32, RV_REV_3, 0x9754281b, "esp.vsr.s32\tq2,q5,rne", {.op = RV_ESP_VSR_S32, .qu = 2, .qy = 5, .rm = 6}},
    {RV_ESP_ANDQ, RV_REV_3, 0x4d80009f, "esp.andq\tq1,q2,q3", {.op = RV_ESP_ANDQ, .qz = 1, .qx = 2, .qy = 3}},
    {RV_ESP_ANDQ, RV_REV_3, 0xb180031f, "esp.andq\tq6,q5,q4", {.op = RV_ESP_ANDQ, .qz = 6, .qx = 5, .qy = 4}},
    {RV_ESP_VUNZIP_8, RV_REV_3, 0x2a84201b, "esp.vunzip.8\tq1,q2", {.op = RV_ESP_VUNZIP_8, .qx = 1, .qy = 2}},
    {RV_ESP_VUNZIP_16, RV_REV_3, 0xd686201b, "esp.vunzip.16\tq6,q5", {.op = RV_ESP_VUNZIP_16, .qx = 6, .qy = 5}},
    {RV_ESP_VST_L_64_IP, RV_REV_3, 0x8361149f, "esp.vst.l.64.ip\tq5,a0,8", {.op = RV_ESP_VST_L_64_IP, .qu = 5, .rs1 = 10, .imm = 8}},
    {RV_ESP_VST_L_64_IP, RV_REV_3, 0xa360001f, "esp.vst.l.64.ip\tq0,s0,-1024", {.op = RV_ESP_VST_L_64_IP, .rs1 = 8, .imm = -1024}},
    {RV_ESP_VST_L_64_IP, RV_REV_3, 0x9fe79f9f, "esp.vst.l.64.ip\tq7,t6,1016", {.op = RV_ESP_VST_L_64_IP, .qu = 7, .rs1 = 31, .imm = 1016}},
    /* what the JIT emits (emit.c: hardware loops, fused loads): rows of
     * /work/shared/reference/pie-encodings/rev1.tsv and rev3.tsv, words as listed */
    {RV_ESP_LP_SETUP, RV_REV_1, 0xaaa7c0ab, "esp.lp.setup\t1,a5,5460", {.op = RV_ESP_LP_SETUP, .sel = 1, .rs1 = 15, .imm = 5460}},
    {RV_ESP_LP_SETUP, RV_REV_1, 0x0014402b, "esp.lp.setup\t0,s0,2", {.op = RV_ESP_LP_SETUP, .rs1 = 8, .imm = 2}},
    {RV_ESP_LP_SETUPI, RV_REV_1, 0x0010d02b, "esp.lp.setupi\t0,1,2", {.op = RV_ESP_LP_SETUPI, .count = 1, .imm = 2}},
    {RV_ESP_LP_COUNTI, RV_REV_1, 0x0010302b, "esp.lp.counti\t0,1", {.op = RV_ESP_LP_COUNTI, .count = 1}},
    {RV_ESP_VMULAS_S8_QACC_LDBC_INCP, RV_REV_1, 0x4c23e5bb, "esp.vmulas.s8.qacc.ldbc.incp\tq1,a5,q2,q3", {.op = RV_ESP_VMULAS_S8_QACC_LDBC_INCP, .qu = 1, .rs1 = 15, .qx = 2, .qy = 3}},
    {RV_ESP_VMULAS_S8_XACC_LD_IP, RV_REV_1, 0x4c53e6bb, "esp.vmulas.s8.xacc.ld.ip\tq1,a5,80,q2,q3", {.op = RV_ESP_VMULAS_S8_XACC_LD_IP, .qu = 1, .rs1 = 15, .imm = 80, .qx = 2, .qy = 3}},
    {RV_ESP_VMULAS_S8_QACC_LD_IP, RV_REV_1, 0x4e53e6bb, "esp.vmulas.s8.qacc.ld.ip\tq1,a5,80,q2,q3", {.op = RV_ESP_VMULAS_S8_QACC_LD_IP, .qu = 1, .rs1 = 15, .imm = 80, .qx = 2, .qy = 3}},
    {RV_ESP_LP_SETUP, RV_REV_3, 0xaaa7c0ab, "esp.lp.setup\t1,a5,5460", {.op = RV_ESP_LP_SETUP, .sel = 1, .rs1 = 15, .imm = 5460}},
    {RV_ESP_LP_SETUP, RV_REV_3, 0x0014402b, "esp.lp.setup\t0,s0,2", {.op = RV_ESP_LP_SETUP, .rs1 = 8, .imm = 2}},
    {RV_ESP_LP_SETUPI, RV_REV_3, 0x0010d02b, "esp.lp.setupi\t0,1,2", {.op = RV_ESP_LP_SETUPI, .count = 1, .imm = 2}},
    {RV_ESP_LP_COUNTI, RV_REV_3, 0x0010302b, "esp.lp.counti\t0,1", {.op = RV_ESP_LP_COUNTI, .count = 1}},
    {RV_ESP_VMULAS_S8_QACC_LDBC_INCP, RV_REV_3, 0x4c43e49f, "esp.vmulas.s8.qacc.ldbc.incp\tq1,a5,q2,q3,trunc", {.op = RV_ESP_VMULAS_S8_QACC_LDBC_INCP, .qu = 1, .rs1 = 15, .qx = 2, .qy = 3}},
    {RV_ESP_VMULAS_S8_XACC_LD_IP, RV_REV_3, 0x4c4be51f, "esp.vmulas.s8.xacc.ld.ip\tq1,a5,80,q2,q3,trunc", {.op = RV_ESP_VMULAS_S8_XACC_LD_IP, .qu = 1, .rs1 = 15, .imm = 80, .qx = 2, .qy = 3}},
    {RV_ESP_VMULAS_S8_QACC_LD_IP, RV_REV_3, 0x4e4be51f, "esp.vmulas.s8.qacc.ld.ip\tq1,a5,80,q2,q3,trunc", {.op = RV_ESP_VMULAS_S8_QACC_LD_IP, .qu = 1, .rs1 = 15, .imm = 80, .qx = 2, .qy = 3}},
    /* vec9: the last of a VMACN's 16 taps loads the next 16 broadcast elements (emit.c hw_fuse_taps) */
    {RV_ESP_VSMULAS_S8_QACC_LD_INCP, RV_REV_1, 0x4dabe7bb, "esp.vsmulas.s8.qacc.ld.incp\tq1,a5,q2,q3,5", {.op = RV_ESP_VSMULAS_S8_QACC_LD_INCP, .qu = 1, .rs1 = 15, .qx = 2, .qy = 3, .sel = 5}},
    {RV_ESP_VSMULAS_S8_QACC_LD_INCP, RV_REV_1, 0xfdffffbb, "esp.vsmulas.s8.qacc.ld.incp\tq7,t6,q7,q7,15", {.op = RV_ESP_VSMULAS_S8_QACC_LD_INCP, .qu = 7, .rs1 = 31, .qx = 7, .qy = 7, .sel = 15}},
    {RV_ESP_VSMULAS_S8_QACC_LD_INCP, RV_REV_3, 0x4d2be79f, "esp.vsmulas.s8.qacc.ld.incp\tq1,a5,q2,q3,5,trunc", {.op = RV_ESP_VSMULAS_S8_QACC_LD_INCP, .qu = 1, .rs1 = 15, .qx = 2, .qy = 3, .sel = 5}},
    {RV_ESP_VSMULAS_S8_QACC_LD_INCP, RV_REV_3, 0xfdffff9f, "esp.vsmulas.s8.qacc.ld.incp\tq7,t6,q7,q7,15,sat", {.op = RV_ESP_VSMULAS_S8_QACC_LD_INCP, .qu = 7, .rs1 = 31, .qx = 7, .qy = 7, .sel = 15, .sat = 1}},

};

static void literal_rows(void **state)
{
    (void)state;
    bool seen[2][RV_PIE_LAST - RV_PIE_FIRST + 1] = {{false}};
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        check_row(&rows[i].in, rows[i].rev, rows[i].word, rows[i].text);
        seen[rows[i].rev == RV_REV_3][rows[i].op - RV_PIE_FIRST] = true;
    }
    for (unsigned op = RV_PIE_FIRST; op <= RV_PIE_LAST; op++)
        for (int r = 0; r < 2; r++)
            if (!seen[r][op - RV_PIE_FIRST])
                fail_msg("no literal row for %s in rev %d", rv_op_name(op), revs[r]);
}

/* The valid values tried for an operand: its extremes, their neighbours,
 * and for x registers all sixteen. */
static int values_of(const RvPieOperand *o, int32_t *v)
{
    int n = 0;
    if (o->field == RV_PF_RD || o->field == RV_PF_RS1 || o->field == RV_PF_RS2) {
        for (int32_t r = o->min; r <= o->max; r++)
            if (o->min == 0 || (r & 8))
                v[n++] = r;
        return n;
    }
    int32_t c[] = {o->min, o->min + o->step, 0, o->step, o->max - o->step, o->max};
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++)
        if (c[i] >= o->min && c[i] <= o->max)
            v[n++] = c[i];
    return n;
}

static void set_field(RvInsn *in, unsigned field, int32_t v)
{
    switch (field) {
    case RV_PF_QU: in->qu = (uint8_t)v; break;
    case RV_PF_QV: in->qv = (uint8_t)v; break;
    case RV_PF_QX: in->qx = (uint8_t)v; break;
    case RV_PF_QY: in->qy = (uint8_t)v; break;
    case RV_PF_QZ: in->qz = (uint8_t)v; break;
    case RV_PF_RD: in->rd = (uint8_t)v; break;
    case RV_PF_RS1: in->rs1 = (uint8_t)v; break;
    case RV_PF_RS2: in->rs2 = (uint8_t)v; break;
    case RV_PF_IMM: in->imm = v; break;
    case RV_PF_SEL: in->sel = (uint8_t)v; break;
    case RV_PF_SAT: in->sat = (uint8_t)v; break;
    case RV_PF_RM: in->rm = (uint8_t)v; break;
    case RV_PF_COUNT: in->count = (uint16_t)v; break;
    default: fail();
    }
}

/* An instruction with every operand at its smallest valid value. */
static RvInsn at_minimum(unsigned op, const RvPieOperand *ops, int n)
{
    RvInsn in = blank(op);
    for (int i = 0; i < n; i++)
        set_field(&in, ops[i].field, ops[i].min);
    return in;
}

/* Each operand owns bits the mask leaves free, no two share one, and
 * together they own all of them: every matching word is a valid encoding. */
static void fields_cover_free_bits(void **state)
{
    (void)state;
    for (unsigned op = RV_PIE_FIRST; op <= RV_PIE_LAST; op++) {
        for (int r = 0; r < 2; r++) {
            uint32_t match, mask;
            RvPieOperand ops[RV_PIE_MAX_OPERANDS];
            assert_true(rv_pie_encoding(op, revs[r], &match, &mask));
            assert_int_equal(match & ~mask, 0);
            int n = rv_pie_operands(op, revs[r], ops);
            RvInsn base = at_minimum(op, ops, n);
            uint32_t w0, all = 0;
            assert_true(rv_encode_rev(&base, revs[r], &w0));
            for (int i = 0; i < n; i++) {
                uint32_t owned = 0;
                for (int32_t v = ops[i].min; v <= ops[i].max; v += ops[i].step) {
                    RvInsn in = base;
                    set_field(&in, ops[i].field, v);
                    uint32_t w;
                    if (rv_encode_rev(&in, revs[r], &w))
                        owned |= w ^ w0;
                }
                if (owned & all)
                    fail_msg("%s rev %d: operand %d shares bits 0x%08x", rv_op_name(op), revs[r], i, owned & all);
                all |= owned;
            }
            if (all != ~mask)
                fail_msg("%s rev %d: operands own 0x%08x, the mask leaves 0x%08x", rv_op_name(op), revs[r], all, ~mask);
        }
    }
}

/* No word matches two rows of one revision, and no row's words are
 * standard instructions. */
static void no_overlaps(void **state)
{
    (void)state;
    for (int r = 0; r < 2; r++) {
        for (unsigned a = RV_PIE_FIRST; a <= RV_PIE_LAST; a++) {
            uint32_t ma, ka, mb, kb;
            rv_pie_encoding(a, revs[r], &ma, &ka);
            RvInsn std;
            assert_int_equal(rv_decode(ma, &std), 0);
            assert_int_equal(rv_decode(ma | ~ka, &std), 0);
            for (unsigned b = a + 1; b <= RV_PIE_LAST; b++) {
                rv_pie_encoding(b, revs[r], &mb, &kb);
                if (((ma ^ mb) & ka & kb) == 0)
                    fail_msg("rev %d: %s and %s overlap", revs[r], rv_op_name(a), rv_op_name(b));
            }
        }
    }
}

static void operands_round_trip_and_refuse(void **state)
{
    (void)state;
    int tried = 0, refused = 0;
    for (unsigned op = RV_PIE_FIRST; op <= RV_PIE_LAST; op++) {
        for (int r = 0; r < 2; r++) {
            RvPieOperand ops[RV_PIE_MAX_OPERANDS];
            int n = rv_pie_operands(op, revs[r], ops);
            RvInsn base = at_minimum(op, ops, n);
            for (int i = 0; i < n; i++) {
                int32_t v[32];
                int nv = values_of(&ops[i], v);
                for (int k = 0; k < nv; k++) {
                    RvInsn in = base, back;
                    set_field(&in, ops[i].field, v[k]);
                    uint32_t w;
                    if (!rv_encode_rev(&in, revs[r], &w))
                        fail_msg("%s rev %d refused operand %d = %d", rv_op_name(op), revs[r], i, v[k]);
                    assert_int_equal(rv_decode_rev(w, revs[r], &back), 4);
                    if (memcmp(&back, &in, sizeof in) != 0)
                        fail_msg("%s rev %d: operand %d = %d does not round-trip", rv_op_name(op), revs[r], i, v[k]);
                    tried++;
                }
                /* out of range, off the step, or a register PIE cannot name */
                int32_t bad[40];
                int nb = 0;
                bad[nb++] = ops[i].min - ops[i].step;
                bad[nb++] = ops[i].max + ops[i].step;
                if (ops[i].step > 1)
                    bad[nb++] = ops[i].min + 1, bad[nb++] = ops[i].max - 1;
                bool gpr = ops[i].field == RV_PF_RD || ops[i].field == RV_PF_RS1 || ops[i].field == RV_PF_RS2;
                if (gpr && ops[i].min == 8)
                    for (int32_t x = 0; x < 32; x++)
                        if (!(x & 8))
                            bad[nb++] = x;
                for (int k = 0; k < nb; k++) {
                    if (ops[i].field != RV_PF_IMM && bad[k] < 0)
                        continue; /* unsigned fields cannot hold it at all */
                    if (ops[i].field != RV_PF_IMM && ops[i].field != RV_PF_COUNT && bad[k] > 255)
                        continue;
                    RvInsn in = base;
                    set_field(&in, ops[i].field, bad[k]);
                    uint32_t w = 0x12345678;
                    if (rv_encode_rev(&in, revs[r], &w))
                        fail_msg("%s rev %d accepted operand %d = %d", rv_op_name(op), revs[r], i, bad[k]);
                    assert_int_equal(w, 0x12345678); /* left alone */
                    refused++;
                }
            }
            /* without a PIE revision there is nothing to encode */
            uint32_t w;
            assert_false(rv_encode_rev(&base, RV_REV_NONE, &w));
            assert_false(rv_encode(&base, &w));
        }
    }
    print_message("%d operand values round-trip, %d refused\n", tried, refused);
}

/* A few that the generic walk cannot express: the reference's ranges. */
static void documented_ranges(void **state)
{
    (void)state;
    RvInsn in = blank(RV_ESP_VLD_128_IP);
    in.rs1 = 8;
    uint32_t w;
    for (int r = 0; r < 2; r++) {
        in.imm = -2048, assert_true(rv_encode_rev(&in, revs[r], &w));
        in.imm = 2032, assert_true(rv_encode_rev(&in, revs[r], &w));
        in.imm = 2048, assert_false(rv_encode_rev(&in, revs[r], &w));
        in.imm = 8, assert_false(rv_encode_rev(&in, revs[r], &w));
    }
    RvInsn mac = blank(RV_ESP_VMULAS_S16_QACC_LD_IP);
    mac.rs1 = 31;
    for (int r = 0; r < 2; r++) {
        mac.imm = -128, assert_true(rv_encode_rev(&mac, revs[r], &w));
        mac.imm = 112, assert_true(rv_encode_rev(&mac, revs[r], &w));
        mac.imm = 128, assert_false(rv_encode_rev(&mac, revs[r], &w));
    }
    RvInsn lp = blank(RV_ESP_LP_SETUPI);
    lp.count = 4095, lp.imm = 1022;
    assert_true(rv_encode_rev(&lp, RV_REV_3, &w));
    lp.count = 4096, assert_false(rv_encode_rev(&lp, RV_REV_3, &w));
    lp.count = 1, lp.imm = 1024, assert_false(rv_encode_rev(&lp, RV_REV_3, &w));
    lp.imm = 3, assert_false(rv_encode_rev(&lp, RV_REV_3, &w));
    RvInsn setup = blank(RV_ESP_LP_SETUP);
    setup.rs1 = 0, setup.imm = 8190, setup.sel = 1; /* any x register here */
    assert_true(rv_encode_rev(&setup, RV_REV_1, &w));
    setup.sel = 2, assert_false(rv_encode_rev(&setup, RV_REV_1, &w));
    setup.sel = 0, setup.imm = 8192, assert_false(rv_encode_rev(&setup, RV_REV_1, &w));
    setup.imm = -2, assert_false(rv_encode_rev(&setup, RV_REV_1, &w));
    RvInsn q = blank(RV_ESP_ZERO_Q);
    q.qz = 8;
    assert_false(rv_encode_rev(&q, RV_REV_3, &w));
    RvInsn sat = blank(RV_ESP_VMULAS_S8_QACC);
    sat.sat = 2;
    assert_false(rv_encode_rev(&sat, RV_REV_3, &w));
    RvInsn rm = blank(RV_ESP_SRCMB_S8_QACC);
    rm.rs1 = 8, rm.rm = 8;
    assert_false(rv_encode_rev(&rm, RV_REV_3, &w));
}

static uint32_t rng = 0x9e3779b9u;
static uint32_t next_random(void)
{
    rng ^= rng << 13, rng ^= rng >> 17, rng ^= rng << 5;
    return rng;
}

/* Words of one revision's PIE never decode in the other; the hardware
 * loops are the same in both. */
static void revisions_do_not_cross(void **state)
{
    (void)state;
    int checked = 0;
    for (unsigned op = RV_PIE_FIRST; op <= RV_PIE_LAST; op++) {
        for (int r = 0; r < 2; r++) {
            uint32_t match, mask;
            rv_pie_encoding(op, revs[r], &match, &mask);
            for (int k = 0; k < 200; k++) {
                uint32_t w = match | (next_random() & ~mask);
                RvInsn mine, other;
                assert_int_equal(rv_decode_rev(w, revs[r], &mine), 4);
                assert_int_equal(mine.op, op);
                int n = rv_decode_rev(w, revs[1 - r], &other);
                bool loop = op >= RV_ESP_LP_SETUP;
                if (loop) {
                    assert_int_equal(n, 4);
                    assert_memory_equal(&mine, &other, sizeof mine);
                } else if (n != 0) {
                    fail_msg("%s rev %d word 0x%08x decodes in rev %d as %s", rv_op_name(op), revs[r], w,
                             revs[1 - r], rv_op_name(other.op));
                }
                assert_int_equal(rv_decode_rev(w, RV_REV_NONE, &other), 0);
                checked++;
            }
        }
    }
    print_message("%d words checked in the other revision\n", checked);
}

/* Random words on PIE's major opcodes: whatever decodes re-encodes to
 * itself; the rest prints as data. */
static void sampled_words(void **state)
{
    (void)state;
    static const uint32_t majors[] = {0x1b, 0x1f, 0x2b, 0x3b, 0x5b, 0x5f, 0x7b, 0x7f};
    int decoded = 0;
    for (int k = 0; k < 400000; k++) {
        uint32_t w = (next_random() & ~0x7fu) | majors[k % 8];
        for (int r = 0; r < 2; r++) {
            RvInsn d;
            uint32_t again;
            char text[128];
            disasm_word(w, revs[r], 0, text, sizeof text);
            if (rv_decode_rev(w, revs[r], &d) == 4) {
                assert_true(rv_encode_rev(&d, revs[r], &again));
                assert_int_equal(again, w);
                assert_int_equal(strncmp(text, "esp.", 4), 0);
                decoded++;
            } else {
                assert_true(strncmp(text, ".4byte", 6) == 0 || strncmp(text, ".2byte", 6) == 0);
            }
        }
    }
    print_message("%d sampled words decoded\n", decoded);
}

static void unknown_words_print_as_data(void **state)
{
    (void)state;
    char text[128];
    disasm_word(0x0000007b, RV_REV_3, 0, text, sizeof text); /* custom-3: nothing here */
    assert_string_equal(text, ".4byte\t0x7b");
    disasm_word(0x1212a63b, RV_REV_3, 0, text, sizeof text); /* a rev-1 word */
    assert_string_equal(text, ".4byte\t0x1212a63b");
    disasm_word(0x0310001f, RV_REV_1, 0, text, sizeof text); /* a rev-3 word: 48-bit space */
    assert_string_equal(text, ".2byte\t0x1f");
    disasm_word(0x0310001f, RV_REV_NONE, 0, text, sizeof text);
    assert_string_equal(text, ".2byte\t0x1f");
    disasm_word(0x0000402b, RV_REV_NONE, 0, text, sizeof text); /* loops need a P4 revision */
    assert_string_equal(text, ".4byte\t0x402b");
}

/* Rev 3's short mnemonics (sat, dyn implied) in the alias style. */
static void rev3_aliases(void **state)
{
    (void)state;
    char text[128];
    RvInsn in = blank(RV_ESP_VMULAS_S8_QACC);
    in.qx = 1, in.qy = 2, in.sat = 1;
    uint32_t w;
    assert_true(rv_encode_rev(&in, RV_REV_3, &w));
    disasm_word(w, RV_REV_3, RV_DIS_ALIASES, text, sizeof text);
    assert_string_equal(text, "esp.vmulas.s8.qacc\tq1,q2");
    disasm_word(w, RV_REV_3, 0, text, sizeof text);
    assert_string_equal(text, "esp.vmulas.s8.qacc\tq1,q2,sat");
    in.sat = 0;
    assert_true(rv_encode_rev(&in, RV_REV_3, &w));
    disasm_word(w, RV_REV_3, RV_DIS_ALIASES, text, sizeof text);
    assert_string_equal(text, "esp.vmulas.s8.qacc\tq1,q2,trunc");
    RvInsn s = blank(RV_ESP_SRCMB_S16_QACC);
    s.qu = 3, s.rs1 = 9, s.sat = 1, s.rm = 7;
    assert_true(rv_encode_rev(&s, RV_REV_3, &w));
    disasm_word(w, RV_REV_3, RV_DIS_ALIASES, text, sizeof text);
    assert_string_equal(text, "esp.srcmb.s16.qacc\tq3,s1");
    s.rm = 0;
    assert_true(rv_encode_rev(&s, RV_REV_3, &w));
    disasm_word(w, RV_REV_3, RV_DIS_ALIASES, text, sizeof text);
    assert_string_equal(text, "esp.srcmb.s16.qacc\tq3,s1,rdn");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(worked_examples),
        cmocka_unit_test(literal_rows),
        cmocka_unit_test(fields_cover_free_bits),
        cmocka_unit_test(no_overlaps),
        cmocka_unit_test(operands_round_trip_and_refuse),
        cmocka_unit_test(documented_ranges),
        cmocka_unit_test(revisions_do_not_cross),
        cmocka_unit_test(sampled_words),
        cmocka_unit_test(unknown_words_print_as_data),
        cmocka_unit_test(rev3_aliases),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
