/*
 * pie.c - the ESP32-P4 PIE and hardware-loop instructions: their table (the
 * rows are in pie.h), and one encoder, decoder and printer driven by it.
 *
 * Every operand is a "kind": the RvInsn field it lives in and the segments
 * of the instruction word that hold it (the field macros of Espressif's
 * binutils, riscv_xespv2p1.h / riscv_xespv2p2.h, as quoted in
 * /work/shared/reference/esp32p4-pie.md). An encoding is match | the
 * scattered operands; decoding gathers them back. Because every bit of a
 * word is either fixed by the mask or belongs to exactly one operand (the
 * rv32/pie test checks this for every row), every word that matches decodes
 * and re-encodes to itself.
 */
#include <stdio.h>
#include <string.h>

#include "rv32/rv32.h"

typedef struct Seg {
    uint8_t hi, lo; /* operand bits [hi:lo] ... */
    uint8_t at;     /* ... sit at word bits [at + hi - lo : at] */
} Seg;

enum Print { P_Q, P_X, P_INT, P_SAT, P_RM };

typedef struct Kind {
    uint8_t field;  /* enum RvPieField */
    uint8_t print;  /* enum Print */
    uint8_t nsegs;
    Seg segs[3];
    bool is_signed;
    uint8_t shift;  /* the field holds the encoded value << shift (the step) */
    bool pie_gpr;   /* a 4-bit x register code: bit 3 of the number is implied 1 */
} Kind;

/* Operand kinds. Names follow the reference: q registers, the PIE general
 * registers (RS1, RS2, RD), V1_/V3_ immediates (binutils' Xeo letters; the
 * same letter has another layout in the other revision), selectors (Xes),
 * rev-3 saturation bits (SAT<nn> = binutils' ESP_SAT_<nn>) and rounding
 * modes (RM<nn>), and the hardware-loop fields. */
enum {
    NONE, QU, QV, QX, QY, QZ, QW, RS1, RS2, RD, XS1,
    V1_O841, V3_O842, V1_O840, V3_O840, V1_O440, V3_O440, V1_O830, V3_O832,
    V1_O800, V1_O810, V1_O820, V3_O800, V3_O810, V3_O820,
    S14, S41, S42, S20, S23,
    SAT03, SAT04, SAT05, SAT07, SAT08, SAT10, SAT11, SAT14, SAT15, SAT16,
    RM00, RM01, RM02, RM08, RM09, RM10,
    LPID, LPCNT, LPOFF12, LPOFF9,
    KIND_COUNT
};

#define SEGS1(a) 1, {a}
#define SEGS2(a, b) 2, {a, b}
#define SEGS3(a, b, c) 3, {a, b, c}
#define Q(field, at) {field, P_Q, SEGS1(((Seg){2, 0, at})), false, 0, false}
#define SAT(at) {RV_PF_SAT, P_SAT, SEGS1(((Seg){0, 0, at})), false, 0, false}
#define SIGNED_IMM(shift, segs) {RV_PF_IMM, P_INT, segs, true, shift, false}

