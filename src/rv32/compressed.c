/*
 * compressed.c - the 16-bit RVC forms (RV32C with F): decoding, encoding,
 * and expansion to the 32-bit instruction each stands for.
 *
 * Immediates of the compressed formats are scattered over the instruction;
 * each format's layout is a table of segments (RISC-V Unprivileged spec,
 * chapter "C" Standard Extension, the instruction-format figures), and one
 * gather and one scatter routine serve them all.
 */
#include <string.h>

#include "rv32/rv32.h"

typedef struct Seg {
    uint8_t hi, lo; /* immediate bits [hi:lo] ... */
    uint8_t at;     /* ... sit at instruction bits [at + hi - lo : at] */
} Seg;

typedef struct ImmLayout {
    const Seg *segs;
    uint8_t nsegs;
    uint8_t sign_bit; /* the immediate's top bit when signed, else 0 */
    uint8_t align;    /* low bits that must be zero */
} ImmLayout;

static const Seg seg_addi4spn[] = {{5, 4, 11}, {9, 6, 7}, {2, 2, 6}, {3, 3, 5}};
static const Seg seg_lw[] = {{5, 3, 10}, {2, 2, 6}, {6, 6, 5}};
static const Seg seg_ci[] = {{5, 5, 12}, {4, 0, 2}};
static const Seg seg_j[] = {{11, 11, 12}, {4, 4, 11}, {9, 8, 9}, {10, 10, 8}, {6, 6, 7}, {7, 7, 6}, {3, 1, 3}, {5, 5, 2}};
static const Seg seg_addi16sp[] = {{9, 9, 12}, {4, 4, 6}, {6, 6, 5}, {8, 7, 3}, {5, 5, 2}};
static const Seg seg_lui[] = {{17, 17, 12}, {16, 12, 2}};
static const Seg seg_b[] = {{8, 8, 12}, {4, 3, 10}, {7, 6, 5}, {2, 1, 3}, {5, 5, 2}};
static const Seg seg_lwsp[] = {{5, 5, 12}, {4, 2, 4}, {7, 6, 2}};
static const Seg seg_swsp[] = {{5, 2, 9}, {7, 6, 7}};

#define LAYOUT(segs, sign, align) {segs, sizeof segs / sizeof segs[0], sign, align}
static const ImmLayout L_ADDI4SPN = LAYOUT(seg_addi4spn, 0, 2);
static const ImmLayout L_LW = LAYOUT(seg_lw, 0, 2);
static const ImmLayout L_CI = LAYOUT(seg_ci, 5, 0);
static const ImmLayout L_SHAMT = LAYOUT(seg_ci, 0, 0);
static const ImmLayout L_J = LAYOUT(seg_j, 11, 1);
static const ImmLayout L_ADDI16SP = LAYOUT(seg_addi16sp, 9, 4);
static const ImmLayout L_LUI = LAYOUT(seg_lui, 17, 12);
static const ImmLayout L_B = LAYOUT(seg_b, 8, 1);
static const ImmLayout L_LWSP = LAYOUT(seg_lwsp, 0, 2);
static const ImmLayout L_SWSP = LAYOUT(seg_swsp, 0, 2);

static const ImmLayout *layout_of(int format)
{
    switch (format) {
    case RVF_C_ADDI4SPN: return &L_ADDI4SPN;
    case RVF_C_LW:
    case RVF_C_FLW:
    case RVF_C_SW:
    case RVF_C_FSW:      return &L_LW;
    case RVF_C_ADDI:
    case RVF_C_ANDI:     return &L_CI;
    case RVF_C_SHIFTR:
    case RVF_C_SLLI:     return &L_SHAMT;
    case RVF_C_J:        return &L_J;
    case RVF_C_ADDI16SP: return &L_ADDI16SP;
    case RVF_C_LUI:      return &L_LUI;
    case RVF_C_BRANCH:   return &L_B;
    case RVF_C_LWSP:
    case RVF_C_FLWSP:    return &L_LWSP;
    case RVF_C_SWSP:
    case RVF_C_FSWSP:    return &L_SWSP;
    default:             return NULL;
    }
}

static uint32_t top_bit(const ImmLayout *l)
{
    uint32_t top = 0;
    for (unsigned i = 0; i < l->nsegs; i++)
        if (l->segs[i].hi > top)
            top = l->segs[i].hi;
    return top;
}

static int32_t gather(const ImmLayout *l, uint32_t w)
{
    uint32_t v = 0;
    for (unsigned i = 0; i < l->nsegs; i++) {
        const Seg *s = &l->segs[i];
        uint32_t width = (uint32_t)(s->hi - s->lo + 1);
        v |= ((w >> s->at) & ((1u << width) - 1)) << s->lo;
    }
    if (l->sign_bit)
        return (int32_t)(v << (31 - l->sign_bit)) >> (31 - l->sign_bit);
    return (int32_t)v;
}

