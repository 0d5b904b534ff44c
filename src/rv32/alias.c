/*
 * alias.c - the alias style of GNU objdump (its default, without
 * -M no-aliases): li, mv, nop, ret, j, beqz, csrr, fmv.s and the rest.
 *
 * objdump picks the first entry of its opcode table that matches a word,
 * and the alias entries come first; each rule below is one such entry
 * (binutils 2.40, opcodes/riscv-opc.c), in the order objdump tries them.
 * The rv32/binutils-vectors test compares the result with objdump on every
 * vector. Compressed instructions are printed as the 32-bit instruction
 * they stand for (c.mv as mv), which is how objdump shows them too.
 */
#include <stdio.h>

#include "rv32/rv32.h"

typedef struct CsrAlias {
    uint16_t csr;
    const char *read;  /* csrrs rd,csr,zero */
    const char *write; /* csrrw [rd,]csr,rs */
    const char *writei;/* csrrwi [rd,]csr,imm */
} CsrAlias;

/* The CSRs with names of their own (F: fcsr, frm, fflags; the counters). */
static const CsrAlias csr_aliases[] = {
    {0x003, "frcsr", "fscsr", NULL},      {0x002, "frrm", "fsrm", "fsrmi"},
    {0x001, "frflags", "fsflags", "fsflagsi"}, {0xc00, "rdcycle", NULL, NULL},
    {0xc01, "rdtime", NULL, NULL},        {0xc02, "rdinstret", NULL, NULL},
    {0xc80, "rdcycleh", NULL, NULL},      {0xc81, "rdtimeh", NULL, NULL},
    {0xc82, "rdinstreth", NULL, NULL},
};

static const CsrAlias *csr_alias(uint16_t csr)
{
    for (size_t i = 0; i < sizeof csr_aliases / sizeof csr_aliases[0]; i++)
        if (csr_aliases[i].csr == csr)
            return &csr_aliases[i];
    return NULL;
}