static const Kind kinds[KIND_COUNT] = {
    [QU] = Q(RV_PF_QU, 10),
    [QV] = Q(RV_PF_QV, 20),
    [QX] = Q(RV_PF_QX, 29),
    [QY] = Q(RV_PF_QY, 26),
    [QZ] = Q(RV_PF_QZ, 7),
    /* the source of a lane reduction (esp.max.*.a): bit 2 at 19, bits 1:0 at 24 */
    [QW] = {RV_PF_QY, P_Q, SEGS2(((Seg){2, 2, 19}), ((Seg){1, 0, 24})), false, 0, false},
    /* "3rd bit of rd/rs1/rs2 absent in PIE instructions and assumed to be
     * '1'" (BU1 print_insn_args_xespv2p1.c): x8-x15 and x24-x31 only */
    [RS1] = {RV_PF_RS1, P_X, SEGS2(((Seg){2, 0, 15}), ((Seg){3, 3, 18})), false, 0, true},
    [RS2] = {RV_PF_RS2, P_X, SEGS2(((Seg){2, 0, 20}), ((Seg){3, 3, 23})), false, 0, true},
    [RD] = {RV_PF_RD, P_X, SEGS2(((Seg){2, 0, 7}), ((Seg){3, 3, 10})), false, 0, true},
    [XS1] = {RV_PF_RS1, P_X, SEGS1(((Seg){4, 0, 15})), false, 0, false}, /* any x register */
    /* immediates: bytes, a multiple of the step (1 << shift) */
    [V1_O841] = SIGNED_IMM(4, SEGS3(((Seg){0, 0, 9}), ((Seg){4, 1, 20}), ((Seg){7, 5, 28}))),
    [V3_O842] = SIGNED_IMM(4, SEGS2(((Seg){2, 0, 7}), ((Seg){7, 3, 26}))),
    [V1_O840] = SIGNED_IMM(4, SEGS2(((Seg){3, 0, 9}), ((Seg){7, 4, 20}))),
    [V3_O840] = SIGNED_IMM(4, SEGS3(((Seg){3, 0, 9}), ((Seg){6, 4, 21}), ((Seg){7, 7, 26}))),
    [V1_O830] = SIGNED_IMM(3, SEGS3(((Seg){0, 0, 9}), ((Seg){4, 1, 20}), ((Seg){7, 5, 27}))),
    [V3_O832] = SIGNED_IMM(3, SEGS3(((Seg){2, 0, 7}), ((Seg){3, 3, 23}), ((Seg){7, 4, 26}))),
    [V1_O440] = SIGNED_IMM(4, SEGS2(((Seg){0, 0, 9}), ((Seg){3, 1, 19}))),
    [V3_O440] = SIGNED_IMM(4, SEGS2(((Seg){1, 0, 8}), ((Seg){3, 2, 19}))),
    [V1_O800] = SIGNED_IMM(0, SEGS3(((Seg){0, 0, 9}), ((Seg){4, 1, 20}), ((Seg){7, 5, 28}))),
    [V1_O810] = SIGNED_IMM(1, SEGS3(((Seg){0, 0, 9}), ((Seg){4, 1, 20}), ((Seg){7, 5, 28}))),
    [V1_O820] = SIGNED_IMM(2, SEGS3(((Seg){0, 0, 9}), ((Seg){4, 1, 20}), ((Seg){7, 5, 29}))),
    [V3_O800] = SIGNED_IMM(0, SEGS2(((Seg){1, 0, 8}), ((Seg){7, 2, 26}))),
    [V3_O810] = SIGNED_IMM(1, SEGS2(((Seg){1, 0, 8}), ((Seg){7, 2, 26}))),
    [V3_O820] = SIGNED_IMM(2, SEGS2(((Seg){1, 0, 8}), ((Seg){7, 2, 26}))),
    /* selectors */
    [S14] = {RV_PF_SEL, P_INT, SEGS1(((Seg){0, 0, 29})), false, 0, false},
    [S41] = {RV_PF_SEL, P_INT, SEGS1(((Seg){3, 0, 15})), false, 0, false},
    [S42] = {RV_PF_SEL, P_INT, SEGS1(((Seg){3, 0, 19})), false, 0, false},
    [S20] = {RV_PF_SEL, P_INT, SEGS1(((Seg){1, 0, 9})), false, 0, false},
    [S23] = {RV_PF_SEL, P_INT, SEGS2(((Seg){0, 0, 18}), ((Seg){1, 1, 22})), false, 0, false},
    /* rev 3: saturation (0 trunc, 1 sat) and rounding mode */
    [SAT03] = SAT(15), [SAT04] = SAT(16), [SAT05] = SAT(17), [SAT07] = SAT(20), [SAT08] = SAT(21),
    [SAT10] = SAT(23), [SAT11] = SAT(24), [SAT14] = SAT(27), [SAT15] = SAT(29), [SAT16] = SAT(8),
    [RM00] = {RV_PF_RM, P_RM, SEGS1(((Seg){2, 0, 10})), false, 0, false},
    [RM01] = {RV_PF_RM, P_RM, SEGS2(((Seg){1, 0, 11}), ((Seg){2, 2, 15})), false, 0, false},
    [RM02] = {RV_PF_RM, P_RM, SEGS1(((Seg){2, 0, 16})), false, 0, false},
    [RM08] = {RV_PF_RM, P_RM, SEGS2(((Seg){1, 0, 21}), ((Seg){2, 2, 24})), false, 0, false},
    [RM09] = {RV_PF_RM, P_RM, SEGS2(((Seg){1, 0, 21}), ((Seg){2, 2, 26})), false, 0, false},
    [RM10] = {RV_PF_RM, P_RM, SEGS1(((Seg){2, 0, 26})), false, 0, false},
    /* hardware loops: id, count, and the byte offset from this instruction */
    [LPID] = {RV_PF_SEL, P_INT, SEGS1(((Seg){0, 0, 7})), false, 0, false},
    [LPCNT] = {RV_PF_COUNT, P_INT, SEGS1(((Seg){11, 0, 20})), false, 0, false},
    [LPOFF12] = {RV_PF_IMM, P_INT, SEGS1(((Seg){11, 0, 20})), false, 1, false},
    [LPOFF9] = {RV_PF_IMM, P_INT, SEGS2(((Seg){4, 0, 15}), ((Seg){8, 5, 8})), false, 1, false},
};

