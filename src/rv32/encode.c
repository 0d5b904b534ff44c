/*
 * encode.c - RvInsn to machine words. Every operand is checked against its
 * field; an out-of-range operand is refused, never truncated.
 */
#include "rv32/rv32.h"

static bool fits_signed(int32_t v, int bits) { return v >= -(1 << (bits - 1)) && v < (1 << (bits - 1)); }

static uint32_t enc_i(int32_t imm) { return (uint32_t)imm << 20; }
static uint32_t enc_s(int32_t imm) { return ((uint32_t)imm >> 5 & 0x7f) << 25 | ((uint32_t)imm & 0x1f) << 7; }
static uint32_t enc_b(int32_t imm)
{
    uint32_t v = (uint32_t)imm;
    return (v >> 12 & 1) << 31 | (v >> 5 & 0x3f) << 25 | (v >> 1 & 0xf) << 8 | (v >> 11 & 1) << 7;
}
static uint32_t enc_j(int32_t imm)
{
    uint32_t v = (uint32_t)imm;
    return (v >> 20 & 1) << 31 | (v >> 1 & 0x3ff) << 21 | (v >> 11 & 1) << 20 | (v >> 12 & 0xff) << 12;
}

bool rv_encode(const RvInsn *in, uint32_t *word)
{
    if (in->op >= RV__COUNT || in->rd > 31 || in->rs1 > 31 || in->rs2 > 31 || in->rs3 > 31)
        return false;
    if (in->op >= RV_FIRST_C)
        return rv_encode_c(in, word);
    const RvInfo *info = &rv_info[in->op];
    uint32_t w = info->match;
    uint32_t rd = (uint32_t)in->rd << 7, rs1 = (uint32_t)in->rs1 << 15, rs2 = (uint32_t)in->rs2 << 20;
    uint32_t rm = (uint32_t)in->rm << 12;
    bool rm_ok = in->rm <= 4 || in->rm == 7;
    switch (info->format) {
    case RVF_R:
    case RVF_FR_NORM:
    case RVF_FCMP:    w |= rd | rs1 | rs2; break;
    case RVF_I:
    case RVF_LOAD:
    case RVF_JALR:
    case RVF_FLOAD:
        if (!fits_signed(in->imm, 12))
            return false;
        w |= rd | rs1 | enc_i(in->imm);
        break;
    case RVF_STORE:
    case RVF_FSTORE:
        if (!fits_signed(in->imm, 12))
            return false;
        w |= rs1 | rs2 | enc_s(in->imm);
        break;
    case RVF_BRANCH:
        if (!fits_signed(in->imm, 13) || (in->imm & 1))
            return false;
        w |= rs1 | rs2 | enc_b(in->imm);
        break;
    case RVF_JAL:
        if (!fits_signed(in->imm, 21) || (in->imm & 1))
            return false;
        w |= rd | enc_j(in->imm);
        break;
    case RVF_U:
        if (in->imm < 0 || in->imm > 0xfffff)
            return false;
        w |= rd | (uint32_t)in->imm << 12;
        break;
    case RVF_SHIFT:
        if (in->imm < 0 || in->imm > 31)
            return false;
        w |= rd | rs1 | (uint32_t)in->imm << 20;
        break;
    case RVF_FENCE:
        if (in->imm < 0 || in->imm > 0xff)
            return false;
        w |= (uint32_t)in->imm << 20;
        break;
    case RVF_NONE:    break;
    case RVF_CSR:
    case RVF_CSRI:
        if (in->csr > 0xfff)
            return false;
        w |= rd | rs1 | (uint32_t)in->csr << 20; /* CSRI: rs1 holds the 5-bit immediate */
        break;
    case RVF_AMO:
    case RVF_LR:
        if (in->aq > 1 || in->rl > 1)
            return false;
        w |= rd | rs1 | (info->format == RVF_AMO ? rs2 : 0) | (uint32_t)in->aq << 26 | (uint32_t)in->rl << 25;
        break;
    case RVF_FR:
        if (!rm_ok)
            return false;
        w |= rd | rs1 | rs2 | rm;
        break;
    case RVF_FR4:
        if (!rm_ok)
            return false;
        w |= rd | rs1 | rs2 | rm | (uint32_t)in->rs3 << 27;
        break;
    case RVF_FR1:
    case RVF_FCVT_XF:
    case RVF_FCVT_FX:
        if (!rm_ok)
            return false;
        w |= rd | rs1 | rm;
        break;
    case RVF_FMV_XF:
    case RVF_FMV_FX:  w |= rd | rs1; break;
    default:          return false;
    }
    *word = w;
    return true;
}

bool rv_encode_rev(const RvInsn *in, RvRev rev, uint32_t *word)
{
    if (in->op >= RV_PIE_FIRST)
        return rv_pie_encode(in, rev, word);
    return rv_encode(in, word);
}
