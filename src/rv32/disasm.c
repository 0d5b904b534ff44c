/*
 * disasm.c - instructions to text in GNU objdump's -M no-aliases syntax:
 * ABI register names, branch and jump targets as absolute hex addresses,
 * shift amounts and upper immediates in hex, a rounding mode only when it is
 * not "dyn", known CSRs by name.
 */
#include <stdio.h>
#include <string.h>

#include "rv32/rv32.h"

typedef struct CsrName {
    uint16_t csr;
    const char *name;
} CsrName;

/* CSR numbers from the RISC-V Privileged specification (table 2.2-2.5) and
 * the F extension; the names objdump prints for them. */
static const CsrName csr_names[] = {
    {0x001, "fflags"},   {0x002, "frm"},       {0x003, "fcsr"},
    {0xc00, "cycle"},    {0xc01, "time"},      {0xc02, "instret"},
    {0xc80, "cycleh"},   {0xc81, "timeh"},     {0xc82, "instreth"},
    {0x300, "mstatus"},  {0x301, "misa"},      {0x304, "mie"},       {0x305, "mtvec"},
    {0x306, "mcounteren"}, {0x310, "mstatush"}, {0x340, "mscratch"}, {0x341, "mepc"},
    {0x342, "mcause"},   {0x343, "mtval"},     {0x344, "mip"},
    {0xb00, "mcycle"},   {0xb02, "minstret"},  {0xb80, "mcycleh"},   {0xb82, "minstreth"},
    {0xf11, "mvendorid"}, {0xf12, "marchid"},  {0xf13, "mimpid"},    {0xf14, "mhartid"},
};

static const char *rm_names[8] = {"rne", "rtz", "rdn", "rup", "rmm", NULL, NULL, NULL};

void rv_csr_name(uint16_t csr, char *buf, size_t n)
{
    for (size_t i = 0; i < sizeof csr_names / sizeof csr_names[0]; i++) {
        if (csr_names[i].csr == csr) {
            snprintf(buf, n, "%s", csr_names[i].name);
            return;
        }
    }
    /* the numbered counters */
    if (csr >= 0xc03 && csr <= 0xc1f)
        snprintf(buf, n, "hpmcounter%u", csr - 0xc00);
    else if (csr >= 0xc83 && csr <= 0xc9f)
        snprintf(buf, n, "hpmcounter%uh", csr - 0xc80);
    else if (csr >= 0xb03 && csr <= 0xb1f)
        snprintf(buf, n, "mhpmcounter%u", csr - 0xb00);
    else if (csr >= 0xb83 && csr <= 0xb9f)
        snprintf(buf, n, "mhpmcounter%uh", csr - 0xb80);
    else if (csr >= 0x323 && csr <= 0x33f)
        snprintf(buf, n, "mhpmevent%u", csr - 0x320);
    else
        snprintf(buf, n, "0x%x", csr);
}

static void fence_set(unsigned bits, char *out)
{
    const char *names = "iorw";
    int k = 0;
    for (int i = 0; i < 4; i++)
        if (bits & (8 >> i))
            out[k++] = names[i];
    if (k == 0)
        out[k++] = '0';
    out[k] = '\0';
}