typedef struct Enc {
    uint32_t match, mask;
    uint8_t ops[RV_PIE_MAX_OPERANDS]; /* kinds in assembler order, NONE-terminated */
} Enc;

typedef struct Def {
    const char *name;
    Enc enc[2]; /* [0] rev 1 (xespv2p1), [1] rev 3 (xespv2p2) */
} Def;

#define OPS(...) {__VA_ARGS__}
static const Def defs[RV_PIE_LAST - RV_PIE_FIRST + 1] = {
#define PIE_DEF(id, name, m1, k1, o1, m3, k3, o3) {name, {{m1, k1, OPS o1}, {m3, k3, OPS o3}}},
    RV_PIE_INSNS(PIE_DEF)
#undef PIE_DEF
};

static const Enc *enc_of(unsigned op, RvRev rev)
{
    if (op < RV_PIE_FIRST || op > RV_PIE_LAST || (rev != RV_REV_1 && rev != RV_REV_3))
        return NULL;
    return &defs[op - RV_PIE_FIRST].enc[rev == RV_REV_3];
}

const char *rv_pie_name(unsigned op)
{
    return op >= RV_PIE_FIRST && op <= RV_PIE_LAST ? defs[op - RV_PIE_FIRST].name : NULL;
}

static unsigned width(const Kind *k)
{
    unsigned n = 0;
    for (unsigned i = 0; i < k->nsegs; i++)
        n += k->segs[i].hi - k->segs[i].lo + 1u;
    return n;
}

static int32_t field_get(const RvInsn *in, unsigned field)
{
    switch (field) {
    case RV_PF_QU:    return in->qu;
    case RV_PF_QV:    return in->qv;
    case RV_PF_QX:    return in->qx;
    case RV_PF_QY:    return in->qy;
    case RV_PF_QZ:    return in->qz;
    case RV_PF_RD:    return in->rd;
    case RV_PF_RS1:   return in->rs1;
    case RV_PF_RS2:   return in->rs2;
    case RV_PF_IMM:   return in->imm;
    case RV_PF_SEL:   return in->sel;
    case RV_PF_SAT:   return in->sat;
    case RV_PF_RM:    return in->rm;
    case RV_PF_COUNT: return in->count;
    default:          return 0;
    }
}

static void field_set(RvInsn *in, unsigned field, int32_t v)
{
    switch (field) {
    case RV_PF_QU:    in->qu = (uint8_t)v; break;
    case RV_PF_QV:    in->qv = (uint8_t)v; break;
    case RV_PF_QX:    in->qx = (uint8_t)v; break;
    case RV_PF_QY:    in->qy = (uint8_t)v; break;
    case RV_PF_QZ:    in->qz = (uint8_t)v; break;
    case RV_PF_RD:    in->rd = (uint8_t)v; break;
    case RV_PF_RS1:   in->rs1 = (uint8_t)v; break;
    case RV_PF_RS2:   in->rs2 = (uint8_t)v; break;
    case RV_PF_IMM:   in->imm = v; break;
    case RV_PF_SEL:   in->sel = (uint8_t)v; break;
    case RV_PF_SAT:   in->sat = (uint8_t)v; break;
    case RV_PF_RM:    in->rm = (uint8_t)v; break;
    case RV_PF_COUNT: in->count = (uint16_t)v; break;
    default:          break;
    }
}

/* The range of a kind's field value, and its step. */
static RvPieOperand range_of(const Kind *k)
{
    RvPieOperand r = {k->field, 0, 0, 1 << k->shift};
    unsigned bits = width(k);
    if (k->pie_gpr) {
        r.min = 8, r.max = 31; /* and bit 3 set: checked apart */
    } else if (k->is_signed) {
        r.min = -(1 << (bits - 1)) * r.step;
        r.max = ((1 << (bits - 1)) - 1) * r.step;
    } else {
        r.max = ((1 << bits) - 1) * r.step;
    }
    return r;
}

int rv_pie_operands(unsigned op, RvRev rev, RvPieOperand out[RV_PIE_MAX_OPERANDS])
{
    const Enc *e = enc_of(op, rev);
    if (!e)
        return -1;
    int n = 0;
    while (n < RV_PIE_MAX_OPERANDS && e->ops[n] != NONE) {
        out[n] = range_of(&kinds[e->ops[n]]);
        n++;
    }
    return n;
}

bool rv_pie_encoding(unsigned op, RvRev rev, uint32_t *match, uint32_t *mask)
{
    const Enc *e = enc_of(op, rev);
    if (!e)
        return false;
    *match = e->match, *mask = e->mask;
    return true;
}