/* Scatters imm into instruction bits; false when it does not fit the layout. */
static bool scatter(const ImmLayout *l, int32_t imm, uint32_t *w)
{
    uint32_t top = top_bit(l);
    if (l->sign_bit) {
        if (imm < -(1 << top) || imm >= (1 << top))
            return false;
    } else if (imm < 0 || imm >= (1 << (top + 1))) {
        return false;
    }
    if ((uint32_t)imm & ((1u << l->align) - 1))
        return false;
    for (unsigned i = 0; i < l->nsegs; i++) {
        const Seg *s = &l->segs[i];
        uint32_t width = (uint32_t)(s->hi - s->lo + 1);
        *w |= (((uint32_t)imm >> s->lo) & ((1u << width) - 1)) << s->at;
    }
    return true;
}

static uint8_t prime(uint32_t field) { return (uint8_t)(8 + (field & 7)); } /* x8-x15 */
static bool is_prime(uint8_t r) { return r >= 8 && r <= 15; }

/* Reserved and hint encodings this layer does not accept. */
static bool reserved(const RvInsn *d)
{
    switch (d->op) {
    case RV_C_ADDI4SPN: return d->imm == 0;
    case RV_C_ADDI16SP: return d->imm == 0;
    case RV_C_LUI:      return d->imm == 0 || d->rd == 0 || d->rd == 2;
    case RV_C_LWSP:     return d->rd == 0;
    case RV_C_JR:
    case RV_C_JALR:     return d->rs1 == 0;
    case RV_C_SRLI:
    case RV_C_SRAI:
    case RV_C_SLLI:     return d->imm == 0 || d->imm > 31 || d->rd == 0; /* shamt[5] is reserved on RV32 */
    case RV_C_ADDI:     return (d->rd == 0) != (d->imm == 0); /* hints; c.addi zero,0 is c.nop */
    case RV_C_LI:
    case RV_C_MV:
    case RV_C_ADD:      return d->rd == 0;                    /* hints */
    default:            return false;
    }
}

int rv_decode_c(uint16_t h, RvInsn *out)
{
    int op = RV_FIRST_C;
    while (op < RV__COUNT && (h & rv_info[op].mask) != rv_info[op].match)
        op++;
    /* c.addi16sp and c.jr/c.jalr/c.ebreak are narrower cases that come first */
    if (op == RV__COUNT)
        return 0;
    RvInsn d;
    memset(&d, 0, sizeof d); /* padding too: callers compare with memcmp */
    d.op = (uint16_t)op;
    d.len = 2;
    uint8_t full_rd = (h >> 7) & 0x1f, full_rs2 = (h >> 2) & 0x1f;
    uint8_t rd_p = prime(h >> 2), rs1_p = prime(h >> 7);
    int fmt = rv_info[op].format;
    const ImmLayout *l = layout_of(fmt);
    if (l)
        d.imm = gather(l, h);
    switch (fmt) {
    case RVF_C_ADDI4SPN: d.rd = rd_p, d.rs1 = 2; break;
    case RVF_C_LW:
    case RVF_C_FLW:      d.rd = rd_p, d.rs1 = rs1_p; break;
    case RVF_C_SW:
    case RVF_C_FSW:      d.rs2 = rd_p, d.rs1 = rs1_p; break;
    case RVF_C_ADDI:
    case RVF_C_SLLI:     d.rd = full_rd, d.rs1 = op == RV_C_LI ? 0 : full_rd; break;
    case RVF_C_LUI:      d.rd = full_rd; break;
    case RVF_C_J:        d.rd = op == RV_C_JAL ? 1 : 0; break;
    case RVF_C_ADDI16SP: d.rd = d.rs1 = 2; break;
    case RVF_C_SHIFTR:   d.rd = d.rs1 = rs1_p; break; /* shamt[5] set: reserved, refused below */
    case RVF_C_ANDI:     d.rd = d.rs1 = rs1_p; break;
    case RVF_C_ALU:      d.rd = d.rs1 = rs1_p, d.rs2 = rd_p; break;
    case RVF_C_BRANCH:   d.rs1 = rs1_p; break;
    case RVF_C_LWSP:
    case RVF_C_FLWSP:    d.rd = full_rd, d.rs1 = 2; break;
    case RVF_C_JR:       d.rs1 = full_rd, d.rd = op == RV_C_JALR ? 1 : 0; break;
    case RVF_C_MV:       d.rd = full_rd, d.rs2 = full_rs2, d.rs1 = op == RV_C_ADD ? full_rd : 0; break;
    case RVF_C_SWSP:
    case RVF_C_FSWSP:    d.rs2 = full_rs2, d.rs1 = 2; break;
    case RVF_C_NONE:     break;
    default:             return 0;
    }
    if (reserved(&d))
        return 0;
    *out = d;
    return 2;
}