/* Formats a decoded 32-bit instruction at pc. */
static void format_insn(const RvInsn *d, uint32_t pc, char *buf, size_t n)
{
    const RvInfo *info = &rv_info[d->op];
    const char *const *x = rv_xreg_names, *const *f = rv_freg_names;
    char rm[8] = "";
    if (d->rm != RV_RM_DYN && rm_names[d->rm])
        snprintf(rm, sizeof rm, ",%s", rm_names[d->rm]);
    char csr[24];
    switch (info->format) {
    case RVF_R:       snprintf(buf, n, "%s\t%s,%s,%s", info->name, x[d->rd], x[d->rs1], x[d->rs2]); break;
    case RVF_I:       snprintf(buf, n, "%s\t%s,%s,%ld", info->name, x[d->rd], x[d->rs1], (long)d->imm); break;
    case RVF_SHIFT:   snprintf(buf, n, "%s\t%s,%s,0x%lx", info->name, x[d->rd], x[d->rs1], (unsigned long)d->imm); break;
    case RVF_LOAD:
    case RVF_JALR:    snprintf(buf, n, "%s\t%s,%ld(%s)", info->name, x[d->rd], (long)d->imm, x[d->rs1]); break;
    case RVF_STORE:   snprintf(buf, n, "%s\t%s,%ld(%s)", info->name, x[d->rs2], (long)d->imm, x[d->rs1]); break;
    case RVF_BRANCH:
        snprintf(buf, n, "%s\t%s,%s,0x%lx", info->name, x[d->rs1], x[d->rs2], (unsigned long)(pc + (uint32_t)d->imm));
        break;
    case RVF_U:       snprintf(buf, n, "%s\t%s,0x%lx", info->name, x[d->rd], (unsigned long)d->imm); break;
    case RVF_JAL:
        snprintf(buf, n, "%s\t%s,0x%lx", info->name, x[d->rd], (unsigned long)(pc + (uint32_t)d->imm));
        break;
    case RVF_FENCE: {
        char pred[6], succ[6];
        fence_set((unsigned)d->imm >> 4, pred);
        fence_set((unsigned)d->imm & 15, succ);
        snprintf(buf, n, "%s\t%s,%s", info->name, pred, succ);
        break;
    }
    case RVF_NONE:    snprintf(buf, n, "%s", info->name); break;
    case RVF_CSR:
        rv_csr_name(d->csr, csr, sizeof csr);
        snprintf(buf, n, "%s\t%s,%s,%s", info->name, x[d->rd], csr, x[d->rs1]);
        break;
    case RVF_CSRI:
        rv_csr_name(d->csr, csr, sizeof csr);
        snprintf(buf, n, "%s\t%s,%s,%u", info->name, x[d->rd], csr, d->rs1);
        break;
    case RVF_AMO:
    case RVF_LR: {
        const char *order = d->aq && d->rl ? ".aqrl" : d->aq ? ".aq" : d->rl ? ".rl" : "";
        if (info->format == RVF_LR)
            snprintf(buf, n, "%s%s\t%s,(%s)", info->name, order, x[d->rd], x[d->rs1]);
        else
            snprintf(buf, n, "%s%s\t%s,%s,(%s)", info->name, order, x[d->rd], x[d->rs2], x[d->rs1]);
        break;
    }
    case RVF_FLOAD:   snprintf(buf, n, "%s\t%s,%ld(%s)", info->name, f[d->rd], (long)d->imm, x[d->rs1]); break;
    case RVF_FSTORE:  snprintf(buf, n, "%s\t%s,%ld(%s)", info->name, f[d->rs2], (long)d->imm, x[d->rs1]); break;
    case RVF_FR:      snprintf(buf, n, "%s\t%s,%s,%s%s", info->name, f[d->rd], f[d->rs1], f[d->rs2], rm); break;
    case RVF_FR_NORM: snprintf(buf, n, "%s\t%s,%s,%s", info->name, f[d->rd], f[d->rs1], f[d->rs2]); break;
    case RVF_FCMP:    snprintf(buf, n, "%s\t%s,%s,%s", info->name, x[d->rd], f[d->rs1], f[d->rs2]); break;
    case RVF_FR4:
        snprintf(buf, n, "%s\t%s,%s,%s,%s%s", info->name, f[d->rd], f[d->rs1], f[d->rs2], f[d->rs3], rm);
        break;
    case RVF_FR1:     snprintf(buf, n, "%s\t%s,%s%s", info->name, f[d->rd], f[d->rs1], rm); break;
    case RVF_FCVT_XF: snprintf(buf, n, "%s\t%s,%s%s", info->name, x[d->rd], f[d->rs1], rm); break;
    case RVF_FCVT_FX: snprintf(buf, n, "%s\t%s,%s%s", info->name, f[d->rd], x[d->rs1], rm); break;
    case RVF_FMV_XF:  snprintf(buf, n, "%s\t%s,%s", info->name, x[d->rd], f[d->rs1]); break;
    case RVF_FMV_FX:  snprintf(buf, n, "%s\t%s,%s", info->name, f[d->rd], x[d->rs1]); break;
    /* compressed */
    case RVF_C_ADDI4SPN: snprintf(buf, n, "%s\t%s,sp,%ld", info->name, x[d->rd], (long)d->imm); break;
    case RVF_C_LW:
    case RVF_C_LWSP:  snprintf(buf, n, "%s\t%s,%ld(%s)", info->name, x[d->rd], (long)d->imm, x[d->rs1]); break;
    case RVF_C_FLW:
    case RVF_C_FLWSP: snprintf(buf, n, "%s\t%s,%ld(%s)", info->name, f[d->rd], (long)d->imm, x[d->rs1]); break;
    case RVF_C_SW:
    case RVF_C_SWSP:  snprintf(buf, n, "%s\t%s,%ld(%s)", info->name, x[d->rs2], (long)d->imm, x[d->rs1]); break;
    case RVF_C_FSW:
    case RVF_C_FSWSP: snprintf(buf, n, "%s\t%s,%ld(%s)", info->name, f[d->rs2], (long)d->imm, x[d->rs1]); break;
    case RVF_C_ADDI:
    case RVF_C_ANDI:  snprintf(buf, n, "%s\t%s,%ld", info->name, x[d->rd], (long)d->imm); break;
    case RVF_C_ADDI16SP: snprintf(buf, n, "%s\tsp,%ld", info->name, (long)d->imm); break;
    case RVF_C_LUI:
        snprintf(buf, n, "%s\t%s,0x%lx", info->name, x[d->rd], (unsigned long)(((uint32_t)d->imm >> 12) & 0xfffff));
        break;
    case RVF_C_SHIFTR:
    case RVF_C_SLLI:  snprintf(buf, n, "%s\t%s,0x%lx", info->name, x[d->rd], (unsigned long)d->imm); break;
    case RVF_C_ALU:   snprintf(buf, n, "%s\t%s,%s", info->name, x[d->rd], x[d->rs2]); break;
    case RVF_C_J:     snprintf(buf, n, "%s\t0x%lx", info->name, (unsigned long)(pc + (uint32_t)d->imm)); break;
    case RVF_C_BRANCH:
        snprintf(buf, n, "%s\t%s,0x%lx", info->name, x[d->rs1], (unsigned long)(pc + (uint32_t)d->imm));
        break;
    case RVF_C_JR:    snprintf(buf, n, "%s\t%s", info->name, x[d->rs1]); break;
    case RVF_C_MV:    snprintf(buf, n, "%s\t%s,%s", info->name, x[d->rd], x[d->rs2]); break;
    case RVF_C_NONE:  snprintf(buf, n, "%s", info->name); break;
    default:          snprintf(buf, n, "?"); break;
    }
}