/* Checks one operand and returns its bits, or false when it does not fit. */
static bool scatter(const Kind *k, int32_t v, uint32_t *bits)
{
    RvPieOperand r = range_of(k);
    if (v < r.min || v > r.max || v % r.step != 0)
        return false;
    if (k->pie_gpr && !(v & 8))
        return false;
    uint32_t u = (uint32_t)(v / r.step); /* two's complement keeps the low bits of negatives */
    if (k->pie_gpr)
        u = (u & 7) | (u >> 4) << 3;
    uint32_t w = 0;
    for (unsigned i = 0; i < k->nsegs; i++) {
        const Seg *s = &k->segs[i];
        uint32_t part = (u >> s->lo) & ((1u << (s->hi - s->lo + 1)) - 1);
        w |= part << s->at;
    }
    *bits = w;
    return true;
}

static int32_t gather(const Kind *k, uint32_t w)
{
    uint32_t u = 0;
    for (unsigned i = 0; i < k->nsegs; i++) {
        const Seg *s = &k->segs[i];
        u |= ((w >> s->at) & ((1u << (s->hi - s->lo + 1)) - 1)) << s->lo;
    }
    if (k->pie_gpr)
        return (int32_t)((u & 7) | 8 | (u >> 3) << 4);
    unsigned bits = width(k);
    int32_t v = (int32_t)u;
    if (k->is_signed && (u >> (bits - 1)) & 1)
        v -= (int32_t)(1u << bits);
    return v * (1 << k->shift);
}

bool rv_pie_encode(const RvInsn *in, RvRev rev, uint32_t *word)
{
    const Enc *e = enc_of(in->op, rev);
    if (!e)
        return false;
    uint32_t w = e->match;
    for (int i = 0; i < RV_PIE_MAX_OPERANDS && e->ops[i] != NONE; i++) {
        const Kind *k = &kinds[e->ops[i]];
        uint32_t bits;
        if (!scatter(k, field_get(in, k->field), &bits))
            return false;
        w |= bits;
    }
    *word = w;
    return true;
}

int rv_pie_decode(uint32_t w, RvRev rev, RvInsn *out)
{
    if (rev != RV_REV_1 && rev != RV_REV_3)
        return 0;
    for (unsigned op = RV_PIE_FIRST; op <= RV_PIE_LAST; op++) {
        const Enc *e = enc_of(op, rev);
        if ((w & e->mask) != e->match)
            continue;
        RvInsn d;
        memset(&d, 0, sizeof d); /* padding too: callers compare with memcmp */
        d.op = (uint16_t)op;
        d.len = 4;
        for (int i = 0; i < RV_PIE_MAX_OPERANDS && e->ops[i] != NONE; i++) {
            const Kind *k = &kinds[e->ops[i]];
            field_set(&d, k->field, gather(k, w));
        }
        *out = d;
        return 4;
    }
    return 0;
}

/* Names from Espressif's binutils (opcodes/esp/riscv-opc.c: riscv_espv_rm,
 * riscv_espv_sat); index 7 / 1 are what the short mnemonics imply. */
static const char *const pie_rm_names[8] = {"rdn", "rup", "raz", "rtz", "rhaz", "rhtz", "rne", "dyn"};
static const char *const pie_sat_names[2] = {"trunc", "sat"};

bool rv_pie_format(const RvInsn *d, RvRev rev, bool aliases, char *buf, size_t n)
{
    const Enc *e = enc_of(d->op, rev);
    if (!e)
        return false;
    size_t at = (size_t)snprintf(buf, n, "%s", defs[d->op - RV_PIE_FIRST].name);
    for (int i = 0; i < RV_PIE_MAX_OPERANDS && e->ops[i] != NONE && at < n; i++) {
        const Kind *k = &kinds[e->ops[i]];
        int32_t v = field_get(d, k->field);
        /* GNU's short mnemonics are aliases for saturate and dynamic rounding */
        if (aliases && ((k->print == P_SAT && v == 1) || (k->print == P_RM && v == 7)))
            continue;
        const char *sep = i == 0 ? "\t" : ",";
        switch (k->print) {
        case P_Q:   at += (size_t)snprintf(buf + at, n - at, "%sq%d", sep, (int)v); break;
        case P_X:   at += (size_t)snprintf(buf + at, n - at, "%s%s", sep, rv_xreg_names[v & 31]); break;
        case P_SAT: at += (size_t)snprintf(buf + at, n - at, "%s%s", sep, pie_sat_names[v & 1]); break;
        case P_RM:  at += (size_t)snprintf(buf + at, n - at, "%s%s", sep, pie_rm_names[v & 7]); break;
        default:    at += (size_t)snprintf(buf + at, n - at, "%s%ld", sep, (long)v); break;
        }
    }
    return true;
}