bool rv_encode_c(const RvInsn *in, uint32_t *word)
{
    const RvInfo *info = &rv_info[in->op];
    int fmt = info->format;
    uint32_t w = info->match;
    if (reserved(in))
        return false;
    /* the register fields each format has, and the constraints on them */
    switch (fmt) {
    case RVF_C_ADDI4SPN:
        if (!is_prime(in->rd) || in->rs1 != 2)
            return false;
        w |= (uint32_t)(in->rd & 7) << 2;
        break;
    case RVF_C_LW:
    case RVF_C_FLW:
        if (!is_prime(in->rd) || !is_prime(in->rs1))
            return false;
        w |= (uint32_t)(in->rd & 7) << 2 | (uint32_t)(in->rs1 & 7) << 7;
        break;
    case RVF_C_SW:
    case RVF_C_FSW:
        if (!is_prime(in->rs2) || !is_prime(in->rs1))
            return false;
        w |= (uint32_t)(in->rs2 & 7) << 2 | (uint32_t)(in->rs1 & 7) << 7;
        break;
    case RVF_C_ADDI:
    case RVF_C_SLLI:
        if (in->rd > 31 || (in->op != RV_C_LI && in->rs1 != in->rd))
            return false;
        w |= (uint32_t)in->rd << 7;
        break;
    case RVF_C_LUI:
        if (in->rd > 31)
            return false;
        w |= (uint32_t)in->rd << 7;
        break;
    case RVF_C_J:
        break;
    case RVF_C_ADDI16SP:
        if (in->rd != 2 || in->rs1 != 2)
            return false;
        break;
    case RVF_C_SHIFTR:
    case RVF_C_ANDI:
        if (!is_prime(in->rd) || in->rs1 != in->rd)
            return false;
        w |= (uint32_t)(in->rd & 7) << 7;
        break;
    case RVF_C_ALU:
        if (!is_prime(in->rd) || in->rs1 != in->rd || !is_prime(in->rs2))
            return false;
        w |= (uint32_t)(in->rd & 7) << 7 | (uint32_t)(in->rs2 & 7) << 2;
        break;
    case RVF_C_BRANCH:
        if (!is_prime(in->rs1))
            return false;
        w |= (uint32_t)(in->rs1 & 7) << 7;
        break;
    case RVF_C_LWSP:
    case RVF_C_FLWSP:
        if (in->rd > 31 || in->rs1 != 2)
            return false;
        w |= (uint32_t)in->rd << 7;
        break;
    case RVF_C_JR:
        if (in->rs1 > 31)
            return false;
        w |= (uint32_t)in->rs1 << 7;
        break;
    case RVF_C_MV:
        if (in->rd > 31 || in->rs2 == 0 || in->rs2 > 31)
            return false;
        w |= (uint32_t)in->rd << 7 | (uint32_t)in->rs2 << 2;
        break;
    case RVF_C_SWSP:
    case RVF_C_FSWSP:
        if (in->rs2 > 31 || in->rs1 != 2)
            return false;
        w |= (uint32_t)in->rs2 << 2;
        break;
    case RVF_C_NONE:
        break;
    default:
        return false;
    }
    const ImmLayout *l = layout_of(fmt);
    if (l && !scatter(l, in->imm, &w))
        return false;
    *word = w;
    return true;
}

RvInsn rv_expand(const RvInsn *in)
{
    if (in->op < RV_FIRST_C)
        return *in;
    RvInsn x;
    memset(&x, 0, sizeof x);
    x.len = 2; /* the length of what was fetched: the pc advances by 2 */
    x.rd = in->rd;
    x.rs1 = in->rs1;
    x.rs2 = in->rs2;
    x.imm = in->imm;
    switch (in->op) {
    case RV_C_ADDI4SPN:
    case RV_C_ADDI:
    case RV_C_ADDI16SP: x.op = RV_ADDI; break;
    case RV_C_LI:       x.op = RV_ADDI, x.rs1 = 0; break;
    case RV_C_LW:
    case RV_C_LWSP:     x.op = RV_LW; break;
    case RV_C_FLW:
    case RV_C_FLWSP:    x.op = RV_FLW; break;
    case RV_C_SW:
    case RV_C_SWSP:     x.op = RV_SW; break;
    case RV_C_FSW:
    case RV_C_FSWSP:    x.op = RV_FSW; break;
    case RV_C_JAL:
    case RV_C_J:        x.op = RV_JAL; break;
    case RV_C_LUI:      x.op = RV_LUI, x.imm = (int32_t)(((uint32_t)in->imm >> 12) & 0xfffff); break;
    case RV_C_SRLI:     x.op = RV_SRLI; break;
    case RV_C_SRAI:     x.op = RV_SRAI; break;
    case RV_C_SLLI:     x.op = RV_SLLI; break;
    case RV_C_ANDI:     x.op = RV_ANDI; break;
    case RV_C_SUB:      x.op = RV_SUB; break;
    case RV_C_XOR:      x.op = RV_XOR; break;
    case RV_C_OR:       x.op = RV_OR; break;
    case RV_C_AND:      x.op = RV_AND; break;
    case RV_C_BEQZ:     x.op = RV_BEQ, x.rs2 = 0; break;
    case RV_C_BNEZ:     x.op = RV_BNE, x.rs2 = 0; break;
    case RV_C_JR:
    case RV_C_JALR:     x.op = RV_JALR, x.imm = 0; break;
    case RV_C_MV:       x.op = RV_ADD, x.rs1 = 0; break;
    case RV_C_ADD:      x.op = RV_ADD; break;
    case RV_C_EBREAK:   x.op = RV_EBREAK; break;
    default:            x.op = RV_INVALID; break;
    }
    return x;
}