int rv_disasm(const uint8_t *bytes, size_t avail, uint32_t pc, char *buf, size_t buflen)
{
    return rv_disasm_rev(bytes, avail, pc, RV_REV_NONE, 0, buf, buflen);
}

/* Prints a decoded instruction in the style asked for. */
static void print_insn(const RvInsn *d, uint32_t pc, RvRev rev, unsigned flags, char *buf, size_t n)
{
    bool aliases = flags & RV_DIS_ALIASES;
    if (d->op >= RV_PIE_FIRST) {
        rv_pie_format(d, rev, aliases, buf, n);
        return;
    }
    if (!aliases) {
        format_insn(d, pc, buf, n);
        return;
    }
    /* objdump shows a compressed instruction as the one it stands for,
     * except c.mv, whose expansion (add rd,zero,rs) it calls mv */
    if (d->op == RV_C_MV) {
        snprintf(buf, n, "mv\t%s,%s", rv_xreg_names[d->rd], rv_xreg_names[d->rs2]);
        return;
    }
    RvInsn x = rv_expand(d);
    if (!rv_alias_text(&x, pc, buf, n))
        format_insn(&x, pc, buf, n);
}

int rv_disasm_rev(const uint8_t *bytes, size_t avail, uint32_t pc, RvRev rev, unsigned flags, char *buf,
                  size_t buflen)
{
    if (avail < 2) {
        snprintf(buf, buflen, ".byte\t0x%02x", avail ? bytes[0] : 0);
        return avail ? 1 : 0;
    }
    uint16_t half = (uint16_t)(bytes[0] | bytes[1] << 8);
    if ((half & 3) != 3) {
        RvInsn c;
        if (rv_decode_c(half, &c) == 2)
            print_insn(&c, pc, rev, flags, buf, buflen);
        else
            snprintf(buf, buflen, ".2byte\t0x%x", half);
        return 2;
    }
    RvInsn d;
    uint32_t w = 0;
    if (avail >= 4)
        w = (uint32_t)bytes[0] | (uint32_t)bytes[1] << 8 | (uint32_t)bytes[2] << 16 | (uint32_t)bytes[3] << 24;
    /* PIE uses opcodes that the standard reserves for 48-bit and longer
     * instructions (low bits 11111): try those as PIE first */
    if (avail >= 4 && rev != RV_REV_NONE && rv_pie_decode(w, rev, &d) == 4) {
        print_insn(&d, pc, rev, flags, buf, buflen);
        return 4;
    }
    if ((half & 0x1f) == 0x1f || avail < 4) { /* longer encodings do not exist here */
        snprintf(buf, buflen, ".2byte\t0x%x", half);
        return 2;
    }
    if (rv_decode(w, &d) == 0) {
        snprintf(buf, buflen, ".4byte\t0x%lx", (unsigned long)w);
        return 4;
    }
    print_insn(&d, pc, rev, flags, buf, buflen);
    return 4;
}