bool rv_alias_text(const RvInsn *d, uint32_t pc, char *buf, size_t n)
{
    const char *const *x = rv_xreg_names, *const *f = rv_freg_names;
    unsigned long target = (unsigned long)(pc + (uint32_t)d->imm);
    long imm = (long)d->imm;
    char csr[24];
    const CsrAlias *ca;
    switch (d->op) {
    case RV_ADDI:
        if (d->rd == 0 && d->rs1 == 0 && d->imm == 0)
            return snprintf(buf, n, "nop"), true;
        if (d->rs1 == 0)
            return snprintf(buf, n, "li\t%s,%ld", x[d->rd], imm), true;
        if (d->imm == 0)
            return snprintf(buf, n, "mv\t%s,%s", x[d->rd], x[d->rs1]), true;
        return snprintf(buf, n, "add\t%s,%s,%ld", x[d->rd], x[d->rs1], imm), true;
    case RV_XORI:
        if (d->imm == -1)
            return snprintf(buf, n, "not\t%s,%s", x[d->rd], x[d->rs1]), true;
        return snprintf(buf, n, "xor\t%s,%s,%ld", x[d->rd], x[d->rs1], imm), true;
    /* the register mnemonics also take an immediate ("add d,s,j" entries) */
    case RV_ANDI:
        if (d->imm == 255)
            return snprintf(buf, n, "zext.b\t%s,%s", x[d->rd], x[d->rs1]), true;
        return snprintf(buf, n, "and\t%s,%s,%ld", x[d->rd], x[d->rs1], imm), true;
    case RV_ORI:  return snprintf(buf, n, "or\t%s,%s,%ld", x[d->rd], x[d->rs1], imm), true;
    case RV_SLLI: return snprintf(buf, n, "sll\t%s,%s,0x%lx", x[d->rd], x[d->rs1], (unsigned long)imm), true;
    case RV_SRLI: return snprintf(buf, n, "srl\t%s,%s,0x%lx", x[d->rd], x[d->rs1], (unsigned long)imm), true;
    case RV_SRAI: return snprintf(buf, n, "sra\t%s,%s,0x%lx", x[d->rd], x[d->rs1], (unsigned long)imm), true;
    case RV_SUB:
        if (d->rs1 == 0)
            return snprintf(buf, n, "neg\t%s,%s", x[d->rd], x[d->rs2]), true;
        return false;
    case RV_SLTIU:
        if (d->imm == 1)
            return snprintf(buf, n, "seqz\t%s,%s", x[d->rd], x[d->rs1]), true;
        return false;
    case RV_SLTU:
        if (d->rs1 == 0)
            return snprintf(buf, n, "snez\t%s,%s", x[d->rd], x[d->rs2]), true;
        return false;
    case RV_SLT:
        if (d->rs2 == 0)
            return snprintf(buf, n, "sltz\t%s,%s", x[d->rd], x[d->rs1]), true;
        if (d->rs1 == 0)
            return snprintf(buf, n, "sgtz\t%s,%s", x[d->rd], x[d->rs2]), true;
        return false;
    case RV_BEQ:
        if (d->rs2 == 0)
            return snprintf(buf, n, "beqz\t%s,0x%lx", x[d->rs1], target), true;
        return false;
    case RV_BNE:
        if (d->rs2 == 0)
            return snprintf(buf, n, "bnez\t%s,0x%lx", x[d->rs1], target), true;
        return false;
    case RV_BGE:
        if (d->rs1 == 0)
            return snprintf(buf, n, "blez\t%s,0x%lx", x[d->rs2], target), true;
        if (d->rs2 == 0)
            return snprintf(buf, n, "bgez\t%s,0x%lx", x[d->rs1], target), true;
        return false;
    case RV_BLT:
        if (d->rs2 == 0)
            return snprintf(buf, n, "bltz\t%s,0x%lx", x[d->rs1], target), true;
        if (d->rs1 == 0)
            return snprintf(buf, n, "bgtz\t%s,0x%lx", x[d->rs2], target), true;
        return false;
    case RV_JAL:
        if (d->rd == 0)
            return snprintf(buf, n, "j\t0x%lx", target), true;
        if (d->rd == 1)
            return snprintf(buf, n, "jal\t0x%lx", target), true;
        return false;
    case RV_JALR:
        if (d->rd == 0 && d->rs1 == 1 && d->imm == 0)
            return snprintf(buf, n, "ret"), true;
        if (d->rd == 0 || d->rd == 1) {
            const char *name = d->rd == 0 ? "jr" : "jalr";
            if (d->imm == 0)
                return snprintf(buf, n, "%s\t%s", name, x[d->rs1]), true;
            return snprintf(buf, n, "%s\t%ld(%s)", name, imm, x[d->rs1]), true;
        }
        if (d->imm == 0)
            return snprintf(buf, n, "jalr\t%s,%s", x[d->rd], x[d->rs1]), true;
        return false;
    case RV_FENCE:
        if (d->imm == 0xff)
            return snprintf(buf, n, "fence"), true;
        return false;
    case RV_CSRRS:
    case RV_CSRRC:
    case RV_CSRRW:
        ca = csr_alias(d->csr);
        rv_csr_name(d->csr, csr, sizeof csr);
        if (d->op == RV_CSRRS && d->rs1 == 0) {
            if (ca && ca->read)
                return snprintf(buf, n, "%s\t%s", ca->read, x[d->rd]), true;
            return snprintf(buf, n, "csrr\t%s,%s", x[d->rd], csr), true;
        }
        if (d->op == RV_CSRRW && ca && ca->write) {
            if (d->rd == 0)
                return snprintf(buf, n, "%s\t%s", ca->write, x[d->rs1]), true;
            return snprintf(buf, n, "%s\t%s,%s", ca->write, x[d->rd], x[d->rs1]), true;
        }
        if (d->rd == 0) {
            const char *name = d->op == RV_CSRRW ? "csrw" : d->op == RV_CSRRS ? "csrs" : "csrc";
            return snprintf(buf, n, "%s\t%s,%s", name, csr, x[d->rs1]), true;
        }
        return false;
    case RV_CSRRWI:
    case RV_CSRRSI:
    case RV_CSRRCI:
        ca = csr_alias(d->csr);
        rv_csr_name(d->csr, csr, sizeof csr);
        if (d->op == RV_CSRRWI && ca && ca->writei) /* with rd even when it is zero */
            return snprintf(buf, n, "%s\t%s,%u", ca->writei, x[d->rd], d->rs1), true;
        /* the register forms' names, as for addi */
        if (d->rd == 0) {
            const char *name = d->op == RV_CSRRWI ? "csrw" : d->op == RV_CSRRSI ? "csrs" : "csrc";
            return snprintf(buf, n, "%s\t%s,%u", name, csr, d->rs1), true;
        }
        const char *name = d->op == RV_CSRRWI ? "csrrw" : d->op == RV_CSRRSI ? "csrrs" : "csrrc";
        return snprintf(buf, n, "%s\t%s,%s,%u", name, x[d->rd], csr, d->rs1), true;
    case RV_FSGNJ_S:
    case RV_FSGNJN_S:
    case RV_FSGNJX_S:
        if (d->rs1 == d->rs2) {
            const char *name = d->op == RV_FSGNJ_S ? "fmv.s" : d->op == RV_FSGNJN_S ? "fneg.s" : "fabs.s";
            return snprintf(buf, n, "%s\t%s,%s", name, f[d->rd], f[d->rs1]), true;
        }
        return false;
    default:
        return false;
    }
}
