/*
 * pie.h - the ESP32-P4 custom instructions: PIE (128-bit SIMD, "Xespv") and
 * the hardware loops (esp.lp.*, "Xesploop").
 *
 * The P4 exists in two incompatible PIE encodings with the same mnemonics:
 * xespv2p1 on silicon before rev 3.0 and xespv2p2 from rev 3.0 on (chosen
 * with RvRev). The hardware loops are encoded alike in both.
 *
 * Source of every encoding: /work/shared/reference/esp32p4-pie.md (keys BU1,
 * BU2: Espressif's binutils fork, include/opcode/esp/riscv-opc_xespv2p1.h,
 * riscv-opc_xespv2p2.h and the field macros riscv_xespv2p{1,2}.h). The
 * rev-3 MATCH/MASK pairs the reference does not list were read from BU2
 * itself; see docs/rv32.md ("PIE") for which, and for the operands whose
 * meaning is inferred.
 *
 * Columns: X(ID, mnemonic, rev-1 match, mask, (operands), rev-3 match,
 * mask, (operands)). An operand list names the fields in their assembler
 * order; the kinds (QU, RS1, V1_O841, SAT03, ...) are defined in pie.c.
 */
#ifndef P4_RV32_PIE_H
#define P4_RV32_PIE_H

/* clang-format off */
#define RV_PIE_INSNS(X) \
    /* 128-bit loads and stores, post-increment by an immediate or a register */ \
    X(ESP_VLD_128_IP, "esp.vld.128.ip", 0x0200203b, 0x8f0861ff, (QU, RS1, V1_O841), \
                                        0x0310001f, 0x83f8607f, (QU, RS1, V3_O842)) \
    X(ESP_VST_128_IP, "esp.vst.128.ip", 0x8200203b, 0x8f0861ff, (QU, RS1, V1_O841), \
                                        0x8310001f, 0x83f8607f, (QU, RS1, V3_O842)) \
    X(ESP_VLD_128_XP, "esp.vld.128.xp", 0x8200405f, 0xff0863ff, (QU, RS1, RS2), \
                                        0x4000621b, 0xff0863ff, (QU, RS1, RS2)) \
    X(ESP_VST_128_XP, "esp.vst.128.xp", 0x9200405f, 0xff0863ff, (QU, RS1, RS2), \
                                        0x4200621b, 0xff0863ff, (QU, RS1, RS2)) \
    /* broadcast loads */ \
    X(ESP_VLDBC_8_IP,  "esp.vldbc.8.ip",  0x0600203b, 0x8f0861ff, (QU, RS1, V1_O800), \
                                          0x0350009f, 0x03f860ff, (QU, RS1, V3_O800)) \
    X(ESP_VLDBC_16_IP, "esp.vldbc.16.ip", 0x8600203b, 0x8f0861ff, (QU, RS1, V1_O810), \
                                          0x0390001f, 0x03f860ff, (QU, RS1, V3_O810)) \
    X(ESP_VLDBC_32_IP, "esp.vldbc.32.ip", 0x0e00203b, 0x1f0861ff, (QU, RS1, V1_O820), \
                                          0x0350001f, 0x03f860ff, (QU, RS1, V3_O820)) \
    X(ESP_VLDBC_8_XP,  "esp.vldbc.8.xp",  0x8600405f, 0xff0863ff, (QU, RS1, RS2), \
                                          0x4008621b, 0xff0863ff, (QU, RS1, RS2)) \
    X(ESP_VLDBC_16_XP, "esp.vldbc.16.xp", 0x9600405f, 0xff0863ff, (QU, RS1, RS2), \
                                          0x4208621b, 0xff0863ff, (QU, RS1, RS2)) \
    /* clearing */ \
    X(ESP_ZERO_Q,    "esp.zero.q",    0x0040005b, 0xfffffc7f, (QZ),   0x0000101b, 0xfffffc7f, (QZ)) \
    X(ESP_ZERO_QACC, "esp.zero.qacc", 0x0000025b, 0xffffffff, (NONE), 0x0000021b, 0xffffffff, (NONE)) \
    X(ESP_ZERO_XACC, "esp.zero.xacc", 0x0000005b, 0xffffffff, (NONE), 0x0000001b, 0xffffffff, (NONE)) \
    /* multiply-accumulate into QACC or XACC */ \
    X(ESP_VMULAS_S8_QACC,  "esp.vmulas.s8.qacc",  0x02c5005f, 0x03ffffff, (QX, QY), \
                                                  0x02a5201b, 0x03ff7fff, (QX, QY, SAT03)) \
    X(ESP_VMULAS_S16_QACC, "esp.vmulas.s16.qacc", 0x02c7005f, 0x03ffffff, (QX, QY), \
                                                  0x02a7201b, 0x03ff7fff, (QX, QY, SAT03)) \
    X(ESP_VMULAS_S8_XACC,  "esp.vmulas.s8.xacc",  0x02c1005f, 0x03ffffff, (QX, QY), \
                                                  0x02a1201b, 0x03ff7fff, (QX, QY, SAT03)) \
    X(ESP_VMULAS_S16_XACC, "esp.vmulas.s16.xacc", 0x02c3005f, 0x03ffffff, (QX, QY), \
                                                  0x02a3201b, 0x03ff7fff, (QX, QY, SAT03)) \
    X(ESP_VMULAS_S8_QACC_LD_IP,  "esp.vmulas.s8.qacc.ld.ip", \
        0x024060bb, 0x03c061ff, (QU, RS1, V1_O440, QX, QY), 0x0240601f, 0x03c060ff, (QU, RS1, V3_O440, QX, QY, SAT08)) \
    X(ESP_VMULAS_S16_QACC_LD_IP, "esp.vmulas.s16.qacc.ld.ip", \
        0x02c060bb, 0x03c061ff, (QU, RS1, V1_O440, QX, QY), 0x02c0601f, 0x03c060ff, (QU, RS1, V3_O440, QX, QY, SAT08)) \
    X(ESP_VMULAS_S8_XACC_LD_IP,  "esp.vmulas.s8.xacc.ld.ip", \
        0x004060bb, 0x03c061ff, (QU, RS1, V1_O440, QX, QY), 0x0040601f, 0x03c060ff, (QU, RS1, V3_O440, QX, QY, SAT08)) \
    X(ESP_VMULAS_S16_XACC_LD_IP, "esp.vmulas.s16.xacc.ld.ip", \
        0x00c060bb, 0x03c061ff, (QU, RS1, V1_O440, QX, QY), 0x00c0601f, 0x03c060ff, (QU, RS1, V3_O440, QX, QY, SAT08)) \
    X(ESP_VMULAS_S8_QACC_LD_XP,  "esp.vmulas.s8.qacc.ld.xp", \
        0x020022ff, 0x030863ff, (QU, RS1, RS2, QX, QY), 0x0200221f, 0x030862ff, (QU, RS1, RS2, QX, QY, SAT16)) \
    X(ESP_VMULAS_S16_QACC_LD_XP, "esp.vmulas.s16.qacc.ld.xp", \
        0x020822ff, 0x030863ff, (QU, RS1, RS2, QX, QY), 0x0208221f, 0x030862ff, (QU, RS1, RS2, QX, QY, SAT16)) \
    X(ESP_VMULAS_S8_XACC_LD_XP,  "esp.vmulas.s8.xacc.ld.xp", \
        0x000022ff, 0x030863ff, (QU, RS1, RS2, QX, QY), 0x0000221f, 0x030862ff, (QU, RS1, RS2, QX, QY, SAT16)) \
    X(ESP_VMULAS_S16_XACC_LD_XP, "esp.vmulas.s16.xacc.ld.xp", \
        0x000822ff, 0x030863ff, (QU, RS1, RS2, QX, QY), 0x0008221f, 0x030862ff, (QU, RS1, RS2, QX, QY, SAT16)) \
    X(ESP_VMULAS_S8_QACC_LDBC_INCP,  "esp.vmulas.s8.qacc.ldbc.incp", \
        0x002061bb, 0x03f863ff, (QU, RS1, QX, QY), 0x0040609f, 0x03d863ff, (QU, RS1, QX, QY, SAT08)) \
    X(ESP_VMULAS_S16_QACC_LDBC_INCP, "esp.vmulas.s16.qacc.ldbc.incp", \
        0x006061bb, 0x03f863ff, (QU, RS1, QX, QY), 0x00c0609f, 0x03d863ff, (QU, RS1, QX, QY, SAT08)) \
    X(ESP_VSMULAS_S8_QACC,  "esp.vsmulas.s8.qacc",  0x02b0005f, 0x03f87fff, (QX, QY, S41), \
                                                    0x02a0241b, 0x03e87fff, (QX, QY, S41, SAT07)) \
    X(ESP_VSMULAS_S16_QACC, "esp.vsmulas.s16.qacc", 0x02f0005f, 0x03f87fff, (QX, QY, S41), \
                                                    0x02e0241b, 0x03e87fff, (QX, QY, S41, SAT07)) \
    X(ESP_VSMULAS_S8_QACC_LD_INCP,  "esp.vsmulas.s8.qacc.ld.incp", \
        0x018063bb, 0x038063ff, (QU, RS1, QX, QY, S42), 0x0100639f, 0x030063ff, (QU, RS1, QX, QY, S42, SAT10)) \
    X(ESP_VSMULAS_S16_QACC_LD_INCP, "esp.vsmulas.s16.qacc.ld.incp", \
        0x038063bb, 0x038063ff, (QU, RS1, QX, QY, S42), 0x0300639f, 0x030063ff, (QU, RS1, QX, QY, S42, SAT10)) \
    /* reading the accumulators out */ \
    X(ESP_SRCMB_S8_QACC,  "esp.srcmb.s8.qacc",  0x5800203b, 0xdff863ff, (QU, RS1, S14), \
                                                0x43a0009f, 0xc3f863ff, (QU, RS1, SAT15, RM10)) \
    X(ESP_SRCMB_S16_QACC, "esp.srcmb.s16.qacc", 0xd800203b, 0xdff863ff, (QU, RS1, S14), \
                                                0xc3a0009f, 0xc3f863ff, (QU, RS1, SAT15, RM10)) \
    X(ESP_SRS_S_XACC, "esp.srs.s.xacc", 0x94f0005f, 0xfff8787f, (RD, RS1), \
                                        0x9090201b, 0xf398787f, (RD, RS1, SAT14, RM09)) \
    X(ESP_ST_QACC_L_L_128_IP, "esp.st.qacc.l.l.128.ip", 0xa000403b, 0xff0861ff, (RS1, V1_O840), \
                                                        0x1010001f, 0xfb1861ff, (RS1, V3_O840)) \
    X(ESP_ST_QACC_L_H_128_IP, "esp.st.qacc.l.h.128.ip", 0x8000403b, 0xff0861ff, (RS1, V1_O840), \
                                                        0x1000001f, 0xfb1861ff, (RS1, V3_O840)) \
    X(ESP_ST_QACC_H_L_128_IP, "esp.st.qacc.h.l.128.ip", 0xe000403b, 0xff0861ff, (RS1, V1_O840), \
                                                        0x1810001f, 0xfb1861ff, (RS1, V3_O840)) \
    X(ESP_ST_QACC_H_H_128_IP, "esp.st.qacc.h.h.128.ip", 0xc000403b, 0xff0861ff, (RS1, V1_O840), \
                                                        0x1800001f, 0xfb1861ff, (RS1, V3_O840)) \
    X(ESP_LD_QACC_L_L_128_IP, "esp.ld.qacc.l.l.128.ip", 0x2000403b, 0xff0861ff, (RS1, V1_O840), \
                                                        0x0010001f, 0xfb1861ff, (RS1, V3_O840)) \
    X(ESP_LD_QACC_L_H_128_IP, "esp.ld.qacc.l.h.128.ip", 0x0000403b, 0xff0861ff, (RS1, V1_O840), \
                                                        0x0000001f, 0xfb1861ff, (RS1, V3_O840)) \
    X(ESP_LD_QACC_H_L_128_IP, "esp.ld.qacc.h.l.128.ip", 0x6000403b, 0xff0861ff, (RS1, V1_O840), \
                                                        0x0810001f, 0xfb1861ff, (RS1, V3_O840)) \
    X(ESP_LD_QACC_H_H_128_IP, "esp.ld.qacc.h.h.128.ip", 0x4000403b, 0xff0861ff, (RS1, V1_O840), \
                                                        0x0800001f, 0xfb1861ff, (RS1, V3_O840)) \
    /* moves between x registers and the special registers or q lanes */ \
    X(ESP_MOVX_R_XACC_L, "esp.movx.r.xacc.l", 0x84b0005f, 0xfffff87f, (RD),  0x84c0201b, 0xfffff87f, (RD)) \
    X(ESP_MOVX_R_XACC_H, "esp.movx.r.xacc.h", 0x8cb0005f, 0xfffff87f, (RD),  0x8cc0201b, 0xfffff87f, (RD)) \
    X(ESP_MOVX_W_XACC_L, "esp.movx.w.xacc.l", 0x94b0005f, 0xfff87fff, (RS1), 0x94c0201b, 0xfff87fff, (RS1)) \
    X(ESP_MOVX_W_XACC_H, "esp.movx.w.xacc.h", 0x9cb0005f, 0xfff87fff, (RS1), 0x9cc0201b, 0xfff87fff, (RS1)) \
    X(ESP_MOVX_R_SAR,    "esp.movx.r.sar",    0x80b0005f, 0xfffff87f, (RD),  0x80c0201b, 0xfffff87f, (RD)) \
    X(ESP_MOVX_W_SAR,    "esp.movx.w.sar",    0x90b0005f, 0xfff87fff, (RS1), 0x90c0201b, 0xfff87fff, (RS1)) \
    X(ESP_MOVX_R_CFG,    "esp.movx.r.cfg",    0x80d0005f, 0xfffff87f, (RD),  0x8080201b, 0xfffff87f, (RD)) \
    X(ESP_MOVX_W_CFG,    "esp.movx.w.cfg",    0x90d0005f, 0xfff87fff, (RS1), 0x9080201b, 0xfff87fff, (RS1)) \
    X(ESP_MOVI_32_A, "esp.movi.32.a", 0x8080005f, 0xe3bbf87f, (QY, RD, S23),  0x00a0201b, 0xe3bbf87f, (QY, RD, S23)) \
    X(ESP_MOVI_32_Q, "esp.movi.32.q", 0x8090005f, 0xe3f879ff, (QY, RS1, S20), 0x00b0201b, 0xe3f879ff, (QY, RS1, S20)) \
    /* lane arithmetic */ \
    X(ESP_VADD_S8,  "esp.vadd.s8",  0x0280065f, 0x038fffff, (QV, QX, QY), 0x0282231b, 0x038effff, (QV, QX, QY, SAT04)) \
    X(ESP_VADD_S16, "esp.vadd.s16", 0x0284065f, 0x038fffff, (QV, QX, QY), 0x0286231b, 0x038effff, (QV, QX, QY, SAT04)) \
    X(ESP_VADD_S32, "esp.vadd.s32", 0x0284055f, 0x038fffff, (QV, QX, QY), 0x0284a31b, 0x038dffff, (QV, QX, QY, SAT05)) \
    X(ESP_VMUL_S8,  "esp.vmul.s8",  0x0002bc5f, 0x03fffc7f, (QZ, QX, QY), \
                                    0x03c2001f, 0x03fe647f, (QZ, QX, QY, SAT04, RM01)) \
    X(ESP_VMUL_S16, "esp.vmul.s16", 0x0006bc5f, 0x03fffc7f, (QZ, QX, QY), \
                                    0x03c6001f, 0x03fe647f, (QZ, QX, QY, SAT04, RM01)) \
    X(ESP_VMUL_S16_S8XS8,   "esp.vmul.s16.s8xs8",   0x0283045f, 0x038ffc7f, (QZ, QV, QX, QY), \
                                                    0x0280001f, 0x0388fc7f, (QZ, QV, QX, QY, RM02)) \
    X(ESP_VMUL_S32_S16XS16, "esp.vmul.s32.s16xs16", 0x0287045f, 0x038ffc7f, (QZ, QV, QX, QY), \
                                                    0x0280801f, 0x0388fc7f, (QZ, QV, QX, QY, RM02)) \
    X(ESP_VRELU_S8,  "esp.vrelu.s8",  0x8200585b, 0xe3087fff, (QY, RS2, RS1), \
                                      0xc000601b, 0xe20863ff, (QY, RS2, RS1, SAT11, RM00)) \
    X(ESP_VRELU_S16, "esp.vrelu.s16", 0x82005c5b, 0xe3087fff, (QY, RS2, RS1), \
                                      0xc200601b, 0xe20863ff, (QY, RS2, RS1, SAT11, RM00)) \
    /* elementwise lanes (jit/elementwise.c): max, min, saturating subtract, xor, \
     * and the largest unsigned 32-bit lane read into an x register */ \
    X(ESP_VMAX_S8,  "esp.vmax.s8",  0x0002ac5f, 0x03fffc7f, (QZ, QX, QY), 0x0342181f, 0x03fffc7f, (QZ, QX, QY)) \
    X(ESP_VMAX_S16, "esp.vmax.s16", 0x0006ac5f, 0x03fffc7f, (QZ, QX, QY), 0x0346181f, 0x03fffc7f, (QZ, QX, QY)) \
    X(ESP_VMAX_S32, "esp.vmax.s32", 0x0005ac5f, 0x03fffc7f, (QZ, QX, QY), 0x0345181f, 0x03fffc7f, (QZ, QX, QY)) \
    X(ESP_VMIN_S8,  "esp.vmin.s8",  0x00023c5f, 0x03fffc7f, (QZ, QX, QY), 0x0342981f, 0x03fffc7f, (QZ, QX, QY)) \
    X(ESP_VMIN_S16, "esp.vmin.s16", 0x00063c5f, 0x03fffc7f, (QZ, QX, QY), 0x0346981f, 0x03fffc7f, (QZ, QX, QY)) \
    X(ESP_VMIN_S32, "esp.vmin.s32", 0x00053c5f, 0x03fffc7f, (QZ, QX, QY), 0x0345981f, 0x03fffc7f, (QZ, QX, QY)) \
    X(ESP_VSUB_S8,  "esp.vsub.s8",  0x028006df, 0x038fffff, (QV, QX, QY), 0x0282271b, 0x038effff, (QV, QX, QY, SAT04)) \
    X(ESP_VSUB_S16, "esp.vsub.s16", 0x028406df, 0x038fffff, (QV, QX, QY), 0x0286271b, 0x038effff, (QV, QX, QY, SAT04)) \
    X(ESP_VSUB_S32, "esp.vsub.s32", 0x028405df, 0x038fffff, (QV, QX, QY), 0x0284a71b, 0x038dffff, (QV, QX, QY, SAT05)) \
    X(ESP_XORQ,     "esp.xorq",     0x0002205f, 0x03fffc7f, (QZ, QX, QY), 0x0104001f, 0x03fffc7f, (QZ, QX, QY)) \
    X(ESP_MAX_U32_A, "esp.max.u32.a", 0x9020505b, 0xfcf7f87f, (QW, RD), 0x2000201b, 0xfcf7f87f, (QW, RD)) \
    X(ESP_VSR_S32,  "esp.vsr.s32",  0x8004035b, 0xe3ffe3ff, (QU, QY), 0x8214201b, 0xe29fe3ff, (QU, QY, RM08)) \
    /* unsigned bytes in int8 lanes (a mask after a shift), and narrowing \
     * stores of elementwise lanes: the low halves of the lanes gathered \
     * (unzip), and the low 64 bits of a q register stored */ \
    X(ESP_ANDQ,      "esp.andq",      0x0004205f, 0x03fffc7f, (QZ, QX, QY), 0x0180001f, 0x03fffc7f, (QZ, QX, QY)) \
    X(ESP_VUNZIP_8,  "esp.vunzip.8",  0x0284005f, 0x03ffffff, (QX, QY), 0x0284201b, 0x03ffffff, (QX, QY)) \
    X(ESP_VUNZIP_16, "esp.vunzip.16", 0x0286005f, 0x03ffffff, (QX, QY), 0x0286201b, 0x03ffffff, (QX, QY)) \
    X(ESP_VST_L_64_IP, "esp.vst.l.64.ip", 0x8400203b, 0xc70861ff, (QU, RS1, V1_O830), \
                                          0x8360001f, 0xc378607f, (QU, RS1, V3_O832)) \
    /* hardware loops (Xesploop): one encoding for both revisions */ \
    X(ESP_LP_SETUP,  "esp.lp.setup",  0x0000402b, 0x00007f7f, (LPID, XS1, LPOFF12), \
                                      0x0000402b, 0x00007f7f, (LPID, XS1, LPOFF12)) \
    X(ESP_LP_SETUPI, "esp.lp.setupi", 0x0000502b, 0x0000707f, (LPID, LPCNT, LPOFF9), \
                                      0x0000502b, 0x0000707f, (LPID, LPCNT, LPOFF9)) \
    X(ESP_LP_STARTI, "esp.lp.starti", 0x0000002b, 0x000fff7f, (LPID, LPOFF12), \
                                      0x0000002b, 0x000fff7f, (LPID, LPOFF12)) \
    X(ESP_LP_ENDI,   "esp.lp.endi",   0x0000102b, 0x000fff7f, (LPID, LPOFF12), \
                                      0x0000102b, 0x000fff7f, (LPID, LPOFF12)) \
    X(ESP_LP_COUNTI, "esp.lp.counti", 0x0000302b, 0x000fff7f, (LPID, LPCNT), \
                                      0x0000302b, 0x000fff7f, (LPID, LPCNT)) \
    X(ESP_LP_COUNT,  "esp.lp.count",  0x0000202b, 0xfff07f7f, (LPID, XS1), \
                                      0x0000202b, 0xfff07f7f, (LPID, XS1))
/* clang-format on */

#endif
