/*
 * decode.c - machine words to RvInsn, by the instruction table's match/mask.
 *
 * The table is scanned once per call; a 128-entry index by major opcode
 * (bits 6:0) narrows the scan to the few instructions sharing an opcode.
 */
#include <string.h>

#include "rv32/rv32.h"

static int32_t sext(uint32_t v, int bits) { return (int32_t)(v << (32 - bits)) >> (32 - bits); }

/* Immediate layouts of the base formats (RISC-V Unprivileged spec, 2.3). */
static int32_t imm_i(uint32_t w) { return (int32_t)w >> 20; }
static int32_t imm_s(uint32_t w) { return sext(((w >> 25) << 5) | ((w >> 7) & 0x1f), 12); }
static int32_t imm_b(uint32_t w)
{
    uint32_t v = ((w >> 31) & 1) << 12 | ((w >> 7) & 1) << 11 | ((w >> 25) & 0x3f) << 5 | ((w >> 8) & 0xf) << 1;
    return sext(v, 13);
}
static int32_t imm_j(uint32_t w)
{
    uint32_t v = ((w >> 31) & 1) << 20 | ((w >> 12) & 0xff) << 12 | ((w >> 20) & 1) << 11 | ((w >> 21) & 0x3ff) << 1;
    return sext(v, 21);
}

/* First table entry per major opcode, and the next entry with the same one. */
static int16_t first_of[128], next_of[RV__COUNT];
static bool indexed;

static void build_index(void)
{
    for (int i = 0; i < 128; i++)
        first_of[i] = -1;
    for (int op = RV_FIRST_C - 1; op >= 0; op--) {
        unsigned major = rv_info[op].match & 0x7f;
        next_of[op] = first_of[major];
        first_of[major] = (int16_t)op;
    }
    indexed = true;
}

static bool valid_rm(unsigned rm) { return rm <= 4 || rm == 7; }

int rv_decode(uint32_t w, RvInsn *out)
{
    if ((w & 3) != 3)
        return rv_decode_c((uint16_t)w, out);
    if (!indexed)
        build_index();
    int op = first_of[w & 0x7f];
    while (op >= 0 && (w & rv_info[op].mask) != rv_info[op].match)
        op = next_of[op];
    if (op < 0)
        return 0;
    RvInsn d;
    memset(&d, 0, sizeof d); /* padding too: callers compare with memcmp */
    d.op = (uint16_t)op;
    d.len = 4;
    uint8_t rd = (w >> 7) & 0x1f, rs1 = (w >> 15) & 0x1f, rs2 = (w >> 20) & 0x1f, rm = (w >> 12) & 7;
    /* only the fields the format has are filled: decode(encode(x)) == x */
    switch (rv_info[op].format) {
    case RVF_R:
    case RVF_FR_NORM:
    case RVF_FCMP:    d.rd = rd, d.rs1 = rs1, d.rs2 = rs2; break;
    case RVF_I:
    case RVF_LOAD:
    case RVF_JALR:
    case RVF_FLOAD:   d.rd = rd, d.rs1 = rs1, d.imm = imm_i(w); break;
    case RVF_STORE:
    case RVF_FSTORE:  d.rs1 = rs1, d.rs2 = rs2, d.imm = imm_s(w); break;
    case RVF_BRANCH:  d.rs1 = rs1, d.rs2 = rs2, d.imm = imm_b(w); break;
    case RVF_JAL:     d.rd = rd, d.imm = imm_j(w); break;
    case RVF_U:       d.rd = rd, d.imm = (int32_t)(w >> 12); break;
    case RVF_SHIFT:   d.rd = rd, d.rs1 = rs1, d.imm = rs2; break;
    case RVF_FENCE:   d.imm = (int32_t)((w >> 20) & 0xff); break;
    case RVF_NONE:    break;
    case RVF_CSR:
    case RVF_CSRI:    d.rd = rd, d.rs1 = rs1, d.csr = (uint16_t)(w >> 20); break;
    case RVF_AMO:     d.rs2 = rs2; /* fall through */
    case RVF_LR:      d.rd = rd, d.rs1 = rs1, d.aq = (w >> 26) & 1, d.rl = (w >> 25) & 1; break;
    case RVF_FR4:     d.rs3 = (w >> 27) & 0x1f; /* fall through */
    case RVF_FR:      d.rs2 = rs2; /* fall through */
    case RVF_FR1:
    case RVF_FCVT_XF:
    case RVF_FCVT_FX:
        if (!valid_rm(rm))
            return 0; /* reserved rounding modes */
        d.rd = rd, d.rs1 = rs1, d.rm = rm;
        break;
    case RVF_FMV_XF:
    case RVF_FMV_FX:  d.rd = rd, d.rs1 = rs1; break;
    default:          return 0;
    }
    *out = d;
    return 4;
}

int rv_decode_rev(uint32_t w, RvRev rev, RvInsn *out)
{
    int n = rv_decode(w, out);
    /* the custom opcodes are all 32-bit and unused by the standard table */
    if (n == 0 && rev != RV_REV_NONE && (w & 3) == 3)
        n = rv_pie_decode(w, rev, out);
    return n;
}
